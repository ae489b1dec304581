"""ORM tables for the service directory, named after Open Referral UK (ORUK v3).

Table and column names follow ORUK / HSDS 3 so council and health-board data can
be loaded and ours published. Local extensions are marked "extension" and kept to
what the bot needs: ``source`` (the URL each record was checked against),
``priority`` (curated order among national fallbacks), Welsh names and
descriptions, ages in months, and the ``directory_build`` stamp that lets query
caches notice a rebuild. ``bot.directory.oruk`` maps these rows to ORUK v3 JSON.

Typing (SQLAlchemy 1.4 mypy plugin): NOT NULL columns are annotated ``Mapped[T]``;
nullable ones are left bare, which the plugin reads as ``Mapped[T | None]`` (it
rejects an explicit ``Mapped[T | None]`` against ``Column(...)``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, declarative_base, relationship
from sqlalchemy.sql.schema import Column

Base = declarative_base()


def _fk(table: str) -> ForeignKey:
    # Children go with their parent, so a rebuild or a deleted service leaves no orphans.
    return ForeignKey(f"{table}.id", ondelete="CASCADE")


class Organization(Base):
    """ORUK ``organization``."""

    __tablename__ = "organization"
    id: Mapped[str] = Column(String(64), primary_key=True)
    name: Mapped[str] = Column(String(200), nullable=False)
    description: Mapped[str] = Column(Text, nullable=False, default="")
    email = Column(String(200))
    website = Column(String(500))
    source = Column(Text)  # extension: http(s) URL the record was checked against
    services: Mapped[list[Service]] = relationship("Service", back_populates="organization")


class Service(Base):
    """ORUK ``service``; ``assured_date`` is when the facts were last checked."""

    __tablename__ = "service"
    id: Mapped[str] = Column(String(64), primary_key=True)
    organization_id: Mapped[str] = Column(_fk("organization"), nullable=False, index=True)
    name: Mapped[str] = Column(String(200), nullable=False)
    name_cy = Column(String(200))  # extension: Welsh name
    description: Mapped[str] = Column(Text, nullable=False)
    description_cy = Column(Text)  # extension: Welsh description
    url = Column(String(500))
    email = Column(String(200))
    status: Mapped[str] = Column(String(32), nullable=False, index=True)
    eligibility_description: Mapped[str] = Column(Text, nullable=False)
    # The baby's age in months (ORUK's minimum_age / maximum_age are in years).
    min_age_months = Column(Integer)
    max_age_months = Column(Integer)
    fees_description = Column(Text, nullable=True)
    application_process = Column(Text)
    assured_date: Mapped[date] = Column(Date, nullable=False)
    alert = Column(Text)
    source: Mapped[str] = Column(
        Text, nullable=False
    )  # extension: http(s) URL the facts were checked against
    priority: Mapped[int] = Column(Integer, nullable=False, default=100)  # extension

    organization: Mapped[Organization] = relationship("Organization", back_populates="services")
    phones: Mapped[list[Phone]] = relationship("Phone", cascade="all, delete-orphan", order_by="Phone.id")
    schedules: Mapped[list[Schedule]] = relationship(
        "Schedule", cascade="all, delete-orphan", order_by="Schedule.id"
    )
    service_areas: Mapped[list[ServiceArea]] = relationship(
        "ServiceArea", cascade="all, delete-orphan", order_by="ServiceArea.id"
    )
    languages: Mapped[list[Language]] = relationship(
        "Language", cascade="all, delete-orphan", order_by="Language.id"
    )
    contacts: Mapped[list[Contact]] = relationship(
        "Contact", cascade="all, delete-orphan", order_by="Contact.id"
    )
    taxonomy_terms: Mapped[list[TaxonomyTerm]] = relationship(
        "TaxonomyTerm", secondary="service_taxonomy", viewonly=True
    )
    attributes: Mapped[list[ServiceTaxonomy]] = relationship(
        "ServiceTaxonomy", viewonly=True, order_by="ServiceTaxonomy.id"
    )
    service_at_locations: Mapped[list[ServiceAtLocation]] = relationship(
        "ServiceAtLocation", cascade="all, delete-orphan", order_by="ServiceAtLocation.id"
    )


class Location(Base):
    """ORUK ``location`` (physical, postal or virtual)."""

    __tablename__ = "location"
    id: Mapped[str] = Column(String(160), primary_key=True)
    location_type: Mapped[str] = Column(String(16), nullable=False, default="physical")
    name = Column(String(200))
    description = Column(Text)  # the town, when no whole address is known
    url = Column(String(500))
    latitude = Column(Float)
    longitude = Column(Float)
    addresses: Mapped[list[Address]] = relationship(
        "Address", cascade="all, delete-orphan", order_by="Address.id"
    )


class Address(Base):
    """ORUK ``address``."""

    __tablename__ = "address"
    id: Mapped[str] = Column(String(160), primary_key=True)
    location_id: Mapped[str] = Column(_fk("location"), nullable=False, index=True)
    address_1: Mapped[str] = Column(String(200), nullable=False)
    city: Mapped[str] = Column(String(100), nullable=False)
    region = Column(String(100))
    state_province: Mapped[str] = Column(String(100), nullable=False)  # England, Wales ...
    postal_code: Mapped[str] = Column(String(16), nullable=False)
    country: Mapped[str] = Column(String(2), nullable=False, default="GB")


class ServiceAtLocation(Base):
    """ORUK ``service_at_location``."""

    __tablename__ = "service_at_location"
    id: Mapped[str] = Column(String(160), primary_key=True)
    service_id: Mapped[str] = Column(_fk("service"), nullable=False, index=True)
    location_id: Mapped[str] = Column(_fk("location"), nullable=False, index=True)
    location: Mapped[Location] = relationship("Location")


class ServiceArea(Base):
    """ORUK ``service_area``: ``name`` is a gazetteer area (town, sub-area, authority, nation, UK)."""

    __tablename__ = "service_area"
    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = Column(_fk("service"), nullable=False, index=True)
    name: Mapped[str] = Column(String(100), nullable=False, index=True)
    description = Column(Text)
    extent = Column(Text)  # postcode districts, when known
    extent_type = Column(String(32))  # town | district | subarea | authority | nation | uk


class Phone(Base):
    """HSDS 3 ``phone`` (the UK profile leaves phones out of services; we publish them as HSDS)."""

    __tablename__ = "phone"
    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = Column(_fk("service"), nullable=False, index=True)
    number: Mapped[str] = Column(String(32), nullable=False)
    type: Mapped[str] = Column(String(16), nullable=False, default="voice")
    description = Column(Text)
    hours = Column(Text)  # extension: ORUK would model this as a schedule row


class Schedule(Base):
    """ORUK ``schedule``: iCal-style ``freq``/``byday`` with ``opens_at``/``closes_at`` ("HH:MM",
    Europe/London local time), or only a free-text ``description``."""

    __tablename__ = "schedule"
    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = Column(_fk("service"), nullable=False, index=True)
    freq = Column(String(16))
    byday = Column(String(32))
    opens_at = Column(String(8))
    closes_at = Column(String(8))
    valid_from = Column(Date)
    valid_to = Column(Date)
    description: Mapped[str] = Column(Text, nullable=False)


class Language(Base):
    """ORUK ``language``."""

    __tablename__ = "language"
    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = Column(_fk("service"), nullable=False, index=True)
    name: Mapped[str] = Column(String(64), nullable=False)
    code: Mapped[str] = Column(String(8), nullable=False)


class Contact(Base):
    """ORUK ``contact``: a named person (only names printed in a verified source)."""

    __tablename__ = "contact"
    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = Column(_fk("service"), nullable=False, index=True)
    name: Mapped[str] = Column(String(200), nullable=False)
    title = Column(String(200))
    email = Column(String(200))


class TaxonomyTerm(Base):
    """ORUK ``taxonomy_term``; vocabularies: need (taxonomy.yml), audience, delivery, kind,
    referral, field (value-carrying attributes), or another publisher's taxonomy name."""

    __tablename__ = "taxonomy_term"
    __table_args__ = (UniqueConstraint("vocabulary", "term"),)
    id: Mapped[str] = Column(String(300), primary_key=True)  # "<vocabulary>:<term>"
    term: Mapped[str] = Column(String(200), nullable=False)
    vocabulary: Mapped[str] = Column(String(96), nullable=False, index=True)
    name: Mapped[str] = Column(String(200), nullable=False)
    description: Mapped[str] = Column(Text, nullable=False)
    name_cy = Column(String(200))  # extension: Welsh label
    parent_id = Column(String(300))  # our id of the parent term, if any


class ServiceTaxonomy(Base):
    """Link between a service and its taxonomy terms (ORUK v1 ``service_taxonomy``)."""

    __tablename__ = "service_taxonomy"
    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = Column(_fk("service"), nullable=False, index=True)
    taxonomy_term_id: Mapped[str] = Column(_fk("taxonomy_term"), nullable=False, index=True)
    value = Column(Text)  # HSDS attribute ``value`` (for the "field" vocabulary)
    term: Mapped[TaxonomyTerm] = relationship("TaxonomyTerm")


class DirectoryBuild(Base):
    """Extension: one row per build, so caches can tell when the data changed."""

    __tablename__ = "directory_build"
    id: Mapped[str] = Column(String(36), primary_key=True)
    built_at: Mapped[str] = Column(String(32), nullable=False)
    seed_sha256: Mapped[str] = Column(String(64), nullable=False)
    service_count: Mapped[int] = Column(Integer, nullable=False)


# Staff edits made in the console live in their own metadata: a rebuild drops and
# recreates every table of ``Base`` but keeps these, and re-applies them
# (bot/directory/edits.py). No foreign key to ``service``: that table is rebuilt.
EditBase = declarative_base()


class ServiceEdit(EditBase):
    """Extension: one audited console change to a service (add, edit, retire, re-assure).

    ``changes`` is JSON ``{field: [old, new]}`` in the YAML's field names
    (data/directory/README.md); an ``add`` lists every field with old ``null``.
    """

    __tablename__ = "service_edit"
    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = Column(String(64), nullable=False, index=True)
    organization_id = Column(String(64))  # the organisation of an added service
    action: Mapped[str] = Column(String(16), nullable=False)  # add | edit | retire | reassure
    actor: Mapped[str] = Column(String(64), nullable=False)
    edited_at: Mapped[str] = Column(String(32), nullable=False)  # ISO 8601, UTC
    changes: Mapped[str] = Column(Text, nullable=False)


__all__ = [
    "Address",
    "Base",
    "Contact",
    "DirectoryBuild",
    "EditBase",
    "Language",
    "Location",
    "Organization",
    "Phone",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceEdit",
    "ServiceTaxonomy",
    "TaxonomyTerm",
]

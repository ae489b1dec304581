"""Users, passwords (argon2), lock-out, server-side sessions and CSRF tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Connection

from bot.console import schema as t

# reviewer: reads and reviews conversations; editor: that, and keeps the service
# directory right; admin: everything (reveal, exports, audit log, the directory).
ROLES = ("reviewer", "editor", "admin")
DIRECTORY_EDITORS = ("editor", "admin")
MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
MIN_PASSWORD = 10
_hasher = PasswordHasher()
# Verified against when the user does not exist, so both paths cost the same.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


@dataclass(frozen=True)
class User:
    """A logged-in staff member."""

    id: int
    username: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_edit_directory(self) -> bool:
        """Add, edit, retire and re-assure services, and close directory reports."""
        return self.role in DIRECTORY_EDITORS


@dataclass(frozen=True)
class Session:
    """A live session: its user and its CSRF token."""

    user: User
    csrf: str
    token_hash: str


# One answer for every refused log-in (unknown name, wrong password, locked
# account), so the page never tells which names exist.
LOGIN_REFUSED = (
    f"Wrong username or password, or the account is locked after {MAX_FAILURES} failed log-ins "
    f"(for {LOCK_SECONDS // 60} minutes). Try again later or ask an admin."
)


class AuthError(Exception):
    """Login refused: the message (LOGIN_REFUSED) is safe to show; ``reason`` is for the audit log."""

    def __init__(self, reason: str) -> None:
        super().__init__(LOGIN_REFUSED)
        self.reason = reason


def create_user(conn: Connection, username: str, password: str, role: str) -> None:
    """Create a staff user (or reset an existing one's password and role)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    if (
        not username
        or len(username) > 64
        or not username.replace(".", "").replace("-", "").replace("_", "").isalnum()
    ):
        raise ValueError("username: letters, digits, '.', '-' and '_' only")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"password must be at least {MIN_PASSWORD} characters")
    values = {
        "password_hash": _hasher.hash(password),
        "role": role,
        "failed_count": 0,
        "locked_until": 0.0,
        "active": True,
    }
    existing = conn.execute(
        sa.select(t.users.c.id).where(t.users.c.username == username)
    ).scalar_one_or_none()
    if existing is None:
        conn.execute(sa.insert(t.users).values(username=username, created_at=time.time(), **values))
    else:
        conn.execute(sa.update(t.users).where(t.users.c.id == existing).values(**values))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def authenticate(conn: Connection, username: str, password: str) -> User:
    """Check a password, counting failures and locking the account after too many.

    Every refusal raises the same message after the same work (one argon2
    verification: against a dummy hash when the name is unknown or the account
    is locked), so neither the text nor the time tells which names exist.

    Raises:
        AuthError: Unknown name, wrong password or locked account (``reason`` says which).
    """
    row = conn.execute(sa.select(t.users).where(t.users.c.username == username)).first()
    now = time.time()
    if row is None or not row.active:
        _verify(_DUMMY_HASH, password)
        raise AuthError("unknown or inactive user")
    if row.locked_until > now:
        _verify(_DUMMY_HASH, password)
        raise AuthError("account locked")
    if not _verify(row.password_hash, password):
        failures = row.failed_count + 1
        values: dict[str, object] = {"failed_count": failures}
        if failures >= MAX_FAILURES:
            values = {"failed_count": 0, "locked_until": now + LOCK_SECONDS}
        conn.execute(sa.update(t.users).where(t.users.c.id == row.id).values(**values))
        raise AuthError(
            "wrong password, account now locked" if failures >= MAX_FAILURES else "wrong password"
        )
    values = {"failed_count": 0, "locked_until": 0.0}
    if _hasher.check_needs_rehash(row.password_hash):
        values["password_hash"] = _hasher.hash(password)
    conn.execute(sa.update(t.users).where(t.users.c.id == row.id).values(**values))
    return User(row.id, row.username, row.role)


def is_locked(conn: Connection, username: str) -> bool:
    """Whether an account is currently locked."""
    until = conn.execute(
        sa.select(t.users.c.locked_until).where(t.users.c.username == username)
    ).scalar_one_or_none()
    return bool(until and until > time.time())


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(conn: Connection, user: User) -> str:
    """Create a session; returns the cookie value (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    now = time.time()
    conn.execute(
        sa.insert(t.sessions).values(
            token_hash=_hash_token(token),
            user_id=user.id,
            csrf=secrets.token_urlsafe(32),
            created_at=now,
            last_seen=now,
        )
    )
    return token


def load_session(conn: Connection, token: str | None, idle_minutes: int) -> Session | None:
    """The live session for a cookie, or None (expired sessions are deleted)."""
    if not token:
        return None
    token_hash = _hash_token(token)
    row = conn.execute(
        sa.select(t.sessions, t.users.c.username, t.users.c.role, t.users.c.active)
        .join(t.users, t.users.c.id == t.sessions.c.user_id)
        .where(t.sessions.c.token_hash == token_hash)
    ).first()
    now = time.time()
    if row is None:
        return None
    if not row.active or now - row.last_seen > idle_minutes * 60 or now - row.created_at > 12 * 3600:
        conn.execute(sa.delete(t.sessions).where(t.sessions.c.token_hash == token_hash))
        return None
    if now - row.last_seen > 30:
        conn.execute(sa.update(t.sessions).where(t.sessions.c.token_hash == token_hash).values(last_seen=now))
    return Session(User(row.user_id, row.username, row.role), row.csrf, token_hash)


def end_session(conn: Connection, token_hash: str) -> None:
    """Log out."""
    conn.execute(sa.delete(t.sessions).where(t.sessions.c.token_hash == token_hash))


def login_csrf(secret: bytes, pre_token: str) -> str:
    """CSRF token for the login form, bound to the pre-login cookie."""
    return hmac.new(secret, b"login:" + pre_token.encode(), hashlib.sha256).hexdigest()


def tokens_equal(a: str | None, b: str | None) -> bool:
    """Constant-time comparison that tolerates missing values."""
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))

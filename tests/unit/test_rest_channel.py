"""The REST channel: a card reaches a client that cannot draw it as text, once."""

from __future__ import annotations

from bot.channels.rest import CardTextOutput

SERVICES = {
    "type": "services",
    "language": "en",
    "offset": 3,
    "services": [
        {
            "id": "x",
            "name": "Walk and talk",
            "organisation": "Test charity",
            "description": "A weekly walk.",
            "audience": "Parents in Brecon.",
            "phone": "01874 000000",
            "opening": "Open now, until 5pm",
        }
    ],
}


async def test_a_services_card_carries_its_text_and_continues_the_numbering() -> None:
    out = CardTextOutput()
    await out.send_custom_json("p1", SERVICES)
    (message,) = out.messages
    assert message["custom"] == SERVICES
    assert message["text"].splitlines()[2] == "4. Walk and talk (Test charity)"
    assert "Phone: 01874 000000" in message["text"] and "Open now, until 5pm" in message["text"]


async def test_a_welsh_card_uses_welsh_labels() -> None:
    out = CardTextOutput()
    await out.send_custom_json("p1", {**SERVICES, "language": "cy"})
    assert "Ffôn: 01874 000000" in out.messages[0]["text"]


async def test_other_custom_payloads_are_passed_on_unchanged() -> None:
    out = CardTextOutput()
    await out.send_custom_json("p1", {"type": "something_else"})
    assert out.messages == [{"recipient_id": "p1", "custom": {"type": "something_else"}}]

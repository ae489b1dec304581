"""Whole conversations through the REST channel, real Rasa server and action server."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tools.stack.stack import Stack, post_json


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex}"


def all_text(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def customs(messages: list[dict]) -> list[dict]:
    return [m["custom"] for m in messages if "custom" in m]


def test_support_since_having_a_baby_then_brecon_finds_mums_matter(stack: Stack) -> None:
    sender = new_sender()
    first = stack.send(sender, "I need some support since having my baby")
    assert "automated service" in all_text(first)  # the privacy notice comes first
    assert "999" in all_text(first)
    assert "Where do you live?" in all_text(first)
    reply = stack.send(sender, "Brecon")
    assert "Here is support near Brecon" in all_text(reply)
    cards = [c for c in customs(reply) if c["type"] == "services"]
    assert cards and "Mums Matter" in cards[0]["services"][0]["name"]
    assert len(cards[0]["services"]) <= 3
    assert any(b["payload"] == "/ask_more_results" for m in reply for b in m.get("buttons", []))


def test_privacy_notice_reaches_a_conversation_that_starts_with_a_place(stack: Stack) -> None:
    reply = stack.texts(f"notice-{uuid.uuid4().hex}", "Brecon")
    assert "automated service" in reply


def test_place_in_the_first_message_skips_the_question(stack: Stack) -> None:
    reply = stack.send(new_sender(), "are there any groups for mums with pnd in brecon")
    assert "Mums Matter" in all_text(reply)
    assert "Where do you live?" not in all_text(reply)


def test_welsh_place_name_and_postcode(stack: Stack) -> None:
    sender = new_sender()
    stack.send(sender, "I need some support since having my baby")
    assert "Newtown" in all_text(stack.send(sender, "Y Drenewydd"))
    assert "Mums Matter" in all_text(stack.send(new_sender(), "any support groups near LD3 7HR"))


def test_milton_keynes_dad_then_more_and_groups(stack: Stack) -> None:
    sender = new_sender()
    reply = stack.send(sender, "I'm a dad in Milton Keynes, is there any support for me")
    assert customs(reply) and customs(reply)[0]["type"] == "services"
    groups = stack.send(sender, "/narrow_groups")
    assert "group" in all_text(groups).lower()
    more = stack.send(sender, "/ask_more_results")
    assert all_text(more)


def test_unknown_place_then_online(stack: Stack) -> None:
    sender = new_sender()
    stack.send(sender, "can you help me find support")
    unknown = all_text(stack.send(sender, "Narnia"))
    assert "Sorry, I don't know that place yet" in unknown
    assert "Narnia" not in unknown  # never repeat what the parent typed
    online = stack.send(sender, "online")
    assert "Here is support you can get online or by phone" in all_text(online)
    cards = [c for c in customs(online) if c["type"] == "services"]
    assert cards and all("online" in s["mode"] or "phone" in s["mode"] for s in cards[0]["services"])


def test_misspelt_place_gets_a_suggestion(stack: Stack) -> None:
    sender = new_sender()
    stack.send(sender, "I need some support since having my baby")
    reply = stack.send(sender, "brekon")
    assert "Did you mean Brecon?" in all_text(reply)
    assert "Mums Matter" in all_text(stack.send(sender, "Brecon"))


def test_outside_our_areas_is_honest_and_offers_national_services(stack: Stack) -> None:
    sender = new_sender()
    stack.send(sender, "I need some support since having my baby")
    reply = all_text(stack.send(sender, "Leeds"))
    assert "I only know local services in Powys and Milton Keynes" in reply
    assert "PANDAS" in reply or "Mind" in reply


def test_low_mood_answer_then_offer_then_yes(stack: Stack) -> None:
    sender = new_sender()
    reply = all_text(stack.send(sender, "i just feel so low and teary since she was born, is this normal"))
    assert "Would you like me to find support near you?" in reply
    assert "Where do you live?" in all_text(stack.send(sender, "yes please"))


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what is circle of security", "circle_of_security"),
        ("what does good enough parenting mean", "good_enough"),
        ("what are ACEs", "aces"),
        ("what is infant mental health", "infant_mental_health"),
        ("I don't feel any bond with my baby", "bonding"),
        ("I had a traumatic birth and keep having flashbacks, is that normal?", "birth_trauma"),
        ("will social services take my baby if I tell my health visitor how I feel?", "fear_of_losing_baby"),
    ],
)
def test_questions_get_the_answer_for_their_topic(stack: Stack, text: str, topic: str) -> None:
    from bot.answers import answers

    assert answers()[topic].en in all_text(stack.send(new_sender(), text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", "I'm glad you're here"),
        ("are you a real person?", "not a person"),
        ("what's the weather like tomorrow", "Sorry, I can't help with that"),
        ("thanks", "You're welcome"),
        ("who can read what I write here", "kept for up to 6 months"),
    ],
)
def test_basics(stack: Stack, text: str, expected: str) -> None:
    assert expected in all_text(stack.send(new_sender(), text))


def test_my_wife_is_understood_as_a_partner_looking_for_help(stack: Stack) -> None:
    sender = new_sender()
    reply = all_text(stack.send(sender, "my wife has postnatal depression, what help is there in newtown"))
    assert "Newtown" in reply


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 10_000,
        "😭😭😭",
        "Dw i ddim yn teimlo'n dda ers cael y babi",
        "<b>hello</b><script>alert(1)</script>",
        "/",
        "/greet@1.0",
        "/not_an_intent",
    ],
)
def test_odd_input_gets_a_reply_and_the_server_keeps_serving(stack: Stack, text: str) -> None:
    reply = stack.send(new_sender(), text)
    assert all_text(reply).strip()
    assert "I'm glad you're here" in all_text(stack.send(new_sender(), "hi"))


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[1, 2]",
        b'"hello"',
        b'{"sender": 5, "message": "hi"}',
        b'{"sender": "a", "message": 7}',
    ],
)
def test_malformed_bodies_get_a_clear_400(stack: Stack, body: bytes) -> None:
    status, answer = post_json(stack.rest_url, body)
    assert status == 400
    assert "error" in answer
    assert "I'm glad you're here" in all_text(stack.send(new_sender(), "hi"))


def test_no_message_text_in_the_logs(stack: Stack) -> None:
    stack.send(new_sender(), "my postcode is LD3 7HR and my name is Zebedee Quark")
    stack.send(new_sender(), "/ Zebedee typed a slash first")
    for name in ("rasa", "actions"):
        assert "Zebedee" not in stack.log(name)


def test_rasa_http_api_is_not_open(stack: Stack) -> None:
    status, _ = post_json(f"{stack.rasa_url}/model/parse", {"text": "hello"})
    assert status in (403, 404, 405)
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{stack.rasa_url}/conversations/x/tracker", timeout=5)


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp*) of the sockets listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_servers_listen_on_loopback_only(stack: Stack) -> None:
    loopback = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1, ::1
    for port in (stack.rasa_port, stack.action_port):
        addresses = listening_addresses(port)
        assert addresses and addresses <= loopback, (port, addresses)

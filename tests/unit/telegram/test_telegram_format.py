"""Splitting and keyboards for Telegram (pure functions; cards: tests/unit/test_cards.py)."""

from __future__ import annotations

import pytest

from bot.telegram.format import fits_callback, inline_keyboard, split_text, utf16_len


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 4000, ["short"]),
        ("   ", 4000, []),
        ("aaaa\n\nbbbb", 6, ["aaaa", "bbbb"]),
        ("aaaa\n\nbbbb", 20, ["aaaa\n\nbbbb"]),
        ("One two. Three four.", 12, ["One two.", "Three four."]),
        ("line one\nline two", 10, ["line one", "line two"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_split_text(text: str, limit: int, expected: list[str]) -> None:
    assert split_text(text, limit) == expected


def test_split_text_keeps_every_word_under_telegrams_limit() -> None:
    paragraphs = [(f"Sentence number {i} is here. ") * 40 for i in range(12)]
    text = "\n\n".join(paragraphs) + "\n\n" + "😀" * 3000
    chunks = split_text(text)
    assert all(utf16_len(c) <= 4000 for c in chunks)
    assert len(chunks) > 3
    squash = str.maketrans("", "", " \n")
    assert "".join(chunks).translate(squash) == text.translate(squash)


def test_utf16_length_counts_emoji_twice() -> None:
    assert utf16_len("a😀") == 3


@pytest.mark.parametrize(
    ("data", "fits"), [("/greet", True), ("", False), ("x" * 64, True), ("x" * 65, False), ("é" * 33, False)]
)
def test_fits_callback(data: str, fits: bool) -> None:
    assert fits_callback(data) is fits


def test_inline_keyboard_one_button_per_row_and_links() -> None:
    buttons = [
        {"title": "Yes", "payload": "/affirm"},
        {"title": "Site", "payload": "https://example.org"},
        {"title": "Long", "payload": "/inform" + "x" * 80},
    ]
    markup = inline_keyboard(buttons, lambda p: p if len(p) <= 64 else "cb:short")
    assert markup == {
        "inline_keyboard": [
            [{"text": "Yes", "callback_data": "/affirm"}],
            [{"text": "Site", "url": "https://example.org"}],
            [{"text": "Long", "callback_data": "cb:short"}],
        ]
    }

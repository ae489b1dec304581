"""The web chat widget in a real Chromium against the real Rasa and action servers.

One stack for the whole module (see conftest.py). The Rasa-down test runs last
and brings the server back, so the order of the tests in this file matters only
for speed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import AXE
from tools.stack.stack import Stack

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
REPLY_TIMEOUT = 90_000


def open_chat(page: Page, stack: Stack) -> None:
    page.goto(stack.rasa_url + "/webchat/")
    expect(page.locator(".pcw[data-state='online']")).to_be_attached(timeout=30_000)


def without_time(text: str) -> str:
    return re.sub(r"\n\d{1,2}:\d{2}\s*$", "", text)


def bot_count(page: Page) -> int:
    return page.locator(".pcw-log .pcw-bot").count()


def send(page: Page, text: str) -> None:
    """Type a message, send it with Enter and wait for the first reply to it."""
    before = bot_count(page)
    page.locator("#pcw-input").fill(text)
    page.locator("#pcw-input").press("Enter")
    wait_for_reply(page, before)


def wait_for_reply(page: Page, before: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('.pcw-log .pcw-bot').length > n", arg=before, timeout=REPLY_TIMEOUT
    )


def storage(page: Page) -> dict[str, int]:
    return page.evaluate("({session: sessionStorage.length, local: localStorage.length})")


def test_first_screen_says_automated_not_for_emergencies(page: Page, webchat_stack: Stack) -> None:
    open_chat(page, webchat_stack)
    intro = page.locator(".pcw-intro")
    expect(intro).to_contain_text("automated service")
    expect(intro).to_contain_text("not for emergencies")
    expect(intro).to_contain_text("999")
    expect(page.get_by_role("button", name="Get help now")).to_be_visible()
    expect(page.get_by_role("button", name="Leave this page")).to_be_visible()
    expect(page.get_by_label("Type your message")).to_be_visible()
    assert UUID.match(page.evaluate("sessionStorage.getItem('pcw-sid')"))
    assert page.evaluate("localStorage.length") == 0


def test_reply_quick_reply_service_cards_and_reload(page: Page, webchat_stack: Stack) -> None:
    open_chat(page, webchat_stack)
    send(page, "hello")
    # The greeting's own options (the language offer's buttons come with the first message).
    quick = page.locator(".pcw-quick button").filter(has_text="I'm not feeling myself")
    expect(quick).to_be_visible()
    title = quick.inner_text()
    before = bot_count(page)
    quick.click()
    expect(page.locator(".pcw-user .pcw-bubble").last).to_have_text(title)
    wait_for_reply(page, before)

    send(page, "I need some support since having my baby")
    before = bot_count(page)
    page.locator("#pcw-input").fill("Brecon")
    page.locator("#pcw-input").press("Enter")
    card = page.locator(".pcw-service").filter(has_text="Mums Matter")
    expect(card.first).to_be_visible(timeout=REPLY_TIMEOUT)
    assert bot_count(page) > before
    for anchor in page.locator(".pcw-log a[target='_blank']").all():
        assert set((anchor.get_attribute("rel") or "").split()) >= {"noopener", "noreferrer"}
    for anchor in page.locator(".pcw-service a").all():
        assert re.match(r"^(tel:\+?\d+|mailto:\S+@\S+|https?://)", anchor.get_attribute("href") or "")

    page.wait_for_timeout(1500)  # let the bot finish its turn before counting
    shown = page.locator(".pcw-log .pcw-msg").all_inner_texts()
    sid = page.evaluate("sessionStorage.getItem('pcw-sid')")
    page.reload()
    expect(page.locator(".pcw[data-state='online']")).to_be_attached(timeout=30_000)
    expect(page.locator(".pcw-log .pcw-msg")).to_have_count(len(shown))
    # Same messages; the time line may differ by a minute (the client shows when it
    # sent, the server stores when it processed).
    restored = page.locator(".pcw-log .pcw-msg").all_inner_texts()
    assert [without_time(t) for t in restored[:2]] == [without_time(t) for t in shown[:2]]
    expect(page.locator(".pcw-service").filter(has_text="Mums Matter").first).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('pcw-sid')") == sid
    # The session still gets replies after the reload (session persistence, hazard H4).
    send(page, "thank you")


def test_a_card_says_when_its_details_are_wrong_and_staff_get_the_service(
    page: Page, webchat_stack: Stack
) -> None:
    open_chat(page, webchat_stack)
    send(page, "I need some support since having my baby")
    page.locator("#pcw-input").fill("Brecon")
    page.locator("#pcw-input").press("Enter")
    card = page.locator(".pcw-service").first
    expect(card).to_be_visible(timeout=REPLY_TIMEOUT)
    card.get_by_role("button", name="More about this service").click()
    before = bot_count(page)
    card.get_by_role("button", name="These details are wrong").click()
    wait_for_reply(page, before)
    expect(page.locator(".pcw-bot .pcw-bubble").last).to_contain_text("passed on which service it was")


def test_crisis_card_with_tap_to_call(page: Page, webchat_stack: Stack) -> None:
    open_chat(page, webchat_stack)
    page.locator("#pcw-input").fill("I want to die")
    page.locator("#pcw-input").press("Enter")
    card = page.locator(".pcw-crisis")
    expect(card.first).to_be_visible(timeout=REPLY_TIMEOUT)
    expect(card.first.locator("a[href='tel:116123']")).to_be_visible()
    expect(card.first.locator("a[href='tel:116123']")).to_contain_text("116 123")


def test_cymraeg_offer_switch_and_welsh_labels(page: Page, webchat_stack: Stack) -> None:
    open_chat(page, webchat_stack)
    send(page, "hello")
    expect(page.locator(".pcw-log")).to_contain_text(
        "Gallwch chi siarad â fi yn Gymraeg"
    )  # the offer, in the reply
    before = bot_count(page)
    page.locator(".pcw-lang-btn").click()  # the widget's own offer: "Cymraeg"
    wait_for_reply(page, before)
    expect(page.locator(".pcw-log .pcw-bot").last).to_contain_text("Cymraeg", timeout=REPLY_TIMEOUT)
    expect(page.locator(".pcw-lang-btn")).to_have_text("English")
    expect(page.get_by_role("button", name="Gadael y dudalen hon")).to_be_visible()
    expect(page.get_by_role("button", name="Cael help nawr").first).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('pcw-lang')") == "cy"
    send(page, "dwi isio marw")
    card = page.locator(".pcw-crisis").last
    expect(card).to_be_visible(timeout=REPLY_TIMEOUT)
    # The crisis card (Welsh) gives the same-day route in its contact line.
    expect(page.locator(".pcw-log .pcw-card-bubble").last).to_contain_text(
        re.compile("ffoniwch 111 a phwyso 2", re.I)
    )
    page.reload()  # the choice is kept for the session
    expect(page.get_by_role("button", name="Gadael y dudalen hon")).to_be_visible(timeout=30_000)


def test_a_welsh_host_page_starts_the_widget_in_welsh(page: Page, webchat_stack: Stack) -> None:
    page.goto(webchat_stack.rasa_url + "/webchat/")
    page.evaluate("sessionStorage.setItem('pcw-lang', 'cy')")
    page.reload()
    expect(page.get_by_role("button", name="Cael help nawr").first).to_be_visible(timeout=30_000)
    expect(page.get_by_label("Teipiwch eich neges")).to_be_visible()


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"])
def test_user_html_is_shown_as_text(page: Page, webchat_stack: Stack, text: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_chat(page, webchat_stack)
    send(page, text)
    expect(page.locator(".pcw-user .pcw-bubble").last).to_have_text(text)
    page.wait_for_timeout(500)
    assert page.locator(".pcw img, .pcw-log script").count() == 0
    assert dialogs == []


@pytest.mark.parametrize("how", ["button", "shift"])
def test_quick_exit_leaves_nothing_behind(
    page: Page, webchat_stack: Stack, neutral_url: str, how: str
) -> None:
    open_chat(page, webchat_stack)
    send(page, "hello")
    assert storage(page)["session"] == 1
    length = page.evaluate("history.length")
    if how == "button":
        page.get_by_role("button", name="Leave this page").click()
    else:
        page.locator("#pcw-input").focus()
        for key in ("Shift+A", "Shift+B", "Shift+C"):  # Shift as a modifier never counts
            page.keyboard.press(key)
        page.wait_for_timeout(300)
        assert "/webchat/" in page.url
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(neutral_url)
    assert page.evaluate("history.length") == length  # replaced, not pushed
    page.go_back()
    assert "/webchat" not in page.url
    # Same tab, same origin as the chat: its storage is empty.
    page.goto(webchat_stack.rasa_url + "/webchat/contacts.json")
    assert storage(page) == {"session": 0, "local": 0}


def test_clear_conversation_asks_first_then_forgets(page: Page, webchat_stack: Stack) -> None:
    open_chat(page, webchat_stack)
    send(page, "hello")
    old = page.evaluate("sessionStorage.getItem('pcw-sid')")
    page.get_by_role("button", name="Clear this conversation").click()
    expect(page.get_by_role("group", name=re.compile("Clear this conversation"))).to_be_visible()
    page.get_by_role("button", name="Cancel").click()
    assert page.locator(".pcw-log .pcw-msg").count() >= 2
    page.get_by_role("button", name="Clear this conversation").click()
    page.get_by_role("button", name="Yes, clear it").click()
    expect(page.locator(".pcw-log .pcw-msg")).to_have_count(0)
    new = page.evaluate("sessionStorage.getItem('pcw-sid')")
    assert UUID.match(new) and new != old
    page.reload()
    expect(page.locator(".pcw[data-state='online']")).to_be_attached(timeout=30_000)
    expect(page.locator(".pcw-log .pcw-msg")).to_have_count(0)
    send(page, "hello")  # the new session works


def axe_violations(page: Page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }"""
    )
    return list(result)


def test_accessibility_layout_and_screenshots(
    browser: Browser, webchat_stack: Stack, screenshots: Path
) -> None:
    # bypass_csp: axe is injected as an inline script, which the page's CSP rightly blocks.
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, bypass_csp=True, locale="en-GB")
    ctx.set_default_timeout(60_000)
    page = ctx.new_page()
    try:
        open_chat(page, webchat_stack)
        assert axe_violations(page) == []
        page.screenshot(path=str(screenshots / "webchat-375-start.png"))

        send(page, "hello")
        send(page, "I need some support since having my baby")
        page.locator("#pcw-input").fill("Brecon")
        page.locator("#pcw-input").press("Enter")
        expect(page.locator(".pcw-service").first).to_be_visible(timeout=REPLY_TIMEOUT)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(screenshots / "webchat-375-services.png"))
        page.locator("#pcw-input").fill("I want to die")
        page.locator("#pcw-input").press("Enter")
        expect(page.locator(".pcw-crisis").first).to_be_visible(timeout=REPLY_TIMEOUT)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(screenshots / "webchat-375-crisis.png"))
        assert axe_violations(page) == []

        for width, height in ((320, 640), (640, 360)):  # 320 px phone; 1280 px at 200% zoom
            page.set_viewport_size({"width": width, "height": height})
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (width, overflow)
        page.set_viewport_size({"width": 320, "height": 640})
        page.screenshot(path=str(screenshots / "webchat-320-crisis.png"))

        page.set_viewport_size({"width": 1280, "height": 800})
        page.screenshot(path=str(screenshots / "webchat-1280-crisis.png"))
        page.get_by_role("button", name="Get help now").click()
        expect(page.locator("#pcw-help a[href='tel:999']")).to_be_visible()
        page.screenshot(path=str(screenshots / "webchat-1280-help.png"))
        assert axe_violations(page) == []

        # Keyboard: the first Tab stops are the header's safety controls, with visible focus.
        page.reload()
        expect(page.locator(".pcw[data-state='online']")).to_be_attached(timeout=30_000)
        page.keyboard.press("Tab")
        expect(page.get_by_role("button", name="Get help now")).to_be_focused()
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid"
        page.keyboard.press("Tab")
        expect(page.get_by_role("button", name="Leave this page")).to_be_focused()
        page.screenshot(path=str(screenshots / "webchat-1280-focus.png"))
    finally:
        ctx.close()


def test_get_help_now_with_the_rasa_server_down(page: Page, webchat_stack: Stack, screenshots: Path) -> None:
    """Runs last: it stops the Rasa server, then checks the widget reconnects when it is back."""
    open_chat(page, webchat_stack)
    webchat_stack.stop_rasa()
    try:
        expect(page.locator(".pcw[data-state='offline']")).to_be_attached(timeout=30_000)
        expect(page.locator(".pcw-status")).to_contain_text("offline")
        page.get_by_role("button", name="Get help now").click()
        help_panel = page.locator("#pcw-help")
        expect(help_panel).to_be_visible()
        expect(help_panel.locator("a[href='tel:999']")).to_be_visible()
        expect(help_panel.locator("a[href='tel:116123']")).to_be_visible()
        expect(help_panel.locator("a[href^='sms:85258']")).to_be_visible()
        expect(help_panel).to_contain_text("111")
        page.screenshot(path=str(screenshots / "webchat-375-help-offline.png"))
        page.locator("#pcw-input").fill("hello")
        page.locator("#pcw-input").press("Enter")
        expect(page.locator("#pcw-input")).to_have_value("hello")  # kept, not lost
    finally:
        webchat_stack.start_rasa()
    expect(page.locator(".pcw[data-state='online']")).to_be_attached(timeout=60_000)
    expect(page.locator(".pcw-status")).to_be_hidden()
    before = bot_count(page)
    page.get_by_role("button", name="Send").click()
    wait_for_reply(page, before)

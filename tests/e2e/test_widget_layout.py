"""The web chat widget's layout, scrolling and focus, in a real Chromium against the real stack.

What outside testers found on a 375 x 667 phone and on desktop, checked as a parent
sees it: the page never scrolls under the chat (only the message list does), a
crisis card's numbers are in view when it arrives, the host site behind the
full-screen panel cannot be reached with Tab, service cards are compact until
"More about this service" is pressed, and the launcher's focus ring shows on light
and dark host pages.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import AXE
from tools.stack.stack import Stack

REPLY_TIMEOUT = 90_000
HEADER_BUTTONS = ("Get help now", "Leave this page")

# A host site that embeds the widget with its one script tag (floating launcher).
HOST_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Family services</title>
<style>body {{ margin: 0; background: {bg}; color: {fg}; font: 16px/1.5 sans-serif; }}
a {{ color: {fg}; }} .tall {{ min-height: 2400px; }}</style></head>
<body>
<header><a href="#top" id="host-first">Family services home</a> <a href="#news">News</a></header>
<main><h1>Family services</h1><p class="tall">Opening times and news.</p>
<a href="#contact" id="host-last">Contact us</a></main>
<script src="/webchat/static/widget.js" data-exit-url="https://www.bbc.co.uk/weather"></script>
</body></html>"""
DARK, LIGHT = ("#0b0c0c", "#ffffff"), ("#ffffff", "#0b0c0c")


# ---------- helpers ----------
def wait_online(page: Page) -> None:
    expect(page.locator(".pcw[data-state='online']")).to_be_attached(timeout=30_000)


def bot_count(page: Page) -> int:
    return page.locator(".pcw-log .pcw-bot").count()


def send(page: Page, text: str) -> None:
    """Type a message, send it with Enter and wait for the first reply to it."""
    before = bot_count(page)
    page.locator("#pcw-input").fill(text)
    page.locator("#pcw-input").press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.pcw-log .pcw-bot').length > n", arg=before, timeout=REPLY_TIMEOUT
    )


def new_context(browser: Browser, width: int, height: int, bypass_csp: bool = False) -> BrowserContext:
    ctx = browser.new_context(
        viewport={"width": width, "height": height}, locale="en-GB", has_touch=True, bypass_csp=bypass_csp
    )
    ctx.set_default_timeout(60_000)
    return ctx


def checked_page(ctx: BrowserContext) -> tuple[Page, list[str]]:
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    return page, errors


def open_restored(page: Page, stack: Stack, session_id: str) -> None:
    """Open the demo page on an existing conversation (as after a reload)."""
    page.goto(stack.rasa_url + "/webchat/contacts.json")
    page.evaluate("sid => sessionStorage.setItem('pcw-sid', sid)", session_id)
    page.goto(stack.rasa_url + "/webchat/")
    wait_online(page)
    expect(page.locator(".pcw-log .pcw-msg").first).to_be_attached()


def page_geometry(page: Page) -> dict[str, float]:
    return dict(
        page.evaluate(
            """() => ({doc: document.documentElement.scrollHeight, body: document.body.scrollHeight,
                   inner: innerHeight, scrollY: scrollY})"""
        )
    )


def assert_page_fits(page: Page) -> None:
    """The page is exactly the viewport's height and the header's safety buttons are on screen."""
    g = page_geometry(page)
    assert g["doc"] == g["inner"] and g["body"] <= g["inner"] and g["scrollY"] == 0, g
    for name in HEADER_BUTTONS:
        box = page.get_by_role("button", name=name).bounding_box()
        assert box is not None, name
        assert box["y"] >= 0 and box["y"] + box["height"] <= g["inner"], (name, box, g)


def centre(page: Page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 20)


def wheel(page: Page, x: float, y: float, dy: float) -> None:
    page.mouse.move(x, y)
    page.mouse.wheel(0, dy)
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def swipe(page: Page, x: float, y: float, dy: float) -> None:
    """A finger dragged up by dy (content scrolls down by dy; negative dy: up), as Chromium's touch input."""
    cdp = page.context.new_cdp_session(page)
    height = page.viewport_size["height"] if page.viewport_size else 600
    end = min(max(y - dy, 1), height - 1)
    steps = 10
    try:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for i in range(1, steps + 1):
            cdp.send(
                "Input.dispatchTouchEvent",
                {"type": "touchMove", "touchPoints": [{"x": x, "y": y + (end - y) * i / steps}]},
            )
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    finally:
        cdp.detach()
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def list_scroll(page: Page) -> float:
    return float(page.evaluate("document.querySelector('.pcw-body').scrollTop"))


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def rgb(css: str) -> tuple[int, int, int]:
    if css.startswith("#"):
        return int(css[1:3], 16), int(css[3:5], 16), int(css[5:7], 16)
    m = re.search(r"rgba?\((\d+),\s*(\d+),\s*(\d+)", css)
    assert m, css
    return int(m[1]), int(m[2]), int(m[3])


def open_host(ctx: BrowserContext, stack: Stack, colours: tuple[str, str]) -> tuple[Page, list[str]]:
    """A host page on the chat server's origin (served by the test), embedding the widget.

    Chromium treats a page that the test serves itself as public, so its local
    network checks keep the socket from the loopback server: these tests need only
    the widget's own controls, which work offline too.
    """
    bg, fg = colours
    page, errors = checked_page(ctx)
    html = HOST_PAGE.format(bg=bg, fg=fg)
    page.route(
        stack.rasa_url + "/host/",
        lambda route: route.fulfill(status=200, content_type="text/html", body=html),
    )
    page.goto(stack.rasa_url + "/host/")
    expect(page.get_by_role("button", name="Chat with us")).to_be_visible(timeout=30_000)
    return page, errors


# ---------- fixtures ----------
@pytest.fixture(scope="module")
def long_conversation(webchat_stack: Stack) -> str:
    """A session whose conversation is several screens long (made through REST, restored by the widget)."""
    sid = str(uuid.uuid4())
    for text in (
        "hello",
        "I need some support since having my baby",
        "Brecon",
        "show more",
        "what is the baby blues?",
        "thank you",
    ):
        webchat_stack.send(sid, text)
    return sid


@pytest.fixture
def phone(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    ctx = new_context(browser, 375, 667)
    page, errors = checked_page(ctx)
    yield page, errors
    ctx.close()
    assert not errors, errors


# ---------- tests ----------
@pytest.mark.parametrize(
    ("width", "height"),
    [(320, 568), (375, 667), (1280, 800), (640, 360)],
    ids=["320px", "375px", "1280px", "1280px-at-200pc-zoom"],
)
def test_only_the_message_list_scrolls(
    browser: Browser, webchat_stack: Stack, long_conversation: str, screenshots: Path, width: int, height: int
) -> None:
    ctx = new_context(browser, width, height)
    page, errors = checked_page(ctx)
    try:
        open_restored(page, webchat_stack, long_conversation)
        send(page, "hello")  # one live reply too
        expect(page.locator(".pcw-log .pcw-bot").last).to_be_visible()
        # The conversation is longer than the list's box, so there is something to scroll.
        assert page.evaluate(
            "(() => { const b = document.querySelector('.pcw-body');"
            " return b.scrollHeight > 2 * b.clientHeight; })()"
        )
        assert_page_fits(page)

        for area in (".pcw-header", ".pcw-body", "#pcw-input"):
            for dy in (-1500, 1500):
                x, y = centre(page, area)
                wheel(page, x, y, dy)
                assert_page_fits(page)
                swipe(page, x, y, dy)
                assert_page_fits(page)

        # The wheel and a finger over the list do scroll the list itself.
        x, y = centre(page, ".pcw-body")
        at_end = list_scroll(page)
        wheel(page, x, y, -600)
        page.wait_for_function("n => document.querySelector('.pcw-body').scrollTop < n", arg=at_end)
        scrolled = list_scroll(page)
        swipe(page, x, y, 300)
        page.wait_for_function("n => document.querySelector('.pcw-body').scrollTop > n", arg=scrolled)
        assert_page_fits(page)
        page.screenshot(path=str(screenshots / f"widget-layout-{width}x{height}.png"))
    finally:
        ctx.close()
    assert not errors, errors


def test_crisis_card_top_stays_in_view_after_the_follow_up(
    phone: tuple[Page, list[str]], webchat_stack: Stack, screenshots: Path
) -> None:
    page, _ = phone
    page.goto(webchat_stack.rasa_url + "/webchat/")
    wait_online(page)
    send(page, "I need some support since having my baby")
    page.locator("#pcw-input").fill("Brecon")
    page.locator("#pcw-input").press("Enter")
    expect(page.locator(".pcw-service").first).to_be_visible(timeout=REPLY_TIMEOUT)

    page.locator("#pcw-input").fill("I want to die")
    page.locator("#pcw-input").press("Enter")
    card = page.locator(".pcw-crisis").last
    expect(card).to_be_attached(timeout=REPLY_TIMEOUT)
    # The follow-up ("Are you safe right now?") comes after the card in the same turn.
    follow_up = page.locator(".pcw-log > li:has(.pcw-crisis) ~ li.pcw-bot").last
    expect(follow_up).to_be_attached(timeout=REPLY_TIMEOUT)

    body = page.locator(".pcw-body").bounding_box()
    top = card.bounding_box()
    assert body is not None and top is not None
    assert body["y"] <= top["y"] < body["y"] + body["height"] / 3, (body, top)
    call_999 = card.locator("a[href='tel:999']")
    box = call_999.bounding_box()
    assert box is not None
    assert body["y"] <= box["y"] and box["y"] + box["height"] <= body["y"] + body["height"], (body, box)
    expect(call_999).to_be_in_viewport()
    assert_page_fits(page)
    page.screenshot(path=str(screenshots / "widget-layout-375-crisis-pinned.png"))

    # Still reachable: the rest of the card and the follow-up are a scroll away.
    x, y = centre(page, ".pcw-body")
    for _ in range(10):
        wheel(page, x, y, 400)
    expect(follow_up).to_be_in_viewport()
    expect(card.locator("a[href='tel:116123']")).to_be_attached()
    assert_page_fits(page)


def test_tab_never_reaches_the_host_page_behind_the_full_screen_panel(
    browser: Browser, webchat_stack: Stack
) -> None:
    ctx = new_context(browser, 375, 667, bypass_csp=True)
    page, errors = open_host(ctx, webchat_stack, LIGHT)
    try:
        launcher = page.get_by_role("button", name="Chat with us")
        launcher.focus()
        page.keyboard.press("Enter")
        panel = page.locator("#pcw-panel")
        expect(panel).to_be_visible()
        expect(page.locator("#pcw-input")).to_be_focused()
        assert page.evaluate("document.querySelector('main').inert && document.querySelector('header').inert")

        inside = "document.getElementById('pcw-panel').contains(document.activeElement)"
        stops = page.evaluate(
            "document.querySelectorAll('#pcw-panel a[href], #pcw-panel button, #pcw-panel textarea').length"
        )
        for key in ("Tab", "Shift+Tab"):
            for _ in range(stops + 3):  # once round the panel and past its ends
                page.keyboard.press(key)
                where = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
                assert page.evaluate(inside), (key, where)

        # Wheel over the panel's header does not scroll the host page behind it.
        x, y = centre(page, ".pcw-header")
        wheel(page, x, y, 1200)
        assert page.evaluate("scrollY") == 0

        assert axe_violations(page) == []

        page.get_by_role("button", name="Close chat").click()
        expect(panel).to_be_hidden()
        expect(launcher).to_be_focused()
        assert page.evaluate("!document.querySelector('main').inert")
        assert page.evaluate("!document.querySelector('header').inert")
        page.locator("#host-first").focus()
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="News")).to_be_focused()  # the host page works again
    finally:
        ctx.close()
    assert not errors, errors


def test_the_desktop_panel_leaves_the_host_page_usable(browser: Browser, webchat_stack: Stack) -> None:
    ctx = new_context(browser, 1280, 800)
    page, errors = open_host(ctx, webchat_stack, LIGHT)
    try:
        page.get_by_role("button", name="Get help now").click()
        expect(page.locator("#pcw-help a[href='tel:999']")).to_be_visible()
        assert page.evaluate("!document.querySelector('main').inert")
        page.locator("#host-last").click()  # the site beside the panel still works
        expect(page.locator("#host-last")).to_be_focused()
        page.get_by_role("button", name="Close chat").click()
        expect(page.get_by_role("button", name="Get help now")).to_be_focused()  # back to what opened it
    finally:
        ctx.close()
    assert not errors, errors


def test_service_cards_are_compact_until_more_is_pressed(
    phone: tuple[Page, list[str]], webchat_stack: Stack, screenshots: Path
) -> None:
    page, _ = phone
    page.goto(webchat_stack.rasa_url + "/webchat/")
    wait_online(page)
    send(page, "I need some support since having my baby")
    page.locator("#pcw-input").fill("Brecon")
    page.locator("#pcw-input").press("Enter")
    cards = page.locator(".pcw-service")
    expect(cards.first).to_be_visible(timeout=REPLY_TIMEOUT)
    half = page.evaluate("innerHeight") / 2
    assert cards.count() >= 2
    for card in cards.all():
        box = card.bounding_box()
        assert box is not None and box["height"] < half, (card.inner_text(), box)
        expect(card.get_by_role("heading")).to_be_visible()
        expect(card.get_by_text("Who it is for:")).to_be_visible()
        main = card.locator(".pcw-main-contact")
        expect(main).to_have_count(1)
        assert re.match(r"^(tel:\+?\d+|mailto:\S+@\S+|https?://)", main.get_attribute("href") or "")
        expect(card.locator(".pcw-service-details")).to_be_hidden()

    first = cards.first
    closed = first.bounding_box()
    assert closed is not None
    closed_height = closed["height"]
    more = first.get_by_role("button", name="More about this service")
    expect(more).to_have_attribute("aria-expanded", "false")
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    details = first.locator(".pcw-service-details")
    expect(details).to_be_visible()
    # Every card's details say where it runs and offer to report wrong details.
    expect(details.get_by_text("Where")).to_be_visible()
    expect(details.get_by_role("button", name="These details are wrong")).to_be_visible()
    opened = first.bounding_box()
    assert opened is not None and opened["height"] > closed_height
    page.screenshot(path=str(screenshots / "widget-layout-375-service-more.png"))
    more.click()
    expect(details).to_be_hidden()


@pytest.mark.parametrize("colours", [DARK, LIGHT], ids=["dark-host", "light-host"])
def test_launcher_focus_ring_shows_on_dark_and_light_host_pages(
    browser: Browser, webchat_stack: Stack, screenshots: Path, colours: tuple[str, str]
) -> None:
    ctx = new_context(browser, 1280, 800)
    page, errors = open_host(ctx, webchat_stack, colours)
    try:
        page.locator("#host-last").focus()
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        launcher = page.get_by_role("button", name="Chat with us")
        expect(launcher).to_be_focused()
        style = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor,
                        shadow: s.boxShadow}; }"""
        )
        assert style["style"] == "solid" and style["width"] >= 2, style
        shadow = re.match(r"(rgba?\([^)]*\)) 0px 0px 0px (\d+)px", style["shadow"])
        assert shadow and int(shadow[2]) >= style["width"] + 2, style  # a second ring outside the outline
        page_bg = rgb(colours[0])
        # The ring has one band that stands out (3:1, WCAG 1.4.11) on this page, whatever its colour.
        assert max(contrast(rgb(style["colour"]), page_bg), contrast(rgb(shadow[1]), page_bg)) >= 3, style
        # Two tones that stand out from each other, so one of them shows on any host colour.
        assert contrast(rgb(style["colour"]), rgb(shadow[1])) >= 3, style
        shade = "dark" if colours == DARK else "light"
        page.screenshot(path=str(screenshots / f"widget-layout-launcher-focus-{shade}.png"))
    finally:
        ctx.close()
    assert not errors, errors


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

"""Security: login everywhere, CSRF, SQL injection in filters, escaping, lock-out, roles."""

from __future__ import annotations

import re

import pytest
import requests

from tools.console.server import ConsoleServer, csrf_of, login

GET_ROUTES = [
    "/",
    "/inbox",
    "/inbox?view=all",
    "/dashboard",
    "/audit",
    "/export.csv",
    "/export.json",
    "/c/P-abc",
    "/c/P-abc/story.yml",
    "/c/P-abc/safety-case.yml?event=1",
    "/directory",
    "/directory/stale",
    "/directory/new",
    "/directory/s/{sid}",
]
POST_ROUTES = [
    "/logout",
    "/c/P-abc/review",
    "/c/P-abc/tags",
    "/c/P-abc/notes",
    "/c/P-abc/close-flag",
    "/c/P-abc/reveal",
    "/c/P-abc/hold",
    "/directory/new",
    "/directory/s/{sid}/edit",
    "/directory/s/{sid}/reassure",
    "/directory/s/{sid}/retire",
    "/directory/reports/{rid}/close",
]
INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE conversations; --",
    '" OR 1=1 --',
    "%' UNION SELECT sender_id, 1 --",
    "C1' OR 'x'='x",
    "../../etc/passwd",
    "%",
    "_",
]
FILTERS = ["from", "to", "channel", "intent", "crisis", "turns", "place", "reviewed", "q", "page", "view"]


def test_every_route_is_registered_in_the_lists(console: ConsoleServer) -> None:
    paths = {r.resource.canonical for r in console.app.router.routes() if r.method != "HEAD"}
    listed = {re.sub(r"P-abc", "{pid}", p.split("?")[0]) for p in GET_ROUTES + POST_ROUTES}
    # /oruk/: the public directory feed mounted by bot.directory.api (its own tests).
    assert {p for p in paths - listed if not p.startswith("/oruk/")} == {"/login", "/static"}


@pytest.mark.parametrize("path", GET_ROUTES)
def test_get_without_login_redirects_to_login(console: ConsoleServer, path: str) -> None:
    resp = requests.get(console.url + path, allow_redirects=False, headers={"Accept": "text/html"})
    assert resp.status_code == 302 and resp.headers["Location"].startswith("/login?next=")
    api = requests.get(console.url + path, allow_redirects=False, headers={"Accept": "application/json"})
    assert api.status_code == 401


@pytest.mark.parametrize("path", POST_ROUTES)
def test_post_without_login_is_401(console: ConsoleServer, path: str) -> None:
    resp = requests.post(console.url + path, data={"note": "x", "csrf_token": "x"}, allow_redirects=False)
    assert resp.status_code == 401


def _first_pid(client: requests.Session, base: str) -> str:
    return re.findall(r'href="/c/(P-[a-z0-9]+)"', client.get(base + "/inbox?view=queue").text)[0]


@pytest.mark.parametrize("path", ["review", "tags", "notes", "close-flag", "reveal", "hold"])
def test_forms_without_csrf_token_get_403(console: ConsoleServer, path: str) -> None:
    client = login(console.url, "admin")
    pid = _first_pid(client, console.url)
    for data in (
        {"text": "x", "note": "closing", "tag": "t", "reason": "because", "action": "reviewed"},
        {"text": "x", "csrf_token": "forged"},
    ):
        resp = client.post(f"{console.url}/c/{pid}/{path}", data=data, allow_redirects=False)
        assert resp.status_code == 403


def test_login_form_without_csrf_token_gets_403(console: ConsoleServer) -> None:
    resp = requests.post(console.url + "/login", data={"username": "admin", "password": "admin-password-1"})
    assert resp.status_code == 403


def _rows(html: str) -> list[str]:
    return re.findall(r'href="/c/(P-[a-z0-9]+)"', html)


@pytest.mark.parametrize("name", FILTERS)
def test_sql_injection_in_filters_changes_nothing_and_leaks_nothing(
    console: ConsoleServer, name: str
) -> None:
    client = login(console.url, "reviewer")
    before = _rows(client.get(console.url + "/inbox?view=all").text)
    for attack in INJECTIONS:
        resp = client.get(console.url + "/inbox", params={"view": "all", name: attack})
        assert resp.status_code == 200
        assert set(_rows(resp.text)) <= set(before)
        assert "test-" not in resp.text  # raw sender ids never appear
        assert "Traceback" not in resp.text and "sqlite" not in resp.text.lower()
        for export in ("/export.csv", "/export.json"):
            out = client.get(console.url + export, params={"view": "all", name: attack})
            assert out.status_code == 200 and "test-" not in out.text
    assert _rows(client.get(console.url + "/inbox?view=all").text) == before
    assert len(before) == 9


def test_script_in_a_user_message_is_shown_as_text(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    page = client.get(console.url + "/inbox", params={"view": "all", "q": "alert(1)"})
    pid = _rows(page.text)[0]
    html = client.get(f"{console.url}/c/{pid}").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[email]" in html and "jo@example.com" not in html


def test_security_headers_and_cookie_flags(console: ConsoleServer) -> None:
    page = requests.get(console.url + "/login")
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "DENY" and page.headers["Cache-Control"] == "no-store"
    client = requests.Session()
    form = client.get(console.url + "/login")
    resp = client.post(
        console.url + "/login",
        allow_redirects=False,
        data={"username": "reviewer", "password": "reviewer-password-1", "csrf_token": csrf_of(form.text)},
    )
    cookie = resp.headers["Set-Cookie"]
    assert "console_session=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_open_redirect_after_login_is_refused(console: ConsoleServer) -> None:
    client = requests.Session()
    form = client.get(console.url + "/login?next=//evil.example")
    resp = client.post(
        console.url + "/login",
        allow_redirects=False,
        data={
            "username": "reviewer",
            "password": "reviewer-password-1",
            "csrf_token": csrf_of(form.text),
            "next": "//evil.example",
        },
    )
    assert resp.headers["Location"] == "/inbox"


def test_reviewer_cannot_use_admin_pages(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    assert client.get(console.url + "/audit").status_code == 403
    pid = _first_pid(client, console.url)
    page = client.get(f"{console.url}/c/{pid}")
    resp = client.post(
        f"{console.url}/c/{pid}/reveal", data={"reason": "curious", "csrf_token": csrf_of(page.text)}
    )
    assert resp.status_code == 403


def test_logout_ends_the_session(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    page = client.get(console.url + "/inbox")
    client.post(console.url + "/logout", data={"csrf_token": csrf_of(page.text)})
    assert client.get(console.url + "/inbox", allow_redirects=False).status_code == 302


def _try_login(client: requests.Session, base: str, username: str, password: str) -> requests.Response:
    form = client.get(base + "/login")
    return client.post(
        base + "/login", data={"username": username, "password": password, "csrf_token": csrf_of(form.text)}
    )


def _error(html: str) -> str:
    return re.search(r'<p class="error" role="alert">(.*?)</p>', html, re.S).group(1)


def test_repeated_wrong_passwords_lock_the_account_and_nothing_tells_which_names_exist(
    console: ConsoleServer,
) -> None:
    from bot.console import auth, schema

    engine = schema.open_console_db(console.settings.console_db_url)
    with engine.begin() as conn:
        auth.create_user(conn, "victim", "victim-password-1", "reviewer")
    client = requests.Session()
    answers = []
    for _ in range(auth.MAX_FAILURES + 1):
        for name in ("victim", "nobody-by-this-name"):
            resp = _try_login(client, console.url, name, "wrong-password")
            answers.append((resp.status_code, _error(resp.text)))
    # The right password on the locked account gets the very same answer.
    locked = _try_login(client, console.url, "victim", "victim-password-1")
    answers.append((locked.status_code, _error(locked.text)))
    assert set(answers) == {(401, auth.LOGIN_REFUSED)}
    assert "locked" in auth.LOGIN_REFUSED and "Log out" not in locked.text
    with engine.connect() as conn:
        assert auth.is_locked(conn, "victim") and not auth.is_locked(conn, "nobody-by-this-name")
    engine.dispose()
    admin = login(console.url, "admin")
    log = admin.get(console.url + "/audit?action=login_failed").text
    assert "account locked" in log and "unknown or inactive user" in log


def test_unknown_names_cost_a_password_check_like_real_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.console import auth, schema

    engine = schema.open_console_db("sqlite:///:memory:")
    with engine.begin() as conn:
        auth.create_user(conn, "real", "real-password-1", "reviewer")
    checks: list[str] = []
    real = auth._hasher  # noqa: SLF001 - counting the work done

    class Counting:
        def verify(self, hashed: str, password: str) -> bool:
            checks.append(hashed)
            return real.verify(hashed, password)

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

    monkeypatch.setattr(auth, "_hasher", Counting())
    for name in ("real", "ghost"):
        for _ in range(auth.MAX_FAILURES + 1):
            with engine.begin() as conn, pytest.raises(auth.AuthError):
                auth.authenticate(conn, name, "wrong-password")
    # One argon2 check per attempt, whether the name exists, is locked or not.
    assert len(checks) == 2 * (auth.MAX_FAILURES + 1)
    engine.dispose()

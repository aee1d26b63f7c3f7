"""Real-browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server.

The browser is never downloaded: it is the system's ``/usr/bin/chromium`` (``apt-get install -y chromium``).
Without it the tests skip with a message, unless ``IEG_REQUIRE_BROWSER=1`` (CI), where they fail.

Every test here:
- runs at a pinned moment (``FROZEN_NOW``), so due dates, badges and screenshots do not depend on the day;
- fails if the page logged a JavaScript error or a Content-Security-Policy violation;
- can call ``assert_accessible(page)`` (axe-core, serious and critical violations fail the test)
  and ``screenshot(page, name)``.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from e2e.site_pages import site, world  # noqa: F401  (fixtures: every page type per role, from the matrix)

# The live server listens on 127.0.0.1 (an IP, so no IPv6/localhost ambiguity), on a free port.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

E2E_DIR = Path(__file__).resolve().parent
BASE_DIR = E2E_DIR.parent
AXE_JS = E2E_DIR / "vendor" / "axe.min.js"
CHROMIUM = os.environ.get("IEG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every run saves its screenshots under var/; IEG_UPDATE_SCREENSHOTS=1 also refreshes the ones the README shows.
SCREENSHOT_DIR = BASE_DIR / "var" / "test" / "screenshots"
DOCS_SCREENSHOT_DIR = BASE_DIR / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery staple"  # meetings.tests.factories.make_user  # noqa: S105
# Monday 23 November 2026, 10:00 in New York: the IEG year 2026 of the shared fixtures is under way.
FROZEN_NOW = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("America/New_York"))
# axe impacts that fail a test; "moderate" and "minor" are reported by assert_accessible(strict=True) only.
FAILING_IMPACTS = ("serious", "critical")


def pytest_collection_modifyitems(items):
    """Every test in e2e/ is a browser test (`-m "not browser"` leaves them out)."""
    for item in items:
        if E2E_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the e2e tests (closed after them, so its event loop does not outlive them).

    Skipped (or failed, with IEG_REQUIRE_BROWSER=1) when Chromium is not installed.
    """
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`."
        if os.environ.get("IEG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"IEG_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # The sync API keeps an asyncio loop running in the test thread; Django would refuse ORM calls from that
    # thread (SynchronousOnlyOperation) although nothing here is concurrent. Only while the browser lives:
    # the variable must not leak into other tests (`check --deploy` rightly rejects it).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _browser_settings(settings):
    """The live server speaks plain HTTP: production's Secure cookies would never come back from Chromium."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # The clock is pinned (maybe years back): a dated CSRF cookie could already be expired for the browser.
    settings.CSRF_COOKIE_AGE = None


@pytest.fixture(autouse=True)
def _empty_cache():
    """The live server outlives each test; so does its cache (public pages are cached for anonymous visitors)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def frozen_now():
    """The server (and the test) live at FROZEN_NOW; the clock ticks on from there."""
    with time_machine.travel(FROZEN_NOW, tick=True):
        yield FROZEN_NOW


def _new_page(browser, live_server, viewport):
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, locale="en-GB", timezone_id="America/New_York"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.problems = []  # JavaScript errors and CSP violations, checked when the test ends
    page.dialogs = []  # confirm() questions asked (data-confirm buttons); each is accepted
    page.on("pageerror", lambda error: page.problems.append(f"JavaScript error: {error}"))
    page.on(
        "console",
        lambda msg: msg.type == "error" and page.problems.append(f"console error on {page.url}: {msg.text}"),
    )

    def accept(dialog):
        page.dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    return page


@pytest.fixture
def new_page(browser, live_server):
    """Open pages, each in its own browser context (own cookies), so several people can act in one test."""
    pages = []

    def open_page(viewport=DESKTOP):
        pages.append(_new_page(browser, live_server, viewport))
        return pages[-1]

    yield open_page
    problems = []
    for opened in pages:
        opened.context.close()
        problems += opened.problems
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


@pytest.fixture
def page(new_page):
    """A fresh desktop-sized page (1280 wide) with the live server as base URL."""
    return new_page()


@pytest.fixture
def phone_page(new_page):
    """A phone-width page (390 px), for the responsive layout."""
    return new_page(PHONE)


def login(page, live_server, user, password: str = PASSWORD):
    """Sign in through the real form, as a person would, and wait for the page after it."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert "/accounts/login/" not in page.url, _page_errors(page)


def _page_errors(page) -> str:
    errors = page.locator(".errorlist, .alert--danger").all_inner_texts()
    return f"sign-in failed at {page.url}: {' '.join(errors) or page.title()}"


def _inject_axe(page):
    """Load the vendored axe-core into the page (once per document).

    ``add_script_tag(path=...)`` inserts an inline <script>, which the app's CSP (script-src 'self')
    rightly blocks. So the vendored file is served at a same-origin URL, intercepted by Playwright
    (never reaching Django), and the CSP stays as strict as in production.
    """
    if page.evaluate("typeof window.axe !== 'undefined'"):
        return
    axe_url = "/".join(page.url.split("/", 3)[:3]) + "/__e2e__/axe.min.js"
    page.route(axe_url, lambda route: route.fulfill(path=str(AXE_JS), content_type="text/javascript"))
    page.add_script_tag(url=axe_url)


def axe_violations(page, *, impacts=FAILING_IMPACTS, tags=None) -> list[dict]:
    """axe-core's violations on the current page, limited to the given impacts (and to rules with these tags)."""
    _inject_axe(page)
    results = page.evaluate(
        """async (tags) => {
            const options = {resultTypes: ["violations"]};
            if (tags) options.runOnly = {type: "tag", values: tags};
            const r = await axe.run(document, options);
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }""",
        list(tags) if tags else None,
    )
    return [v for v in results if v["impact"] in impacts]


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{url}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"      at {node['target']}")
            lines.extend(f"         {line}" for line in (node["summary"] or "").splitlines()[:4])
        if len(v["nodes"]) > 5:
            lines.append(f"      ... and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


def assert_accessible(page, *, strict: bool = False):
    """Fail with a readable list when axe finds serious or critical violations (any impact when strict)."""
    impacts = ("minor", "moderate", "serious", "critical") if strict else FAILING_IMPACTS
    violations = axe_violations(page, impacts=impacts)
    if violations:
        pytest.fail(
            "axe-core found accessibility violations\n" + format_violations(page.url, violations), pytrace=False
        )


def screenshot(page, name: str, *, docs: bool = False, full_page: bool = True) -> Path:
    """Save a PNG of the page (full length by default); ``docs=True`` marks the ones shown in the README."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled", caret="initial")
    if docs and os.environ.get("IEG_UPDATE_SCREENSHOTS") == "1":
        DOCS_SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_SCREENSHOT_DIR / path.name)
    return path

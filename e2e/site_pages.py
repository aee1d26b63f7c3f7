"""Every page type of the site, for each role, for browser tests that crawl the whole site.

The list is not kept by hand: it is the permission matrix (``accounts/tests/test_permission_matrix.py``).
Every URL of the project must have a MATRIX entry there (its own test fails otherwise), so a new URL is
listed here automatically: each GET case a role may open (200, or a redirect it follows to a page) is one
page for that role, with the matrix's object kwargs (its ``world`` fixture) and query string. A URL name the
matrix does not know makes ``site.pages(role)`` raise, naming it. Answers that are not HTML pages (PDFs,
CSV, iCal, JSON, downloads) are in NOT_HTML; a crawler should assert that every page it opens is HTML
(``assert_html(response, entry)``), so a new non-HTML URL fails saying it belongs in NOT_HTML.

Roles: anonymous, secretariat, cochair (Denmark, 2026), expert (France, on the 2026 Council) and
observer (Sweden, not on the Council): the users of the root ``conftest.py`` that the matrix uses.

Use it from a test in e2e/ (the ``site`` fixture, and the matrix's ``world``, are registered in e2e/conftest.py)::

    from e2e.site_pages import ROLES, assert_html, sign_in

    def test_every_page(site, new_page, live_server):
        for role in ROLES:
            page = new_page()                        # one browser context per role
            sign_in(page, live_server, site, role)   # anonymous: does nothing
            for entry in site.pages(role):           # list after signing in (password-reset tokens)
                response = page.goto(live_server.url + entry.url)
                assert_html(response, entry)
                ...

``site.pages(role, names=MAIN_PAGES)`` limits the list to some URL names; ``site.form_posts(role)`` lists the
matrix's POST cases that answer the role with a page (a form's error state), as ``(entry, data)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.tests import test_permission_matrix as matrix
from accounts.tests.test_permission_matrix import LOGIN, MATRIX, PROJECT_NAMES, World

world = matrix.world  # the matrix's fixture: every kind of object, one user per role

ROLES = ("anonymous", "secretariat", "cochair", "expert", "observer")
# The matrix's name for each role here.
MATRIX_ROLE = {
    "anonymous": "anon",
    "secretariat": "secretariat",
    "cochair": "cochair",
    "expert": "expert",
    "observer": "nonmember",
}
# URL names that answer with something other than an HTML page.
NOT_HTML = {
    # The language switcher: a redirect that changes the language of every page opened after it.
    "set_language": "a redirect",
    "api:timeline": "JSON",
    "api_v1:api-root": "JSON",
    "api_v1:openapi-json": "JSON",
    "api_v1:years": "JSON",
    "api_v1:meetings": "JSON",
    "api_v1:meeting": "JSON",
    "api_v1:recommendations": "JSON",
    "api_v1:recommendation": "JSON",
    "api_v1:change_status": "JSON",
    "api_v1:step_done": "JSON",
    "api_v1:summaries": "JSON",
    "api_v1:notes": "JSON",
    "api_v1:missions": "JSON",
    "api_v1:network_members": "JSON",
    "api_v1:network_meetings": "JSON",
    "api_v1:network_meeting": "JSON",
    "api_v1:network_action_points": "JSON",
    "health": "JSON",
    "recommendations:export": "CSV",
    "documents:note_pdf": "PDF",
    "documents:summary_pdf": "PDF",
    "documents:public_note_pdf": "PDF",
    "documents:public_summary_pdf": "PDF",
    "documents:attachment_download": "a download",
    "documents:public_attachment": "a download",
    "notifications:ical_feed": "iCal",
    "network:document_pdf": "PDF",
    "network:public_document_pdf": "PDF",
    # Exports (issue #16, part 4).
    "recommendations:export_xlsx": "XLSX",
    "meetings:export": "CSV",
    "meetings:export_xlsx": "XLSX",
    "recommendations:scorecard_export": "CSV",
    "recommendations:scorecard_export_xlsx": "XLSX",
    "network:action_points_export": "CSV",
    "network:action_points_export_xlsx": "XLSX",
}
# The main pages, for the checks too slow to run on every page (200% zoom, text spacing).
MAIN_PAGES = frozenset(
    {
        "public:home",
        "public:year",
        "public:meeting",
        "meetings:dashboard",
        "meetings:year",
        "meetings:list",
        "meetings:detail",
        "meetings:planner",
        "recommendations:tracker",
        "documents:index",
        "documents:note",
        "notifications:outbox",
        "accounts:user_list",
    }
)


@dataclass(frozen=True)
class SitePage:
    """One page one role opens: its URL name, the matrix case it comes from, its path with the query."""

    role: str
    name: str
    case: int  # index of the case in MATRIX[name]
    url: str
    status: int  # what the matrix expects: 200, or a redirect the browser follows

    @property
    def label(self) -> str:
        return f"{self.role} {self.name}#{self.case} {self.url}"


class Site:
    """The matrix's world seen by each role."""

    def __init__(self, world: World):
        self.world = world

    def user(self, role: str):
        """The user of a role (None for anonymous)."""
        return None if role == "anonymous" else self.world.users[MATRIX_ROLE[role]]

    def _cases(self, role: str, names: Iterable[str] | None):
        _check_role(role)
        missing = [name for name in PROJECT_NAMES if name not in MATRIX]
        if missing:
            raise LookupError(
                f"URLs missing from the page list: {missing}. Add them to MATRIX in "
                "accounts/tests/test_permission_matrix.py (e2e/site_pages.py lists the site from it)."
            )
        wanted = set(PROJECT_NAMES if names is None else names)
        for name in sorted(wanted):
            for index, case in enumerate(MATRIX.get(name, [])):
                yield name, index, case, case.expect[MATRIX_ROLE[role]]

    def _url(self, name: str, case, params: dict) -> str:
        kwargs = case.kwargs(self.world) if callable(case.kwargs) else case.kwargs
        url = reverse(name, kwargs=kwargs)
        return f"{url}?{urlencode(params, doseq=True)}" if params else url

    def pages(self, role: str, *, names: Iterable[str] | None = None, html: bool = True) -> list[SitePage]:
        """Every page (GET) the role opens; ``html=False`` adds the NOT_HTML answers."""
        found = []
        for name, index, case, expect in self._cases(role, names):
            if case.method != "get" or expect == LOGIN or not isinstance(expect, int) or expect >= 400:
                continue
            if html and name in NOT_HTML:
                continue
            url = self._url(name, case, case.data or case.query)
            found.append(SitePage(role=role, name=name, case=index, url=url, status=expect))
        return found

    def form_posts(self, role: str, *, names: Iterable[str] | None = None) -> list[tuple[SitePage, dict]]:
        """The POST cases answering the role with a page (200 or 400: a form's error state), with their data."""
        found = []
        for name, index, case, expect in self._cases(role, names):
            if case.method == "post" and expect in (200, 400):
                url = self._url(name, case, {})
                found.append((SitePage(role=role, name=name, case=index, url=url, status=expect), case.data))
        return found


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}: one of {ROLES}")


@pytest.fixture
def site(world) -> Site:
    """The permission matrix's world (every kind of object, each role's user) as a list of pages per role."""
    return Site(world)


def sign_in(page, live_server, site: Site, role: str) -> None:
    """Sign the page's browser context in as the role (anonymous: nothing).

    A session made by Django's test client, its cookie given to the browser: quicker than the sign-in form
    (e2e/test_sign_in.py tests that), and no sign-in attempts counted by the lockout.
    """
    _check_role(role)
    if role == "anonymous":
        return
    client = Client()
    client.force_login(site.user(role))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def assert_html(response, entry: SitePage) -> None:
    """The page answered (after redirects) 200 with HTML; anything else names the entry and what to do."""
    assert response is not None, f"{entry.label}: no response"
    assert response.status == 200, f"{entry.label} answered {response.status}"
    content_type = response.headers.get("content-type", "")
    assert content_type.startswith("text/html"), (
        f"{entry.label} answered {content_type!r}, not a page: add {entry.name!r} to NOT_HTML in e2e/site_pages.py"
    )

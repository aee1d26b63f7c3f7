"""The secretariat switches the app to French with the header's switcher and walks its main pages: every page is
in French (<html lang="fr">), no interface string is left in English, and each still passes axe. What stays in
English is marked so: the documents' own text, inside an element with lang="en"."""

from __future__ import annotations

import re

import polib
import pytest
from django.conf import settings

from accounts.models import User
from e2e.conftest import assert_accessible, login, screenshot
from e2e.test_accessibility import demo  # noqa: F401  (fixture: the demo data of `make run`)
from meetings.models import Meeting

# Interface strings each of these pages shows in English (the header's and the pages' own).
ENGLISH = (
    "Sign out",
    "This week",
    "Meetings",
    "Recommendations",
    "Renewals",
    "Outbox",
    "My reminders",
    "Date planner",
    "Scorecard",
    "Representatives",
    "People",
    "Language",
    "Save",
    "Due",
    "Responsible",
    "Upcoming meetings",
    "Agenda countries",
    "Preparation and follow-up timeline",
    "Mandate renewals",
    "Next review",
    "Filter recommendations",
    "Members and focal points",
    "Overview",
)
# The page text without what is in English on purpose (documents' text: lang="en").
PAGE_TEXT = """() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll('[lang="en"], script, style, template').forEach((el) => el.remove());
    return copy.innerText;
}"""


def _catalogue_sentences() -> list[str]:
    """The catalogue's English sentences (several words, no placeholder) that French changes: none may show."""
    path = settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    return [
        e.msgid
        for e in polib.pofile(str(path))
        if e.msgid
        and not e.msgid_plural
        and e.msgstr
        and e.msgstr != e.msgid
        and len(e.msgid.split()) >= 3
        and not re.search(r"%|<|\{", e.msgid)
    ]


def test_the_secretariat_reads_its_main_pages_in_french(page, live_server, demo):  # noqa: F811
    login(page, live_server, demo)
    assert page.locator("html").get_attribute("lang") == "en"

    # The switcher: a labelled select and a button, used from the keyboard.
    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change language").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert User.objects.get(pk=demo.pk).language == "fr"

    haiti = Meeting.objects.get(agenda_year__year=2026, situation__name="Haiti", kind="country")
    pages = {
        "/work/": "Cette semaine",
        "/work/year/": "Année",
        haiti.get_absolute_url(): "Haiti",  # a country's name is data, in English
        "/recommendations/": "Recommandations",
        "/recommendations/renewals/": "Renouvellements",
        "/network/": "Réseau",
    }
    sentences = _catalogue_sentences()
    left = []
    for path, heading in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, f"{path} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == "fr", path
        assert page.get_by_label("Langue").input_value() == "fr"
        assert heading in page.get_by_role("heading", level=1).inner_text(), path
        text = page.evaluate(PAGE_TEXT)
        assert "Se déconnecter" in text and "Cette semaine" in text, path  # the text read is the page's
        left += [f"{path}: {s!r}" for s in ENGLISH if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text)]
        left += [f"{path}: {s!r}" for s in sentences if s in text]
        assert_accessible(page)
        screenshot(page, "fr" + path.rstrip("/").replace("/", "-"))
    assert not left, "English interface strings on French pages:\n" + "\n".join(left)


def test_a_visitor_switches_without_signing_in(page, live_server, demo):  # noqa: F811
    page.goto(f"{live_server.url}/")
    page.get_by_label("Language").select_option("fr")
    with page.expect_navigation():
        page.get_by_role("button", name="Change language").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Résumés publiés" in page.get_by_role("navigation", name="Principal").inner_text()
    page.goto(f"{live_server.url}/network/issued/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_accessible(page)


@pytest.fixture(autouse=True)
def _language_cookie_over_http(settings):
    """The live server speaks plain HTTP: a Secure language cookie would never come back."""
    settings.LANGUAGE_COOKIE_SECURE = False

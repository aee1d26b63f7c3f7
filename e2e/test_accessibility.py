"""axe-core on every main page (no serious or critical violation), with a screenshot of each.

One walk through the demo data (the public record plus a live planning year), so the pages are full and
realistic: the screenshots in docs/screenshots come from here (IEG_SCREENSHOT_DIR=docs/screenshots).
"""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from e2e.conftest import FAILING_IMPACTS, PASSWORD, axe_violations, format_violations, login, screenshot
from meetings.models import Meeting
from recommendations.models import Recommendation

ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


@pytest.fixture
def demo(transactional_db):
    """The demo data of `make run` and its reminders; the demo users' passwords set to the test password."""
    call_command("load_demo", stdout=io.StringIO())
    call_command("send_reminders", stdout=io.StringIO())  # this week's reminders, so the outbox has rows
    for user in User.objects.all():
        user.set_password(PASSWORD)
        user.save()
    return User.objects.get(username="secretariat")


class Audit:
    """Visits pages, keeps every axe finding, and fails once at the end with the whole list."""

    def __init__(self, page, live_server):
        self.page, self.base, self.failures, self.notes = page, live_server.url, [], []

    def visit(self, path: str, name: str, *, heading: str, docs: bool = False):
        response = self.page.goto(f"{self.base}{path}")
        assert response.status == 200, f"{path} answered {response.status}"
        self.check(name, heading=heading, docs=docs)

    def check(self, name: str, *, heading: str, docs: bool = False):
        assert heading.lower() in self.page.get_by_role("heading", level=1).inner_text().lower()
        violations = axe_violations(self.page, impacts=ALL_IMPACTS)
        failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        if failing:
            self.failures.append(format_violations(self.page.url, failing))
        if others := [v for v in violations if v["impact"] not in FAILING_IMPACTS]:
            self.notes.append(format_violations(self.page.url, others))
        screenshot(self.page, name, docs=docs)

    def assert_clean(self):
        if self.notes:
            print("axe: moderate and minor findings (not failing)\n" + "\n".join(self.notes))  # noqa: T201
        if self.failures:
            pytest.fail("axe-core found serious or critical violations\n" + "\n".join(self.failures), pytrace=False)


def test_public_pages_are_accessible(page, live_server, demo):
    audit = Audit(page, live_server)
    audit.visit("/", "public-home", heading="Women and Peace and Security", docs=True)
    audit.visit("/year/2016/", "public-year", heading="IEG meetings of 2016")
    audit.visit("/country/afghanistan/", "public-country", heading="IEG meetings on Afghanistan")
    audit.visit("/accounts/login/", "login", heading="Sign in")
    audit.visit("/work/planner/?meeting_date=2026-12-16", "planner", heading="Date planner", docs=True)
    audit.assert_clean()


def test_secretariat_pages_are_accessible(page, live_server, demo):
    haiti = Meeting.objects.get(agenda_year__year=2026, situation__name="Haiti", kind="country")
    login(page, live_server, demo)
    audit = Audit(page, live_server)
    audit.check("dashboard", heading="This week", docs=True)
    audit.visit("/work/year/2026/", "year", heading="IEG year 2026", docs=True)
    audit.visit("/work/meetings/", "meetings", heading="Meetings", docs=True)
    audit.visit(haiti.get_absolute_url(), "meeting", heading="Haiti", docs=True)
    audit.visit("/work/meetings/new/", "meeting-form", heading="New meeting")
    audit.visit("/countries/", "countries", heading="Countries and situations", docs=True)
    audit.visit(haiti.situation.get_absolute_url(), "situation", heading="Haiti")
    audit.visit("/countries/member-states/", "member-states", heading="Member states")
    audit.assert_clean()


def test_follow_up_pages_are_accessible(page, live_server, demo):
    """Recommendations, renewals, scorecard, documents, outbox, reminders and people."""
    recommendation = Recommendation.objects.order_by("pk").first()
    login(page, live_server, demo)
    audit = Audit(page, live_server)
    audit.visit("/recommendations/", "recommendations", heading="Recommendations", docs=True)
    audit.visit(f"/recommendations/{recommendation.pk}/", "recommendation", heading="Recommendation")
    audit.visit("/recommendations/renewals/", "renewals", heading="renewals")
    audit.visit("/recommendations/scorecard/", "scorecard", heading="Scorecard", docs=True)
    audit.visit("/documents/", "documents", heading="Background notes and summaries")
    audit.visit("/notifications/outbox/", "outbox", heading="Outbox", docs=True)
    audit.visit("/notifications/preferences/", "reminders", heading="Notification preferences")
    audit.visit("/accounts/users/", "people", heading="People")
    audit.assert_clean()


def test_form_errors_are_accessible(page, live_server, demo):
    login(page, live_server, demo)
    page.goto(f"{live_server.url}/work/meetings/new/")
    page.get_by_role("button", name="Save meeting").click()
    audit = Audit(page, live_server)
    audit.check("meeting-form-errors", heading="New meeting")
    # Each invalid field says so to assistive technology, and points at its error message.
    situation = page.get_by_label("Country or situation")
    assert situation.get_attribute("aria-invalid") == "true"
    assert (
        "Choose the country" in page.locator(f"#{situation.get_attribute('aria-describedby').split()[-1]}").inner_text()
    )
    audit.assert_clean()


def test_pages_fit_a_phone(phone_page, live_server, demo):
    """390 px wide: nothing wider than the screen (no sideways scrolling), and still accessible."""
    haiti = Meeting.objects.get(agenda_year__year=2026, situation__name="Haiti", kind="country")
    login(phone_page, live_server, demo)
    audit = Audit(phone_page, live_server)
    pages = [
        ("/work/", "phone-dashboard", "This week"),
        ("/work/year/2026/", "phone-year", "IEG year 2026"),
        ("/work/meetings/", "phone-meetings", "Meetings"),
        (haiti.get_absolute_url(), "meeting-phone", "Haiti"),
        ("/recommendations/", "phone-recommendations", "Recommendations"),
    ]
    too_wide = []
    for path, name, heading in pages:
        audit.visit(path, name, heading=heading, docs=name == "meeting-phone")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide.append(f"{path} is {width} px wide")
    assert not too_wide, too_wide
    audit.assert_clean()


def test_meeting_page_prints_without_navigation_or_buttons(page, live_server, demo):
    haiti = Meeting.objects.get(agenda_year__year=2026, situation__name="Haiti", kind="country")
    login(page, live_server, demo)
    page.goto(f"{live_server.url}{haiti.get_absolute_url()}")
    page.emulate_media(media="print")

    assert not page.get_by_role("banner").is_visible()
    moves = page.locator("form.status-move button")  # hidden in print, so not in the accessibility tree
    assert moves.count() > 0 and not any(moves.nth(i).is_visible() for i in range(moves.count()))
    assert not page.get_by_role("columnheader", name="Action").is_visible()
    timeline = page.get_by_role("table", name="Preparation and follow-up timeline")
    assert timeline.is_visible()
    assert "13 Nov 2026" in timeline.inner_text()
    assert page.pdf(format="A4")[:5] == b"%PDF-"

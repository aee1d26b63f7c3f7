"""Create a meeting for an agenda country through the form, read its timeline, mark the letter sent in place."""

import datetime
import re

from e2e.conftest import login
from meetings.models import Meeting, TimelineStep
from meetings.tests import factories

LETTER = "Co-chairs' signed letter requesting the briefing"
NOTE = "Background note and key recommendations shared with Council members"


def test_create_meeting_for_agenda_country_shows_timeline_with_due_dates(page, live_server, secretariat_user, year):
    factories.make_entry(year, "Haiti")
    # A UN holiday on Monday 14 December: the note, 2 business days ahead, is due Friday 11 (Tuesday 15 is the 1st).
    factories.make_holidays(datetime.date(2026, 12, 14))
    login(page, live_server, secretariat_user)

    page.goto(f"{live_server.url}/work/year/2026/")
    page.get_by_role("link", name="Plan meeting Haiti").click()
    assert page.get_by_role("heading", level=1).inner_text() == "New meeting"
    # The link carried the year and the country into the form.
    assert page.get_by_label("Agenda year").locator("option:checked").inner_text().endswith("2026")
    assert page.get_by_label("Country or situation").locator("option:checked").inner_text() == "Haiti"
    page.get_by_label(re.compile(r"^Date\b")).fill("2026-12-16")
    page.get_by_role("button", name="Save meeting").click()

    meeting = Meeting.objects.get(situation__name="Haiti")
    assert page.url == f"{live_server.url}{meeting.get_absolute_url()}"
    assert page.get_by_role("status").filter(has_text="Meeting created").is_visible()
    assert "16 Dec 2026" in page.locator(".page-header").inner_text()
    timeline = page.get_by_role("table", name="Preparation and follow-up timeline")
    letter = timeline.get_by_role("row", name=LETTER)
    assert "2 Dec 2026" in letter.inner_text()
    assert "window opens 18 Nov" in letter.inner_text()
    assert "11 Dec 2026" in timeline.get_by_role("row", name=NOTE).inner_text()
    assert timeline.locator("tbody tr").count() == TimelineStep.objects.filter(meeting=meeting).count() == 13


def test_mark_letter_done_updates_the_row_without_reload(page, live_server, secretariat_user, year):
    meeting = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 12, 16))
    login(page, live_server, secretariat_user)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    # A marker on the window survives only if the page is not reloaded.
    page.evaluate("window.__e2eSamePage = true")
    letter = page.get_by_role("table", name="Preparation and follow-up timeline").get_by_role("row", name=LETTER)
    assert "Open" in letter.inner_text()

    with page.expect_response(lambda r: "/steps/" in r.url and r.request.method == "POST") as response:
        letter.get_by_role("button", name="Mark done").focus()
        page.keyboard.press("Enter")

    assert response.value.status == 200
    assert response.value.request.headers.get("hx-request") == "true"
    letter.get_by_text("Done", exact=True).wait_for()
    assert page.evaluate("window.__e2eSamePage") is True
    # Keyboard focus stays in place (on the button that replaced the one pressed); screen readers hear the change.
    reopen = letter.get_by_role("button", name="Reopen")
    assert reopen.evaluate("button => button === document.activeElement")
    assert page.locator("#timeline-status").inner_text() == f"{LETTER}: done."
    assert secretariat_user.username in letter.inner_text()
    step = TimelineStep.objects.get(meeting=meeting, key="request_letter")
    assert step.state == TimelineStep.State.DONE
    assert step.done_by == secretariat_user


def test_a_reload_shows_the_step_done(page, live_server, secretariat_user, year):
    """A change made in place is what the page shows after a reload."""
    meeting = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 12, 16))
    login(page, live_server, secretariat_user)
    url = f"{live_server.url}{meeting.get_absolute_url()}"
    page.goto(url)
    page.reload()
    letter = page.get_by_role("table", name="Preparation and follow-up timeline").get_by_role("row", name=LETTER)
    assert "Open" in letter.inner_text()

    letter.get_by_role("button", name="Mark done").click()
    letter.get_by_role("button", name="Reopen").wait_for()
    for _ in range(2):
        page.reload()
        letter = page.get_by_role("table", name="Preparation and follow-up timeline").get_by_role("row", name=LETTER)
        assert letter.get_by_role("button", name="Reopen").is_visible()
        assert letter.get_by_role("button", name="Mark done").count() == 0

"""The date planner answers "if we meet on this date, when must each step happen?", for anyone."""

import datetime

from meetings.tests import factories


def test_anonymous_visitor_plans_a_date(page, live_server, db):
    factories.make_holidays(datetime.date(2027, 1, 18))  # Martin Luther King Jr. Day, a UN holiday
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Date planner").click()

    page.get_by_label("Meeting date").fill("2027-01-20")
    page.get_by_role("button", name="Plan").click()

    assert "meeting_date=2027-01-20" in page.url
    plan = page.get_by_role("table", name="A meeting on 20 Jan 2027")
    letter = plan.get_by_role("row", name="Co-chairs' signed letter requesting the briefing")
    assert "6 Jan 2027" in letter.inner_text()
    assert "23 Dec 2026" in letter.inner_text()  # the letter's window opens four weeks ahead
    # Two business days before Wednesday 20: Tuesday 19, then (Monday 18 is a holiday) Friday 15.
    note = plan.get_by_role("row", name="Background note and key recommendations shared with Council members")
    assert "15 Jan 2027" in note.inner_text()


def test_planner_rejects_a_bad_date_and_keeps_the_form(page, live_server, db):
    page.goto(f"{live_server.url}/work/planner/?meeting_date=2027-02-30")

    assert page.locator(".errorlist").is_visible()
    assert page.get_by_role("table").count() == 0

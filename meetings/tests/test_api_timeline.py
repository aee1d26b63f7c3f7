"""The JSON date planner: right dates around real UN holidays, 400 (never 500) on bad input."""

import datetime

import pytest

from meetings.tests import factories

D = datetime.date
pytestmark = pytest.mark.django_db

# UN Headquarters holidays 2026-2027 from the project's demo data (the holiday table).
UN_HOLIDAYS = [
    D(2026, 1, 1), D(2026, 3, 20), D(2026, 4, 3), D(2026, 5, 25), D(2026, 5, 27), D(2026, 7, 3),
    D(2026, 9, 7), D(2026, 11, 26), D(2026, 12, 25), D(2027, 1, 1), D(2027, 3, 9), D(2027, 3, 26),
    D(2027, 5, 17), D(2027, 5, 31), D(2027, 7, 5), D(2027, 9, 6), D(2027, 11, 25), D(2027, 12, 24),
]  # fmt: skip


@pytest.fixture(autouse=True)
def holidays(db):
    factories.make_holidays(*UN_HOLIDAYS)


def plan(client, day):
    response = client.get("/api/timeline", {"meeting_date": day})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["meeting_date"] == day
    return {step["key"]: step for step in body["steps"]}


@pytest.mark.parametrize(
    ("meeting", "note_due"),
    [
        ("2026-11-30", "2026-11-25"),  # Monday after Thanksgiving
        ("2026-12-28", "2026-12-23"),  # Monday after Christmas
        ("2027-01-04", "2026-12-30"),  # Monday after New Year's Day, across the year end
        ("2027-03-29", "2027-03-24"),  # Monday after Good Friday
        ("2027-05-18", "2027-05-13"),  # Tuesday after Eid al-Adha (observed Monday 17 May)
        ("2027-07-06", "2027-07-01"),  # Tuesday after Independence Day (observed Monday 5 July)
        ("2027-03-10", "2027-03-05"),  # Wednesday after Eid al-Fitr (Tuesday 9 March)
        ("2026-12-10", "2026-12-08"),  # ordinary Thursday: Tuesday
    ],
)
def test_background_note_due_around_un_holidays(client, meeting, note_due):
    steps = plan(client, meeting)
    assert steps["background_note"]["due"] == note_due
    assert steps["background_note"]["window_start"] is None


def test_letter_window_and_every_step_present(client):
    steps = plan(client, "2027-01-04")
    assert steps["request_letter"] | {} == steps["request_letter"]
    assert (steps["request_letter"]["window_start"], steps["request_letter"]["due"]) == ("2026-12-07", "2026-12-21")
    assert len(steps) == 13
    assert steps["schedule_follow_up"]["due"] == "2027-07-06"  # 4 July is a Sunday, 5 July observed
    assert all(set(step) >= {"key", "due", "window_start"} for step in steps.values())


def test_readable_without_signing_in_and_shows_nothing_else(client):
    response = client.get("/api/timeline", {"meeting_date": "2026-12-10"})
    assert response.status_code == 200
    assert set(response.json()) == {"meeting_date", "warnings", "steps"}


@pytest.mark.parametrize(
    "value", [None, "", "tomorrow", "2026-13-01", "2026-02-30", "10/12/2026", "9999-12-31", "x" * 500]
)
def test_bad_or_missing_date_is_a_400_with_a_message(client, value):
    params = {} if value is None else {"meeting_date": value}
    response = client.get("/api/timeline", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "meeting_date" in response.json()["error"] or "date" in response.json()["error"]

"""Dates that cannot be right: a weekend, a UN Headquarters holiday, the past, a country not on the agenda.

One home (services.date_warnings), used by the meeting form (warn, then "Save anyway"), the date planner and
/api/timeline (a ``warnings`` list of strings).
"""

import datetime
import re

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Holiday, Meeting
from meetings.tests import factories

D = datetime.date
TODAY = D(2026, 11, 23)  # a Monday
pytestmark = pytest.mark.django_db


@pytest.fixture
def on_agenda(year):
    return factories.make_entry(year, "Haiti").situation


def test_a_good_date_has_no_warnings(year, on_agenda):
    assert services.date_warnings(D(2026, 12, 10), today=TODAY, agenda_year=year, situation=on_agenda) == []


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 12, 12), "12 Dec 2026 is a Saturday: UN Headquarters is closed at weekends."),
        (D(2026, 12, 13), "13 Dec 2026 is a Sunday: UN Headquarters is closed at weekends."),
        (D(2026, 11, 26), "26 Nov 2026 is a UN Headquarters holiday (Thanksgiving Day)."),
        (D(2026, 11, 20), "20 Nov 2026 is in the past."),
    ],
)
def test_each_date_that_cannot_be_right_is_named(year, on_agenda, day, expected):
    Holiday.objects.create(date=D(2026, 11, 26), name="Thanksgiving Day")
    assert services.date_warnings(day, today=TODAY, agenda_year=year, situation=on_agenda) == [expected]


def test_a_record_of_a_past_meeting_is_not_warned_about_its_date(year, on_agenda):
    assert services.date_warnings(D(2026, 11, 20), today=TODAY, past_record=True) == []
    # Its weekend still is.
    assert len(services.date_warnings(D(2026, 11, 21), today=TODAY, past_record=True)) == 1


def test_a_country_not_on_the_years_agenda(year, on_agenda):
    other = factories.make_situation("Mali")
    assert services.date_warnings(D(2026, 12, 10), today=TODAY, agenda_year=year, situation=other) == [
        "Mali is not on the 2026 agenda."
    ]
    # Thematic meetings have no country.
    assert services.date_warnings(D(2026, 12, 10), today=TODAY, agenda_year=year, situation=None) == []


def _post(year, situation, **changes):
    data = {
        "agenda_year": year.pk,
        "kind": "country",
        "situation": situation.pk,
        "date": "2026-12-12",
        "room": "Trusteeship Council Chamber",
        "source_note": "Typed by hand",
    }
    data.update(changes)
    return data


def test_the_form_warns_and_keeps_the_input_then_saves_when_confirmed(
    secretariat_client, year, on_agenda, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    url = reverse("meetings:create")
    warned = secretariat_client.post(url, _post(year, on_agenda))
    assert warned.status_code == 200
    assert not Meeting.objects.exists()
    html = warned.content.decode()
    assert "12 Dec 2026 is a Saturday" in html
    assert 'value="Trusteeship Council Chamber"' in html and "Typed by hand" in html
    assert 'type="checkbox" name="confirm_warnings"' in html
    seen = re.search(r'name="warnings_seen" value="([0-9a-f]+)"', html)[1]
    # Ticking "Save anyway" for the warnings shown saves the meeting as typed.
    saved = secretariat_client.post(url, _post(year, on_agenda, confirm_warnings="on", warnings_seen=seen))
    meeting = Meeting.objects.get()
    assert (
        saved.status_code == 302 and meeting.date == D(2026, 12, 12) and meeting.room == "Trusteeship Council Chamber"
    )


def test_save_anyway_counts_only_for_the_warnings_it_was_shown_with(secretariat_client, year, on_agenda, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    url = reverse("meetings:create")
    seen = re.search(
        r'name="warnings_seen" value="([0-9a-f]+)"',
        secretariat_client.post(url, _post(year, on_agenda)).content.decode(),
    )[1]
    # The date was changed to another bad one after the warning: warned again, not saved.
    again = secretariat_client.post(
        url, _post(year, on_agenda, date="2026-12-13", confirm_warnings="on", warnings_seen=seen)
    )
    assert again.status_code == 200 and "13 Dec 2026 is a Sunday" in again.content.decode()
    assert not Meeting.objects.exists()


def test_a_form_without_warnings_shows_no_save_anyway(secretariat_client, year, on_agenda, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    page = secretariat_client.get(reverse("meetings:create")).content.decode()
    assert 'type="checkbox" name="confirm_warnings"' not in page
    assert "This is a record of a past meeting" in page
    response = secretariat_client.post(reverse("meetings:create"), _post(year, on_agenda, date="2026-12-10"))
    assert response.status_code == 302


def test_a_past_meeting_entered_as_a_record_saves_without_confirmation(
    secretariat_client, year, on_agenda, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    url = reverse("meetings:create")
    warned = secretariat_client.post(url, _post(year, on_agenda, date="2026-10-15"))
    assert "15 Oct 2026 is in the past." in warned.content.decode() and not Meeting.objects.exists()
    saved = secretariat_client.post(url, _post(year, on_agenda, date="2026-10-15", past_record="on"))
    assert saved.status_code == 302 and Meeting.objects.get().date == D(2026, 10, 15)


def test_the_form_warns_about_a_country_off_the_agenda(secretariat_client, year, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    mali = factories.make_situation("Mali")
    warned = secretariat_client.post(reverse("meetings:create"), _post(year, mali, date="2026-12-10"))
    assert "Mali is not on the 2026 agenda." in warned.content.decode()
    assert not Meeting.objects.exists()


def test_editing_a_past_meeting_without_touching_its_date_is_not_nagged(
    secretariat_client, year, on_agenda, time_machine
):
    meeting = factories.make_meeting(year, on_agenda, date=D(2026, 10, 15))
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    data = _post(year, on_agenda, date="2026-10-15", room="CR 4", version=meeting.version)
    response = secretariat_client.post(reverse("meetings:edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.room == "CR 4"


def test_the_planner_flags_the_date(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    html = client.get(reverse("meetings:planner"), {"meeting_date": "2026-12-12"}).content.decode()
    assert "12 Dec 2026 is a Saturday" in html
    assert (
        "is a Saturday" not in client.get(reverse("meetings:planner"), {"meeting_date": "2026-12-10"}).content.decode()
    )


def test_the_timeline_api_carries_warnings(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    factories.make_holidays(D(2026, 12, 25))
    flagged = client.get("/api/timeline", {"meeting_date": "2026-12-25"}).json()
    assert flagged["warnings"] == ["25 Dec 2026 is a UN Headquarters holiday (Holiday)."]
    assert {"meeting_date", "steps"} <= flagged.keys()
    fine = client.get("/api/timeline", {"meeting_date": "2026-12-10"}).json()
    assert fine["warnings"] == []
    past = client.get("/api/timeline", {"meeting_date": "2026-11-20"}).json()
    assert past["warnings"] == ["20 Nov 2026 is in the past."]

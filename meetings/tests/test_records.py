"""A meeting entered after it took place is a record (issue 12, item 8): its steps are never late, no reminder is
ever decided for them, and each is done on the day it really happened. Its deadlines skip that year's holidays."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Meeting, TimelineStep
from meetings.tests import factories
from notifications import tasks
from notifications.models import Notification

D = datetime.date
NY = ZoneInfo("America/New_York")
NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=NY)  # a Tuesday, after the reminder send hour
pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def year_2021(db):
    year = factories.make_year(2021, co_chairs=["Ireland", "Mexico"])
    factories.make_entry(year, "Libya")
    return year


@pytest.fixture
def people(secretariat_user, settings):
    """Everyone a reminder could go to: the secretariat (with email), a co-chair contact of 2021, the lead."""
    settings.SECRETARIAT_LEAD_EMAIL = "lead@example.org"
    settings.REMINDER_BEFORE_BUSINESS_DAYS = [5, 1]
    settings.REMINDER_OVERDUE_BUSINESS_DAYS = 1
    settings.REMINDER_ESCALATION_BUSINESS_DAYS = 2
    settings.REMINDER_SEND_HOUR = 7
    factories.make_user("irish", delegation="Ireland")
    return secretariat_user


def _post(year, **changes):
    data = {
        "agenda_year": year.pk,
        "kind": "country",
        "situation": factories.make_situation("Libya").pk,
        "date": "2021-11-29",
        "room": "Conference Room 7",
        "source_note": "",
        "past_record": "on",
    }
    data.update(changes)
    return data


def _enter_2021_meeting(secretariat_client, year_2021) -> Meeting:
    response = secretariat_client.post(reverse("meetings:create"), _post(year_2021))
    assert response.status_code == 302, response.content.decode()
    return Meeting.objects.get(agenda_year=year_2021)


def test_a_2021_meeting_entered_today_has_no_late_step(clock, secretariat_client, year_2021):
    meeting = _enter_2021_meeting(secretariat_client, year_2021)

    assert meeting.recorded_on == D(2026, 12, 1) and meeting.is_record
    steps = list(meeting.steps.select_related("meeting"))
    assert len(steps) == 13 and all(s.state == TimelineStep.State.OPEN for s in steps)
    assert not [s for s in steps if s.is_late(D(2026, 12, 1))]
    assert {s.flag(D(2026, 12, 1)) for s in steps} == {"record"}
    page = secretariat_client.get(meeting.get_absolute_url()).content.decode()
    assert "steps are late" not in page and "step is late" not in page
    assert "Late</span>" not in page
    assert "after the meeting took place" in page
    dashboard = secretariat_client.get(reverse("meetings:dashboard"))
    assert dashboard.context["late"] == [] and dashboard.context["soon"] == []
    listing = secretariat_client.get(reverse("meetings:list")).context["page"].object_list
    assert [m.next_due for m in listing] == [None]  # its open steps are no deadline


def test_the_reminder_sweep_creates_no_outbox_row_for_a_record(clock, people, secretariat_client, year_2021):
    record = _enter_2021_meeting(secretariat_client, year_2021)
    # A control, so the test can fail: the same meeting followed live, with one step late, is reminded.
    live = factories.make_meeting(factories.make_year(2026), "Libya", date=D(2026, 12, 3))

    tasks.sweep_reminders()
    tasks.sweep_reminders()  # and again: still nothing for the record

    assert not Notification.objects.filter(meeting=record).exists()
    assert Notification.objects.filter(meeting=live).exists()


def test_pending_reminders_are_cancelled_when_a_meeting_becomes_a_record(clock, people, secretariat_client, year):
    meeting = factories.make_meeting(year, "Libya", date=D(2026, 12, 3))
    tasks.sweep_reminders()
    pending = Notification.objects.filter(meeting=meeting, state=Notification.State.PENDING)
    assert pending.exists()  # queued after commit, which a test transaction never reaches: they wait
    meeting.date = D(2026, 11, 5)  # it was held a month ago and is corrected now
    services.update_meeting(meeting, expected_version=None, today=D(2026, 12, 1))

    tasks.sweep_reminders()

    assert meeting.recorded_on == D(2026, 12, 1)
    assert not Notification.objects.filter(meeting=meeting, state=Notification.State.PENDING).exists()


def test_steps_of_a_record_are_done_on_the_day_they_happened(clock, secretariat_client, year_2021):
    meeting = _enter_2021_meeting(secretariat_client, year_2021)
    note = meeting.steps.get(key="background_note")
    letter = meeting.steps.get(key="request_letter")
    url = reverse("meetings:step_action", args=[meeting.pk, note.pk, "done"])

    future = secretariat_client.post(url, {"version": note.version, "done-done_on": "2026-12-02"})
    assert future.status_code == 400 and "after today" in future.content.decode()

    secretariat_client.post(url, {"version": note.version, "done-done_on": "2021-11-23"})
    # The timeline's one-click button posts no day: the step's own date in the meeting's schedule, not today.
    secretariat_client.post(
        reverse("meetings:step_action", args=[meeting.pk, letter.pk, "done"]), {"version": letter.version}
    )

    note.refresh_from_db()
    letter.refresh_from_db()
    assert note.state == "done" and note.done_on == D(2021, 11, 23) and note.happened_on == D(2021, 11, 23)
    assert letter.done_on == letter.due == D(2021, 11, 15)
    page = secretariat_client.get(meeting.get_absolute_url()).content.decode()
    assert "23 Nov 2021" in page and "1 Dec 2026" not in page.split("timeline", 1)[-1].split("</table>")[0]


def test_the_step_form_offers_the_schedule_day_for_a_record(clock, secretariat_client, year_2021):
    meeting = _enter_2021_meeting(secretariat_client, year_2021)
    step = meeting.steps.get(key="draft_summary")

    form = secretariat_client.get(reverse("meetings:step_edit", args=[meeting.pk, step.pk])).context["done_form"]

    assert form["done_on"].value() == step.due
    assert step.due < D(2022, 1, 1)


def test_a_service_marking_a_record_step_done_uses_its_schedule_day(clock, secretariat_user, year_2021):
    # As documents does when a 2021 background note is shared in the app now.
    meeting = factories.make_meeting(year_2021, "Libya", date=D(2021, 11, 29))
    services.mark_record(meeting, today=D(2026, 12, 1))
    meeting.save()

    step = meeting.steps.get(key="background_note")
    done = services.complete_step(step, by=secretariat_user, now=NOW)

    assert done.done_on == step.due == D(2021, 11, 25)  # no holidays stored in this test


def test_a_live_step_is_done_today_by_default(clock, secretariat_user, year):
    meeting = factories.make_meeting(year, "Libya", date=D(2026, 12, 10))
    step = meeting.steps.get(key="consult_entities")

    done = services.complete_step(step, by=secretariat_user, now=NOW)

    assert done.done_on == D(2026, 12, 1)
    with pytest.raises(services.InvalidTransition):
        services.complete_step(
            meeting.steps.get(key="background_note"), by=secretariat_user, now=NOW, done_on=D(2026, 12, 2)
        )


def test_a_2021_meetings_deadlines_skip_the_2021_holidays(clock, secretariat_client, year_2021):
    services.materialise_holidays(years=[2021, 2022])
    thanksgiving = _enter_2021_meeting(secretariat_client, year_2021)  # Monday 29 Nov 2021
    due = dict(thanksgiving.steps.values_list("key", "due"))
    # Two business days before Monday 29 Nov: Friday 26 and Wednesday 24 (Thursday 25 is Thanksgiving).
    assert due["background_note"] == D(2021, 11, 24)
    assert due["inform_permanent_mission"] == D(2021, 11, 23)  # three: 26, 24, 23
    assert due["draft_summary"] == D(2021, 12, 13)
    # Christmas 2021 (a Saturday) is observed on Friday 24 Dec, New Year's Day 2022 on Friday 31 Dec.
    assert due["submit_summary"] == D(2021, 12, 28)
    assert due["publish_documents"] == D(2022, 1, 12)

    others = [("2021-07-06", "background_note", D(2021, 7, 1)), ("2021-07-22", "background_note", D(2021, 7, 19))]
    for day, key, expected in others:  # after Independence Day (observed 5 Jul) and Eid al-Adha (20 Jul 2021)
        secretariat_client.post(reverse("meetings:create"), _post(year_2021, date=day, confirm_warnings=""))
        meeting = Meeting.objects.get(date=D.fromisoformat(day))
        assert meeting.steps.get(key=key).due == expected


def test_marking_a_record_held_proposes_no_follow_up_in_the_past(clock, secretariat_user, year_2021):
    meeting = factories.make_meeting(year_2021, "Libya", date=D(2021, 11, 29))
    for status in (Meeting.Status.CONFIRMED, Meeting.Status.HELD):
        services.change_status(meeting, status, by=secretariat_user, today=D(2026, 12, 1))

    assert not meeting.follow_ups.exists()
    lines = services.status_change_consequences(
        factories.make_meeting(year_2021, "Haiti", date=D(2021, 3, 1), status=Meeting.Status.CONFIRMED), "held"
    )
    assert any("No follow-up meeting is proposed" in line for line in lines)


def test_a_historical_meeting_edited_later_gets_a_record_timeline(clock, secretariat_client, year_2021):
    # As load_demo enters the public record: no steps (the record does not say when each happened).
    meeting = Meeting.objects.create(
        agenda_year=year_2021, kind="country", situation=factories.make_situation("Libya"), date=D(2021, 11, 29)
    )
    data = _post(year_2021, room="Conference Room 4", version=meeting.version)
    data.pop("past_record")

    response = secretariat_client.post(reverse("meetings:edit", args=[meeting.pk]), data)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.recorded_on == D(2026, 12, 1) and meeting.steps.count() == 13
    assert not [s for s in meeting.steps.select_related("meeting") if s.is_late(D(2026, 12, 1))]


def test_a_record_moved_to_a_day_to_come_is_followed_again(clock, year):
    meeting = factories.make_meeting(year, "Libya", date=D(2026, 12, 10))
    meeting.date = D(2026, 11, 2)
    services.update_meeting(meeting, expected_version=None, today=D(2026, 12, 1))
    assert meeting.recorded_on == D(2026, 12, 1)

    meeting.date = D(2027, 1, 14)
    services.update_meeting(meeting, expected_version=None, today=D(2026, 12, 1))

    assert meeting.recorded_on is None


def test_review_and_answer_dates_before_a_record_was_entered_are_not_reminded(clock, people, year_2021):
    from recommendations.tests import factories as rec

    record = factories.make_meeting(year_2021, "Libya", date=D(2021, 11, 29))
    services.mark_record(record, today=D(2026, 12, 1))
    record.save()
    record.steps.update(state=TimelineStep.State.NOT_NEEDED)
    rec.make_recommendation(record, next_review=D(2022, 5, 2))
    rec.make_question(record, answer_due=D(2021, 12, 10))
    # The control: a review date set after the record was entered is a live task, and is reminded.
    later = rec.make_recommendation(record, next_review=D(2026, 12, 1))

    tasks.sweep_reminders()

    assert set(Notification.objects.values_list("object_id", flat=True)) == {later.pk}


def test_a_cochair_sees_no_step_of_a_record_to_do(clock, secretariat_client, year_2021):
    meeting = _enter_2021_meeting(secretariat_client, year_2021)
    cochair = factories.make_user("irish_cochair", delegation="Ireland")
    from django.test import Client

    client = Client()
    client.force_login(cochair)
    page = client.get(reverse("meetings:dashboard")).content.decode()

    assert "No open steps for the co-chairs." in page
    assert not any(f"#step-{s.pk}" in page for s in meeting.steps.all())


def test_a_records_steps_are_not_in_the_calendar_feed(clock, year):
    from django.test import Client
    from icalendar import Calendar

    from notifications import feeds

    cochair = factories.make_user("danish", delegation="Denmark")
    meeting = factories.make_meeting(year, "Libya", date=D(2026, 12, 3))
    feed = feeds.calendar_feed(cochair)

    def step_events():
        response = Client().get(reverse("notifications:ical_feed", args=[feed.token]))
        return [str(e.get("summary")) for e in Calendar.from_ical(response.content).walk("VEVENT")]

    live = [s for s in step_events() if "Permanent mission of the country informed" in s]
    meeting.date = D(2026, 11, 26)  # it was held last week: entered now, it is a record
    services.update_meeting(meeting, expected_version=None, today=D(2026, 12, 1))

    assert live
    assert not [s for s in step_events() if "Permanent mission of the country informed" in s]

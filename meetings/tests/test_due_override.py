"""The secretariat sets a step's due date by hand, with the reason, kept in the history (who, when, why).

The computed dates still come from one place (meetings.deadlines through services.sync_timeline). A date set
by hand stays when the meeting moves (the secretariat chose it; the page and the message say it was kept), and
going back to the computed date is one tick in the step's form.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings import deadlines, services
from meetings.models import TimelineStep
from meetings.tests import factories


@pytest.fixture
def step(meeting):
    return meeting.steps.get(key="background_note")


def _post(step, **changes):
    data = {"assignee": "", "note": "", "due": step.due.isoformat(), "due_reason": "", "version": step.version}
    data.update(changes)
    return data


def _edit(client, meeting, step, **changes):
    return client.post(reverse("meetings:step_edit", args=[meeting.pk, step.pk]), _post(step, **changes))


def _planned_due(meeting, key):
    return {p.key: p.due for p in deadlines.plan(meeting.date, services.holidays())}[key]


def test_the_secretariat_overrides_a_due_date_with_its_reason_kept_in_the_history(
    secretariat_client, secretariat_user, meeting, step
):
    response = _edit(
        secretariat_client, meeting, step, due="2026-12-04", due_reason="The co-chairs asked for the weekend"
    )

    assert response.status_code == 302
    step.refresh_from_db()
    assert step.due == datetime.date(2026, 12, 4)
    assert step.due_overridden and step.due_reason == "The co-chairs asked for the weekend"
    record = step.history.first()
    assert record.history_user == secretariat_user
    assert record.history_change_reason == "Due date set by hand"
    assert record.due_reason == "The co-chairs asked for the weekend"
    page = secretariat_client.get(reverse("meetings:history", args=[meeting.pk])).content.decode()
    assert "The co-chairs asked for the weekend" in page


def test_an_override_needs_a_reason_and_keeps_the_input(secretariat_client, meeting, step):
    computed = step.due

    response = _edit(secretariat_client, meeting, step, due="2026-12-04", note="Typed note kept")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Say why" in page and "Typed note kept" in page
    step.refresh_from_db()
    assert (step.due, step.due_overridden) == (computed, False)


def test_saving_the_form_without_touching_the_date_is_no_override(secretariat_client, meeting, step):
    assert _edit(secretariat_client, meeting, step, note="Only a note").status_code == 302
    step.refresh_from_db()
    assert not step.due_overridden and step.note == "Only a note"


def test_moving_the_meeting_keeps_a_due_date_set_by_hand_and_says_so(secretariat_client, meeting, step):
    _edit(secretariat_client, meeting, step, due="2026-12-04", due_reason="Agreed with Denmark")
    other = meeting.steps.get(key="request_letter")
    meeting.refresh_from_db()

    meeting.date = datetime.date(2026, 12, 17)
    services.update_meeting(meeting, expected_version=meeting.version)

    step.refresh_from_db()
    other.refresh_from_db()
    assert step.due == datetime.date(2026, 12, 4)  # kept
    assert other.due == _planned_due(meeting, "request_letter")  # follows the meeting


def test_the_meeting_edit_message_names_the_kept_dates(secretariat_client, meeting, step, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 15, tzinfo=datetime.UTC))
    factories.make_entry(meeting.agenda_year, meeting.situation.name)  # on the agenda: no date warning to confirm
    _edit(secretariat_client, meeting, step, due="2026-12-04", due_reason="Agreed with Denmark")
    meeting.refresh_from_db()
    data = {
        "agenda_year": meeting.agenda_year_id,
        "kind": meeting.kind,
        "situation": meeting.situation_id,
        "date": "2026-12-17",
        "room": "",
        "interpretation_languages": "",
        "source_note": "",
        "version": meeting.version,
    }

    response = secretariat_client.post(reverse("meetings:edit", args=[meeting.pk]), data, follow=True)

    page = response.content.decode()
    assert "set by hand" in page and step.get_key_display() in page


def test_the_meeting_page_shows_the_override_and_its_reason(secretariat_client, expert_client, meeting, step):
    _edit(secretariat_client, meeting, step, due="2026-12-04", due_reason="Agreed with Denmark")

    for client in (secretariat_client, expert_client):
        page = client.get(meeting.get_absolute_url()).content.decode()
        row = page.split(f'id="step-{step.pk}"', 1)[1].split("</tr>", 1)[0]
        assert "Set by hand" in row and "Agreed with Denmark" in row


def test_going_back_to_the_computed_date(secretariat_client, meeting, step):
    computed = step.due
    _edit(secretariat_client, meeting, step, due="2026-12-04", due_reason="Agreed with Denmark")
    step.refresh_from_db()

    response = _edit(secretariat_client, meeting, step, due="2026-12-04", use_computed="on")

    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.due, step.due_overridden) == (computed, False)
    assert step.state == TimelineStep.State.OPEN


def test_the_step_form_says_what_happens_when_the_meeting_moves(secretariat_client, meeting, step):
    page = secretariat_client.get(reverse("meetings:step_edit", args=[meeting.pk, step.pk])).content.decode()
    assert "stays when the meeting date moves" in page

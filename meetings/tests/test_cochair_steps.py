"""Co-chairs mark their own timeline steps done; the secretariat records a co-chair's step received by email."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import permissions
from core.history import history_entries
from meetings import services
from meetings.models import TimelineStep
from meetings.tests import factories

D = datetime.date
pytestmark = pytest.mark.django_db


def step_of(meeting, key):
    return meeting.steps.select_related("meeting__agenda_year").get(key=key)


def action_url(step, action="done"):
    return reverse("meetings:step_action", args=[step.meeting_id, step.pk, action])


# The permission rule.


def test_cochairs_complete_only_their_own_years_cochair_steps(meeting, cochair_user, other_cochair_user, expert_user):
    letter = step_of(meeting, "request_letter")  # the co-chairs'
    note = step_of(meeting, "background_note")  # the secretariat's
    assert permissions.can_complete_step(cochair_user, letter)
    assert not permissions.can_complete_step(cochair_user, note)
    assert not permissions.can_complete_step(other_cochair_user, letter)  # co-chair of 2019, not 2026
    assert not permissions.can_complete_step(expert_user, letter)


def test_secretariat_completes_any_step_and_records_for_cochairs(meeting, secretariat_user, cochair_user):
    for step in meeting.steps.select_related("meeting__agenda_year"):
        assert permissions.can_complete_step(secretariat_user, step)
    assert permissions.can_record_for_cochair(secretariat_user, meeting.agenda_year)
    assert not permissions.can_record_for_cochair(cochair_user, meeting.agenda_year)


# The views: the htmx button and the step's own page.


def test_cochair_marks_own_step_done_with_htmx(cochair_client, cochair_user, meeting):
    """The bug: reminders told co-chairs to mark their steps done, and the button answered 403."""
    letter = step_of(meeting, "request_letter")
    response = cochair_client.post(action_url(letter), {"version": letter.version}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    letter.refresh_from_db()
    assert letter.state == "done"
    assert letter.done_by == cochair_user
    assert "Done by" in response.content.decode() and "Denmark" in response.content.decode()
    assert letter.history.latest().history_user == cochair_user


def test_cochair_marks_own_step_done_from_the_step_page_with_a_note(cochair_client, cochair_user, meeting):
    step = step_of(meeting, "confirm_date_and_room")
    page = cochair_client.get(reverse("meetings:step_edit", args=[meeting.pk, step.pk]))
    assert page.status_code == 200
    assert "Mark done for Denmark" in page.content.decode()
    assert "id_done-on_behalf_of" not in page.content.decode()  # only the secretariat records for others
    response = cochair_client.post(action_url(step), {"done-note": "Room 5 booked", "version": step.version})
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.state, step.note, step.done_by) == ("done", "Room 5 booked", cochair_user)


def test_cochair_cannot_mark_the_secretariats_steps_or_skip(cochair_client, meeting):
    note = step_of(meeting, "background_note")
    assert cochair_client.post(action_url(note)).status_code == 403
    assert cochair_client.get(reverse("meetings:step_edit", args=[meeting.pk, note.pk])).status_code == 403
    letter = step_of(meeting, "request_letter")
    assert cochair_client.post(action_url(letter, "skip")).status_code == 403
    assert cochair_client.post(reverse("meetings:step_edit", args=[meeting.pk, letter.pk]), {}).status_code == 403
    assert TimelineStep.objects.filter(meeting=meeting).exclude(state="open").count() == 0


def test_other_years_and_experts_get_nothing(client, other_cochair_user, expert_user, meeting):
    letter = step_of(meeting, "request_letter")
    client.force_login(other_cochair_user)
    assert client.post(action_url(letter)).status_code == 404  # the meeting is not theirs to see
    client.force_login(expert_user)
    assert client.post(action_url(letter)).status_code == 403
    letter.refresh_from_db()
    assert letter.state == "open"


def test_meeting_page_offers_mark_done_on_cochair_steps_only(cochair_client, meeting):
    html = cochair_client.get(meeting.get_absolute_url()).content.decode()
    letter = step_of(meeting, "request_letter")
    note = step_of(meeting, "background_note")
    assert f'id="step-{letter.pk}-done"' in html
    assert f'id="step-{note.pk}-done"' not in html
    assert f'id="step-{letter.pk}-skip"' not in html


def test_cochair_reopens_own_step(cochair_client, cochair_user, meeting):
    letter = step_of(meeting, "request_letter")
    letter = services.complete_step(letter, by=cochair_user, now=timezone.now())
    assert cochair_client.post(action_url(letter, "reopen"), {"version": letter.version}).status_code == 302
    letter.refresh_from_db()
    assert letter.state == "open"


# The secretariat records a co-chair's step received by email.


def test_secretariat_records_a_step_on_a_cochairs_behalf(secretariat_client, secretariat_user, meeting):
    # Received on 1 Dec 2026, recorded later (now). The clock is not moved back: history is ordered by date, and the
    # fixture's records would then carry later dates than the act under test.
    secretariat_user.first_name, secretariat_user.last_name = "Jane", "Smith"
    secretariat_user.save()
    letter = step_of(meeting, "request_letter")
    denmark = meeting.agenda_year.co_chairs.get(name="Denmark")
    response = secretariat_client.post(
        action_url(letter),
        {"done-on_behalf_of": denmark.pk, "done-received_on": "2026-12-01", "version": letter.version},
    )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.state, letter.done_by, letter.on_behalf_of, letter.recorded_by) == (
        "done",
        None,
        denmark,
        secretariat_user,
    )
    expected = "Denmark (received by email on 1 Dec 2026, recorded by Jane Smith)"
    assert letter.done_credit == expected
    assert f"Done by {expected}" in secretariat_client.get(meeting.get_absolute_url()).content.decode()
    # History: the record is the recorder's (simple-history), the credit is the co-chair's.
    record = letter.history.latest()
    assert record.history_user == secretariat_user
    entry = history_entries(TimelineStep.history.filter(id=letter.pk))[0]
    assert entry.who == expected
    history_page = secretariat_client.get(reverse("meetings:history", args=[meeting.pk])).content.decode()
    assert expected in history_page


def test_on_behalf_needs_the_day_received_and_keeps_the_note(secretariat_client, meeting):
    letter = step_of(meeting, "request_letter")
    denmark = meeting.agenda_year.co_chairs.get(name="Denmark")
    response = secretariat_client.post(
        action_url(letter), {"done-on_behalf_of": denmark.pk, "done-note": "Signed letter attached to the email"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter the day the co-chair" in html
    assert "Signed letter attached to the email" in html
    letter.refresh_from_db()
    assert letter.state == "open"


@pytest.mark.parametrize(
    "data",
    [
        {"done-received_on": "2026-11-30"},  # a date without a co-chair
        {"done-on_behalf_of": "SWEDEN", "done-received_on": "2026-11-30"},
        {"done-on_behalf_of": "1", "done-received_on": "2999-01-01"},
        {"done-on_behalf_of": "1", "done-received_on": "not a date"},
        {"done-note": "x" * 501},
    ],
)
def test_bad_on_behalf_input_is_a_form_error(secretariat_client, meeting, data):
    letter = step_of(meeting, "request_letter")
    assert secretariat_client.post(action_url(letter), data).status_code == 400
    letter.refresh_from_db()
    assert letter.state == "open"


def test_a_state_not_cochairing_cannot_be_credited(meeting, secretariat_user):
    sweden = factories.make_state("Sweden")
    with pytest.raises(services.InvalidTransition):
        services.complete_step(
            step_of(meeting, "request_letter"), by=secretariat_user, now=timezone.now(), on_behalf_of=sweden
        )
    denmark = factories.make_state("Denmark")
    with pytest.raises(services.InvalidTransition):  # the secretariat's own step: no one else to credit
        services.complete_step(
            step_of(meeting, "background_note"), by=secretariat_user, now=timezone.now(), on_behalf_of=denmark
        )


def test_reopen_clears_the_credit_and_a_later_edit_is_the_editors(meeting, secretariat_user):
    letter = step_of(meeting, "request_letter")
    denmark = factories.make_state("Denmark")
    services.complete_step(
        letter, by=secretariat_user, now=timezone.now(), on_behalf_of=denmark, received_on=D(2026, 12, 1)
    )
    letter.refresh_from_db()
    letter.note = "edited later"
    letter._history_user = secretariat_user  # what HistoryRequestMiddleware sets in a request
    services.update_step(letter, by=secretariat_user, expected_version=letter.version)
    entries = history_entries(TimelineStep.history.filter(id=letter.pk))
    assert entries[0].who == secretariat_user  # the later edit: no credit to Denmark
    assert str(entries[1].who).startswith("Denmark")
    services.reopen_step(letter, by=secretariat_user)
    letter.refresh_from_db()
    assert (letter.on_behalf_of, letter.received_on, letter.recorded_by) == (None, None, None)


@pytest.mark.parametrize("rows", [10, 200])
def test_cochair_meeting_page_queries_constant(cochair_client, cochair_user, year, rows, django_assert_max_num_queries):
    meeting = factories.make_meeting(year, "Haiti", date=D(2026, 12, 10))
    for i in range(rows):
        factories.make_meeting(year, f"Other {i}", date=D(2026, 1, 5) + datetime.timedelta(days=i % 300))
    for step in meeting.steps.filter(responsible="co_chairs"):
        services.complete_step(step, by=cochair_user, now=timezone.now())
    with django_assert_max_num_queries(25):
        response = cochair_client.get(meeting.get_absolute_url())
    assert response.status_code == 200

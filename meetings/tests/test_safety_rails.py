"""Safety rails on a meeting's status: confirmed moves, no "held" before the date, stepping a mistaken status
back (secretariat, with history), deleting a meeting created by mistake, and a status form per move."""

import datetime

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from meetings import services
from meetings.models import Meeting
from meetings.tests import factories

D = datetime.date
pytestmark = pytest.mark.django_db
MEETING_DAY = D(2026, 12, 10)


def _days_from_today(n: int) -> datetime.date:
    # The views read the real clock (a signed-in test client cannot travel in time: its session would expire).
    return timezone.localdate() + datetime.timedelta(days=n)


def _set(meeting, status, **fields):
    Meeting.objects.filter(pk=meeting.pk).update(status=status, **fields)
    meeting.refresh_from_db()
    return meeting


def _status(client, meeting, **data):
    return client.post(reverse("meetings:status", args=[meeting.pk]), data)


# Held, not before the meeting's date.


def test_service_refuses_held_before_the_date(meeting):
    _set(meeting, "confirmed")
    with pytest.raises(services.InvalidTransition, match="can be marked held from that day"):
        services.change_status(meeting, "held", today=MEETING_DAY - datetime.timedelta(days=1))
    meeting.refresh_from_db()
    assert meeting.status == "confirmed" and not meeting.follow_ups.exists()
    services.change_status(meeting, "held", today=MEETING_DAY)
    assert meeting.status == "held"


def test_view_refuses_held_before_the_date_even_confirmed(secretariat_client, meeting):
    _set(meeting, "confirmed", date=_days_from_today(3))
    response = _status(secretariat_client, meeting, status="held", confirm="1")
    meeting.refresh_from_db()
    assert meeting.status == "confirmed" and not meeting.follow_ups.exists()
    page = secretariat_client.get(response["Location"]).content.decode()
    assert "it can be marked held from that day" in page


def test_status_form_says_why_held_is_not_offered_yet(secretariat_client, meeting):
    day = _days_from_today(3)
    _set(meeting, "confirmed", date=day)
    html = secretariat_client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="held-refusal"' in html and formats.date_format(day) in html
    assert 'value="held"' not in html


# Confirmation before moves that cannot simply be taken back.


def test_held_without_confirmation_changes_nothing_then_confirmed_acts(secretariat_client, meeting):
    _set(meeting, "confirmed", date=_days_from_today(-1))
    response = _status(secretariat_client, meeting, status="held")
    assert response.status_code == 200
    html = response.content.decode()
    assert "What will happen" in html and "follow-up meeting is proposed" in html
    assert 'name="confirm" value="1"' in html and 'name="status" value="held"' in html
    meeting.refresh_from_db()
    assert meeting.status == "confirmed" and not meeting.follow_ups.exists()

    response = _status(secretariat_client, meeting, status="held", confirm="1")
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "held" and meeting.follow_ups.count() == 1


def test_issued_without_confirmation_changes_nothing_then_confirmed_acts(secretariat_client, meeting):
    _set(meeting, "submitted")
    response = _status(secretariat_client, meeting, status="issued", symbol=" S/2026/321 ")
    assert response.status_code == 200
    html = response.content.decode()
    assert "S/2026/321" in html and "cannot be undone" in html
    meeting.refresh_from_db()
    assert (meeting.status, meeting.symbol) == ("submitted", "")

    _status(secretariat_client, meeting, status="issued", symbol="S/2026/321", confirm="1")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.symbol) == ("issued", "S/2026/321")


def test_a_refused_move_is_not_offered_for_confirmation(secretariat_client, meeting):
    _set(meeting, "submitted")
    response = _status(secretariat_client, meeting, status="issued", symbol="not a symbol")
    assert response.status_code == 302  # straight back with the reason, no confirmation page
    meeting.refresh_from_db()
    assert meeting.status == "submitted"


def test_published_without_confirmation_changes_nothing_then_confirmed_acts(secretariat_client, meeting, client):
    _set(meeting, "issued", symbol="S/2026/322")
    response = _status(secretariat_client, meeting, status="published")
    assert response.status_code == 200 and "public website" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == "issued"
    assert client.get(reverse("public:meeting", kwargs={"symbol": "S/2026/322"})).status_code == 404

    _status(secretariat_client, meeting, status="published", confirm="1")
    meeting.refresh_from_db()
    assert meeting.status == "published"


def test_an_ordinary_move_needs_no_confirmation(secretariat_client, meeting):
    response = _status(secretariat_client, meeting, status="date_proposed")
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "date_proposed"


# Stepping a mistaken status back.


def test_secretariat_steps_held_back_with_history(secretariat_client, secretariat_user, meeting):
    _set(meeting, "held")
    response = _status(secretariat_client, meeting, status="confirmed")
    assert response.status_code == 200
    html = response.content.decode()
    assert "goes back from “Held” to “Confirmed”" in html and 'name="reason"' in html
    meeting.refresh_from_db()
    assert meeting.status == "held"

    _status(secretariat_client, meeting, status="confirmed", confirm="1", reason="marked held by mistake")
    meeting.refresh_from_db()
    assert meeting.status == "confirmed"
    last = meeting.history.first()
    assert last.history_change_reason == "Stepped back to Confirmed: marked held by mistake"
    assert last.history_user == secretariat_user


def test_step_back_without_reason_names_the_old_status(secretariat_user, meeting):
    _set(meeting, "issued", symbol="S/2026/77")
    services.change_status(meeting, "submitted", by=secretariat_user)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.symbol) == ("submitted", "")
    assert meeting.history.first().history_change_reason == "Stepped back to Summary submitted (was Summary issued)"


def test_only_the_secretariat_steps_back(cochair_user, meeting):
    _set(meeting, "held")
    with pytest.raises(services.InvalidTransition, match="Only the secretariat"):
        services.change_status(meeting, "confirmed", by=cochair_user)
    with pytest.raises(services.InvalidTransition, match="Only the secretariat"):
        services.change_status(meeting, "confirmed")
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_no_step_back_from_the_first_statuses(secretariat_user, meeting):
    with pytest.raises(services.InvalidTransition, match="cannot become"):
        services.change_status(meeting, "held", by=secretariat_user)


# One form per move, each with only its own fields.


def test_status_form_shows_the_symbol_only_on_the_move_to_issued(secretariat_client, meeting):
    _set(meeting, "confirmed")
    html = secretariat_client.get(meeting.get_absolute_url()).content.decode()
    assert 'name="symbol"' not in html

    _set(meeting, "submitted")
    html = secretariat_client.get(meeting.get_absolute_url()).content.decode()
    action = reverse("meetings:status", args=[meeting.pk])
    forms = html.split(f'action="{action}"')[1:]
    with_symbol = [f.split("</form>")[0] for f in forms if 'name="symbol"' in f.split("</form>")[0]]
    assert len(with_symbol) == 1 and 'value="issued"' in with_symbol[0]
    assert "Move to “Summary drafted”" in html and "Move to “Summary issued”" in html


def test_step_back_button_for_the_secretariat_only(secretariat_client, cochair_client, meeting):
    _set(meeting, "held")
    assert "Step back to “Confirmed”" in secretariat_client.get(meeting.get_absolute_url()).content.decode()
    assert "Step back" not in cochair_client.get(meeting.get_absolute_url()).content.decode()


# Deleting a meeting created by mistake.


def test_delete_asks_first_and_keeps_the_deletion_in_history(secretariat_client, secretariat_user, year):
    meeting = factories.make_meeting(year, "Haiti", date=MEETING_DAY)
    assert meeting.steps.exists()
    url = reverse("meetings:delete", args=[meeting.pk])
    page = secretariat_client.get(url)
    assert page.status_code == 200 and "What will happen" in page.content.decode()

    secretariat_client.post(url, {"reason": "entered twice"})  # no confirm: nothing happens
    assert Meeting.objects.filter(pk=meeting.pk).exists()

    response = secretariat_client.post(url, {"reason": "entered twice", "confirm": "1"})
    assert response.status_code == 302 and response["Location"] == reverse("meetings:year", args=[2026])
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    record = Meeting.history.filter(id=meeting.pk).first()
    assert record.history_type == "-"
    assert record.history_user == secretariat_user
    assert record.history_change_reason == "Deleted (created by mistake): entered twice"


def test_delete_refused_while_something_depends_on_it(secretariat_client, secretariat_user, meeting):
    _set(meeting, "confirmed")
    services.change_status(meeting, "held", today=MEETING_DAY)  # proposes a follow-up, which depends on it
    url = reverse("meetings:delete", args=[meeting.pk])
    html = secretariat_client.get(url).content.decode()
    assert (
        "cannot be deleted" in html
        and "1 meeting" in html
        and "<button" not in html.split("<main")[-1].split("</main>")[0]
    )
    response = secretariat_client.post(url, {"confirm": "1"})
    assert response.status_code == 409
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    with pytest.raises(services.DeletionRefused, match="1 meeting"):
        services.delete_meeting(meeting, by=secretariat_user)
    # Its follow-up, on which nothing depends, can go.
    services.delete_meeting(meeting.follow_ups.get(), by=secretariat_user)
    assert services.deletion_blockers(meeting) == []


def test_only_the_secretariat_deletes(cochair_user, cochair_client, meeting):
    assert cochair_client.get(reverse("meetings:delete", args=[meeting.pk])).status_code == 403
    with pytest.raises(services.InvalidTransition):
        services.delete_meeting(meeting, by=cochair_user)
    assert Meeting.objects.filter(pk=meeting.pk).exists()

"""Outbox, preferences, private iCal feed and meeting invitations: who may do what, and constant queries."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from meetings.tests import factories
from notifications import feeds, invitations, sending
from notifications.models import CalendarFeed, Notification

from .helpers import at

D = datetime.date


def make_rows(meeting, n: int) -> None:
    step = meeting.steps.first()
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(
            kind="step_due",
            content_type_id=ContentType.objects.get_for_model(step).pk,
            object_id=step.pk,
            meeting=meeting,
            rule=f"rule-{i}",
            due_date=step.due,
            email=f"person{i}@example.org",
            scheduled_for=now,
            created_at=now,
            state="failed" if i % 7 == 0 else "sent",
            sent_at=now,
            last_error="SMTPServerDisconnected: gone" if i % 7 == 0 else "",
        )
        for i in range(n)
    )


def test_outbox_is_for_the_secretariat_only(client, expert_client, cochair_client):
    url = reverse("notifications:outbox")
    assert client.get(url).status_code == 302
    assert expert_client.get(url).status_code == 403
    assert cochair_client.get(url).status_code == 403


@pytest.mark.parametrize("n", [10, 200])
def test_outbox_lists_rows_in_constant_queries(secretariat_client, meeting, n, django_assert_max_num_queries):
    make_rows(meeting, n)
    # session, user, groups (is_secretariat), count, page rows, prefetch targets (1 content type), nav checks
    with django_assert_max_num_queries(12):
        response = secretariat_client.get(reverse("notifications:outbox"))
    assert response.status_code == 200
    assert b"SMTPServerDisconnected: gone" in response.content
    assert b"Background" in response.content or b"letter" in response.content


def test_outbox_filters_by_state_and_email(secretariat_client, meeting):
    make_rows(meeting, 15)
    response = secretariat_client.get(reverse("notifications:outbox"), {"state": "failed"})
    assert response.context["page"].paginator.count == 3
    response = secretariat_client.get(reverse("notifications:outbox"), {"q": "person14@"})
    assert [row.email for row in response.context["page"]] == ["person14@example.org"]
    response = secretariat_client.get(reverse("notifications:outbox"), {"state": "nonsense"})
    assert response.status_code == 200  # bad input is ignored, never a 500


def test_retry_a_failed_row(secretariat_client, meeting):
    make_rows(meeting, 1)  # row 0 is failed
    row = Notification.objects.get()
    assert secretariat_client.get(reverse("notifications:retry", args=[row.pk])).status_code == 405
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        response = secretariat_client.post(reverse("notifications:retry", args=[row.pk]))
    assert response.status_code == 200 and "is sent again to" in response.content.decode()
    row.refresh_from_db()
    assert row.state == "failed" and not callbacks  # not confirmed: nothing queued
    with TestCase.captureOnCommitCallbacks(execute=False):
        secretariat_client.post(reverse("notifications:retry", args=[row.pk]), {"confirm": "1"})
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("pending", 0)


def test_preferences_page_saves_choices_and_moves_pending_reminders_to_the_digest(expert_client, expert_user, meeting):
    url = reverse("notifications:preferences")
    assert Client().get(url).status_code == 302
    response = expert_client.get(url)
    assert response.status_code == 200
    assert b"/notifications/ical/" in response.content
    step = meeting.steps.first()
    pending = Notification.objects.create(
        kind="step_due",
        content_type=ContentType.objects.get_for_model(step),
        object_id=step.pk,
        rule="step_due",
        due_date=step.due,
        recipient=expert_user,
        email=expert_user.email,
        scheduled_for=timezone.now(),
        created_at=timezone.now(),
    )
    response = expert_client.post(
        url, {"email_notifications": "on", "delivery": "digest", "time_zone": "Europe/Copenhagen"}
    )
    assert response.status_code == 302
    expert_user.refresh_from_db()
    assert (expert_user.delivery, expert_user.time_zone) == ("digest", "Europe/Copenhagen")
    pending.refresh_from_db()
    assert pending.via_digest is True


def test_preferences_reject_bad_input_and_keep_it(expert_client, expert_user):
    response = expert_client.post(
        reverse("notifications:preferences"), {"delivery": "carrier-pigeon", "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"delivery", "time_zone"}
    expert_user.refresh_from_db()
    assert expert_user.delivery == "single"


def test_private_ical_feed_lists_my_steps_and_meetings(cochair_client, cochair_user, meeting):
    feed = feeds.calendar_feed(cochair_user)
    response = Client().get(reverse("notifications:ical_feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = [str(event.get("summary")) for event in calendar.walk("VEVENT")]
    assert any("South Sudan" in s and s.startswith("IEG on Women") for s in summaries)
    # Co-chair steps of their year, not the secretariat's.
    assert any("Council members informed" in s for s in summaries)
    assert not any("Background note" in s for s in summaries)


def test_unknown_token_is_404_and_regenerating_revokes_the_old_address(cochair_client, cochair_user):
    assert Client().get(reverse("notifications:ical_feed", args=["not-a-token"])).status_code == 404
    old = feeds.calendar_feed(cochair_user).token
    assert cochair_client.post(reverse("notifications:regenerate_feed")).status_code == 302
    new = CalendarFeed.objects.get(user=cochair_user).token
    assert new != old and len(new) >= 40
    assert Client().get(reverse("notifications:ical_feed", args=[old])).status_code == 404
    assert Client().get(reverse("notifications:ical_feed", args=[new])).status_code == 200


def test_invitation_sends_an_ics_once_per_person_and_date(
    secretariat_client, secretariat_user, cochair_user, expert_user, nonmember_user, meeting
):
    url = reverse("notifications:send_invitation", args=[meeting.pk])
    assert secretariat_client.get(url).status_code == 405
    with time_machine.travel(at(D(2026, 11, 20)), tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        response = secretariat_client.post(url)
    assert response.status_code == 200 and "3 people are emailed an invitation" in response.content.decode()
    assert mail.outbox == [] and not Notification.objects.exists()  # not confirmed: nothing sent
    with time_machine.travel(at(D(2026, 11, 20)), tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        response = secretariat_client.post(url, {"confirm": "1"})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["cochair@example.org", "expert@example.org", "sec@example.org"]
    message = mail.outbox[0]
    assert message.subject == "[IEG] Invitation: South Sudan, 10 Dec 2026"
    [(filename, content, mimetype)] = message.attachments
    assert filename == "invitation.ics" and mimetype.startswith("text/calendar")
    event = next(iter(Calendar.from_ical(content).walk("VEVENT")))
    assert event.decoded("dtstart") == D(2026, 12, 10)
    assert str(event.get("uid")) == f"meeting-{meeting.pk}@ieg.example.org"
    assert "3 already invited" in secretariat_client.post(url).content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        secretariat_client.post(url, {"confirm": "1"})
    assert len(mail.outbox) == 3  # nobody invited twice for the same date


def test_invitation_for_an_old_date_is_cancelled_when_the_meeting_moves(secretariat_user, meeting):
    with TestCase.captureOnCommitCallbacks(execute=False):
        invitations.send_meeting_invitation(meeting, now=at(D(2026, 11, 20)))
    factories.move_meeting(meeting, D(2026, 12, 17))
    row = Notification.objects.get(kind="invitation")
    with time_machine.travel(at(D(2026, 11, 20), 10), tick=False):
        assert sending.send_notification(row.pk, now=at(D(2026, 11, 20), 10)) == "cancelled"
    assert mail.outbox == []


def test_invitation_is_secretariat_only(expert_client, meeting):
    assert expert_client.post(reverse("notifications:send_invitation", args=[meeting.pk])).status_code == 403


def test_meeting_page_shows_the_invitation_card_to_the_secretariat_only(secretariat_client, expert_client, meeting):
    url = meeting.get_absolute_url()
    assert b"Send invitations with calendar file" in secretariat_client.get(url).content
    assert b"Send invitations with calendar file" not in expert_client.get(url).content


def test_nav_shows_outbox_to_the_secretariat(secretariat_client, expert_client):
    outbox = reverse("notifications:outbox").encode()
    assert outbox in secretariat_client.get(reverse("notifications:preferences")).content
    assert outbox not in expert_client.get(reverse("notifications:preferences")).content


def test_user_without_email_gets_no_invitation(secretariat_user, meeting):
    user = factories.make_user("noemail", delegation="Denmark")
    user.email = ""
    user.save()
    recipients = invitations.invitation_recipients(meeting).values_list("username", flat=True)
    assert "noemail" not in recipients


def test_meeting_page_counts_invitations_sent_by_the_worker(secretariat_client, secretariat_user, meeting):
    """The send task runs outside any request; the next page shows what it did."""
    from notifications import tasks

    url = reverse("meetings:detail", args=[meeting.pk])
    with TestCase.captureOnCommitCallbacks(execute=False):
        invitations.send_meeting_invitation(meeting, now=at(D(2026, 11, 20)))
    before = secretariat_client.get(url).content.decode()
    row = Notification.objects.filter(kind="invitation").first()
    with time_machine.travel(at(D(2026, 11, 20), 10), tick=False):
        assert tasks.send_notification_task.apply(args=[row.pk]).get() == "sent"
    after = secretariat_client.get(url).content.decode()
    assert after != before


@pytest.mark.parametrize("rows", [10, 200])
def test_ical_feed_queries_constant(cochair_user, year, rows, django_assert_max_num_queries):
    start = timezone.localdate() + datetime.timedelta(days=30)
    for i in range(rows):
        factories.make_meeting(year, f"Situation {i % 7}", date=start + datetime.timedelta(days=i))
    feed = feeds.calendar_feed(cochair_user)
    # the feed with its user; role checks (secretariat, co-chair years, Council years, for the meetings' and the
    # steps' visibility); the meetings (country joined); the open steps (meeting and country joined)
    with django_assert_max_num_queries(6):
        response = Client().get(reverse("notifications:ical_feed", args=[feed.token]))
    assert response.status_code == 200
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) > rows

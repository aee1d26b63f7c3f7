"""The newsletter: focal points send updates, the secretariat compiles an issue, the troika approves it, and it
goes to every focal point in post through the outbox, each address exactly once, retried on failure."""

from __future__ import annotations

import datetime
import smtplib

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from iegwps.celery import app as celery_app
from meetings.tests.factories import make_user
from network import newsletter_services
from network.models import ActionPoint, ActionPointGroup, Member, NetworkMeeting, NetworkUpdate, Newsletter
from network.newsletter import compiled, recipients
from network.tests import factories
from notifications import sending
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _eager_celery():
    """Sends run inline here, as in the notifications tests (the integration tests have a real worker)."""
    previous = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = previous


D = datetime.date


@pytest.fixture
def troika(db, spain):
    """This year's troika: Spain chairs, with Germany and Namibia; a focal point for each, with an address."""
    year = timezone.localdate().year
    factories.make_chairs(Spain=year, Germany=year + 1, Namibia=year + 2)
    for name in ("Germany", "Namibia"):
        factories.make_focal_point(
            Member.objects.get(name=name), f"FP of {name}", email=f"fp.{name.lower()}@example.org"
        )
    return year


def an_issue(coordinator_client, **fields) -> Newsletter:
    data = {
        "number": 1,
        "year": timezone.localdate().year,
        "title": "Newsletter of the Network",
        "intro": "Welcome to the first issue.",
        "since": (timezone.localdate() - datetime.timedelta(days=60)).isoformat(),
        "visibility": "members",
        "version": 0,
        **fields,
    }
    response = coordinator_client.post(reverse("network:newsletter_create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Newsletter.objects.get(number=data["number"])


def test_a_focal_point_sends_an_update_for_their_own_member_only(focal_point_client, spain, coordinator_client):
    germany = factories.make_member("Germany")
    data = {"kind": "action_plan", "title": "Second national action plan launched", "text": "Adopted.", "version": 0}
    response = focal_point_client.post(reverse("network:update_create"), {**data, "member": germany.pk})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not NetworkUpdate.objects.exists()
    response = focal_point_client.post(reverse("network:update_create"), {**data, "member": spain.pk})
    assert response.status_code == 302
    update = NetworkUpdate.objects.get()
    assert (update.member, update.status, update.submitted_by.username) == (spain, "submitted", "sanabria")
    # The secretariat accepts it; the focal point can no longer edit it.
    coordinator_client.post(reverse("network:update_decide", args=[update.pk]), {"status": "accepted"})
    update.refresh_from_db()
    assert update.status == "accepted"
    assert focal_point_client.get(reverse("network:update_edit", args=[update.pk])).status_code == 403
    # Someone with no focal point post cannot send one.
    stranger = Client()
    stranger.force_login(factories.network_secretariat("other-coordinator"))
    assert stranger.get(reverse("network:update_create")).status_code == 200


def test_an_issue_is_compiled_from_the_records(coordinator_client, spain, troika):
    today = timezone.localdate()
    update = NetworkUpdate.objects.create(
        member=spain,
        kind="event",
        title="Regional meeting on action plans",
        text="In Madrid.",
        status="accepted",
        event_date=today + datetime.timedelta(days=30),
    )
    factories.make_member("Chile", joined_on=today - datetime.timedelta(days=10))
    factories.make_member("Old member", joined_on=today - datetime.timedelta(days=400))
    meeting = NetworkMeeting.objects.create(
        kind="annual", title="Annual meeting", start_date=today + datetime.timedelta(days=90), city="Berlin"
    )
    group = ActionPointGroup.objects.create(meeting=meeting, heading="Knowledge management")
    ActionPoint.objects.create(
        group=group, text="Produce a newsletter", status="in_progress", progress="First issue drafted."
    )
    ActionPoint.objects.create(group=group, text="Done already", status="done", progress="Finished.")
    issue = an_issue(coordinator_client, updates=[update.pk])
    content = compiled(issue, today=today)
    assert [(label, [u.title for u in updates]) for label, updates in content.updates] == [
        ("An event", ["Regional meeting on action plans"])
    ]
    assert [what for _day, what, _where in content.events] == ["Regional meeting on action plans", "Annual meeting"]
    assert [m.name for m in content.new_members] == ["Chile"]
    assert [p.text for p in content.progress] == ["Produce a newsletter"]
    page = coordinator_client.get(issue.get_absolute_url()).content.decode()
    assert "Regional meeting on action plans" in page and "First issue drafted." in page and "Chile" in page


def test_the_issue_goes_to_every_focal_point_in_post_once_after_the_troikas_approval(
    coordinator_client, coordinator, spain, focal_point_user, troika
):
    today = timezone.localdate()
    # Not reached: a focal point whose post ended, a member that left, an account with emails off, a duplicate.
    factories.make_focal_point(
        spain, "Former FP", email="former@example.org", end_date=today - datetime.timedelta(days=1)
    )
    left = factories.make_member("Left", left_on=today - datetime.timedelta(days=5))
    factories.make_focal_point(left, "FP of a member that left", email="left@example.org")
    quiet = make_user("quiet", email="quiet@example.org", email_notifications=False)
    factories.make_focal_point(Member.objects.get(name="Namibia"), "Quiet FP", user=quiet)
    factories.make_focal_point(Member.objects.get(name="Germany"), "Same address", email="FP.Germany@example.org")
    assert sorted(email for _user, email in recipients(today)) == [
        "fp.germany@example.org",
        "fp.namibia@example.org",
        "fp@example.org",
    ]
    issue = an_issue(coordinator_client)
    with pytest.raises(newsletter_services.InvalidTransition, match="Every troika state approves"):
        newsletter_services.send(issue, by=coordinator, now=timezone.now())
    newsletter_services.submit_for_review(issue, by=coordinator)
    seen = newsletter_services.status(issue, today=today).fingerprint
    now = timezone.now()
    for name in ("Germany", "Namibia"):
        state = Member.objects.get(name=name).member_state
        newsletter_services.approve(
            issue, by=coordinator, now=now, seen_fingerprint=seen, on_behalf_of=state, received_on=today
        )
    # Spain's focal point approves in the app, from the page.
    client = Client()
    client.force_login(focal_point_user)
    assert "Approve this issue for Spain" in client.get(issue.get_absolute_url()).content.decode()
    client.post(reverse("network:newsletter_approve", args=[issue.pk]), {"fingerprint": seen})
    assert newsletter_services.status(issue, today=today).complete
    # Sending asks first, then queues one email per address; sent inline here (the eager test worker).
    response = coordinator_client.post(reverse("network:newsletter_send", args=[issue.pk]))
    assert "3 focal points in post receive it by email, each once." in response.content.decode()
    with coordinator_client_commits():
        coordinator_client.post(reverse("network:newsletter_send", args=[issue.pk]), {"confirm": "1"})
    issue.refresh_from_db()
    assert (issue.status, issue.recipients) == ("sent", 3)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "fp.germany@example.org",
        "fp.namibia@example.org",
        "fp@example.org",
    ]
    assert mail.outbox[0].subject == "[WPS Focal Points Network] Newsletter of the Network (No. 1)"
    assert "Welcome to the first issue." in mail.outbox[0].body
    # Sending again is refused; announcing again adds nothing.
    response = coordinator_client.post(reverse("network:newsletter_send", args=[issue.pk]), {"confirm": "1"})
    from notifications.newsletters import announce_newsletter

    assert announce_newsletter(issue, recipients(today), now=timezone.now()) == 0
    assert Notification.objects.filter(kind="newsletter").count() == 3
    assert len(mail.outbox) == 3
    # The coordinator sees how delivery stands.
    Notification.objects.filter(kind="newsletter", email="fp@example.org").update(state="failed")
    page = coordinator_client.get(issue.get_absolute_url()).content.decode()
    assert "Delivery: 2 sent, 0 waiting, 1 failed." in page


def coordinator_client_commits():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_a_failed_send_is_retried_and_sent_once(
    coordinator_client, coordinator, spain, focal_point_user, troika, monkeypatch
):
    issue = an_issue(coordinator_client)
    Newsletter.objects.filter(pk=issue.pk).update(status="sent", sent_on=timezone.localdate())
    issue.refresh_from_db()
    from notifications.newsletters import announce_newsletter

    announce_newsletter(issue, [(None, "fp.germany@example.org")], now=timezone.now())
    row = Notification.objects.get(kind="newsletter")

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("the SMTP server went away")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        sending.send_notification(row.pk, now=timezone.now())
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("pending", 1)
    monkeypatch.undo()
    assert sending.send_notification(row.pk, now=timezone.now()) == "sent"
    assert sending.send_notification(row.pk, now=timezone.now()) == "skipped"
    assert len(mail.outbox) == 1


def test_the_archive_shows_public_issues_to_everyone_and_members_only_ones_to_the_network(
    coordinator_client, spain, focal_point_client, troika
):
    members_only = an_issue(coordinator_client, number=1)
    public = an_issue(coordinator_client, number=2, visibility="public")
    anonymous = Client()
    # Drafts: neither public, nor readable by a focal point outside the troika's review.
    assert anonymous.get(reverse("network:public_newsletter", args=[public.pk])).status_code == 404
    brazil = factories.make_member("Brazil")
    outsider_user = make_user("brazil-fp")
    factories.make_focal_point(brazil, "FP of Brazil", user=outsider_user)
    outsider = Client()
    outsider.force_login(outsider_user)
    assert outsider.get(public.get_absolute_url()).status_code == 403
    Newsletter.objects.update(status="sent", sent_on=timezone.localdate())
    assert anonymous.get(reverse("network:public_newsletter", args=[public.pk])).status_code == 200
    assert anonymous.get(reverse("network:public_newsletter", args=[members_only.pk])).status_code == 404
    assert "No. 2" in anonymous.get(reverse("network:public_newsletters")).content.decode()
    assert outsider.get(members_only.get_absolute_url()).status_code == 200
    # A sent issue is not edited.
    assert coordinator_client.get(reverse("network:newsletter_edit", args=[members_only.pk])).status_code == 302

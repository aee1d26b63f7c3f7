"""The Network's steps and action points are reminded by the shared sweep: to the chair's, the troika's or a named
member's focal points in post, else to the Network's secretariat; once each, and not once the thing is done."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from accounts.permissions import SECRETARIAT_GROUP
from meetings.tests.factories import make_user
from network import services
from network.models import ActionPoint, ActionPointGroup, Member, NetworkMeeting
from network.tests import factories
from notifications.models import Notification

from .helpers import at, sweep_and_send

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def coordinator(db):
    return factories.network_secretariat()


@pytest.fixture
def spain_focal_point(db):
    spain = factories.make_member("Spain")
    user = make_user("sanabria", email="fp.spain@example.org")
    factories.make_focal_point(spain, "Francisco Javier Sanabria Valderrama", user=user, email="fp.spain@example.org")
    return user


def annual_meeting(coordinator, *, only: str) -> NetworkMeeting:
    """The annual meeting in Madrid on Thursday 20 May 2027, with only the step ``only`` left open."""
    meeting = NetworkMeeting(kind="annual", title="Annual meeting of the Network", start_date=D(2027, 5, 20))
    meeting = services.save_meeting(meeting, expected_version=None, by=coordinator)
    meeting.steps.exclude(key=only).update(state="not_needed")
    return meeting


def sent(messages) -> list[tuple[str, str]]:
    return sorted((message.to[0], message.subject) for message in messages)


def test_a_step_of_the_chair_goes_to_the_chairs_focal_points_in_post(coordinator, spain_focal_point):
    factories.make_chairs(Spain=2027)
    meeting = annual_meeting(coordinator, only="invitations")
    step = meeting.steps.get(key="invitations")
    messages = sweep_and_send(at(step.due))
    assert sent(messages) == [
        (
            "fp.spain@example.org",
            "[WPS Focal Points Network] Due today: Invitations sent to focal points and partners"
            " — Annual meeting of the Network",
        )
    ]
    [message] = messages
    assert "Responsible: The chair" in message.body
    assert "secretariat of the Women, Peace and Security Focal Points Network" in message.body
    assert f"/network/meetings/{meeting.pk}/#step-{step.pk}" in message.body
    # Another sweep the same day sends nothing more.
    assert sweep_and_send(at(step.due, 15)) == []


def test_a_step_of_the_chair_with_no_chair_recorded_goes_to_the_secretariat(coordinator, spain_focal_point):
    meeting = annual_meeting(coordinator, only="invitations")
    step = meeting.steps.get(key="invitations")
    assert sent(sweep_and_send(at(step.due)))[0][0] == "coordinator@example.org"


def test_a_secretariat_step_goes_to_the_networks_secretariat_not_the_iegs(coordinator, spain_focal_point):
    ieg = make_user("ieg")
    ieg.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    factories.make_chairs(Spain=2027)
    meeting = annual_meeting(coordinator, only="concept_note")
    step = meeting.steps.get(key="concept_note")
    assert [to for to, _subject in sent(sweep_and_send(at(step.due)))] == ["coordinator@example.org"]


def test_nothing_is_sent_for_a_cancelled_meeting_or_a_step_done_before_its_reminder(coordinator, spain_focal_point):
    factories.make_chairs(Spain=2027)
    meeting = annual_meeting(coordinator, only="invitations")
    step = meeting.steps.get(key="invitations")
    NetworkMeeting.objects.filter(pk=meeting.pk).update(status="cancelled")
    assert sweep_and_send(at(step.due)) == []
    NetworkMeeting.objects.filter(pk=meeting.pk).update(status="planned")
    services.set_step_state(step, "done", by=coordinator, today=step.due)
    assert sweep_and_send(at(step.due)) == []


def action_point(coordinator, **fields) -> ActionPoint:
    meeting = annual_meeting(coordinator, only="issuance")
    meeting.steps.update(state="done")
    group = ActionPointGroup.objects.create(meeting=meeting, heading="Knowledge management and information sharing")
    return ActionPoint.objects.create(group=group, text="Share the newsletter with focal points", **fields)


def test_an_action_point_of_the_troika_reminds_each_troika_members_focal_points(coordinator, spain_focal_point):
    factories.make_chairs(Spain=2027, Germany=2028, Namibia=2029)
    factories.make_focal_point(Member.objects.get(name="Germany"), "Focal point of Germany", email="fp.de@example.org")
    # Namibia's focal point has an account with emails turned off: not reminded.
    quiet = make_user("quiet", email="fp.na@example.org", email_notifications=False)
    factories.make_focal_point(Member.objects.get(name="Namibia"), "Focal point of Namibia", user=quiet)
    # Five business days before Friday 31 December 2027: Friday 24 December.
    point = action_point(coordinator, due=D(2027, 12, 31), deadline_text="by the end of 2027", reminded="troika")
    messages = sweep_and_send(at(D(2027, 12, 24)))
    assert [to for to, _subject in sent(messages)] == ["fp.de@example.org", "fp.spain@example.org"]
    assert messages[0].subject.startswith("[WPS Focal Points Network] Action point due: Share the newsletter")
    assert "This key action point of the Women, Peace and Security Focal Points Network is due:" in messages[0].body
    assert f"#point-{point.pk}" in messages[0].body
    rows = Notification.objects.filter(object_id=point.pk, kind="action_due")
    assert rows.count() == 2
    # Done before the next rung: nothing more.
    ActionPoint.objects.filter(pk=point.pk).update(status="done")
    assert sweep_and_send(at(D(2027, 12, 31))) == []


def test_an_action_point_of_a_named_member_or_the_secretariat(coordinator, spain_focal_point):
    spain = Member.objects.get(name="Spain")
    point = action_point(coordinator, due=D(2027, 12, 31), reminded="member", owner_member=spain)
    other = ActionPoint.objects.create(group=point.group, text="Update the observatory", due=D(2027, 12, 31))
    messages = sweep_and_send(at(D(2027, 12, 31)))
    assert sorted((m.to[0], m.subject.split(": ")[1][:20]) for m in messages) == [
        ("coordinator@example.org", "Update the observato"),
        ("fp.spain@example.org", "Share the newsletter"),
    ]
    assert other.reminded == "secretariat"


def test_a_point_reminding_a_named_member_must_name_it(coordinator):
    point = ActionPoint(text="x", reminded="member")
    with pytest.raises(ValidationError) as raised:
        point.clean()
    assert "owner_member" in raised.value.message_dict

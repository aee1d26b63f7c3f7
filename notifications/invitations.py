"""Invitations to a meeting (with an .ics) and the email telling readers a background note was shared."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from accounts.permissions import SECRETARIAT_GROUP
from meetings.models import Meeting

from .ladders import decision_day
from .models import Notification
from .sending import queue_ready_after_commit

State = Notification.State
Kind = Notification.Kind

INVITATION_RULE = "invitation"


def invitation_recipients(meeting: Meeting) -> QuerySet:
    """Everyone who may see the meeting: secretariat, the year's co-chairs and its Council members' experts."""
    User = get_user_model()
    year = meeting.agenda_year
    return (
        User.objects.filter(is_active=True, email_notifications=True)
        .exclude(email="")
        .filter(
            Q(groups__name=SECRETARIAT_GROUP)
            | Q(delegation__cochaired_years=year)
            | Q(delegation__council_seats__year=year.year)
        )
        .distinct()
    )


class InvitationError(Exception):
    """The invitation cannot be sent; the message says why, for the user."""


def _check_can_invite(meeting: Meeting) -> None:
    if meeting.date is None:
        raise InvitationError(_("Set the meeting date before sending invitations."))
    if meeting.status == Meeting.Status.CANCELLED:
        raise InvitationError(_("The meeting is cancelled."))


def _invitations(meeting: Meeting) -> QuerySet:
    return Notification.objects.filter(
        content_type=ContentType.objects.get_for_model(Meeting), object_id=meeting.pk, rule=INVITATION_RULE
    )


def invitation_plan(meeting: Meeting) -> tuple[int, int]:
    """(to be emailed, already invited) for the meeting's date: what sending the invitations would do."""
    _check_can_invite(meeting)
    invited = _invitations(meeting).filter(due_date=meeting.date).exclude(state=State.CANCELLED)
    emails_invited = set(invited.values_list("email", flat=True))
    recipients = list(invitation_recipients(meeting).values_list("email", flat=True))
    already = sum(1 for email in recipients if email in emails_invited)
    return len(recipients) - already, already


@transaction.atomic
def send_meeting_invitation(meeting: Meeting, *, now: datetime.datetime) -> int:
    """Queue one invitation (with an .ics) per person who may see the meeting; once per person and date.

    Returns how many new invitations were queued (0 when everyone already has one for this date).
    """
    _check_can_invite(meeting)
    meeting_ct = ContentType.objects.get_for_model(Meeting)
    rows = [
        Notification(
            kind=Kind.INVITATION,
            content_type=meeting_ct,
            object_id=meeting.pk,
            meeting=meeting,
            rule=INVITATION_RULE,
            due_date=meeting.date,
            recipient_id=pk,
            email=email,
            scheduled_for=now,
            created_at=now,
        )
        for pk, email in invitation_recipients(meeting).values_list("pk", "email")
    ]
    before = _invitations(meeting).count()
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    created = _invitations(meeting).count() - before
    queue_ready_after_commit(now)
    return created


def note_readers(note) -> QuerySet:
    """Who is told when a background note is shared: the people who may read it, apart from the secretariat
    (who shares it): experts of the year's Council members, of its co-chairs and of delegations invited."""
    User = get_user_model()
    year = note.meeting.agenda_year
    invited = note.invitations.values("member_state_id")  # documents.NoteInvitation, by reverse accessor
    return (
        User.objects.filter(is_active=True, email_notifications=True)
        .exclude(email="")
        .exclude(groups__name=SECRETARIAT_GROUP)
        .filter(
            Q(delegation__cochaired_years=year)
            | Q(delegation__council_seats__year=year.year)
            | Q(delegation_id__in=invited)
        )
        .distinct()
    )


def note_rule(version) -> str:
    return f"note_v{version.number}"


@transaction.atomic
def announce_note_version(version, *, now: datetime.datetime) -> int:
    """Queue one email per reader of a note just shared (``version``: documents.SharedNoteVersion); a revised
    version's email says it is revised and which sections changed. Returns how many were queued."""
    note = version.note
    content_type = ContentType.objects.get_for_model(version)
    rows = [
        Notification(
            kind=Kind.NOTE_SHARED,
            content_type=content_type,
            object_id=version.pk,
            meeting=note.meeting,
            rule=note_rule(version),
            due_date=note.meeting.date or decision_day(now),
            recipient_id=pk,
            email=email,
            scheduled_for=now,
            created_at=now,
        )
        for pk, email in note_readers(note).values_list("pk", "email")
    ]
    created = len(Notification.objects.bulk_create(rows, ignore_conflicts=True))
    queue_ready_after_commit(now)
    return created

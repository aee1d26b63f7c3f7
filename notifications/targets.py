"""Is a decided reminder still wanted? Read at send time from the target's state now (a step, a review, an answer)."""

from __future__ import annotations

import datetime

from meetings.models import Meeting, TimelineStep
from network import reminders as network_reminders
from network.models import ActionPoint, NetworkStep
from recommendations.choices import OPEN_STATUSES

from . import rules
from .ladders import reminder_ladders
from .models import Notification

Kind = Notification.Kind

DUE_FIELDS = {"step": "due", "review": "next_review", "answer": "answer_due", "network_step": "due", "action": "due"}


class Cancel(Exception):
    """Raised while preparing a message that should no longer go out; the message says why."""


def load_target(row: Notification):
    """The reminder's target, with what its email prints, and the name of its ladder."""
    model = row.content_type.model_class()
    if model is TimelineStep:
        target = (
            TimelineStep.objects.select_related("meeting__situation", "meeting__agenda_year", "assignee")
            .filter(pk=row.object_id)
            .first()
        )
        return target, "step"
    if model is NetworkStep:
        return NetworkStep.objects.select_related("meeting").filter(pk=row.object_id).first(), "network_step"
    if model is ActionPoint:
        return ActionPoint.objects.select_related("group__meeting").filter(pk=row.object_id).first(), "action"
    if row.kind == Kind.REVIEW_DUE:
        target = model.objects.select_related("meeting__situation", "meeting__agenda_year").filter(pk=row.object_id)
        return target.first(), "review"
    if row.kind == Kind.ANSWER_DUE:
        target = model.objects.select_related("meeting__situation", "delegation").filter(pk=row.object_id)
        return target.first(), "answer"
    raise Cancel(f"Nothing to send for a {row.kind} about a {model.__name__}.")


def _target_due(target, ladder_name: str) -> datetime.date | None:
    return getattr(target, DUE_FIELDS[ladder_name], None)


def _target_open(target, ladder_name: str) -> bool:
    if ladder_name == "network_step":
        return network_reminders.step_is_open(target)
    if ladder_name == "action":
        return network_reminders.point_is_open(target)
    if ladder_name == "step":
        return (
            target.state == TimelineStep.State.OPEN
            and target.meeting.status != Meeting.Status.CANCELLED
            and not target.is_record
        )
    due = _target_due(target, ladder_name)
    recorded_on = target.meeting.recorded_on
    if recorded_on is not None and due is not None and due < recorded_on:
        return False  # due before its meeting was entered as a record
    if ladder_name == "review":
        return target.status in OPEN_STATUSES
    return target.answer_due is not None and target.answered_on is None


def check_reminder(row, target, ladder_name, today, holiday_dates) -> None:
    """Raise Cancel unless the reminder still applies today: target open, same due date, rule still the latest."""
    if target is None:
        raise Cancel("The item was deleted.")
    if not _target_open(target, ladder_name):
        raise Cancel("Done or no longer needed before the reminder went out.")
    due = _target_due(target, ladder_name)
    if due != row.due_date:
        raise Cancel(f"The due date moved to {due}; a reminder follows the new date.")
    ladder = reminder_ladders()[ladder_name]
    rule = next((r for r in ladder if r.key == row.rule), None)
    if rule is None:
        raise Cancel("This reminder rule is no longer configured.")
    if rule not in rules.due_rules(ladder, due, today, holiday_dates):
        raise Cancel("Superseded: a later reminder for the same date applies now.")


def check_invitation(row, meeting) -> None:
    if meeting is None:
        raise Cancel("The meeting was deleted.")
    if meeting.status == Meeting.Status.CANCELLED:
        raise Cancel("The meeting was cancelled.")
    if meeting.date != row.due_date:
        raise Cancel(f"The meeting moved to {meeting.date}; send a new invitation.")

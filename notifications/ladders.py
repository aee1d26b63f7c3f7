"""The reminder ladders in force (from settings) and the day whose reminders are decided at a moment."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from . import rules
from .models import Notification
from .rules import ReminderRule

Kind = Notification.Kind

STEP_KINDS = {
    "before": Kind.STEP_BEFORE,
    "due": Kind.STEP_DUE,
    "overdue": Kind.STEP_OVERDUE,
    "escalation": Kind.STEP_ESCALATION,
}
REVIEW_KINDS = {"before": Kind.REVIEW_DUE, "due": Kind.REVIEW_DUE, "overdue": Kind.REVIEW_DUE}
ANSWER_KINDS = {"before": Kind.ANSWER_DUE, "due": Kind.ANSWER_DUE, "overdue": Kind.ANSWER_DUE}
ACTION_KINDS = {"before": Kind.ACTION_DUE, "due": Kind.ACTION_DUE, "overdue": Kind.ACTION_DUE}


def reminder_ladders() -> dict[str, tuple[ReminderRule, ...]]:
    """The ladders in force, from settings: the IEG's steps (with escalation), written answers and reviews; the
    Network's steps (no escalation: its chair is a member, not a co-chair of the IEG) and action points."""
    common = {
        "before": settings.REMINDER_BEFORE_BUSINESS_DAYS,
        "due_day": settings.REMINDER_ON_DUE_DAY,
        "overdue_after": settings.REMINDER_OVERDUE_BUSINESS_DAYS,
    }
    return {
        "step": rules.ladder(
            "step", escalate_after=settings.REMINDER_ESCALATION_BUSINESS_DAYS, kinds=STEP_KINDS, **common
        ),
        "answer": rules.ladder("answer", kinds=ANSWER_KINDS, **common),
        "review": rules.ladder("review", kinds=REVIEW_KINDS, **common),
        "network_step": rules.ladder("step", kinds=STEP_KINDS, **common),
        "action": rules.ladder("action", kinds=ACTION_KINDS, **common),
    }


def decision_day(now: datetime.datetime) -> datetime.date:
    """The day whose reminders are decided at ``now``: today from REMINDER_SEND_HOUR (New York), else yesterday.

    So a sweep at 00:15 does not wake people with today's reminders; it still catches up yesterday's.
    """
    local = timezone.localtime(now)
    day = local.date()
    return day if local.hour >= settings.REMINDER_SEND_HOUR else day - datetime.timedelta(days=1)

"""Who the Network's reminders go to: the one home of that rule (the shared sweep, notifications.due, asks here).

A step the chair is responsible for goes to the focal points in post of that year's chair; an action point to the
focal points its ``reminded`` names (the chair's or the troika's in the year it is due, or a named member's), else
to the Network's secretariat. When nobody of the side named can be reached (no chair recorded, no focal point in
post), the reminder goes to the secretariat, so that no due date passes unseen.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from .choices import OPEN_ACTION_STATUSES, ActionReminded, MeetingStatus, StepState
from .models import ActionPoint, FocalPoint, NetworkStep
from .services import chairs_by_year
from .steps import RULES_BY_KEY, Responsible
from .troika import troika

SECRETARIAT = "secretariat"  # sentinel: the Network's secretariat group
STEP_FIELDS = ("pk", "due", "key", "meeting__start_date")
POINT_FIELDS = ("pk", "due", "reminded", "owner_member_id")


def open_steps() -> QuerySet:
    return NetworkStep.objects.filter(state=StepState.OPEN).exclude(meeting__status=MeetingStatus.CANCELLED)


def open_points() -> QuerySet:
    return ActionPoint.objects.filter(status__in=OPEN_ACTION_STATUSES, due__isnull=False)


def step_is_open(step: NetworkStep) -> bool:
    return step.state == StepState.OPEN and step.meeting.status != MeetingStatus.CANCELLED


def point_is_open(point: ActionPoint) -> bool:
    return point.status in OPEN_ACTION_STATUSES and point.due is not None


@dataclass(frozen=True)
class Contacts:
    """The chairs and the focal points in post, read once per sweep (two queries)."""

    chairs: dict[int, list]  # year -> members
    focal_points: dict[int, list[tuple[int | None, str]]]  # member id -> (user id, email) of those in post

    @classmethod
    def read(cls, today: datetime.date) -> Contacts:
        posts: dict[int, list[tuple[int | None, str]]] = {}
        rows = FocalPoint.objects.current(today).filter(member__left_on__isnull=True).order_by("member_id", "pk")
        for member_id, user_id, email in rows.values_list("member_id", "user_id", "email"):
            if user_id is not None or email:
                posts.setdefault(member_id, []).append((user_id, email))
        return cls(chairs_by_year(), posts)

    def of_members(self, members) -> list[tuple[int | None, str]]:
        return [contact for member in members for contact in self.focal_points.get(member.pk, [])]

    def reminded(self, model, row: tuple):
        """SECRETARIAT, or the (user id, email) pairs to remind about the step or point in ``row``."""
        if model is NetworkStep:
            _pk, _due, key, start = row
            if RULES_BY_KEY[key].responsible != Responsible.CHAIR:
                return SECRETARIAT
            found = self.of_members(self.chairs.get(start.year, ()))
        else:
            _pk, due, reminded, owner_member_id = row
            if reminded == ActionReminded.CHAIR:
                found = self.of_members(self.chairs.get(due.year, ()))
            elif reminded == ActionReminded.TROIKA:
                found = self.of_members(troika(due.year, self.chairs).members)
            elif reminded == ActionReminded.MEMBER and owner_member_id is not None:
                found = self.focal_points.get(owner_member_id, [])
            else:
                return SECRETARIAT
        return found or SECRETARIAT

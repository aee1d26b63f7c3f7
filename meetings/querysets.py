from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Min, Q

from accounts import permissions
from accounts.onbehalf import with_credits
from core.related import attach

from .choices import MeetingStatus, StepResponsible, StepState


class HolidayQuerySet(models.QuerySet):
    def dates(self) -> frozenset[datetime.date]:
        """All holiday dates: a few dozen rows, read once per computation."""
        return frozenset(self.values_list("date", flat=True))

    def names(self) -> dict[datetime.date, str]:
        """Every holiday's name by date, in one query (the planner plans and warns from it)."""
        return dict(self.values_list("date", "name"))


class AgendaYearQuerySet(models.QuerySet):
    def visible_to(self, user) -> AgendaYearQuerySet:
        return self.filter(permissions.visible_year_filter(user))

    def with_people(self) -> AgendaYearQuerySet:
        return self.select_related("penholder").prefetch_related("co_chairs")


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> MeetingQuerySet:
        return self.filter(permissions.visible_year_filter(user, prefix="agenda_year__"))

    def for_list(self) -> MeetingQuerySet:
        """What a meeting row shows: year, subject and the next open deadline."""
        # Steps of a meeting's record (due before it was entered after the fact) are no deadline.
        live = Q(recorded_on__isnull=True) | Q(steps__due__gte=F("recorded_on"))
        return self.select_related("agenda_year", "situation").annotate(
            next_due=Min("steps__due", filter=Q(steps__state=StepState.OPEN) & live)
        )

    def for_page(self) -> MeetingQuerySet:
        """What a meeting's own pages show around it: its year and subject (the meeting it follows up, only on the
        pages that show it and only when there is one: ``with_follows_up``)."""
        return self.select_related("agenda_year", "situation")

    def upcoming(self, today: datetime.date) -> MeetingQuerySet:
        return self.filter(date__gte=today).exclude(status=MeetingStatus.CANCELLED)

    def published(self) -> MeetingQuerySet:
        return self.filter(status=MeetingStatus.PUBLISHED)


class TimelineStepQuerySet(models.QuerySet):
    def open(self) -> TimelineStepQuerySet:
        return self.filter(state=StepState.OPEN)

    def live(self) -> TimelineStepQuerySet:
        """Not part of a meeting's record: steps due before the day their meeting was entered after the fact are
        history, never late, never reminded (``TimelineStep.is_record``)."""
        return self.exclude(meeting__recorded_on__gt=F("due"))

    def due_by(self, day: datetime.date) -> TimelineStepQuerySet:
        """Open steps due on or before ``day`` (includes every overdue step), not a meeting's record."""
        return self.open().live().filter(due__lte=day)

    def for_dashboard(self) -> TimelineStepQuerySet:
        return self.select_related("meeting__situation", "meeting__agenda_year", "assignee")

    def visible_to(self, user) -> TimelineStepQuerySet:
        return self.filter(permissions.visible_year_filter(user, prefix="meeting__agenda_year__"))

    def answered_by(self, user) -> TimelineStepQuerySet:
        """The steps a user answers for: assigned to them, or unassigned on their side (secretariat, co-chairs)."""
        mine = Q(assignee=user)
        if permissions.is_secretariat(user):
            mine |= Q(assignee__isnull=True, responsible=StepResponsible.SECRETARIAT)
        years = permissions.cochair_years(user)
        if years:
            mine |= Q(
                assignee__isnull=True,
                responsible=StepResponsible.CO_CHAIRS,
                meeting__agenda_year__year__in=sorted(years),
            )
        return self.filter(mine)


def with_follows_up(meeting):
    """``meeting`` with the meeting it follows up and that one's subject, read only for a follow-up meeting (the
    meetings and countries tables were joined again for every meeting, 26 more columns to compile and read)."""
    attach([meeting], ("follows_up",), type(meeting).objects.select_related("situation"))
    return meeting


def with_people(steps) -> list:
    """``steps`` as a list, each with who marked it done, who it is assigned to, and the co-chair it was recorded
    for and by whom (``accounts.onbehalf.with_credits``)."""
    return with_credits(steps, ("done_by", "assignee"))

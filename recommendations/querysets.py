from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Count, OuterRef, Subquery

from accounts import permissions

from .choices import OPEN_GOAL_STATUSES, OPEN_STATUSES, RecommendationStatus


class RecommendationQuerySet(models.QuerySet):
    def open(self) -> RecommendationQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def visible_to(self, user) -> RecommendationQuerySet:
        return self.filter(self.visible_condition(user))

    def visible_condition(self, user) -> models.Q:
        """Who sees which recommendations (an empty Q: all). Secretariat: all. Co-chairs: everything of their years.
        Council experts: their Council years, but a recommendation still only proposed is a draft until the
        meeting's background note (which carries the key recommendations) is shared with Council members."""
        if permissions.is_secretariat(user):
            return models.Q()
        cochair = sorted(permissions.cochair_years(user))
        council = sorted(permissions.council_years(user))
        shared = _note_model(self.model).SHARED_STATUSES
        return models.Q(meeting__agenda_year__year__in=cochair) | (
            models.Q(meeting__agenda_year__year__in=council)
            & (~models.Q(status=RecommendationStatus.PROPOSED) | models.Q(meeting__background_note__status__in=shared))
        )

    def with_visibility(self, user) -> RecommendationQuerySet:
        """Every recommendation, each with ``shown``: whether ``user`` may see it (``visible_to`` as a column), for a
        page that needs all of them (the document's letters) and shows some."""
        condition = self.visible_condition(user)
        shown = models.Value(True) if not condition else models.ExpressionWrapper(condition, models.BooleanField())
        return self.annotate(shown=shown)

    def review_due_by(self, day: datetime.date) -> RecommendationQuerySet:
        """Open recommendations whose next review falls on or before ``day`` (includes every overdue one)."""
        return self.open().filter(next_review__lte=day)

    def for_list(self) -> RecommendationQuerySet:
        """What a tracker row shows: the meeting (year, country or theme) and the mission. Each joined table costs
        the page (SQL compiled, instances built), so the owner, which no row shows, is not joined."""
        return self.select_related("meeting__agenda_year", "meeting__situation", "target_mission")

    def for_page(self) -> RecommendationQuerySet:
        """What a recommendation's own page and the tracker's export show: a row's, and the owner."""
        return self.for_list().select_related("owner")

    def with_last_change(self) -> RecommendationQuerySet:
        """Annotate the latest status change's date and resolution (two subqueries, no query per row)."""
        changes = self.model._meta.get_field("status_changes").related_model._default_manager
        latest = changes.filter(recommendation=OuterRef("pk")).order_by("-changed_on", "-pk")
        return self.annotate(
            last_changed_on=Subquery(latest.values("changed_on")[:1]),
            last_resolution=Subquery(latest.values("resolution_symbol")[:1]),
        )

    def in_year(self, year: int) -> RecommendationQuerySet:
        return self.filter(meeting__agenda_year__year=year)

    def on_situation(self, situation) -> RecommendationQuerySet:
        return self.filter(meeting__situation=situation)

    def targeting(self, mission) -> RecommendationQuerySet:
        return self.filter(target_mission=mission)

    def search(self, text: str) -> RecommendationQuerySet:
        """Every word of ``text`` appears in the recommendation (case-insensitive)."""
        queryset = self
        for word in text.split()[:10]:
            queryset = queryset.filter(text__icontains=word)
        return queryset

    def status_counts(self):
        """One row per (country, theme, year, status) with its count: the scorecard's only query."""
        return (
            self.order_by()
            .values("meeting__situation__name", "meeting__kind", "meeting__agenda_year__year", "status")
            .annotate(n=Count("pk"))
        )


def _note_model(model):
    """The background note's model, reached through the relation the filter follows: documents owns its statuses,
    and recommendations may not import documents."""
    meeting = model._meta.get_field("meeting").related_model
    return meeting._meta.get_field("background_note").related_model


class CouncilQuestionQuerySet(models.QuerySet):
    def visible_to(self, user) -> CouncilQuestionQuerySet:
        return self.filter(permissions.visible_year_filter(user, prefix="meeting__agenda_year__"))

    def awaiting_answer(self) -> CouncilQuestionQuerySet:
        """A written answer is owed and has not been received."""
        return self.filter(answer_due__isnull=False, answered_on__isnull=True)

    def answer_due_by(self, day: datetime.date) -> CouncilQuestionQuerySet:
        """Written answers due on or before ``day`` and not yet received (includes every overdue one)."""
        return self.awaiting_answer().filter(answer_due__lte=day)


class GoalQuerySet(models.QuerySet):
    def visible_to(self, user) -> GoalQuerySet:
        return self.filter(permissions.visible_year_filter(user, prefix="meeting__agenda_year__"))

    def open(self) -> GoalQuerySet:
        return self.filter(status__in=OPEN_GOAL_STATUSES)

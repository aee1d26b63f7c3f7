"""The recommendations app's statuses, defined once: its models and querysets use them, other apps import them
from here."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecommendationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PRESENTED = "presented", _("Presented")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    ACTED_ON_IN_PART = "acted_on_in_part", _("Acted on in part")
    ACTED_ON = "acted_on", _("Acted on")
    NOT_TAKEN_UP = "not_taken_up", _("Not taken up")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Still followed up: reviewed, reminded, counted as open.
OPEN_STATUSES = frozenset(
    {
        RecommendationStatus.PROPOSED,
        RecommendationStatus.PRESENTED,
        RecommendationStatus.UNDER_CONSIDERATION,
        RecommendationStatus.ACTED_ON_IN_PART,
    }
)

# Count as "acted on" in the uptake share, and need evidence.
ACTED_STATUSES = (RecommendationStatus.ACTED_ON_IN_PART, RecommendationStatus.ACTED_ON)


class GoalStatus(models.TextChoices):
    COMMITTED = "committed", _("Committed")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Reported achieved")
    PARTLY_ACHIEVED = "partly_achieved", _("Reported partly achieved")
    NOT_ACHIEVED = "not_achieved", _("Reported not achieved")
    DROPPED = "dropped", _("No longer pursued")


OPEN_GOAL_STATUSES = frozenset({GoalStatus.COMMITTED, GoalStatus.IN_PROGRESS})

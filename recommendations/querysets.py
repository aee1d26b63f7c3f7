from __future__ import annotations

from django.db import models


class RecommendationQuerySet(models.QuerySet):
    def open(self) -> RecommendationQuerySet:
        from .models import OPEN_STATUSES

        return self.filter(status__in=OPEN_STATUSES)

    def visible_to(self, user) -> RecommendationQuerySet:
        from accounts.permissions import visible_year_filter

        return self.filter(visible_year_filter(user, prefix="meeting__agenda_year__"))

from __future__ import annotations

import datetime

from django.db import models


class PermanentRepresentativeQuerySet(models.QuerySet):
    def as_of(self, day: datetime.date) -> PermanentRepresentativeQuerySet:
        """Representatives in office on ``day``."""
        return self.filter(start_date__lte=day).filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=day))


class CouncilMembershipQuerySet(models.QuerySet):
    def for_year(self, year: int) -> CouncilMembershipQuerySet:
        return self.filter(year=year).select_related("member_state")


class MissionQuerySet(models.QuerySet):
    def active(self) -> MissionQuerySet:
        return self.filter(active=True)

    def expiring_between(self, start: datetime.date, end: datetime.date) -> MissionQuerySet:
        return self.active().filter(mandate_expiry__gte=start, mandate_expiry__lte=end).select_related("situation")

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q


class NotificationQuerySet(models.QuerySet):
    def pending(self) -> NotificationQuerySet:
        return self.filter(state="pending")

    def claimable(self, pk: int, stale_cutoff: datetime.datetime) -> NotificationQuerySet:
        """The row, if pending or held by a sender that died: the only rows a sender may claim."""
        return self.filter(pk=pk).filter(Q(state="pending") | Q(state="sending", claimed_at__lt=stale_cutoff))

    def for_outbox(self) -> NotificationQuerySet:
        return self.select_related("recipient", "meeting__situation", "content_type").prefetch_related("target")

"""Abstract models the domain apps share."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class VersionedModel(models.Model):
    """A row edited through forms with the stale-save check: ``version`` moves on every save
    (core.concurrency.save_versioned), and every change is kept in its history (django-simple-history)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class TimestampedVersionedModel(VersionedModel):
    """A versioned row that also stamps when it was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

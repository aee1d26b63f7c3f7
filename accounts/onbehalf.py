"""Acts of a co-chair state that the secretariat records for it ("received by email on ...").

A co-chair approves or marks a step done in the app itself, or sends it by email and the secretariat records
it. Rows that hold such an act carry these three fields: who really acted (the co-chair state), when the
secretariat received it, and who recorded it. The row's history (``core.history``) then credits the state,
not the recorder, for that change, and pages say "Done by Ireland (received by email on 3 May 2021,
recorded by J. Smith)" through ``credit``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from core.credit import credit
from core.related import attach
from countries.models import MemberState

from .models import User


class RecordedOnBehalf(models.Model):
    """The co-chair state an act is credited to when the secretariat recorded it for that state."""

    on_behalf_of = models.ForeignKey(
        "countries.MemberState",
        verbose_name=gettext_lazy("acted by (co-chair)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=gettext_lazy("Set when the secretariat recorded a co-chair's act received outside the app."),
    )
    received_on = models.DateField(gettext_lazy("received by email on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    def credit(self, actor=None) -> str:
        """Who acted, as pages show it: the state recorded for (with the receipt), else ``actor``."""
        return credit(
            actor=actor, on_behalf_of=self.on_behalf_of, received_on=self.received_on, recorded_by=self.recorded_by
        )


def with_credits(rows: Iterable[RecordedOnBehalf], people: Sequence[str]) -> list:
    """``rows`` as a list, each with what its page credits: the users named by the foreign keys ``people`` and
    by ``recorded_by`` (with their delegations) in one query, the co-chair state recorded for in another (only
    when a row names one). Read by id (``core.related.attach``), not joined: joining the users table once per key
    and the states once more made these rows the widest query of their pages."""
    rows = list(rows)
    attach(rows, (*people, "recorded_by"), User.objects.select_related("delegation"))
    attach(rows, ("on_behalf_of",), MemberState.objects.all())
    return rows

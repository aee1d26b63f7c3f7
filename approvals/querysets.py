from __future__ import annotations

from django.db import models

from accounts.models import User
from core.related import attach
from countries.models import MemberState


class StateApprovalQuerySet(models.QuerySet):
    def current(self) -> StateApprovalQuerySet:
        """Approvals not reset since they were given."""
        return self.filter(reset_at__isnull=True)


def for_panel(approvals: StateApprovalQuerySet) -> list:
    """``approvals`` with what an approval panel shows of each: the state, who approved and who recorded it (and
    their delegations) in one query, the co-chair recorded for in another (only when one was). Unordered: the panel
    keys them by state (services.approval_status).

    Joined, the people and the default ordering (by year, then state name) made a seven-table query of 65 columns
    that cost the year page about 4.4 ms (Django compiling it and building the rows, PostgreSQL planning it); the
    two narrow queries cost about 1.5 ms."""
    approvals = list(approvals.select_related("member_state").order_by())
    attach(approvals, ("approved_by", "recorded_by"), User.objects.select_related("delegation"))
    attach(approvals, ("on_behalf_of",), MemberState.objects.all())
    return approvals

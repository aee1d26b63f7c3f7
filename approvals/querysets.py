from __future__ import annotations

from django.db import models


class StateApprovalQuerySet(models.QuerySet):
    def current(self) -> StateApprovalQuerySet:
        """Approvals not reset since they were given."""
        return self.filter(reset_at__isnull=True)

    def for_panel(self) -> StateApprovalQuerySet:
        return self.select_related("member_state", "approved_by__delegation", "on_behalf_of", "recorded_by")

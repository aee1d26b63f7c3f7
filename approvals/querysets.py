from __future__ import annotations

from django.db import models


class AgendaApprovalQuerySet(models.QuerySet):
    def current(self) -> AgendaApprovalQuerySet:
        """Approvals not reset since they were given."""
        return self.filter(reset_at__isnull=True)

    def for_panel(self) -> AgendaApprovalQuerySet:
        return self.select_related("member_state", "approved_by")

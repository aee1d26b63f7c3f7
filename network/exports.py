"""The action points list's export: which columns its table has (core.exports writes the CSV and XLSX files)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.exports import Column, Table

# The page's columns, the deadline split into its words and its date; rows come from the page's queryset
# (group and meeting joined).
ACTION_POINTS = Table(
    "action-points",
    _("Action points"),
    (
        Column(_("id"), lambda p: p.pk, width=8),
        Column(_("meeting"), lambda p: p.group.meeting.title, width=40),
        Column(_("meeting date"), lambda p: p.group.meeting.start_date, width=12),
        Column(_("group"), lambda p: p.group.heading, width=30),
        Column(_("action point"), lambda p: p.text, width=60),
        Column(_("owners"), lambda p: p.owners, width=24),
        Column(_("deadline as written"), lambda p: p.deadline_text, width=20),
        Column(_("due"), lambda p: p.due, width=12),
        Column(_("status"), lambda p: p.get_status_display(), width=12),
        Column(_("progress"), lambda p: p.progress, width=40),
    ),
)

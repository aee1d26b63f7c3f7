"""The meeting list's export: which columns its table has (core.exports writes the CSV and XLSX files)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.exports import Column, Table

# The page's columns, with the year and the meeting's number beside them; rows come from the page's queryset
# (``Meeting.objects.for_list()``: year and country joined, the next open deadline annotated).
MEETINGS = Table(
    "meetings",
    _("Meetings"),
    (
        Column(_("id"), lambda m: m.pk, width=8),
        Column(_("year"), lambda m: m.agenda_year.year, width=8),
        Column(_("date"), lambda m: m.date, width=12),
        Column(_("date approximate"), lambda m: m.date_is_approximate, width=12),
        Column(_("meeting"), lambda m: m.subject, width=36),
        Column(_("kind"), lambda m: m.get_kind_display(), width=18),
        Column(_("status"), lambda m: m.get_status_display(), width=18),
        Column(_("next deadline"), lambda m: m.next_due, width=14),
        Column(_("symbol"), lambda m: m.symbol, width=16),
    ),
)

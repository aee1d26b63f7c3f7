"""The tracker's export: which columns its table has (core.exports writes the CSV and XLSX files)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.exports import Column, Table

from ..models import Recommendation

TABLE = Table(
    "recommendations",
    _("Recommendations"),
    (
        Column(_("id"), lambda r: r.pk, width=8),
        Column(_("year"), lambda r: r.meeting.agenda_year.year, width=8),
        Column(_("meeting date"), lambda r: r.meeting.date, width=12),
        Column(_("country or theme"), lambda r: r.meeting.subject, width=30),
        Column(_("meeting kind"), lambda r: r.meeting.get_kind_display(), width=18),
        Column(_("summary symbol"), lambda r: r.meeting.symbol, width=16),
        Column(_("recommendation"), lambda r: r.text, width=60),
        Column(_("source"), lambda r: r.get_source_display(), width=24),
        Column(_("addressed to"), lambda r: r.get_addressee_display(), width=20),
        Column(_("Council action"), lambda r: r.get_action_type_display(), width=24),
        Column(_("target mission"), lambda r: r.target_mission.acronym if r.target_mission else "", width=14),
        Column(_("owner"), lambda r: str(r.owner) if r.owner else "", width=20),
        Column(_("next review"), lambda r: r.next_review, width=12),
        Column(_("status"), lambda r: r.get_status_display(), width=14),
        Column(_("status since"), lambda r: r.last_changed_on, width=12),
        Column(_("resolution"), lambda r: r.last_resolution or "", width=20),
        Column(_("source note"), lambda r: r.meeting.source_note, width=30),
    ),
)


def rows(queryset: models.QuerySet) -> models.QuerySet:
    """The tracker's rows (already filtered and ordered as the page lists them), joined as a recommendation's own
    page is (the owner too), with their last change."""
    return queryset.for_page().with_last_change()


def _status_count(status: str) -> Column:
    return Column(Recommendation.Status(status).label, lambda row: row.counts.get(status, 0), width=12)


# The scorecard's table per country and year (rows: charts.ScoreRow, the total last), as the page shows it.
SCORECARD = Table(
    "scorecard",
    _("Uptake scorecard"),
    (
        Column(_("country or theme"), lambda row: row.country_label, width=30),
        Column(_("year"), lambda row: row.year, width=8),
        *(_status_count(status) for status in Recommendation.Status.values),
        Column(_("total"), lambda row: row.total, width=8),
        Column(_("acted on (in part or fully)"), lambda row: row.acted, width=12),
        Column(_("out of (all but withdrawn)"), lambda row: row.considered, width=12),
        Column(
            _("share acted on"),
            lambda row: None if row.share is None else round(row.share, 4),
            width=12,
            number_format="0%",
        ),
    ),
)

"""Approving a year's agenda, withdrawing an approval, and resetting approvals when the agenda changes.

The agenda a co-chair approves is pinned by a fingerprint (a digest of the year's co-chairs, penholder,
notes and agenda countries with their rationale). A co-chair approves the fingerprint they saw; an edit
changes the fingerprint, and ``reset_agenda_approvals`` (called by the views that edit the agenda) stamps
every approval of an older fingerprint as reset, with who and why.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from meetings.models import AgendaYear

from .models import AgendaApproval, Comment


class ApprovalError(Exception):
    """An approval the workflow refuses; the message says why, for the user."""


def agenda_fingerprint(agenda_year: AgendaYear, entries=None) -> str:
    """A digest of everything an agenda approval covers. Same agenda, same digest; any edit changes it.

    ``entries`` (the year's AgendaEntry rows) can be passed when the caller already has them.
    """
    if entries is None:
        entries = agenda_year.entries.all()
    content = {
        "year": agenda_year.year,
        "co_chairs": sorted(state.pk for state in agenda_year.co_chairs.all()),
        "penholder": agenda_year.penholder_id,
        "notes": agenda_year.notes,
        "entries": sorted(
            [
                entry.situation_id,
                entry.conflict_phase,
                entry.rationale_impact,
                entry.rationale_capacity,
                entry.rationale_diversity,
            ]
            for entry in entries
        ),
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class CoChairApproval:
    """How one co-chair state stands on the agenda: approved (the current approval) or not yet."""

    member_state: object
    approval: AgendaApproval | None
    outdated: AgendaApproval | None  # an approval of an earlier version of the agenda, not yet reset


@dataclass(frozen=True)
class AgendaStatus:
    fingerprint: str
    co_chairs: list[CoChairApproval]

    @property
    def complete(self) -> bool:
        return bool(self.co_chairs) and all(row.approval for row in self.co_chairs)

    def approval_of(self, state_id: int | None) -> AgendaApproval | None:
        return next((row.approval for row in self.co_chairs if row.member_state.pk == state_id), None)


def agenda_status(agenda_year: AgendaYear, entries=None) -> AgendaStatus:
    """Each co-chair state's approval of the agenda as it stands now."""
    fingerprint = agenda_fingerprint(agenda_year, entries)
    current = {a.member_state_id: a for a in agenda_year.approvals.current().for_panel()}
    rows = []
    for state in agenda_year.co_chairs.all():
        approval = current.get(state.pk)
        if approval is not None and approval.fingerprint != fingerprint:
            rows.append(CoChairApproval(state, None, approval))
        else:
            rows.append(CoChairApproval(state, approval, None))
    return AgendaStatus(fingerprint, rows)


def _lock(agenda_year: AgendaYear) -> AgendaYear:
    """Serialize approvals and resets of one year (both read the agenda, then write approvals)."""
    return AgendaYear.objects.select_for_update().get(pk=agenda_year.pk)


def _reset(approval: AgendaApproval, *, by, now: datetime.datetime, reason: str) -> None:
    approval.reset_at = now
    approval.reset_by = by if getattr(by, "is_authenticated", False) else None
    approval.reset_reason = reason[:200]
    approval._change_reason = reason[:100]
    approval.save(update_fields=["reset_at", "reset_by", "reset_reason"])


@transaction.atomic
def approve_agenda(agenda_year: AgendaYear, *, by, now: datetime.datetime, seen_fingerprint: str) -> AgendaApproval:
    """Record the approval of ``by``'s co-chair state for the agenda ``by`` saw (``seen_fingerprint``)."""
    agenda_year = _lock(agenda_year)
    if not permissions.can_approve(by, agenda_year):
        raise ApprovalError(_("Only the co-chairs of %(year)s can approve its agenda.") % {"year": agenda_year.year})
    fingerprint = agenda_fingerprint(agenda_year)
    if seen_fingerprint != fingerprint:
        raise ApprovalError(
            _("The agenda changed after you opened the page. Review the agenda below, then approve it again.")
        )
    state = by.delegation
    current = agenda_year.approvals.current().filter(member_state=state).first()
    if current is not None:
        if current.fingerprint == fingerprint:
            raise ApprovalError(_("%(state)s has already approved this agenda.") % {"state": state})
        _reset(current, by=by, now=now, reason=_("Agenda changed since this approval"))
    approval = AgendaApproval(
        agenda_year=agenda_year, member_state=state, approved_by=by, approved_at=now, fingerprint=fingerprint
    )
    approval._change_reason = _("Approved by %(state)s") % {"state": state}
    approval.save()
    return approval


@transaction.atomic
def withdraw_agenda_approval(agenda_year: AgendaYear, *, by, now: datetime.datetime) -> AgendaApproval:
    """A co-chair takes back their state's current approval."""
    agenda_year = _lock(agenda_year)
    if not permissions.can_approve(by, agenda_year):
        raise ApprovalError(_("Only the co-chairs of %(year)s can approve its agenda.") % {"year": agenda_year.year})
    current = agenda_year.approvals.current().filter(member_state_id=by.delegation_id).first()
    if current is None:
        raise ApprovalError(_("%(state)s has no approval to withdraw.") % {"state": by.delegation})
    _reset(current, by=by, now=now, reason=_("Withdrawn by %(state)s") % {"state": by.delegation})
    return current


@transaction.atomic
def reset_agenda_approvals(
    agenda_year: AgendaYear, *, by, now: datetime.datetime | None = None, reason: str = ""
) -> int:
    """After an edit to the agenda: reset every current approval given to a different version of it.

    Call it after any change to the year or its agenda countries (the meetings views do). An edit that
    changed nothing the approval covers keeps the approvals. Returns how many were reset.
    """
    agenda_year = _lock(agenda_year)
    now = now or timezone.now()
    fingerprint = agenda_fingerprint(agenda_year)
    count = 0
    for approval in agenda_year.approvals.current():
        if approval.fingerprint != fingerprint:
            _reset(approval, by=by, now=now, reason=reason or _("Agenda edited after approval"))
            count += 1
    return count


@transaction.atomic
def add_comment(*, agenda_year: AgendaYear, meeting=None, text: str, by, now: datetime.datetime) -> Comment:
    """Record a co-chair's or the secretariat's remark on a meeting, or on the year's agenda."""
    text = text.strip()
    if not text:
        raise ApprovalError(_("Write a comment first."))
    return Comment.objects.create(agenda_year=agenda_year, meeting=meeting, author=by, text=text, created_at=now)

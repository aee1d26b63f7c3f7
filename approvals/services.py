"""Approving a year's agenda, withdrawing an approval, and resetting approvals when the agenda changes.

The agenda a co-chair approves is pinned by a fingerprint (a digest of the year's co-chairs, penholder,
notes and agenda countries with their rationale). A co-chair approves the fingerprint they saw; an edit
changes the fingerprint, and ``reset_agenda_approvals`` (called by the services that edit the agenda) stamps
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
from meetings import services as meeting_services
from meetings.models import AgendaEntry, AgendaYear

from .models import AgendaApproval, Comment, NoteApproval, StateApproval
from .querysets import for_panel


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


def note_fingerprint(note) -> str:
    """A digest of a background note's text (its sections, as stored: sanitized). Any edit to it changes it.

    ``note`` is a ``documents.BackgroundNote``; this module reads it by attribute and does not import it.
    """
    content = [[s.heading, s.body, s.part, s.kind] for s in note.sections]
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class CoChairApproval:
    """How one co-chair state stands on the agenda or a note: approved (the current approval) or not yet."""

    member_state: object
    approval: StateApproval | None
    outdated: StateApproval | None  # an approval of an earlier version, not yet reset


@dataclass(frozen=True)
class ApprovalStatus:
    fingerprint: str
    co_chairs: list[CoChairApproval]

    @property
    def complete(self) -> bool:
        return bool(self.co_chairs) and all(row.approval for row in self.co_chairs)

    def approval_of(self, state_id: int | None) -> StateApproval | None:
        return next((row.approval for row in self.co_chairs if row.member_state.pk == state_id), None)

    @property
    def pending_states(self) -> list:
        return [row.member_state for row in self.co_chairs if row.approval is None]


def approval_status(co_chairs, current, fingerprint: str) -> ApprovalStatus:
    """Each approving state (``co_chairs``: the year's co-chairs, or the Network's troika) against the current
    approvals (``current``: an iterable of approval rows). Shared by every body's approvals."""
    by_state = {a.member_state_id: a for a in current}
    rows = []
    for state in co_chairs:
        approval = by_state.get(state.pk)
        if approval is not None and approval.fingerprint != fingerprint:
            rows.append(CoChairApproval(state, None, approval))
        else:
            rows.append(CoChairApproval(state, approval, None))
    return ApprovalStatus(fingerprint, rows)


def agenda_status(agenda_year: AgendaYear, entries=None) -> ApprovalStatus:
    """Each co-chair state's approval of the agenda as it stands now."""
    fingerprint = agenda_fingerprint(agenda_year, entries)
    return approval_status(agenda_year.co_chairs.all(), for_panel(agenda_year.approvals.current()), fingerprint)


def note_status(note) -> ApprovalStatus:
    """Each co-chair state's approval of a background note's text as it stands now."""
    return approval_status(
        note.meeting.agenda_year.co_chairs.all(), for_panel(note.approvals.current()), note_fingerprint(note)
    )


def _lock(agenda_year: AgendaYear) -> AgendaYear:
    """Serialize approvals and resets of one year (both read the agenda, then write approvals)."""
    return AgendaYear.objects.select_for_update().get(pk=agenda_year.pk)


def _reset(approval: StateApproval, *, by, now: datetime.datetime, reason: str) -> None:
    approval.reset_at = now
    approval.reset_by = by if getattr(by, "is_authenticated", False) else None
    approval.reset_reason = reason[:200]
    approval._change_reason = reason[:100]
    approval.save(update_fields=["reset_at", "reset_by", "reset_reason"])


def _acting_state(agenda_year: AgendaYear, *, by, on_behalf_of, what: str):
    """The co-chair state an approval is for: ``by``'s own, or (the secretariat recording) ``on_behalf_of``."""
    if on_behalf_of is None:
        if not permissions.can_approve(by, agenda_year):
            raise ApprovalError(
                _("Only the co-chairs of %(year)s can approve %(what)s.") % {"year": agenda_year.year, "what": what}
            )
        return by.delegation
    if not permissions.can_record_for_cochair(by, agenda_year):
        raise ApprovalError(_("Only the secretariat records an approval on a co-chair's behalf."))
    if not agenda_year.co_chairs.filter(pk=on_behalf_of.pk).exists():
        raise ApprovalError(
            _("%(state)s does not co-chair %(year)s.") % {"state": on_behalf_of, "year": agenda_year.year}
        )
    return on_behalf_of


def record_approval(
    current,
    new: StateApproval,
    *,
    state,
    fingerprint: str,
    by,
    now: datetime.datetime,
    on_behalf_of,
    received_on: datetime.date | None,
    already: str,
) -> StateApproval:
    """Record ``state``'s approval of ``fingerprint`` (``current``: the target's current approvals, locked)."""
    existing = current.filter(member_state=state).first()
    if existing is not None:
        if existing.fingerprint == fingerprint:
            raise ApprovalError(already % {"state": state})
        _reset(existing, by=by, now=now, reason=_("Changed since this approval"))
    new.member_state = state
    new.approved_at = now
    new.fingerprint = fingerprint
    if on_behalf_of is None:
        new.approved_by = by
        new._change_reason = _("Approved by %(state)s") % {"state": state}
    else:
        new.on_behalf_of, new.received_on, new.recorded_by = state, received_on, by
        new._change_reason = _("Approval of %(state)s recorded") % {"state": state}
    new.save()
    return new


@transaction.atomic
def approve_agenda(
    agenda_year: AgendaYear,
    *,
    by,
    now: datetime.datetime,
    seen_fingerprint: str,
    on_behalf_of=None,
    received_on: datetime.date | None = None,
) -> AgendaApproval:
    """Record the approval of ``by``'s co-chair state for the agenda ``by`` saw (``seen_fingerprint``).

    With ``on_behalf_of``, the secretariat (``by``) records that co-chair state's approval, received by email
    on ``received_on``.
    """
    agenda_year = _lock(agenda_year)
    state = _acting_state(agenda_year, by=by, on_behalf_of=on_behalf_of, what=_("its agenda"))
    fingerprint = agenda_fingerprint(agenda_year)
    if seen_fingerprint != fingerprint:
        raise ApprovalError(
            _("The agenda changed after you opened the page. Review the agenda below, then approve it again.")
        )
    return record_approval(
        agenda_year.approvals.current(),
        AgendaApproval(agenda_year=agenda_year),
        state=state,
        fingerprint=fingerprint,
        by=by,
        now=now,
        on_behalf_of=on_behalf_of,
        received_on=received_on,
        already=_("%(state)s has already approved this agenda."),
    )


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
    return reset_outdated(
        agenda_year.approvals.current(),
        agenda_fingerprint(agenda_year),
        by=by,
        now=now,
        reason=reason or _("Agenda edited after approval"),
    )


# Edits to the agenda: each saves and resets the approvals it outdates in one transaction, so an approval never
# stands beside an agenda it did not see (nor is a reset left without its edit).


@transaction.atomic
def save_agenda_year(agenda_year: AgendaYear, *, expected_version: int | None, by, save_m2m=None) -> AgendaYear:
    """Save an edit to a year (refused with StaleEdit on a stale page), then its co-chairs (``save_m2m``, the
    form's), and reset the approvals the edit outdates."""
    meeting_services.save_year(agenda_year, expected_version=expected_version, by=by)
    if save_m2m is not None:
        save_m2m()
    reset_agenda_approvals(agenda_year, by=by)
    return agenda_year


@transaction.atomic
def save_agenda_entry(entry: AgendaEntry, *, expected_version: int | None, by) -> AgendaEntry:
    """Add or edit a country of a year's agenda (meetings.services.save_entry) and reset the outdated approvals."""
    meeting_services.save_entry(entry, expected_version=expected_version, by=by)
    reset_agenda_approvals(entry.agenda_year, by=by)
    return entry


@transaction.atomic
def remove_agenda_entry(entry: AgendaEntry, *, by) -> None:
    """Take a country off a year's agenda and reset the approvals given to the agenda with it."""
    agenda_year = entry.agenda_year
    entry.delete()
    reset_agenda_approvals(agenda_year, by=by)


def reset_outdated(current, fingerprint: str, *, by, now: datetime.datetime | None, reason: str) -> int:
    now = now or timezone.now()
    count = 0
    for approval in current:
        if approval.fingerprint != fingerprint:
            _reset(approval, by=by, now=now, reason=reason)
            count += 1
    return count


# Background notes: the co-chairs approve the text before the secretariat shares it with the Council.


def _lock_note(note):
    return type(note).objects.select_for_update().select_related("meeting__agenda_year").get(pk=note.pk)


@transaction.atomic
def approve_note(
    note,
    *,
    by,
    now: datetime.datetime,
    seen_fingerprint: str,
    on_behalf_of=None,
    received_on: datetime.date | None = None,
) -> NoteApproval:
    """Record a co-chair state's approval of the note's text as ``by`` read it (``seen_fingerprint``);
    with ``on_behalf_of``, the secretariat records that state's approval received by email."""
    note = _lock_note(note)
    agenda_year = note.meeting.agenda_year
    state = _acting_state(agenda_year, by=by, on_behalf_of=on_behalf_of, what=_("this note"))
    if not note.is_draft:  # approved before it is shared
        raise ApprovalError(
            _("A note that is “%(status)s” is no longer approved by the co-chairs.")
            % {"status": note.get_status_display()}
        )
    fingerprint = note_fingerprint(note)
    if seen_fingerprint != fingerprint:
        raise ApprovalError(_("The note changed after you opened it. Read the current text, then approve it."))
    return record_approval(
        note.approvals.current(),
        NoteApproval(note=note),
        state=state,
        fingerprint=fingerprint,
        by=by,
        now=now,
        on_behalf_of=on_behalf_of,
        received_on=received_on,
        already=_("%(state)s has already approved this note."),
    )


@transaction.atomic
def reset_note_approvals(note, *, by, now: datetime.datetime | None = None) -> int:
    """After an edit to a note: reset the approvals given to other words (documents.services.save_note calls
    it). A save that changed no text keeps them. Returns how many were reset."""
    note = _lock_note(note)
    return reset_outdated(
        note.approvals.current(), note_fingerprint(note), by=by, now=now, reason=_("Note edited after approval")
    )


@transaction.atomic
def add_comment(*, agenda_year: AgendaYear, meeting=None, text: str, by, now: datetime.datetime) -> Comment:
    """Record a co-chair's or the secretariat's remark on a meeting, or on the year's agenda."""
    text = text.strip()
    if not text:
        raise ApprovalError(_("Write a comment first."))
    return Comment.objects.create(agenda_year=agenda_year, meeting=meeting, author=by, text=text, created_at=now)

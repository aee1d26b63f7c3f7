"""Changes to years, meetings and timelines. Views call these; nothing else moves a status."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from core.concurrency import save_versioned

from . import deadlines
from .models import STATUS_TRANSITIONS, AgendaYear, Holiday, Meeting, TimelineStep, symbol_validator


class InvalidTransition(Exception):
    """A status move the workflow does not allow; the message says why, for the user."""


def holidays() -> frozenset[datetime.date]:
    return Holiday.objects.dates()


def plan_timeline(meeting_day: datetime.date) -> list[deadlines.PlannedStep]:
    """The date planner: every step's due date for a meeting on ``meeting_day``."""
    return deadlines.plan(meeting_day, holidays())


def sync_timeline(meeting: Meeting, *, holiday_dates: frozenset[datetime.date] | None = None) -> None:
    """Create the meeting's steps, or move its open steps to follow the meeting date.

    Steps already done (or marked not needed) keep their dates and history.
    """
    if meeting.date is None:
        return
    if holiday_dates is None:
        holiday_dates = holidays()
    existing = {step.key: step for step in meeting.steps.all()}
    for planned in deadlines.plan(meeting.date, holiday_dates):
        step = existing.get(planned.key)
        if step is None:
            TimelineStep.objects.create(
                meeting=meeting,
                key=planned.key,
                responsible=planned.responsible.value,
                due=planned.due,
                window_start=planned.window_start,
            )
        elif step.state == TimelineStep.State.OPEN and (step.due, step.window_start) != (
            planned.due,
            planned.window_start,
        ):
            step.due = planned.due
            step.window_start = planned.window_start
            step._change_reason = _("Meeting date changed to %(date)s") % {"date": meeting.date.isoformat()}
            step.save(update_fields=["due", "window_start"])


@transaction.atomic
def create_meeting(*, agenda_year: AgendaYear, kind: str, by=None, **fields) -> Meeting:
    meeting = Meeting(agenda_year=agenda_year, kind=kind, **fields)
    meeting.full_clean()
    meeting.save()
    sync_timeline(meeting)
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, *, expected_version: int | None, by=None) -> Meeting:
    """Save edits made in a form; when the date moved, move the open steps with it."""
    save_versioned(meeting, expected_version)
    sync_timeline(meeting)  # a no-op unless the date moved
    return meeting


@transaction.atomic
def reschedule(meeting: Meeting, new_date: datetime.date, *, by=None) -> Meeting:
    meeting.date = new_date
    meeting._change_reason = _("Rescheduled")
    save_versioned(meeting, None)
    sync_timeline(meeting)
    return meeting


@transaction.atomic
def complete_step(
    step: TimelineStep,
    *,
    by,
    now: datetime.datetime,
    note: str = "",
    on_behalf_of=None,
    received_on: datetime.date | None = None,
) -> TimelineStep:
    """Mark a step done by ``by``; or, with ``on_behalf_of``, record that co-chair state did it (``by`` is
    the secretariat member recording it, ``received_on`` the day its message arrived)."""
    step = TimelineStep.objects.select_for_update().select_related("meeting__agenda_year").get(pk=step.pk)
    if step.state == TimelineStep.State.DONE:
        raise InvalidTransition(_("This step is already marked done."))
    if on_behalf_of is not None:
        if step.responsible != TimelineStep.Responsible.CO_CHAIRS:
            raise InvalidTransition(_("Only a co-chairs' step can be recorded on a co-chair's behalf."))
        if not step.meeting.agenda_year.co_chairs.filter(pk=on_behalf_of.pk).exists():
            raise InvalidTransition(
                _("%(state)s does not co-chair %(year)s.") % {"state": on_behalf_of, "year": step.meeting.agenda_year}
            )
    step.state = TimelineStep.State.DONE
    step.done_at = now
    step.done_by = None if on_behalf_of is not None else by
    step.on_behalf_of = on_behalf_of
    step.received_on = received_on if on_behalf_of is not None else None
    step.recorded_by = by if on_behalf_of is not None else None
    if note:
        step.note = note
    step._change_reason = (
        _("Marked done for %(state)s") % {"state": on_behalf_of} if on_behalf_of is not None else _("Marked done")
    )
    step.save()
    return step


@transaction.atomic
def reopen_step(step: TimelineStep, *, by) -> TimelineStep:
    step = TimelineStep.objects.select_for_update().get(pk=step.pk)
    if step.state == TimelineStep.State.OPEN:
        raise InvalidTransition(_("This step is already open."))
    step.state = TimelineStep.State.OPEN
    step.done_at = None
    step.done_by = None
    step.on_behalf_of = None
    step.received_on = None
    step.recorded_by = None
    step._change_reason = _("Reopened")
    step.save()
    if step.meeting.date:
        sync_timeline(step.meeting)
    return step


@transaction.atomic
def update_step(step: TimelineStep, *, by) -> TimelineStep:
    """Save who takes a step and its note (dates follow the meeting and are never edited by hand)."""
    step._change_reason = _("Assignment or note changed")
    step.save(update_fields=["assignee", "note"])
    return step


@transaction.atomic
def skip_step(step: TimelineStep, *, by, note: str = "") -> TimelineStep:
    step = TimelineStep.objects.select_for_update().get(pk=step.pk)
    if step.state != TimelineStep.State.OPEN:
        raise InvalidTransition(_("Only an open step can be marked not needed."))
    step.state = TimelineStep.State.NOT_NEEDED
    step.note = note or step.note
    step._change_reason = _("Marked not needed")
    step.save()
    return step


def allowed_statuses(meeting: Meeting) -> list[str]:
    return [s for s in Meeting.Status.values if s in STATUS_TRANSITIONS[meeting.status]]


@transaction.atomic
def change_status(meeting: Meeting, new_status: str, *, by=None, symbol: str = "") -> Meeting:
    """Move a meeting along its life. Marking a country meeting held proposes its follow-up."""
    if new_status not in Meeting.Status.values:
        raise InvalidTransition(_("Unknown status “%(status)s”.") % {"status": new_status})
    if new_status not in STATUS_TRANSITIONS[meeting.status]:
        raise InvalidTransition(
            _("A meeting that is “%(old)s” cannot become “%(new)s”.")
            % {"old": meeting.get_status_display(), "new": Meeting.Status(new_status).label}
        )
    if new_status in {Meeting.Status.CONFIRMED, Meeting.Status.HELD} and meeting.date is None:
        raise InvalidTransition(_("Set the meeting date first."))
    if new_status == Meeting.Status.ISSUED:
        symbol = symbol.strip()
        if not symbol:
            raise InvalidTransition(_("Enter the S/ symbol the summary was issued under."))
        try:
            symbol_validator(symbol)
        except ValidationError as exc:
            raise InvalidTransition(" ".join(exc.messages)) from exc
        if Meeting.objects.filter(symbol=symbol).exclude(pk=meeting.pk).exists():
            raise InvalidTransition(_("Symbol %(symbol)s is already used by another meeting.") % {"symbol": symbol})
        meeting.symbol = symbol
    old_label = meeting.get_status_display()
    meeting.status = new_status
    meeting._change_reason = f"Status: {old_label} → {meeting.get_status_display()}"
    save_versioned(meeting, None)
    if new_status == Meeting.Status.HELD and meeting.kind in {Meeting.Kind.COUNTRY, Meeting.Kind.FOLLOW_UP}:
        propose_follow_up(meeting, by=by)
    return meeting


@dataclass(frozen=True)
class FollowUpProposal:
    meeting: Meeting
    created: bool


@transaction.atomic
def propose_follow_up(meeting: Meeting, *, by=None) -> FollowUpProposal:
    """Create (once) the follow-up meeting about six months later, on a business day, linked to this one.

    The follow-up belongs to the year its date falls in when that year exists, otherwise to this
    meeting's year.
    """
    existing = meeting.follow_ups.first()
    if existing is not None:
        return FollowUpProposal(existing, created=False)
    if meeting.date is None:
        raise InvalidTransition(_("A follow-up can only be proposed once the meeting date is known."))
    proposed = deadlines.follow_up_date(meeting.date, holidays())
    agenda_year = AgendaYear.objects.filter(year=proposed.year).first() or meeting.agenda_year
    follow_up = Meeting(
        agenda_year=agenda_year,
        kind=Meeting.Kind.FOLLOW_UP,
        situation=meeting.situation,
        follows_up=meeting,
        date=proposed,
        status=Meeting.Status.DATE_PROPOSED,
        needs_videoconference=meeting.needs_videoconference,
        needs_interpretation=meeting.needs_interpretation,
        interpretation_languages=meeting.interpretation_languages,
    )
    follow_up.save()
    update_change_reason(follow_up, _("Proposed six months after the meeting of %(date)s") % {"date": meeting.date})
    sync_timeline(follow_up)
    return FollowUpProposal(follow_up, created=True)


def agenda_warnings(agenda_year: AgendaYear, entries=None) -> list[str]:
    """The Guidelines' advice on the agenda: 4-6 countries, diverse in region and conflict phase."""
    if entries is None:
        entries = list(agenda_year.entries.select_related("situation"))
    warnings = []
    count = len(entries)
    if count < 4:
        warnings.append(_("The agenda has %(n)d countries; the Guidelines suggest 4 to 6.") % {"n": count})
    elif count > 6:
        warnings.append(_("The agenda has %(n)d countries; the Guidelines suggest 4 to 6.") % {"n": count})
    if count >= 2:
        regions = {entry.situation.region for entry in entries}
        if len(regions) == 1:
            warnings.append(_("All agenda countries are in the same region: consider geographic diversity."))
        phases = {entry.conflict_phase for entry in entries}
        if len(phases) == 1:
            warnings.append(
                _("All agenda countries share one conflict phase: consider at-risk, active and transition settings.")
            )
    return warnings


@transaction.atomic
def save_new_meeting(meeting: Meeting, *, by=None) -> Meeting:
    """Save a meeting built by a form and lay out its timeline."""
    meeting.save()
    sync_timeline(meeting)
    return meeting


@transaction.atomic
def save_year(agenda_year: AgendaYear, *, expected_version: int | None, by=None) -> AgendaYear:
    save_versioned(agenda_year, expected_version)
    return agenda_year

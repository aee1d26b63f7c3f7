"""Changes to years, meetings and timelines. Views call these; nothing else moves a status."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from core.concurrency import StaleEdit, save_versioned

from . import deadlines
from .models import STATUS_TRANSITIONS, AgendaEntry, AgendaYear, Holiday, Meeting, TimelineStep, symbol_validator


class InvalidTransition(Exception):
    """A status move the workflow does not allow; the message says why, for the user."""


def holidays() -> frozenset[datetime.date]:
    return Holiday.objects.dates()


def plan_with_warnings(
    meeting_day: datetime.date, *, today: datetime.date
) -> tuple[list[deadlines.PlannedStep], list[str]]:
    """The date planner and /api/timeline: the plan, and what looks wrong about the day (one query)."""
    named = Holiday.objects.names()
    return deadlines.plan(meeting_day, named.keys()), date_warnings(meeting_day, today=today, holiday_names=named)


def date_warnings(
    day: datetime.date,
    *,
    today: datetime.date,
    agenda_year: AgendaYear | None = None,
    situation=None,
    past_record: bool = False,
    holiday_names: dict[datetime.date, str] | None = None,
) -> list[str]:
    """Why a meeting date (and country) may be wrong: the one home of these checks, for the meeting form,
    the date planner and /api/timeline. Empty when nothing looks wrong. ``holiday_names`` (date -> name) saves
    a query when the caller has read the holidays already.

    A weekend or a UN Headquarters holiday; a day already past (unless ``past_record``: a meeting entered as a
    record of what happened); a country that is not on ``agenda_year``'s agenda.
    """
    warnings = []
    shown = formats.date_format(day)
    if day.weekday() >= deadlines.SATURDAY:
        warnings.append(
            _("%(date)s is a %(weekday)s: UN Headquarters is closed at weekends.")
            % {"date": shown, "weekday": formats.date_format(day, "l")}
        )
    if holiday_names is None:
        holiday_names = dict(Holiday.objects.filter(date=day).values_list("date", "name"))
    if day in holiday_names:
        warnings.append(
            _("%(date)s is a UN Headquarters holiday (%(name)s).") % {"date": shown, "name": holiday_names[day]}
        )
    if day < today and not past_record:
        warnings.append(_("%(date)s is in the past.") % {"date": shown})
    if (
        agenda_year is not None
        and situation is not None
        and not agenda_year.entries.filter(situation=situation).exists()
    ):
        warnings.append(
            _("%(country)s is not on the %(year)s agenda.") % {"country": situation, "year": agenda_year.year}
        )
    return warnings


def sync_timeline(meeting: Meeting, *, holiday_dates: frozenset[datetime.date] | None = None) -> None:
    """Create the meeting's steps, or move its open steps to follow the meeting date.

    Steps already done (or marked not needed) keep their dates and history, and so do due dates the secretariat
    set by hand (``due_overridden``; the meeting page shows them, and update_step restores the computed one).
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
        elif step.due_overridden:
            continue  # set by hand by the secretariat (with a reason): it stays until they restore the computed date
        elif step.state == TimelineStep.State.OPEN and (step.due, step.window_start) != (
            planned.due,
            planned.window_start,
        ):
            step.due = planned.due
            step.window_start = planned.window_start
            step._change_reason = _("Meeting date changed to %(date)s") % {"date": formats.date_format(meeting.date)}
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
    step: TimelineStep, *, by, now: datetime.datetime, note: str = "", expected_version: int | None = None
) -> TimelineStep:
    """Mark a step done. ``expected_version``: the version the person saw (None: a service acting on its own)."""
    step = TimelineStep.objects.select_for_update().get(pk=step.pk)
    _refuse_if_stale(step, expected_version)
    if step.state == TimelineStep.State.DONE:
        raise InvalidTransition(_("This step is already marked done."))
    step.state = TimelineStep.State.DONE
    step.done_at = now
    step.done_by = by
    if note:
        step.note = note
    step._change_reason = _("Marked done")
    save_versioned(step, None)
    return step


def _refuse_if_stale(step: TimelineStep, expected_version: int | None) -> None:
    """A button pressed on a timeline shown before a colleague changed the step acts on nothing."""
    if expected_version is not None and expected_version != step.version:
        raise StaleEdit(step)


@transaction.atomic
def reopen_step(step: TimelineStep, *, by, expected_version: int | None = None) -> TimelineStep:
    step = TimelineStep.objects.select_for_update().get(pk=step.pk)
    _refuse_if_stale(step, expected_version)
    if step.state == TimelineStep.State.OPEN:
        raise InvalidTransition(_("This step is already open."))
    step.state = TimelineStep.State.OPEN
    step.done_at = None
    step.done_by = None
    step._change_reason = _("Reopened")
    save_versioned(step, None)
    if step.meeting.date:
        sync_timeline(step.meeting)
    return step


@transaction.atomic
def update_step(
    step: TimelineStep, *, expected_version: int | None, by, use_computed_date: bool = False
) -> TimelineStep:
    """Save who takes a step, its note and its due date.

    A due date different from the stored one is set by hand: it needs ``due_reason`` (the form asks) and stays
    when the meeting moves. ``use_computed_date`` goes back to the date the deadline rules give.
    """
    stored_due = TimelineStep.objects.filter(pk=step.pk).values_list("due", flat=True).get()
    if use_computed_date:
        planned = {p.key: p for p in deadlines.plan(step.meeting.date, holidays())}[step.key]
        step.due, step.window_start = planned.due, planned.window_start
        step.due_overridden, step.due_reason = False, ""
        step._change_reason = _("Due date follows the meeting date again")
    elif step.due != stored_due:
        step.due_overridden = True
        step._change_reason = _("Due date set by hand")
    else:
        step._change_reason = _("Assignment or note changed")
    fields = ["assignee", "note", "due", "window_start", "due_overridden", "due_reason"]
    save_versioned(step, expected_version, update_fields=fields)
    return step


@transaction.atomic
def skip_step(step: TimelineStep, *, by, note: str = "", expected_version: int | None = None) -> TimelineStep:
    step = TimelineStep.objects.select_for_update().get(pk=step.pk)
    _refuse_if_stale(step, expected_version)
    if step.state != TimelineStep.State.OPEN:
        raise InvalidTransition(_("Only an open step can be marked not needed."))
    step.state = TimelineStep.State.NOT_NEEDED
    step.note = note or step.note
    step._change_reason = _("Marked not needed")
    save_versioned(step, None)
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


@transaction.atomic
def save_entry(entry: AgendaEntry, *, expected_version: int | None, by=None) -> AgendaEntry:
    """Add a country to a year's agenda, or edit its entry; refuses (StaleEdit) a save on a stale page.

    Adding a country a colleague added meanwhile edits their entry, and so is refused unless the page had
    seen that entry's version (it has, once the refusal was shown): their text is never silently replaced.
    """
    if entry.pk is None:
        existing = (
            AgendaEntry.objects.select_for_update()
            .filter(agenda_year_id=entry.agenda_year_id, situation_id=entry.situation_id)
            .values_list("pk", flat=True)
            .first()
        )
        if existing is None:
            try:
                with transaction.atomic():
                    entry.save()
            except IntegrityError as exc:  # added by a colleague between the check and the save
                raise StaleEdit(entry, created=True) from exc
            return entry
        entry.pk = existing
        entry._state.adding = False
    save_versioned(entry, expected_version)
    return entry

"""Changes to years, meetings and timelines. Views call these; nothing else moves a status."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from accounts import permissions
from core.concurrency import StaleEdit, save_versioned
from core.exceptions import InvalidTransition
from core.history import credits_by

from . import deadlines
from . import holidays as holiday_rules
from .models import (
    CONFIRMED_MOVES,
    STATUS_TRANSITIONS,
    STEP_BACK,
    AgendaEntry,
    AgendaYear,
    Holiday,
    HolidayYear,
    Meeting,
    TimelineStep,
    symbol_validator,
)

STEP_BACK_REASON_MAX = 60


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


def sync_timeline(meeting: Meeting, *, holiday_dates: frozenset[datetime.date] | None = None, reason: str = "") -> None:
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
            step._change_reason = reason or _("Meeting date changed to %(date)s") % {
                "date": formats.date_format(meeting.date)
            }
            step.save(update_fields=["due", "window_start"])


def mark_record(meeting: Meeting, *, today: datetime.date | None) -> None:
    """A meeting whose date is set (on entry or later) to a day before ``today`` is a record of what happened:
    its steps due before ``today`` are history, not tasks (never late, never reminded). Set back to a day still
    to come, it is followed as any other meeting. ``today`` None: a caller with no "now" (a script) decides
    nothing.
    """
    if today is None or meeting.date is None:
        return
    if meeting.date < today:
        meeting.recorded_on = meeting.recorded_on or today  # a record corrected later keeps the day it was entered
    else:
        meeting.recorded_on = None


@credits_by
@transaction.atomic
def update_meeting(
    meeting: Meeting, *, expected_version: int | None, by=None, today: datetime.date | None = None
) -> Meeting:
    """Save edits made in a form; when the date moved, move the open steps with it (and, moved into the past,
    make the meeting a record: ``mark_record``)."""
    stored = Meeting.objects.filter(pk=meeting.pk).values("date", "symbol").first() or {"date": None, "symbol": ""}
    stored_date, stored_symbol = stored["date"], stored["symbol"]
    # The date moved, or a meeting entered without steps (the historical record) gets its timeline now.
    if meeting.date != stored_date or (meeting.recorded_on is None and not meeting.steps.exists()):
        mark_record(meeting, today=today)
    if meeting.symbol != stored_symbol:
        meeting._change_reason = (
            _("Symbol corrected: %(old)s → %(new)s") % {"old": stored_symbol or "—", "new": meeting.symbol or "—"}
        )[:100]
    save_versioned(meeting, expected_version)
    sync_timeline(meeting)  # a no-op unless the date moved
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
    expected_version: int | None = None,
    done_on: datetime.date | None = None,
) -> TimelineStep:
    """Mark a step done by ``by``; or, with ``on_behalf_of``, record that co-chair state did it (``by`` is
    the secretariat member recording it, ``received_on`` the day its message arrived). ``expected_version``: the
    version the person saw (None: a service acting on its own). ``done_on``: the day it really happened (a
    record entered after the fact), never after today; default today, or in a meeting's record the day its
    schedule gave (``TimelineStep.default_done_on``: a background note of 2021 shared in the app now)."""
    step = TimelineStep.objects.select_for_update().select_related("meeting__agenda_year").get(pk=step.pk)
    _refuse_if_stale(step, expected_version)
    if step.state == TimelineStep.State.DONE:
        raise InvalidTransition(_("This step is already marked done."))
    today = timezone.localdate(now)
    if done_on is None:
        done_on = step.default_done_on(today)
    if done_on > today:
        raise InvalidTransition(_("A step cannot be done after today: enter the day it happened."))
    if on_behalf_of is not None:
        if step.responsible != TimelineStep.Responsible.CO_CHAIRS:
            raise InvalidTransition(_("Only a co-chairs' step can be recorded on a co-chair's behalf."))
        if not step.meeting.agenda_year.co_chairs.filter(pk=on_behalf_of.pk).exists():
            raise InvalidTransition(
                _("%(state)s does not co-chair %(year)s.") % {"state": on_behalf_of, "year": step.meeting.agenda_year}
            )
    step.state = TimelineStep.State.DONE
    step.done_at = now
    step.done_on = done_on
    step.done_by = None if on_behalf_of is not None else by
    step.on_behalf_of = on_behalf_of
    step.received_on = received_on if on_behalf_of is not None else None
    step.recorded_by = by if on_behalf_of is not None else None
    if note:
        step.note = note
    step._change_reason = (
        _("Marked done for %(state)s") % {"state": on_behalf_of} if on_behalf_of is not None else _("Marked done")
    )
    save_versioned(step, None)
    return step


def _refuse_if_stale(step: TimelineStep, expected_version: int | None) -> None:
    """A button pressed on a timeline shown before a colleague changed the step acts on nothing."""
    if expected_version is not None and expected_version != step.version:
        raise StaleEdit(step)


@credits_by
@transaction.atomic
def reopen_step(step: TimelineStep, *, by, expected_version: int | None = None) -> TimelineStep:
    step = TimelineStep.objects.select_for_update().get(pk=step.pk)
    _refuse_if_stale(step, expected_version)
    if step.state == TimelineStep.State.OPEN:
        raise InvalidTransition(_("This step is already open."))
    step.state = TimelineStep.State.OPEN
    step.done_at = None
    step.done_on = None
    step.done_by = None
    step.on_behalf_of = None
    step.received_on = None
    step.recorded_by = None
    step._change_reason = _("Reopened")
    save_versioned(step, None)
    if step.meeting.date:
        sync_timeline(step.meeting)
    return step


@credits_by
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


@credits_by
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
    """The statuses the meeting may move on to (forward, or sideways to cancelled), in the workflow's order."""
    return [s for s in Meeting.Status.values if s in STATUS_TRANSITIONS[meeting.status]]


def step_back_status(meeting: Meeting) -> str | None:
    """The status a mistaken one steps back to (``STEP_BACK``), or None when there is none."""
    return STEP_BACK.get(meeting.status)


def is_step_back(meeting: Meeting, new_status: str) -> bool:
    return new_status not in STATUS_TRANSITIONS[meeting.status] and STEP_BACK.get(meeting.status) == new_status


def needs_confirmation(meeting: Meeting, new_status: str) -> bool:
    return new_status in CONFIRMED_MOVES or is_step_back(meeting, new_status)


def held_refusal(meeting: Meeting, today: datetime.date) -> str | None:
    """Why the meeting cannot be marked held today (no date yet, or its date is still to come), or None."""
    if meeting.date is None:
        return _("Set the meeting date first.")
    if meeting.date > today:
        return _("The meeting is on %(date)s: it can be marked held from that day, not before.") % {
            "date": formats.date_format(meeting.date)
        }
    return None


def _step_back_refusal(meeting: Meeting, new_status: str) -> str | None:
    """Why stepping back would undo what cannot be undone, and what it would need instead; or None."""
    summary = getattr(meeting, "summary", None)  # documents.Summary, read through its reverse accessor
    if meeting.status == Meeting.Status.HELD and summary is not None:
        return _("A summary of this meeting is written: a meeting with a summary was held.")
    if meeting.status == Meeting.Status.SUMMARY_DRAFTED and summary is not None:
        return _("A summary of this meeting is being written: the status follows the summary.")
    if meeting.status == Meeting.Status.ISSUED and summary is not None and summary.is_issued:
        return _(
            "The summary was issued as Security Council document %(symbol)s, which cannot be withdrawn here. "
            "Correcting it needs a corrigendum issued by the Council's secretariat at the co-chairs' request; "
            "record it when it is issued."
        ) % {"symbol": meeting.symbol}
    if meeting.status == Meeting.Status.PUBLISHED and summary is not None and summary.is_published:
        return _(
            "The summary is on the public website and may have been downloaded already: it cannot be unpublished "
            "here. Taking it off the public site needs an administrator."
        )
    return None


def status_change_consequences(meeting: Meeting, new_status: str, *, symbol: str = "") -> list[str]:
    """What a status move will do, in plain words, for the confirmation page."""
    label = Meeting.Status(new_status).label
    lines = []
    if is_step_back(meeting, new_status):
        lines.append(
            _("The status goes back from “%(old)s” to “%(new)s”.") % {"old": meeting.get_status_display(), "new": label}
        )
        if meeting.status == Meeting.Status.ISSUED and meeting.symbol:
            lines.append(_("The symbol %(symbol)s is removed from the meeting.") % {"symbol": meeting.symbol})
        if meeting.status == Meeting.Status.PUBLISHED:
            lines.append(_("The meeting and its files leave the public website."))
        if meeting.status == Meeting.Status.HELD and meeting.follow_ups.exists():
            lines.append(
                _("The follow-up meeting proposed when it was marked held stays; delete it from its page if unwanted.")
            )
        lines.append(_("The history keeps who stepped it back, when, and why."))
        return lines
    lines.append(_("The status becomes “%(new)s”.") % {"new": label})
    if new_status == Meeting.Status.HELD:
        if meeting.kind in {Meeting.Kind.COUNTRY, Meeting.Kind.FOLLOW_UP} and not meeting.follow_ups.exists():
            if follow_up_is_past(meeting, timezone.localdate()):
                lines.append(
                    _(
                        "No follow-up meeting is proposed: six months after this meeting is already past. If one "
                        "was held, enter it as a record of its own."
                    )
                )
            else:
                lines.append(
                    _("A follow-up meeting is proposed about six months later, with its own timeline and reminders.")
                )
        lines.append(_("The meeting counts as past: its preparation steps are no longer shown as upcoming."))
    elif new_status == Meeting.Status.ISSUED:
        lines.append(
            _("The summary is recorded as issued as Security Council document %(symbol)s; this cannot be undone.")
            % {"symbol": symbol or "S/…"}
        )
        lines.append(_("Nothing becomes public until the meeting is published."))
    elif new_status == Meeting.Status.PUBLISHED:
        lines.append(
            _(
                "The meeting, its issued summary, its published background note and its files become readable by "
                "anyone on the public website, without signing in."
            )
        )
    elif new_status == Meeting.Status.CANCELLED:
        lines.append(_("Reminders and invitations not yet sent for it are not sent."))
    lines.append(_("No email is sent by this change."))
    return lines


def check_status_change(
    meeting: Meeting, new_status: str, *, by=None, symbol: str = "", today: datetime.date | None = None
) -> str:
    """Refuse (InvalidTransition, saying why) a move the workflow does not allow now; return the clean symbol.

    Views call it before asking for confirmation, so nobody confirms a move that would then be refused.
    """
    if today is None:
        today = timezone.localdate()
    if new_status not in Meeting.Status.values:
        raise InvalidTransition(_("Unknown status “%(status)s”.") % {"status": new_status})
    step_back = is_step_back(meeting, new_status)
    if new_status not in STATUS_TRANSITIONS[meeting.status] and not step_back:
        raise InvalidTransition(
            _("A meeting that is “%(old)s” cannot become “%(new)s”.")
            % {"old": meeting.get_status_display(), "new": Meeting.Status(new_status).label}
        )
    if step_back:
        if by is None or not permissions.is_secretariat(by):
            raise InvalidTransition(_("Only the secretariat can step a status back."))
        refusal = _step_back_refusal(meeting, new_status)
        if refusal:
            raise InvalidTransition(refusal)
        return ""
    if new_status == Meeting.Status.CONFIRMED and meeting.date is None:
        raise InvalidTransition(_("Set the meeting date first."))
    if new_status == Meeting.Status.HELD:
        refusal = held_refusal(meeting, today)
        if refusal:
            raise InvalidTransition(refusal)
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
        return symbol
    return ""


@transaction.atomic
def change_status(
    meeting: Meeting,
    new_status: str,
    *,
    by=None,
    symbol: str = "",
    today: datetime.date | None = None,
    reason: str = "",
) -> Meeting:
    """Move a meeting along its life. Marking a country meeting held proposes its follow-up.

    A meeting is not held before its date (``today`` is the secretariat's day, New York). A step back
    (``STEP_BACK``) is for the secretariat only, and refused when it would undo what cannot be undone;
    ``reason`` (why it is stepped back) goes into the history with who did it.
    """
    step_back = is_step_back(meeting, new_status)
    symbol = check_status_change(meeting, new_status, by=by, symbol=symbol, today=today)
    old_label = meeting.get_status_display()
    if new_status == Meeting.Status.ISSUED and not step_back:
        meeting.symbol = symbol
    if step_back and meeting.status == Meeting.Status.ISSUED:
        meeting.symbol = ""
    meeting.status = new_status
    if step_back:
        # simple-history keeps 100 characters of reason: the form takes at most STEP_BACK_REASON_MAX of "why".
        change = f"Stepped back to {meeting.get_status_display()}"
        why = " ".join(reason.split())[:STEP_BACK_REASON_MAX]
        meeting._change_reason = f"{change}: {why}" if why else f"{change} (was {old_label})"
    else:
        meeting._change_reason = f"Status: {old_label} → {meeting.get_status_display()}"
    if by is not None:
        meeting._history_user = by
    save_versioned(meeting, None)
    if new_status == Meeting.Status.HELD and meeting.kind in {Meeting.Kind.COUNTRY, Meeting.Kind.FOLLOW_UP}:
        if not follow_up_is_past(meeting, today or timezone.localdate()):
            propose_follow_up(meeting, by=by)
    return meeting


# What may depend on a meeting, by reverse accessor: the rows matching the Q do not stop its deletion (its own
# timeline goes with it; notifications never sent are dropped with it). Any other related row does.
DELETION_IGNORES = {"steps": None, "notifications": Q(sent_at__isnull=True)}


def deletion_blockers(meeting: Meeting) -> list[str]:
    """What stops deleting a meeting created by mistake: every kind of row that depends on it, with a count."""
    blockers = []
    for relation in Meeting._meta.related_objects:
        accessor = relation.get_accessor_name()
        if accessor in DELETION_IGNORES and DELETION_IGNORES[accessor] is None:
            continue
        rows = relation.related_model._base_manager.filter(**{relation.field.name: meeting})
        if DELETION_IGNORES.get(accessor) is not None:
            rows = rows.exclude(DELETION_IGNORES[accessor])
        count = rows.count()
        if count:
            meta = relation.related_model._meta
            name = meta.verbose_name if count == 1 else meta.verbose_name_plural
            blockers.append(f"{count} {name}")
    return blockers


class DeletionRefused(InvalidTransition):
    """The meeting has rows that depend on it; the message lists them."""


@transaction.atomic
def delete_meeting(meeting: Meeting, *, by, reason: str = "") -> None:
    """Delete a meeting created by mistake, while nothing depends on it. The history keeps the deletion."""
    if by is None or not permissions.is_secretariat(by):
        raise InvalidTransition(_("Only the secretariat can delete a meeting."))
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    blockers = deletion_blockers(meeting)
    if blockers:
        raise DeletionRefused(
            _("This meeting cannot be deleted: %(what)s depend on it. Remove them first, or cancel the meeting.")
            % {"what": ", ".join(blockers)}
        )
    why = " ".join(reason.split())
    meeting._change_reason = (f"Deleted (created by mistake): {why}" if why else "Deleted (created by mistake)")[:100]
    meeting._history_user = by
    for step in meeting.steps.all():
        step._change_reason = "Meeting deleted"
        step._history_user = by
        step.delete()
    meeting.delete()


@dataclass(frozen=True)
class FollowUpProposal:
    meeting: Meeting
    created: bool


def follow_up_is_past(meeting: Meeting, today: datetime.date) -> bool:
    """Six months after the meeting is already past (a record entered later): no follow-up to propose."""
    return meeting.date is not None and deadlines.follow_up_date(meeting.date, holidays()) < today


@credits_by
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


@credits_by
@transaction.atomic
def save_new_meeting(meeting: Meeting, *, by=None, today: datetime.date | None = None) -> Meeting:
    """Save a meeting built by a form and lay out its timeline; dated before ``today``, it is a record."""
    mark_record(meeting, today=today)
    meeting.save()
    sync_timeline(meeting)
    return meeting


@credits_by
@transaction.atomic
def save_year(agenda_year: AgendaYear, *, expected_version: int | None, by=None) -> AgendaYear:
    save_versioned(agenda_year, expected_version)
    return agenda_year


@credits_by
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


# --- UN Headquarters holidays ------------------------------------------------------------------------


def holiday_years_shown(today: datetime.date) -> range:
    """The years the app keeps holidays for: from the Group's first year to three years ahead."""
    return range(holiday_rules.FIRST_YEAR, today.year + 4)


@dataclass(frozen=True)
class HolidaysMaterialised:
    created: int
    moved: int
    kept: int  # rows the rules would change, kept because the secretariat saved them or the year is published

    @property
    def changed(self) -> bool:
        return bool(self.created or self.moved)


@transaction.atomic
def materialise_holidays(*, years: Iterable[int], today: datetime.date | None = None) -> HolidaysMaterialised:
    """Store the holidays the rules give for ``years`` (meetings.holidays): idempotent, and a second run writes
    nothing.

    A year recorded as published (``HolidayYear.source``) is left as stored, and so is every row the secretariat
    saved (``computed`` False): what they saved wins over the rules. A row without a rule on a computed day (an
    older list loaded by hand) is recognised as that holiday. With ``today``, the open steps that follow the
    holidays are moved when something changed (``follow_holidays``).
    """
    years = sorted({y for y in years if holiday_rules.FIRST_YEAR <= y <= holiday_rules.LAST_YEAR})
    if not years:
        return HolidaysMaterialised(0, 0, 0)
    known = dict(HolidayYear.objects.filter(year__in=years).values_list("year", "source"))
    for year in years:
        if year not in known:
            HolidayYear.objects.create(year=year)
    published = {year for year, source in known.items() if source}
    rows = list(
        Holiday.objects.filter(date__range=(datetime.date(years[0] - 1, 12, 1), datetime.date(years[-1], 12, 31)))
    )
    by_date = {row.date: row for row in rows}
    by_rule = {(row.year, row.rule): row for row in rows if row.rule}
    created = moved = kept = 0
    for year in years:
        if year in published:
            continue
        for computed in holiday_rules.un_hq_holidays(year):
            row = by_rule.get((year, computed.key))
            if row is None:
                row = by_date.get(computed.date)
                if row is not None and not row.rule:
                    if _base_name(row.name) == _base_name(computed.name):
                        row.rule, row.computed = computed.key, True
                        row._change_reason = "Recognised as computed from the rules"
                        save_versioned(row, None, update_fields=["rule", "computed"])
                    else:
                        kept += 1  # another holiday on that day, entered by hand: it stays
                    continue
            if row is None:
                row = Holiday(date=computed.date, name=computed.name, rule=computed.key, computed=True)
                row._change_reason = "Computed from the rules"
                row.save()
                by_date[row.date] = row
                created += 1
            elif (row.date, row.name) != (computed.date, computed.name):
                taken = by_date.get(computed.date)
                if not row.computed or (taken is not None and taken is not row):
                    kept += 1
                    continue
                del by_date[row.date]
                row.date, row.name = computed.date, computed.name
                row._change_reason = "Computed from the rules"
                save_versioned(row, None, update_fields=["date", "name"])
                by_date[row.date] = row
                moved += 1
    result = HolidaysMaterialised(created, moved, kept)
    if result.changed and today is not None:
        follow_holidays(today=today)
    return result


def _base_name(name: str) -> str:
    return name.removesuffix(holiday_rules.OBSERVED).strip().casefold()


def follow_holidays(*, today: datetime.date) -> int:
    """After a holiday changed: move the open steps still to come (not set by hand, not done) to the deadlines
    the holidays now give. Returns how many meetings were looked at (the few with open steps ahead)."""
    holiday_dates = holidays()
    meetings = (
        Meeting.objects.filter(
            date__isnull=False, steps__state=TimelineStep.State.OPEN, steps__due_overridden=False, steps__due__gte=today
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .distinct()
    )
    count = 0
    for meeting in meetings:
        sync_timeline(meeting, holiday_dates=holiday_dates, reason=_("UN Headquarters holidays changed"))
        count += 1
    return count


@credits_by
@transaction.atomic
def save_holiday(holiday: Holiday, *, expected_version: int | None, by=None, today: datetime.date) -> Holiday:
    """Save a holiday as the secretariat entered it: from now on it wins over the rules (``computed`` False), and
    the open steps still to come follow it."""
    holiday.computed = False
    save_versioned(holiday, expected_version)
    follow_holidays(today=today)
    return holiday


@credits_by
@transaction.atomic
def save_holiday_year(
    holiday_year: HolidayYear, *, expected_version: int | None, by=None, today: datetime.date
) -> HolidayYear:
    """Record where a year's holidays were published (or, emptied, let the rules compute them again)."""
    save_versioned(holiday_year, expected_version)
    if not holiday_year.source:
        materialise_holidays(years=[holiday_year.year], today=today)
    return holiday_year

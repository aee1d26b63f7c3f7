"""The IEG year, its agenda, its meetings and each meeting's preparation timeline."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.onbehalf import RecordedOnBehalf
from core.links import object_url
from core.models import TimestampedVersionedModel, VersionedModel
from countries.choices import ConflictPhase

from . import deadlines, holidays
from .choices import PAST_STATUSES, MeetingKind, MeetingStatus, StepResponsible, StepState
from .querysets import AgendaYearQuerySet, HolidayQuerySet, MeetingQuerySet, TimelineStepQuerySet

symbol_validator = RegexValidator(
    r"^S/\d{4}/\d{1,4}$", _("Enter a Security Council symbol like S/2016/673."), code="invalid_symbol"
)


class Holiday(VersionedModel):
    """A UN Headquarters official holiday: not a business day for deadlines.

    Computed rows (``computed``) come from the rules (``meetings.holidays``, written by
    ``services.materialise_holidays``), which may move them when the rules change; a row the secretariat saved
    is kept as they saved it, and so is every row of a year recorded as published (``HolidayYear.source``).
    """

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    rule = models.CharField(
        _("official holiday"),
        max_length=20,
        blank=True,
        choices=list(holidays.NAMES.items()),
        help_text=_("Which of the nine official holidays this is; empty for another day off."),
    )
    computed = models.BooleanField(
        _("computed from the rules"),
        default=False,
        help_text=_("Computed from the rules, not yet confirmed by a circular; saved by hand, it is kept as saved."),
    )

    objects = HolidayQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        verbose_name = _("UN Headquarters holiday")
        verbose_name_plural = _("UN Headquarters holidays")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"

    @property
    def year(self) -> int:
        """The year whose list this holiday is on: New Year's Day observed on 31 December is next year's."""
        return holidays.holiday_year(self.rule, self.date)


class HolidayYear(VersionedModel):
    """One year's list of UN Headquarters holidays: computed from the rules until the secretariat records the
    ST/IC circular that published it (``source``); from then on the stored holidays of that year are the list."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    source = models.CharField(
        _("published in"),
        max_length=200,
        blank=True,
        help_text=_(
            "The circular that published this year's holidays, e.g. ST/IC/2021/3. Empty: the holidays are "
            "computed from the rules and follow them."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("UN Headquarters holiday year")
        verbose_name_plural = _("UN Headquarters holiday years")

    def __str__(self) -> str:
        return str(self.year)

    @property
    def published(self) -> bool:
        return bool(self.source)


def default_group_name(year: int) -> str:
    """The Group's name as its documents printed it: “Women and Peace and Security” in its first year (2016,
    S/2016/1113), “Women, Peace and Security” from 2017."""
    if year <= 2016:
        return "Informal Expert Group on Women and Peace and Security"
    return "Informal Expert Group on Women, Peace and Security"


class AgendaYear(models.Model):
    """One IEG year: its co-chairs, the WPS penholder and the countries chosen for the agenda."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    co_chairs = models.ManyToManyField(
        "countries.MemberState", verbose_name=_("co-chairs"), related_name="cochaired_years"
    )
    penholder = models.ForeignKey(
        "countries.MemberState",
        verbose_name=_("WPS penholder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="penheld_years",
    )
    group_name = models.CharField(
        _("the Group's name"),
        max_length=200,
        blank=True,
        help_text=_(
            "As documents of this year print it. Empty: “Informal Expert Group on Women and Peace and Security” "
            "up to 2016, “Informal Expert Group on Women, Peace and Security” from 2017."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=[co_chairs])
    objects = AgendaYearQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("IEG year")
        verbose_name_plural = _("IEG years")

    def __str__(self) -> str:
        return str(self.year)

    def get_absolute_url(self) -> str:
        return reverse("meetings:year", args=[self.year])

    @property
    def group(self) -> str:
        """The Group's name in this year's documents: the setting, else the name it had that year."""
        return self.group_name or default_group_name(self.year)


class AgendaEntry(VersionedModel):
    """A country or situation on a year's agenda, with why it was chosen (Guidelines' criteria)."""

    agenda_year = models.ForeignKey(AgendaYear, on_delete=models.CASCADE, related_name="entries")
    situation = models.ForeignKey("countries.Situation", on_delete=models.PROTECT, related_name="agenda_entries")
    rationale_impact = models.TextField(
        _("strategic opportunity for impact"), blank=True, help_text=_("Criterion (a): why the Council can act now.")
    )
    rationale_capacity = models.TextField(
        _("UN capacity to inform"), blank=True, help_text=_("Criterion (b): what the UN system can report.")
    )
    rationale_diversity = models.TextField(
        _("diversity"), blank=True, help_text=_("Criterion (c): geography and conflict phase.")
    )
    conflict_phase = models.CharField(_("conflict phase at selection"), max_length=20, choices=ConflictPhase.choices)

    # What __str__ reads, fetched for many objects at once where histories name them (core.history).
    history_label_related = ("situation", "agenda_year")

    class Meta:
        ordering = ["agenda_year", "situation__name"]
        verbose_name = _("agenda country")
        verbose_name_plural = _("agenda countries")
        constraints = [
            models.UniqueConstraint(fields=["agenda_year", "situation"], name="meetings_agendaentry_unique_situation")
        ]

    def __str__(self) -> str:
        return f"{self.situation} ({self.agenda_year})"


class Meeting(TimestampedVersionedModel):
    """One IEG meeting: on a country, following up an earlier one, or on a theme."""

    Kind = MeetingKind
    Status = MeetingStatus

    agenda_year = models.ForeignKey(AgendaYear, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.COUNTRY)
    situation = models.ForeignKey(
        "countries.Situation",
        verbose_name=_("country or situation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    follows_up = models.ForeignKey(
        "self",
        verbose_name=_("follows up"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    date = models.DateField(_("date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    needs_videoconference = models.BooleanField(_("videoconference needed"), default=False)
    needs_interpretation = models.BooleanField(_("interpretation needed"), default=False)
    interpretation_languages = models.CharField(_("interpretation languages"), max_length=120, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    symbol = models.CharField(
        _("summary symbol"), max_length=20, blank=True, validators=[symbol_validator], help_text=_("e.g. S/2016/673")
    )
    source_note = models.TextField(
        _("note on the source of recommendations"),
        blank=True,
        help_text=_(
            "Printed as a footnote, e.g. 'suggestions from UN participants, not recommendations of the IEG as a whole'."
        ),
    )
    date_is_approximate = models.BooleanField(
        _("date approximate"), default=False, help_text=_("Historical record: only the month or year is known.")
    )
    # Set by the services when the meeting is entered (or its date set) after its date: steps due before that day
    # are the record of what happened, never late and never reminded (TimelineStep.is_record, live()).
    recorded_on = models.DateField(
        _("entered as a record on"),
        null=True,
        blank=True,
        help_text=_("The day the meeting was entered after it took place; its earlier steps are a record."),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind__in=["country", "follow_up"]) | models.Q(situation__isnull=False),
                name="meetings_meeting_country_has_situation",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="thematic") | ~models.Q(theme=""),
                name="meetings_meeting_thematic_has_theme",
            ),
            models.UniqueConstraint(
                fields=["symbol"], condition=~models.Q(symbol=""), name="meetings_meeting_unique_symbol"
            ),
        ]
        indexes = [
            # Serves the year page and meeting list: a year's meetings by date.
            models.Index(fields=["agenda_year", "date"], name="meetings_meeting_year_date"),
            # Serves status filters (upcoming, published on the public site).
            models.Index(fields=["status", "date"], name="meetings_meeting_status_date"),
            # Serves lists newest first across all years (read backwards): the tracker's recommendations by
            # meeting date (bench at scale 10: 170 ms -> 0.4 ms), the meeting list.
            models.Index(fields=["date", "id"], name="meetings_meeting_date_id"),
        ]

    def __str__(self) -> str:
        when = formats.date_format(self.date) if self.date else _("date to be set")
        return f"{self.subject} — {when}"

    def get_absolute_url(self) -> str:
        return object_url("meetings:detail", self.pk)

    @property
    def subject(self) -> str:
        """What the meeting is about: the country, or the theme."""
        if self.kind == self.Kind.THEMATIC:
            return self.theme
        name = self.situation.name if self.situation_id else ""
        return _("%(name)s (follow-up)") % {"name": name} if self.kind == self.Kind.FOLLOW_UP else name

    @property
    def is_past(self) -> bool:
        return self.status in PAST_STATUSES

    @property
    def is_record(self) -> bool:
        """Entered after it took place: the app keeps its record, it does not chase its steps."""
        return self.recorded_on is not None


# The life of a meeting. A move not listed here is refused by services.change_status().
STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    Meeting.Status.PLANNED: frozenset(
        {Meeting.Status.DATE_PROPOSED, Meeting.Status.CONFIRMED, Meeting.Status.CANCELLED}
    ),
    Meeting.Status.DATE_PROPOSED: frozenset(
        {Meeting.Status.PLANNED, Meeting.Status.CONFIRMED, Meeting.Status.CANCELLED}
    ),
    Meeting.Status.CONFIRMED: frozenset({Meeting.Status.DATE_PROPOSED, Meeting.Status.HELD, Meeting.Status.CANCELLED}),
    Meeting.Status.HELD: frozenset({Meeting.Status.SUMMARY_DRAFTED}),
    Meeting.Status.SUMMARY_DRAFTED: frozenset({Meeting.Status.SUBMITTED}),
    Meeting.Status.SUBMITTED: frozenset({Meeting.Status.SUMMARY_DRAFTED, Meeting.Status.ISSUED}),
    Meeting.Status.ISSUED: frozenset({Meeting.Status.PUBLISHED}),
    Meeting.Status.PUBLISHED: frozenset(),
    Meeting.Status.CANCELLED: frozenset({Meeting.Status.PLANNED}),
}

# Stepping a mistaken status back, one stage at a time: the secretariat only, confirmed, kept in history.
# services.change_status() refuses a step back past something that cannot be undone (an issued summary).
STEP_BACK: dict[str, str] = {
    Meeting.Status.HELD: Meeting.Status.CONFIRMED,
    Meeting.Status.SUMMARY_DRAFTED: Meeting.Status.HELD,
    Meeting.Status.ISSUED: Meeting.Status.SUBMITTED,
    Meeting.Status.PUBLISHED: Meeting.Status.ISSUED,
}

# Moves that are confirmed first, on a page that says what will happen: they make the meeting past,
# record a Council document, publish it, or cancel it. Every step back is confirmed too.
CONFIRMED_MOVES = frozenset(
    {Meeting.Status.HELD, Meeting.Status.ISSUED, Meeting.Status.PUBLISHED, Meeting.Status.CANCELLED}
)


class TimelineStep(RecordedOnBehalf, VersionedModel):
    """One step of a meeting's preparation or follow-up, with its due date and who did it.

    Who did it: ``done_by`` when a user marked it done in the app (a co-chair for the co-chairs' steps, or the
    secretariat); ``on_behalf_of`` (+ ``received_on``, ``recorded_by``) when the secretariat recorded a step a
    co-chair state reported by email.
    """

    Responsible = StepResponsible
    State = StepState

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="steps")
    key = models.CharField(_("step"), max_length=40, choices=[(rule.key, rule.label) for rule in deadlines.RULES])
    responsible = models.CharField(_("responsible"), max_length=20, choices=Responsible.choices)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_steps",
    )
    due = models.DateField(_("due"))
    # Set by hand by the secretariat (with the reason): sync_timeline no longer moves it with the meeting.
    due_overridden = models.BooleanField(_("due date set by hand"), default=False)
    due_reason = models.CharField(_("why the due date was set by hand"), max_length=500, blank=True)
    window_start = models.DateField(_("window opens"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.OPEN)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    # The day it really happened: today when marked done as it happens, an earlier day for a record.
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="completed_steps",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    objects = TimelineStepQuerySet.as_manager()

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("timeline step")
        verbose_name_plural = _("timeline steps")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="meetings_timelinestep_unique_key"),
            models.CheckConstraint(
                condition=~models.Q(state="done") | models.Q(done_at__isnull=False),
                name="meetings_timelinestep_done_has_time",
            ),
        ]
        indexes = [
            # Serves the dashboard and the reminder sweep: open steps by due date.
            models.Index(fields=["state", "due"], name="meetings_step_state_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_key_display()} ({self.meeting_id})"

    @property
    def is_cochairs_step(self) -> bool:
        """A step the co-chairs take (accounts.permissions.can_complete_step reads it)."""
        return self.responsible == StepResponsible.CO_CHAIRS

    @property
    def rule(self) -> deadlines.StepRule:
        return deadlines.RULES_BY_KEY[self.key]

    @property
    def is_record(self) -> bool:
        """Due before its meeting was entered as a record: history, not a task (reads ``self.meeting``)."""
        recorded_on = self.meeting.recorded_on
        return recorded_on is not None and self.due < recorded_on

    @property
    def happened_on(self) -> datetime.date | None:
        """The day the step was done: as entered, else the day it was marked done (rows from before done_on)."""
        if self.done_on is not None:
            return self.done_on
        return timezone.localdate(self.done_at) if self.done_at else None

    def default_done_on(self, today: datetime.date) -> datetime.date:
        """The day the step is marked done unless told otherwise: today; in a meeting's record, the day its
        schedule gave (its due date), so nothing of 2021 is stamped with today's date."""
        return min(self.due, today) if self.is_record else today

    def is_late(self, today: datetime.date) -> bool:
        return self.state == self.State.OPEN and self.due < today and not self.is_record

    def is_at_risk(self, today: datetime.date, horizon_days: int = 3) -> bool:
        """Open and due within ``horizon_days`` calendar days."""
        return self.state == self.State.OPEN and today <= self.due <= today + datetime.timedelta(days=horizon_days)

    @property
    def done_credit(self) -> str:
        """ "Mette Larsen (Denmark)", or "Denmark (received by email on 3 May 2021, recorded by J. Smith)"."""
        return self.credit(self.done_by)

    def flag(self, today: datetime.date) -> str:
        """How the step reads today: 'done' (or not needed), 'record' (open in a meeting's record: not a task),
        'late', 'risk' (due soon) or 'open'."""
        if self.state != self.State.OPEN:
            return "done"
        if self.is_record:
            return "record"
        if self.is_late(today):
            return "late"
        if self.is_at_risk(today):
            return "risk"
        return "open"

from __future__ import annotations

import datetime
import hashlib

from django import forms
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import permissions
from accounts.models import User
from core import forms as core_forms
from core.forms import ModelChoiceField, VersionedModelForm
from countries.models import MemberState, Situation

from . import services
from .models import AgendaEntry, AgendaYear, Holiday, HolidayYear, Meeting, TimelineStep
from .services import STEP_BACK_REASON_MAX, is_step_back


class AgendaYearForm(VersionedModelForm):
    co_chairs = core_forms.ModelMultipleChoiceField(
        queryset=MemberState.objects.all(),
        label=_("Co-chairs"),
        help_text=_("Two or three Council members; hold Ctrl (Cmd on a Mac) to choose several."),
    )

    class Meta:
        model = AgendaYear
        fields = ["year", "co_chairs", "penholder", "group_name", "notes"]

    def clean_co_chairs(self):
        co_chairs = self.cleaned_data["co_chairs"]
        if not 2 <= len(co_chairs) <= 3:
            raise forms.ValidationError(_("Choose two or three co-chairs."))
        return co_chairs


class AgendaEntryForm(VersionedModelForm):
    class Meta:
        model = AgendaEntry
        fields = ["situation", "conflict_phase", "rationale_impact", "rationale_capacity", "rationale_diversity"]
        widgets = {
            "rationale_impact": forms.Textarea(attrs={"rows": 3}),
            "rationale_capacity": forms.Textarea(attrs={"rows": 3}),
            "rationale_diversity": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, agenda_year: AgendaYear, **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_year = agenda_year
        self.instance.agenda_year = agenda_year
        if not self.instance.pk and not self.is_bound:
            # Offered: the countries not on the agenda yet. A posted one a colleague added meanwhile is still
            # accepted here, so that services.save_entry refuses it as a stale save, keeping the text.
            taken = agenda_year.entries.values_list("situation_id", flat=True)
            self.fields["situation"].queryset = Situation.objects.exclude(pk__in=taken)

    def clean(self):
        cleaned = super().clean()
        situation = cleaned.get("situation")
        if not self.instance.pk and situation and not cleaned.get("conflict_phase"):
            cleaned["conflict_phase"] = situation.conflict_phase
        if self.instance.pk and situation:
            others = self.agenda_year.entries.exclude(pk=self.instance.pk)
            if others.filter(situation=situation).exists():
                self.add_error("situation", _("%(country)s is already on the agenda.") % {"country": situation})
        return cleaned


def _digest(warnings: list[str]) -> str:
    return hashlib.sha256("\n".join(warnings).encode()).hexdigest()[:16]


class MeetingForm(VersionedModelForm):
    """A meeting's details. A date that looks wrong (services.date_warnings) is saved only once confirmed:
    the warnings are shown with a "Save anyway" box, which counts only for the warnings it was shown with."""

    past_record = forms.BooleanField(
        label=_("This is a record of a past meeting"),
        required=False,
        help_text=_(
            "Tick it to enter a meeting that already took place: a date in the past is then expected. A meeting "
            "dated before today is kept as a record: its steps are not late, no reminder is sent for them, and "
            "each is marked done on the day it happened."
        ),
    )
    confirm_warnings = forms.BooleanField(label=_("Save anyway"), required=False)
    warnings_seen = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Meeting
        fields = [
            "agenda_year",
            "kind",
            "situation",
            "theme",
            "follows_up",
            "date",
            "start_time",
            "room",
            "needs_videoconference",
            "needs_interpretation",
            "interpretation_languages",
            "source_note",
            "symbol",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "source_note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "agenda_year": _("The IEG year whose co-chairs convene the meeting."),
            "kind": _("A country meeting, its six-monthly follow-up, or a thematic meeting (no country)."),
            "situation": _("Required for country and follow-up meetings."),
            "theme": _("Only for thematic meetings, e.g. the annual meeting with women's protection advisers."),
            "follows_up": _("Only for follow-up meetings: the meeting whose recommendations are reviewed."),
            "date": _("Leave empty while the date is being negotiated; the timeline appears once it is set."),
            "start_time": _("New York time."),
            "interpretation_languages": _("e.g. French, Arabic."),
            "symbol": _(
                "The S/ symbol the summary was issued under, e.g. S/2016/673. Correct it here if it was recorded "
                "wrongly: the history keeps the old one, with your name."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.is_bound and not self.initial.get("agenda_year"):
            self.initial["agenda_year"] = AgendaYear.objects.filter(year=timezone.localdate().year).first()
        self.fields["follows_up"].queryset = Meeting.objects.exclude(kind=Meeting.Kind.THEMATIC).select_related(
            "situation", "agenda_year"
        )
        self.fields["situation"].queryset = Situation.objects.all()
        # "Save anyway" appears only with the warnings it confirms.
        self.fields["confirm_warnings"].widget = forms.HiddenInput()
        self.date_warnings: list[str] = []
        if not self.instance.pk:
            del self.fields["symbol"]  # set when the summary is issued, or corrected on the meeting's edit form
        order = list(self.fields)
        order.remove("past_record")
        order.insert(order.index("date") + 1, "past_record")
        self.order_fields(order)

    def _check_date(self, cleaned) -> None:
        day = cleaned.get("date")
        if day is None or (self.instance.pk and not {"date", "situation", "agenda_year"} & set(self.changed_data)):
            return  # nothing about the date changed: an edit of a past meeting's room is not nagged
        self.date_warnings = services.date_warnings(
            day,
            today=timezone.localdate(),
            agenda_year=cleaned.get("agenda_year"),
            situation=cleaned.get("situation"),
            past_record=cleaned.get("past_record", False),
        )
        if not self.date_warnings:
            return
        digest = _digest(self.date_warnings)
        if cleaned.get("confirm_warnings") and cleaned.get("warnings_seen") == digest:
            return
        self.fields["confirm_warnings"].widget = forms.CheckboxInput()
        self.fields["confirm_warnings"].help_text = _("Tick it to save the meeting with the warnings above.")
        data = self.data.copy()
        data[self.add_prefix("warnings_seen")] = digest
        data.pop(self.add_prefix("confirm_warnings"), None)  # a new set of warnings is confirmed anew
        self.data = data
        self.add_error("confirm_warnings", _("Check the warnings above, then tick “Save anyway” to save."))

    def clean_symbol(self):
        symbol = self.cleaned_data["symbol"].strip()
        if not symbol and self.instance.status in {Meeting.Status.ISSUED, Meeting.Status.PUBLISHED}:
            raise forms.ValidationError(_("An issued summary has a symbol: correct it rather than remove it."))
        if symbol and Meeting.objects.filter(symbol=symbol).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Symbol %(symbol)s is already used by another meeting.") % {"symbol": symbol})
        return symbol

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in {Meeting.Kind.COUNTRY, Meeting.Kind.FOLLOW_UP} and not cleaned.get("situation"):
            self.add_error("situation", _("Choose the country or situation this meeting is about."))
        if kind == Meeting.Kind.THEMATIC:
            if not cleaned.get("theme", "").strip():
                self.add_error("theme", _("A thematic meeting needs a theme."))
            cleaned["situation"] = None
        if kind == Meeting.Kind.FOLLOW_UP and not cleaned.get("follows_up"):
            self.add_error("follows_up", _("Choose the meeting this one follows up."))
        follows_up = cleaned.get("follows_up")
        if follows_up and cleaned.get("date") and follows_up.date and cleaned["date"] <= follows_up.date:
            self.add_error("date", _("A follow-up meeting must come after the meeting it follows up."))
        agenda_year = cleaned.get("agenda_year")
        day = cleaned.get("date")
        if agenda_year and day and abs(day.year - agenda_year.year) > 1:
            self.add_error("date", _("The date is far from the IEG year %(year)s.") % {"year": agenda_year.year})
        if not self.errors:
            self._check_date(cleaned)
        return cleaned


class StepForm(VersionedModelForm):
    """Who takes a step, a note about it, and its due date when the secretariat sets it by hand (with why)."""

    use_computed = forms.BooleanField(
        label=_("Use the computed date"),
        required=False,
        help_text=_("The due date follows the meeting date again, as the Guidelines' rules compute it."),
    )

    class Meta:
        model = TimelineStep
        fields = ["assignee", "note", "due", "due_reason", "use_computed"]
        widgets = {"due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"due_reason": _("Why this due date")}
        help_texts = {
            "assignee": _("Reminders go to this person; without one, to everyone responsible."),
            "due": _(
                "Computed from the meeting date. Change it to set it by hand (say why below): a date set by hand "
                "stays when the meeting date moves, until you tick “Use the computed date”."
            ),
            "due_reason": _("Required when you change the due date; kept in the history with your name."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_due = self.instance.due
        year = self.instance.meeting.agenda_year
        self.fields["assignee"].queryset = User.objects.filter(
            permissions.step_people_filter(year), is_active=True
        ).distinct()

    def clean_due(self):
        day = self.cleaned_data["due"]
        if not datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31):
            raise forms.ValidationError(_("Choose a date between 2000 and 2100."))
        return day

    def clean_due_reason(self):
        return " ".join(self.cleaned_data["due_reason"].split())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("use_computed"):
            cleaned["due"] = self.stored_due  # recomputed by the service
        elif cleaned.get("due") and cleaned["due"] != self.stored_due and not cleaned.get("due_reason"):
            self.add_error("due_reason", _("Say why the due date changes: the reason is kept in the history."))
        return cleaned

    @property
    def sets_computed_date(self) -> bool:
        return bool(self.cleaned_data.get("use_computed"))


class StepActionForm(forms.Form):
    """The note sent with "Mark done" or "Not needed": the step's own limits (500 characters, no NUL byte)."""

    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=TimelineStep._meta.get_field("note").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, e.g. “received by email”."),
    )


class StatusForm(forms.Form):
    """One move of a meeting's status, with only the fields that move needs.

    The symbol only when the summary is issued; why, optionally, when a mistaken status is stepped back.
    """

    status = forms.ChoiceField(choices=Meeting.Status.choices, widget=forms.HiddenInput)

    def __init__(self, *args, meeting: Meeting, new_status: str, **kwargs):
        kwargs.setdefault("initial", {})["status"] = new_status
        super().__init__(*args, **kwargs)
        self.new_status = new_status
        self.step_back = new_status in Meeting.Status.values and is_step_back(meeting, new_status)
        if new_status == Meeting.Status.ISSUED and not self.step_back:
            self.fields["symbol"] = forms.CharField(
                label=_("S/ symbol"),
                max_length=20,
                help_text=_("The symbol the summary was issued under, e.g. S/%(year)s/123.")
                % {"year": meeting.agenda_year.year},
            )
        if self.step_back:
            self.fields["reason"] = forms.CharField(
                label=_("Why"),
                required=False,
                max_length=STEP_BACK_REASON_MAX,
                help_text=_("Kept in the history with your name, e.g. “marked held by mistake”."),
            )

    @property
    def label(self) -> str:
        status = Meeting.Status(self.new_status)
        if self.step_back:
            return _("Step back to “%(status)s”") % {"status": status.label}
        return _("Move to “%(status)s”") % {"status": status.label}


class MeetingDeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=60,
        help_text=_("Kept in the history with your name, e.g. “entered twice”."),
    )


class PlannerForm(forms.Form):
    meeting_date = forms.DateField(
        label=_("Meeting date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Pick a candidate date to see when each step must happen."),
    )

    def clean_meeting_date(self):
        day = self.cleaned_data["meeting_date"]
        if not datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31):
            raise forms.ValidationError(_("Choose a date between 2000 and 2100."))
        return day


class HolidayForm(VersionedModelForm):
    """A UN Headquarters official holiday, edited by the secretariat on the holidays page."""

    class Meta:
        model = Holiday
        fields = ["date", "name"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_date(self):
        day = self.cleaned_data["date"]
        if not datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31):
            raise forms.ValidationError(_("Choose a date between 2000 and 2100."))
        return day

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())


class StepDoneForm(forms.Form):
    """Mark a step done, with a note; the secretariat may record a co-chairs' step a co-chair reported by email."""

    note = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500})
    )
    on_behalf_of = ModelChoiceField(
        label=_("Done by (co-chair)"),
        queryset=MemberState.objects.none(),
        required=False,
        help_text=_("Only when a co-chair told you it is done (e.g. by email); leave empty if you did it yourself."),
    )
    received_on = forms.DateField(
        label=_("Received by email on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    done_on = forms.DateField(
        label=_("Done on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day it really happened; not after today."),
    )

    def __init__(self, *args, step: TimelineStep, may_record_for_cochair: bool, today: datetime.date, **kwargs):
        kwargs.setdefault("prefix", "done")
        super().__init__(*args, **kwargs)
        self.today = today
        self.default_done_on = step.default_done_on(today)
        self.fields["done_on"].initial = self.default_done_on
        if may_record_for_cochair and step.responsible == TimelineStep.Responsible.CO_CHAIRS:
            self.fields["on_behalf_of"].queryset = step.meeting.agenda_year.co_chairs.all()
        else:
            del self.fields["on_behalf_of"]
            del self.fields["received_on"]

    def clean(self):
        cleaned = super().clean()
        state, received = cleaned.get("on_behalf_of"), cleaned.get("received_on")
        if state and not received and "received_on" not in self.errors:
            self.add_error("received_on", _("Enter the day the co-chair's message arrived."))
        if received and not state:
            self.add_error("on_behalf_of", _("Choose the co-chair whose message you record."))
        if received and not datetime.date(2000, 1, 1) <= received <= self.today:
            self.add_error("received_on", _("The message cannot have arrived after today."))
        done_on = cleaned.get("done_on")
        if done_on is None and "done_on" not in self.errors:
            cleaned["done_on"] = self.default_done_on  # the timeline's one-click button posts no day
        elif done_on is not None and done_on > self.today:
            self.add_error("done_on", _("A step cannot be done after today: enter the day it happened."))
        elif done_on is not None and done_on < datetime.date(2000, 1, 1):
            self.add_error("done_on", _("Choose a date from 2000."))
        return cleaned


class HolidayYearForm(VersionedModelForm):
    """Where one year's holidays were published (the ST/IC circular), entered by the secretariat."""

    class Meta:
        model = HolidayYear
        fields = ["source", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def clean_source(self):
        return " ".join(self.cleaned_data["source"].split())


YEAR_MAX = 9999  # ?year= filters: larger numbers are no IEG year
# Column sorts of the meeting list: ?sort=<key> (a leading "-" is descending). Empty dates sort last.
MEETING_SORTS = {
    "date": [F("date").asc(nulls_last=True), "pk"],
    "-date": [F("date").desc(nulls_last=True), "-pk"],
    "subject": ["situation__name", "theme", "date"],
    "-subject": ["-situation__name", "-theme", "-date"],
    "status": ["status", "-date"],
    "-status": ["-status", "-date"],
    "next_due": [F("next_due").asc(nulls_last=True), "pk"],
    "-next_due": [F("next_due").desc(nulls_last=True), "-pk"],
}
DEFAULT_MEETING_SORT = "-date"


class MeetingListFilterForm(forms.Form):
    """The meeting list's filters and sort (the page and its exports). Values not understood are reported and
    ignored; the others still apply."""

    year = forms.IntegerField(label=_("Year"), required=False, min_value=1, max_value=YEAR_MAX)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status"))] + Meeting.Status.choices
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any kind"))] + Meeting.Kind.choices)
    sort = forms.ChoiceField(
        label=_("Sort"), required=False, choices=[(key, key) for key in MEETING_SORTS], widget=forms.HiddenInput
    )

    def __init__(self, data, **kwargs):
        super().__init__(data, auto_id="f-%s", **kwargs)  # the ids the page's filter fields carry
        not_a_year = _("Enter a year such as 2026; this filter was not applied.")
        self.fields["year"].error_messages.update(invalid=not_a_year, min_value=not_a_year, max_value=not_a_year)
        for name in ("status", "kind"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices; this filter was not applied."
            )
        self.fields["sort"].error_messages["invalid_choice"] = _(
            "“%(value)s” is not a column the list sorts by; it is in its usual order."
        )
        self.is_valid()

    def value(self, name: str):
        """The cleaned value of a field, or its empty value if it did not validate."""
        return self.cleaned_data.get(name) or None

    @property
    def sort_key(self) -> str:
        return self.value("sort") or DEFAULT_MEETING_SORT

    def apply(self, queryset):
        """The meetings filtered by every field that validated, in the chosen order."""
        if year := self.value("year"):
            queryset = queryset.filter(agenda_year__year=year)
        for name in ("status", "kind"):
            if value := self.value(name):
                queryset = queryset.filter(**{name: value})
        return queryset.order_by(*MEETING_SORTS[self.sort_key])

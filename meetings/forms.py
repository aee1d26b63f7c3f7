from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from countries.models import MemberState, Situation

from .models import AgendaEntry, AgendaYear, Meeting, TimelineStep


class VersionedModelForm(forms.ModelForm):
    """Carries the version the form was opened with, for core.concurrency.save_versioned."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")


class AgendaYearForm(VersionedModelForm):
    co_chairs = forms.ModelMultipleChoiceField(
        queryset=MemberState.objects.all(),
        label=_("Co-chairs"),
        help_text=_("Two or three Council members; hold Ctrl (Cmd on a Mac) to choose several."),
    )

    class Meta:
        model = AgendaYear
        fields = ["year", "co_chairs", "penholder", "notes"]

    def clean_co_chairs(self):
        co_chairs = self.cleaned_data["co_chairs"]
        if not 2 <= len(co_chairs) <= 3:
            raise forms.ValidationError(_("Choose two or three co-chairs."))
        return co_chairs


class AgendaEntryForm(forms.ModelForm):
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
        if not self.instance.pk:
            taken = agenda_year.entries.values_list("situation_id", flat=True)
            self.fields["situation"].queryset = Situation.objects.exclude(pk__in=taken)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and cleaned.get("situation") and not cleaned.get("conflict_phase"):
            cleaned["conflict_phase"] = cleaned["situation"].conflict_phase
        return cleaned


class MeetingForm(VersionedModelForm):
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
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.is_bound and not self.initial.get("agenda_year"):
            self.initial["agenda_year"] = AgendaYear.objects.filter(year=timezone.localdate().year).first()
        self.fields["follows_up"].queryset = Meeting.objects.exclude(kind=Meeting.Kind.THEMATIC).select_related(
            "situation", "agenda_year"
        )
        self.fields["situation"].queryset = Situation.objects.all()

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
        return cleaned


class StepForm(forms.ModelForm):
    """Who takes a step, and a note about it."""

    class Meta:
        model = TimelineStep
        fields = ["assignee", "note"]
        help_texts = {"assignee": _("Reminders go to this person; without one, to everyone responsible.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import User
        from accounts.permissions import SECRETARIAT_GROUP

        year = self.instance.meeting.agenda_year
        self.fields["assignee"].queryset = User.objects.filter(
            Q(groups__name=SECRETARIAT_GROUP) | Q(delegation__in=year.co_chairs.all()), is_active=True
        ).distinct()


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Meeting.Status.choices)
    symbol = forms.CharField(label=_("S/ symbol"), required=False, max_length=20, help_text=_("e.g. S/2026/123"))


class PlannerForm(forms.Form):
    meeting_date = forms.DateField(
        label=_("Meeting date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Pick a candidate date to see when each step must happen."),
    )

    def clean_meeting_date(self):
        day = self.cleaned_data["meeting_date"]
        if not datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31):
            raise forms.ValidationError(_("Choose a date between 2000 and 2100."))
        return day


class StepDoneForm(forms.Form):
    """Mark a step done, with a note; the secretariat may record a co-chairs' step a co-chair reported by email."""

    note = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500})
    )
    on_behalf_of = forms.ModelChoiceField(
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

    def __init__(self, *args, step: TimelineStep, may_record_for_cochair: bool, today: datetime.date, **kwargs):
        kwargs.setdefault("prefix", "done")
        super().__init__(*args, **kwargs)
        self.today = today
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
        return cleaned

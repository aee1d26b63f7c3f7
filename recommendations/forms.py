from __future__ import annotations

import datetime

from django import forms
from django.core.validators import RegexValidator
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.permissions import SECRETARIAT_GROUP
from core import concurrency
from core.forms import ModelChoiceField, VersionedModelForm
from countries.models import CouncilMembership, MemberState, Mission, Situation
from meetings.models import AgendaYear, Meeting

from .models import Briefer, CouncilQuestion, FollowUpReview, Goal, Recommendation, RecommendationGroup

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

resolution_validator = RegexValidator(
    r"^S/(RES/\d{1,4} ?\(\d{4}\)|PRST/\d{4}/\d{1,3})$",
    _("Enter a resolution like S/RES/2800 (2025) or a presidential statement like S/PRST/2024/5."),
    code="invalid_resolution",
)


def _before_meeting(meeting: Meeting, day: datetime.date | None) -> bool:
    return bool(day and meeting.date and day < meeting.date)


def _meeting_day(meeting: Meeting) -> str:
    return formats.date_format(meeting.date) if meeting.date else ""


class MeetingItemForm(VersionedModelForm):
    """A form for something recorded at ``meeting`` (its dates are checked against the meeting's)."""

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        if self.instance.pk is None:
            self.instance.meeting = meeting  # so that the model's own checks know the meeting


class BrieferForm(MeetingItemForm):
    class Meta:
        model = Briefer
        fields = ["name", "title", "entity", "component", "attendance"]


class RecommendationGroupForm(MeetingItemForm):
    class Meta:
        model = RecommendationGroup
        fields = ["heading", "lead_in", "numbering"]
        widgets = {"lead_in": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"heading": _("Optional, e.g. “Recommendations to the Security Council”.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["numbering"].error_messages["invalid_choice"] = _(
            "“%(value)s” is not a numbering: choose lettered or unnumbered bullets."
        )


class CouncilQuestionForm(MeetingItemForm):
    class Meta:
        model = CouncilQuestion
        fields = ["delegation", "text", "answered_at_meeting", "answer_due", "answer", "answered_on"]
        labels = {"delegation": _("Asked by")}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "answer": forms.Textarea(attrs={"rows": 3}),
            "answer_due": DATE_WIDGET,
            "answered_on": DATE_WIDGET,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Questions come from the Council members of the meeting's year (all states if the year has none recorded).
        year = self.meeting.agenda_year.year
        members = MemberState.objects.filter(council_seats__year=year)
        delegation = self.fields["delegation"]
        delegation.empty_label = _("Not attributed (“A Council member asked …”)")
        if CouncilMembership.objects.filter(year=year).exists():
            delegation.queryset = members
            delegation.help_text = _(
                "Council members in %(year)s. Leave it not attributed when the summary names no delegation."
            ) % {"year": year}

    def clean(self):
        cleaned = super().clean()
        due, received = cleaned.get("answer_due"), cleaned.get("answered_on")
        if cleaned.get("answered_at_meeting") and due:
            self.add_error(
                "answer_due", _("A question answered at the meeting owes no written answer: clear the due date.")
            )
        if _before_meeting(self.meeting, due):
            self.add_error(
                "answer_due",
                _("The written answer cannot be due before the meeting (%(day)s).")
                % {"day": _meeting_day(self.meeting)},
            )
        if _before_meeting(self.meeting, received):
            self.add_error(
                "answered_on",
                _("The answer cannot arrive before the meeting (%(day)s).") % {"day": _meeting_day(self.meeting)},
            )
        if received and not cleaned.get("answer", "").strip():
            self.add_error("answer", _("Enter the answer that was received."))
        return cleaned


class GoalForm(MeetingItemForm):
    class Meta:
        model = Goal
        fields = ["text", "entity", "status", "reported_at"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        later = Meeting.objects.exclude(pk=self.meeting.pk).select_related("situation").order_by("date", "pk")
        if self.meeting.situation_id:
            later = later.filter(situation_id=self.meeting.situation_id)
        if self.meeting.date:
            later = later.filter(date__gt=self.meeting.date)
        self.fields["reported_at"].queryset = later

    def clean(self):
        cleaned = super().clean()
        reported_at = cleaned.get("reported_at")
        if reported_at and self.meeting.date and reported_at.date and reported_at.date <= self.meeting.date:
            self.add_error("reported_at", _("Choose a meeting after this one."))
        return cleaned


class RecommendationForm(MeetingItemForm):
    class Meta:
        model = Recommendation
        fields = ["text", "group", "source", "addressee", "action_type", "target_mission", "owner", "next_review"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "next_review": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Enter the recommendation's text.")
        groups = list(RecommendationGroup.objects.filter(meeting=self.meeting).order_by("order", "pk"))
        if groups:
            group = self.fields["group"]
            group.queryset = RecommendationGroup.objects.filter(meeting=self.meeting).order_by("order", "pk")
            group.empty_label = _("The first group (“%(group)s”)") % {"group": groups[0]}
            group.error_messages["invalid_choice"] = _("Choose one of this meeting's groups of recommendations.")
            group.help_text = _(
                "Where the summary and the background note print it; lettered or bulleted as its group is."
            )
        else:
            # No groups: the meeting's recommendations print as one lettered list (groups are set up on their page).
            del self.fields["group"]
        self.fields["target_mission"].queryset = Mission.objects.order_by("acronym")
        self.fields["target_mission"].help_text = _("The mission whose mandate this recommendation targets, if any.")
        self.fields["owner"].queryset = User.objects.filter(groups__name=SECRETARIAT_GROUP).order_by(
            "last_name", "first_name", "username"
        )
        self.fields["owner"].help_text = _("Who in the secretariat follows it up.")
        if self.instance.pk:
            self.fields["order"] = forms.IntegerField(
                label=_("Position"),
                min_value=1,
                max_value=999,
                initial=self.instance.order,
                help_text=_("Within its group, recommendations are lettered (a), (b), (c) in this order."),
            )

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def clean(self):
        cleaned = super().clean()
        if _before_meeting(self.meeting, cleaned.get("next_review")):
            self.add_error(
                "next_review",
                _("The next review cannot come before the meeting (%(day)s).") % {"day": _meeting_day(self.meeting)},
            )
        if "order" in cleaned and cleaned["order"] is not None:
            self.instance.order = cleaned["order"]
        return cleaned


class StatusChangeForm(forms.Form):
    to_status = forms.ChoiceField(
        label=_("New status"),
        choices=[("", _("Choose…"))] + Recommendation.Status.choices,
        error_messages={
            "required": _("Choose the new status."),
            "invalid_choice": _("Unknown status “%(value)s”: choose one of the listed statuses."),
        },
    )
    changed_on = forms.DateField(label=_("Date of the change"), widget=DATE_WIDGET)
    resolution_symbol = forms.CharField(
        label=_("Resolution or statement"),
        required=False,
        max_length=40,
        validators=[resolution_validator],
        help_text=_("e.g. S/RES/2800 (2025)"),
    )
    operative_paragraph = forms.CharField(
        label=_("Operative paragraph"), required=False, max_length=40, help_text=_("e.g. OP 12")
    )
    evidence_date = forms.DateField(
        label=_("Date of the evidence"), required=False, widget=DATE_WIDGET, help_text=_("e.g. the adoption date")
    )
    link = forms.URLField(label=_("Link"), required=False, max_length=200, assume_scheme="https")
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    # The version of the recommendation the page showed: a move made on an outdated page is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, today: datetime.date, allowed: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if not self.is_bound:
            self.initial.setdefault("changed_on", today)
        if allowed is not None:
            # Offer the allowed moves; the service still refuses anything else with a clear message.
            self.fields["to_status"].widget.choices = [("", _("Choose…")), *allowed]

    @property
    def expected_version(self) -> int:
        version = self.cleaned_data.get("version")
        return concurrency.NEW if version is None else version


class ReviewForm(forms.Form):
    item = forms.CharField(widget=forms.HiddenInput, max_length=40)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("Choose…"))] + FollowUpReview.Outcome.choices,
        error_messages={
            "required": _("Choose an outcome."),
            "invalid_choice": _("Unknown outcome “%(value)s”: choose one of the listed outcomes."),
        },
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    # The version of the outcome the page showed (core.concurrency.NEW when none was recorded yet).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    @property
    def expected_version(self) -> int:
        version = self.cleaned_data.get("version")
        return concurrency.NEW if version is None else version


class TrackerFilterForm(forms.Form):
    """The tracker's filters. Invalid values are reported and ignored; valid ones still apply."""

    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    country = ModelChoiceField(
        label=_("Country"), required=False, queryset=Situation.objects.all(), empty_label=_("All countries")
    )
    mission = ModelChoiceField(
        label=_("Mission"), required=False, queryset=Mission.objects.order_by("acronym"), empty_label=_("All missions")
    )
    action_type = forms.ChoiceField(
        label=_("Council action"), required=False, choices=[("", _("Any action"))] + Recommendation.ActionType.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status"))] + Recommendation.Status.choices
    )
    addressee = forms.ChoiceField(
        label=_("Addressed to"), required=False, choices=[("", _("Anyone"))] + Recommendation.Addressee.choices
    )
    q = forms.CharField(label=_("Text contains"), required=False, max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        years = AgendaYear.objects.visible_to(user).order_by("-year").values_list("year", flat=True)
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]
        for name in ("year", "country", "mission", "action_type", "status", "addressee"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices; this filter was not applied."
            )

    def apply(self, queryset):
        if not self.is_bound:
            return queryset
        self.is_valid()
        data = self.cleaned_data  # only the fields that validated
        if data.get("year"):
            queryset = queryset.in_year(data["year"])
        if data.get("country"):
            queryset = queryset.on_situation(data["country"])
        if data.get("mission"):
            queryset = queryset.targeting(data["mission"])
        for name in ("action_type", "status", "addressee"):
            if data.get(name):
                queryset = queryset.filter(**{name: data[name]})
        if data.get("q", "").strip():
            queryset = queryset.search(data["q"])
        return queryset

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)


class RenewalsForm(forms.Form):
    months = forms.IntegerField(
        label=_("Months ahead"),
        min_value=1,
        max_value=24,
        initial=6,
        error_messages={"invalid": _("Enter a whole number of months, from 1 to 24.")},
    )

    DEFAULT_MONTHS = 6

    @property
    def months_or_default(self) -> int:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["months"]
        return self.DEFAULT_MONTHS

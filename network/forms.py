"""The Network secretariat's forms: members, focal points, membership requests, partners, chairs, the troika."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField, VersionedModelForm
from documents.forms import RICH_WIDGET
from documents.models import RICH_HELP, job_number_validator

from .choices import ActionStatus
from .models import (
    ActionPlan,
    ActionPoint,
    ActionPointGroup,
    Chair,
    FocalPoint,
    MeetingSpeaker,
    MeetingStatement,
    Member,
    MembershipRequest,
    NetworkDocument,
    NetworkDocumentSection,
    NetworkMeeting,
    NetworkUpdate,
    Newsletter,
    Partner,
    TroikaAction,
    TroikaMeeting,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EARLIEST, LATEST = datetime.date(2000, 10, 31), datetime.date(2100, 12, 31)  # resolution 1325 (2000) onwards


def _plausible(day):
    if day is not None and not EARLIEST <= day <= LATEST:
        raise forms.ValidationError(_("Choose a date between 31 October 2000 and 2100."))
    return day


def _one_line(value: str) -> str:
    return " ".join(value.split())


class _DatesMixin:
    date_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.date_fields:
            if name in self.fields:
                self.fields[name].widget = DATE

    def clean(self):
        cleaned = super().clean()
        for name in self.date_fields:
            if cleaned.get(name) is not None:
                try:
                    _plausible(cleaned[name])
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        for name in ("name", "title", "office", "organization", "contact_name", "what", "owner", "place"):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = _one_line(cleaned[name])
        return cleaned


class MemberForm(_DatesMixin, VersionedModelForm):
    date_fields = ("joined_on", "left_on")

    class Meta:
        model = Member
        fields = ["kind", "member_state", "name", "acronym", "region", "joined_on", "joined_note", "left_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member_state"].help_text = _("For a Member State: the state (its name in lists comes from here).")
        self.fields["name"].required = False
        self.fields["name"].help_text = _("Empty for a Member State: its name. Required for an organization.")

    def clean(self):
        cleaned = super().clean()
        state = cleaned.get("member_state")
        if not cleaned.get("name"):
            if state is not None:
                cleaned["name"] = state.name
            else:
                self.add_error("name", _("Give the organization's name."))
        return cleaned


class FocalPointForm(_DatesMixin, VersionedModelForm):
    """A focal point's record. The sign-in account is typed (its username or email), not chosen from a list:
    the Network's secretariat does not get to browse everyone who has an account."""

    date_fields = ("start_date", "end_date")
    account = forms.CharField(
        label=_("Sign-in account"),
        required=False,
        max_length=254,
        help_text=_("The username or email this person signs in with, to read the Network's space. Empty: none."),
    )

    class Meta:
        model = FocalPoint
        fields = ["name", "title", "office", "email", "languages", "start_date", "end_date"]

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        if member is not None:
            self.instance.member = member
        if not self.is_bound and self.instance.user_id:
            self.initial["account"] = self.instance.user.username

    def clean_account(self):
        typed = self.cleaned_data["account"].strip()
        if not typed:
            self.instance.user = None
            return ""
        users = get_user_model().objects.filter(is_active=True)
        found = users.filter(username__iexact=typed).first() or users.filter(email__iexact=typed).first()
        if found is None:
            raise forms.ValidationError(_("No active account has this username or email."))
        self.instance.user = found
        return typed


class NewFocalPointForm(FocalPointForm):
    """A change of person: the new focal point starts on a date, and whoever held the post until then is ended."""

    class Meta(FocalPointForm.Meta):
        fields = ["name", "title", "office", "email", "languages", "start_date"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_date"].required = True


class MembershipRequestForm(_DatesMixin, VersionedModelForm):
    date_fields = ("received_on",)

    class Meta:
        model = MembershipRequest
        fields = [
            "kind",
            "member_state",
            "organization",
            "acronym",
            "received_on",
            "contact_name",
            "contact_title",
            "contact_office",
            "contact_email",
            "message",
        ]


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Why the request is declined"), max_length=300)


class PartnerForm(VersionedModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Partner
        fields = ["name", "kind", "contact_name", "contact_email", "website", "notes"]


class ChairForm(VersionedModelForm):
    class Meta:
        model = Chair
        fields = ["year", "member"]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2016 <= year <= 2100:
            raise forms.ValidationError(_("The Network was founded in 2016: choose a year from 2016."))
        return year


class TroikaMeetingForm(_DatesMixin, VersionedModelForm):
    date_fields = ("date",)

    class Meta:
        model = TroikaMeeting
        fields = ["date", "place", "notes"]


class TroikaActionForm(_DatesMixin, VersionedModelForm):
    date_fields = ("due",)

    class Meta:
        model = TroikaAction
        fields = ["what", "due", "owner", "done"]


def _year(value):
    if value is not None and not 1990 <= value <= 2100:
        raise forms.ValidationError(_("Choose a year between 1990 and 2100."))
    return value


class ActionPlanForm(VersionedModelForm):
    link = forms.URLField(label=_("link"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = ActionPlan
        fields = ["generation", "status", "adopted_year", "period_start", "period_end", "link", "notes"]

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        if member is not None:
            self.instance.member = member

    def clean_generation(self):
        generation = self.cleaned_data["generation"]
        if not 1 <= generation <= 20:
            raise forms.ValidationError(_("1 for a first plan, 2 for a second, and so on."))
        return generation

    def clean_adopted_year(self):
        return _year(self.cleaned_data["adopted_year"])

    def clean_period_start(self):
        return _year(self.cleaned_data["period_start"])

    def clean_period_end(self):
        return _year(self.cleaned_data["period_end"])


class NetworkMeetingForm(_DatesMixin, VersionedModelForm):
    date_fields = ("start_date", "end_date")

    class Meta:
        model = NetworkMeeting
        fields = [
            "kind",
            "title",
            "start_date",
            "end_date",
            "city",
            "host",
            "theme",
            "margins_of",
            "status",
            "attendance",
        ]


class ActionPointGroupForm(VersionedModelForm):
    class Meta:
        model = ActionPointGroup
        fields = ["heading", "order"]


class ActionPointForm(_DatesMixin, VersionedModelForm):
    date_fields = ("due",)

    class Meta:
        model = ActionPoint
        fields = [
            "group",
            "order",
            "text",
            "owners",
            "deadline_text",
            "due",
            "reminded",
            "owner_member",
            "status",
            "progress",
        ]

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None:
            self.fields["group"].queryset = meeting.action_groups.all()
            last = meeting.action_groups.order_by("-order", "-pk").first()
            if last is not None and not self.instance.pk:
                self.initial["group"] = last.pk  # a new point goes in the last group unless chosen


class NetworkDocumentForm(_DatesMixin, VersionedModelForm):
    date_fields = ("letter_date",)

    class Meta:
        model = NetworkDocument
        fields = [
            "kind",
            "meeting",
            "year",
            "lead",
            "title",
            "subtitle",
            "letter_date",
            "letter_body",
            "ga_session",
            "agenda_item",
            "agenda_item_title",
            "action_points_lead_in",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "subtitle": forms.Textarea(attrs={"rows": 3}),
            "letter_body": RICH_WIDGET,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["letter_body"].help_text = f"{self.fields['letter_body'].help_text} {RICH_HELP}"
        self.fields["year"].widget.attrs.update(min=2016, max=2100)
        self.fields["ga_session"].widget.attrs.update(min=1, max=200)
        self.fields["agenda_item"].widget.attrs.update(min=1, max=999)

    def clean_title(self):
        return _one_line(self.cleaned_data["title"])

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        if year is not None and not 2016 <= year <= 2100:
            self.add_error("year", _("Choose a year from 2016, when the Network was launched."))
        for name, top in (("ga_session", 200), ("agenda_item", 999)):
            if cleaned.get(name) is not None and not 1 <= cleaned[name] <= top:
                self.add_error(name, _("Enter a number from 1 to %(top)s.") % {"top": top})
        if cleaned.get("kind") == "chairs_summary" and not cleaned.get("meeting"):
            self.add_error("meeting", _("A chair's summary is the summary of a meeting: choose it."))
        return cleaned


class NetworkDocumentSectionForm(VersionedModelForm):
    class Meta:
        model = NetworkDocumentSection
        fields = ["order", "heading", "body"]
        widgets = {"body": RICH_WIDGET}
        help_texts = {"body": RICH_HELP}

    def clean_heading(self):
        return _one_line(self.cleaned_data["heading"])


class IssueForm(forms.Form):
    symbol = forms.RegexField(
        label=_("Symbols"),
        regex=r"^A/\d{2}/\d{1,4}-S/\d{4}/\d{1,4}$",
        max_length=60,
        help_text=_("The pair the document was issued under: A/72/565-S/2017/904."),
        error_messages={"invalid": _("Enter the pair of symbols like A/72/565-S/2017/904.")},
    )
    issue_date = forms.DateField(label=_("Issued on"), widget=DATE)
    job_number = forms.CharField(
        label=_("Job number"),
        max_length=12,
        required=False,
        validators=[job_number_validator],
        help_text=_("Printed at the foot of page 1, e.g. 17-19381 (E)."),
    )

    def clean_symbol(self):
        return self.cleaned_data["symbol"].strip()

    def clean_issue_date(self):
        return _plausible(self.cleaned_data["issue_date"])


class NetworkUpdateForm(_DatesMixin, VersionedModelForm):
    """A member's update; a focal point's is for their own member (the field is then limited to it)."""

    date_fields = ("event_date",)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = NetworkUpdate
        fields = ["member", "kind", "title", "text", "link", "event_date"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        if members is not None:
            self.fields["member"].queryset = members
            if members.count() == 1:
                self.initial.setdefault("member", None)
                if self.initial["member"] is None:
                    self.initial["member"] = members.first().pk

    def clean_title(self):
        return _one_line(self.cleaned_data["title"])


class NewsletterForm(_DatesMixin, VersionedModelForm):
    date_fields = ("since",)

    class Meta:
        model = Newsletter
        fields = ["number", "year", "title", "intro", "since", "visibility", "updates"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 5}), "updates": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["updates"].queryset = NetworkUpdate.objects.filter(status="accepted").select_related("member")
        self.fields["updates"].help_text = _("The accepted updates this issue carries.")
        self.fields["number"].widget.attrs.update(min=1, max=9999)
        self.fields["year"].widget.attrs.update(min=2016, max=2100)

    def clean_title(self):
        return _one_line(self.cleaned_data["title"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("number") is not None and not 1 <= cleaned["number"] <= 9999:
            self.add_error("number", _("Enter a number from 1 to 9999."))
        if cleaned.get("year") is not None and not 2016 <= cleaned["year"] <= 2100:
            self.add_error("year", _("Choose a year from 2016, when the Network was launched."))
        return cleaned


class MeetingSpeakerForm(VersionedModelForm):
    class Meta:
        model = MeetingSpeaker
        fields = ["part", "name", "function", "moderator", "order"]

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "function"):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = _one_line(cleaned[name])
        return cleaned


class MeetingStatementForm(VersionedModelForm):
    class Meta:
        model = MeetingStatement
        fields = ["member", "partner", "other", "order"]

    def clean_other(self):
        return _one_line(self.cleaned_data["other"])


class ActionPointFilterForm(forms.Form):
    """The action points list's filters (the page and its exports). Invalid values are reported and ignored;
    valid ones still apply."""

    meeting = ModelChoiceField(
        label=_("Meeting"), required=False, queryset=NetworkMeeting.objects.all(), empty_label=_("All meetings")
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status"))] + ActionStatus.choices
    )
    q = forms.CharField(label=_("Text contains"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("meeting", "status"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices; this filter was not applied."
            )

    def apply(self, queryset):
        if not self.is_bound:
            return queryset
        self.is_valid()
        data = self.cleaned_data  # only the fields that validated
        if data.get("meeting"):
            queryset = queryset.filter(group__meeting=data["meeting"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if text := data.get("q", "").strip():
            queryset = queryset.filter(
                Q(text__icontains=text) | Q(owners__icontains=text) | Q(progress__icontains=text)
            )
        return queryset

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core import forms as core_forms
from core.forms import VersionedModelForm
from countries.models import MemberState, PermanentRepresentative
from meetings.models import symbol_validator

from .models import RICH_HELP, BackgroundNote, Summary, SummarySection, SummarySignatory, job_number_validator
from .richtext import sanitize
from .uploads import UploadRefused, inspect_upload

RICH_WIDGET = forms.Textarea(attrs={"rows": 7})


class NoteForm(VersionedModelForm):
    class Meta:
        model = BackgroundNote
        fields = [name for name, _heading in BackgroundNote.SECTIONS]
        widgets = {name: RICH_WIDGET for name, _heading in BackgroundNote.SECTIONS}

    def clean(self):
        cleaned = super().clean()
        sections = [name for name, _heading in BackgroundNote.SECTIONS]
        if not self.errors and not any(strip_tags(sanitize(cleaned.get(name) or "")).strip() for name in sections):
            raise forms.ValidationError(
                _("Write at least one focus area: an empty background note is not saved."), code="empty"
            )
        return cleaned


class SummaryForm(VersionedModelForm):
    class Meta:
        model = Summary
        fields = ["title", "letter_date", "addressee", "penholder_signs", "letter_body", "attach_source_note"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "letter_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "letter_body": RICH_WIDGET,
        }

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_letter_date(self):
        # The letter transmits the summary of a meeting already held: it cannot be dated before it.
        day = self.cleaned_data.get("letter_date")
        meeting_day = self.instance.meeting.date if self.instance.meeting_id else None
        if day and meeting_day and day < meeting_day:
            raise forms.ValidationError(
                _("The letter cannot be dated before the meeting (%(date)s).")
                % {"date": formats.date_format(meeting_day)}
            )
        return day


class SectionForm(forms.Form):
    """One section of the annex in the summary's form: its heading and text (the kind is fixed once added)."""

    kind = forms.ChoiceField(choices=SummarySection.Kind.choices, widget=forms.HiddenInput, required=False)
    heading = forms.CharField(label=_("Heading"), max_length=300, required=False)
    body = forms.CharField(label=_("Text"), required=False, widget=RICH_WIDGET, help_text=RICH_HELP)

    def clean_heading(self):
        return " ".join(self.cleaned_data["heading"].split())


SectionFormSet = forms.formset_factory(SectionForm, extra=0, max_num=60, absolute_max=60, validate_max=True)


class AddSectionForm(forms.Form):
    version = core_forms.IntegerField(widget=forms.HiddenInput)
    heading = forms.CharField(label=_("Heading"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=SummarySection.Kind.choices, initial=SummarySection.Kind.TEXT)


class VersionForm(forms.Form):
    """A button that changes the summary's structure posts the version its page showed."""

    version = core_forms.IntegerField(widget=forms.HiddenInput)


class SignatoryForm(forms.Form):
    version = core_forms.IntegerField(widget=forms.HiddenInput)
    member_state = forms.ModelChoiceField(label=_("State"), queryset=MemberState.objects.all())
    # An IEG summary has no Chair (the Network's letters do).
    role = forms.ChoiceField(
        label=_("Signs as"),
        choices=[(value, label) for value, label in SummarySignatory.Role.choices if value != "chair"],
    )
    representative = forms.ModelChoiceField(
        label=_("Representative"),
        queryset=PermanentRepresentative.objects.select_related("member_state"),
        required=False,
        help_text=_("Empty: the state's representative in office on the letter date."),
    )
    title = forms.CharField(
        label=_("Title signed under"),
        max_length=200,
        required=False,
        help_text=_("Empty: the representative's own title, e.g. Chargé d'affaires a.i."),
    )

    def clean(self):
        cleaned = super().clean()
        state, rep = cleaned.get("member_state"), cleaned.get("representative")
        if state and rep and rep.member_state_id != state.pk:
            self.add_error("representative", _("Choose a representative of %(state)s.") % {"state": state})
        return cleaned


class ApproveForm(forms.Form):
    version = core_forms.IntegerField(widget=forms.HiddenInput)


class IssueForm(forms.Form):
    symbol = forms.CharField(
        label=_("S/ symbol"), max_length=20, validators=[symbol_validator], help_text=_("e.g. S/2026/123")
    )
    issue_date = forms.DateField(
        label=_("Issue date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    job_number = forms.CharField(
        label=_("Job number"),
        max_length=12,
        required=False,
        validators=[job_number_validator],
        help_text=_("Optional, printed at the foot of page 1, e.g. 21-17311 (E)."),
    )

    def clean_symbol(self):
        return self.cleaned_data["symbol"].strip()

    def clean_issue_date(self):
        day = self.cleaned_data["issue_date"]
        if not datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31):
            raise forms.ValidationError(_("Choose a date between 2000 and 2100."))
        return day


class SymbolForm(forms.Form):
    """Correct the S/ symbol an issued summary is recorded under; the meeting's history keeps the old one."""

    symbol = forms.CharField(label=_("Correct S/ symbol"), max_length=20, validators=[symbol_validator])
    reason = forms.CharField(label=_("Why"), max_length=50, required=False)

    def clean_symbol(self):
        return self.cleaned_data["symbol"].strip()


class InvitationForm(forms.Form):
    member_state = forms.ModelChoiceField(
        label=_("Delegation"),
        queryset=MemberState.objects.none(),
        help_text=_("Its experts may read the note once shared, though their state is not on the Council."),
    )

    def __init__(self, *args, note: BackgroundNote, **kwargs):
        super().__init__(*args, **kwargs)
        # Council members of the meeting's year read the note anyway; those invited already are listed.
        self.fields["member_state"].queryset = MemberState.objects.exclude(
            pk__in=note.invitations.values("member_state_id")
        ).exclude(council_seats__year=note.meeting.agenda_year.year)


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (DOCX), Excel (XLSX) or an image (PNG, JPEG, GIF, WebP); at most %(limit)s MB.")
        % {"limit": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.kind = inspect_upload(upload, upload.name, upload.size, settings.ATTACHMENT_MAX_BYTES)
        except UploadRefused as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core import forms as core_forms
from core.forms import VersionedModelForm
from countries.models import MemberState
from meetings.models import symbol_validator

from .models import BackgroundNote, Summary
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
        fields = ["title", "letter_date", "introduction", "main_points", "council_questions", "closing"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "letter_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "introduction": RICH_WIDGET,
            "main_points": RICH_WIDGET,
            "council_questions": RICH_WIDGET,
            "closing": RICH_WIDGET,
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


class ApproveForm(forms.Form):
    version = core_forms.IntegerField(widget=forms.HiddenInput)


class IssueForm(forms.Form):
    symbol = forms.CharField(
        label=_("S/ symbol"), max_length=20, validators=[symbol_validator], help_text=_("e.g. S/2026/123")
    )
    issue_date = forms.DateField(
        label=_("Issue date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean_symbol(self):
        return self.cleaned_data["symbol"].strip()

    def clean_issue_date(self):
        day = self.cleaned_data["issue_date"]
        if not datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31):
            raise forms.ValidationError(_("Choose a date between 2000 and 2100."))
        return day


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

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core import forms as core_forms
from core.forms import ModelChoiceField, VersionedModelForm
from countries.models import MemberState, PermanentRepresentative
from meetings.models import symbol_validator

from . import note_texts
from .models import (
    RICH_HELP,
    BackgroundNote,
    NoteSection,
    Summary,
    SummarySection,
    SummarySignatory,
    job_number_validator,
)
from .richtext import sanitize
from .uploads import UploadRefused, inspect_upload

RICH_WIDGET = forms.Textarea(attrs={"rows": 7})
# More sections than any note has; a form claiming more is refused, not looped over.
MAX_NOTE_SECTIONS = 60


class NoteForm(VersionedModelForm):
    """The note itself (its date); its sections are ``NoteSectionFormSet``, saved with it under its version."""

    class Meta:
        model = BackgroundNote
        fields = ["note_date"]
        widgets = {"note_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class NoteSectionForm(forms.Form):
    """One section as the secretariat edits it: heading, text, part; its row id, kind and focus area ride along."""

    id = core_forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    heading = forms.CharField(label=_("Heading"), max_length=300, required=False)
    body = forms.CharField(label=_("Text"), widget=RICH_WIDGET, required=False, help_text=RICH_HELP)
    part = forms.ChoiceField(label=_("Part"), choices=NoteSection.Part.choices, initial=NoteSection.Part.BODY)
    kind = forms.ChoiceField(widget=forms.HiddenInput, choices=NoteSection.Kind.choices, initial=NoteSection.Kind.TEXT)
    focus_area = forms.ChoiceField(
        widget=forms.HiddenInput, choices=[("", "")] + list(note_texts.FOCUS_AREAS), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each field has its own label on a page of many sections: the text by its heading, the others by number.
        number = (self.prefix or "").rpartition("-")[2]
        if number.isdigit():
            n = int(number) + 1
            self.fields["heading"].label = _("Heading of section %(n)s") % {"n": n}
            self.fields["part"].label = _("Part of section %(n)s") % {"n": n}
        # (Read after the labels are set: a bound field keeps the label it was created with.)
        heading = " ".join(str(self["heading"].value() or "").split())[:300]
        if heading:
            self.fields["body"].label = heading

    @property
    def is_recommendations(self) -> bool:
        value = self["kind"].value()
        return value == NoteSection.Kind.RECOMMENDATIONS

    @property
    def is_blank(self) -> bool:
        data = self.cleaned_data
        return (
            data.get("kind") != NoteSection.Kind.RECOMMENDATIONS
            and not (data.get("heading") or "").strip()
            and not strip_tags(sanitize(data.get("body") or "")).strip()
        )

    def text(self) -> note_texts.SectionText:
        data = self.cleaned_data
        return note_texts.SectionText(
            heading=data.get("heading") or "",
            body=data.get("body") or "",
            part=data.get("part") or NoteSection.Part.BODY,
            kind=data.get("kind") or NoteSection.Kind.TEXT,
            focus_area=data.get("focus_area") or "",
        )


class BaseNoteSectionFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = (
            _("Remove section %(n)s") % {"n": index + 1} if index is not None else _("Remove this section")
        )

    def clean(self):
        if any(self.errors):
            return
        kept = [form for form in self.forms if not self._should_delete_form(form) and not form.is_blank]
        if sum(form.cleaned_data["kind"] == NoteSection.Kind.RECOMMENDATIONS for form in kept) > 1:
            raise forms.ValidationError(_("The recommendations are printed once: keep one recommendations block."))
        if not note_texts.has_text([form.text() for form in kept]):
            raise forms.ValidationError(
                _("Write at least one section: an empty background note is not saved."), code="empty"
            )

    def sections(self) -> list[tuple[int | None, note_texts.SectionText]]:
        """What to save, in order: (row id or None, text); removed and blank rows left out."""
        return [
            (form.cleaned_data.get("id"), form.text())
            for form in self.forms
            if not self._should_delete_form(form) and not form.is_blank
        ]

    def removed(self, existing: dict[int, NoteSection]) -> list[NoteSection]:
        """The stored sections this save removes: ticked "Remove", or missing from the form."""
        kept = {pk for pk, _text in self.sections() if pk is not None}
        return [row for pk, row in existing.items() if pk not in kept]


NoteSectionFormSet = forms.formset_factory(
    NoteSectionForm,
    formset=BaseNoteSectionFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_NOTE_SECTIONS,
    absolute_max=MAX_NOTE_SECTIONS,
    validate_max=True,
)
SECTIONS_PREFIX = "sections"
_ROW_FIELDS = ("id", "heading", "body", "part", "kind", "focus_area", "DELETE")


def section_initial(note: BackgroundNote) -> list[dict]:
    """The formset's rows for a note: its sections, or the defaults of its meeting's kind for a new one."""
    if note.pk is not None:
        rows = list(note.section_rows.all())
        if rows:
            return [
                {
                    "id": row.pk,
                    "heading": row.heading,
                    "body": row.body,
                    "part": row.part,
                    "kind": row.kind,
                    "focus_area": row.focus_area,
                }
                for row in rows
            ]
    return [section.as_json() for section in note_texts.default_sections(note.meeting.kind)]


def note_section_formset(data=None, *, note: BackgroundNote) -> BaseNoteSectionFormSet:
    if data is not None:
        return NoteSectionFormSet(data, prefix=SECTIONS_PREFIX)
    return NoteSectionFormSet(initial=section_initial(note), prefix=SECTIONS_PREFIX)


def rearranged(data, action: str):
    """The posted form with one row moved up or down, or a section added ("up-2", "down-0", "add-text",
    "add-annex", "add-recommendations"), as the data of a form shown again unsaved (what was typed kept)."""
    try:
        total = min(max(int(data.get(f"{SECTIONS_PREFIX}-TOTAL_FORMS", 0)), 0), MAX_NOTE_SECTIONS)
    except (TypeError, ValueError):
        total = 0
    rows = [{name: data.get(f"{SECTIONS_PREFIX}-{i}-{name}") for name in _ROW_FIELDS} for i in range(total)]
    verb, _sep, arg = action.partition("-")
    if verb in {"up", "down"} and arg.isdigit() and int(arg) < total:
        i = int(arg)
        j = i - 1 if verb == "up" else i + 1
        if 0 <= j < total:
            rows[i], rows[j] = rows[j], rows[i]
    elif verb == "add" and total < MAX_NOTE_SECTIONS:
        if arg == NoteSection.Kind.RECOMMENDATIONS:
            row = {"heading": str(_("Recommendations")), "kind": NoteSection.Kind.RECOMMENDATIONS}
        else:
            row = {"part": NoteSection.Part.ANNEX if arg == NoteSection.Part.ANNEX else NoteSection.Part.BODY}
        rows.append({"part": NoteSection.Part.BODY, "kind": NoteSection.Kind.TEXT, **row})
    new = data.copy()
    for key in [key for key in new if key.startswith(f"{SECTIONS_PREFIX}-") or key in {"move", "add"}]:
        del new[key]
    new[f"{SECTIONS_PREFIX}-TOTAL_FORMS"] = str(len(rows))
    new[f"{SECTIONS_PREFIX}-INITIAL_FORMS"] = str(len(rows))
    for i, row in enumerate(rows):
        for name, value in row.items():
            if value is not None:
                new[f"{SECTIONS_PREFIX}-{i}-{name}"] = value
    return new


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
    member_state = ModelChoiceField(label=_("State"), queryset=MemberState.objects.all())
    # An IEG summary has no Chair (the Network's letters do).
    role = forms.ChoiceField(
        label=_("Signs as"),
        choices=[(value, label) for value, label in SummarySignatory.Role.choices if value != "chair"],
    )
    representative = ModelChoiceField(
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
    member_state = ModelChoiceField(
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

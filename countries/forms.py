"""Forms for the secretariat's reference-data pages: permanent representatives, member states' names and
missions."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedModelForm

from .choices import SIGNING_TITLES
from .models import MemberState, Mission, PermanentRepresentative

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EARLIEST = datetime.date(1945, 10, 24)  # the Charter entered into force
LATEST = datetime.date(2100, 12, 31)


def _plausible(day: datetime.date | None) -> datetime.date | None:
    if day is not None and not EARLIEST <= day <= LATEST:
        raise forms.ValidationError(_("Choose a date between 1945 and 2100."))
    return day


def _one_line(value: str) -> str:
    """Runs of spaces and line breaks typed or pasted into a name become one space."""
    return " ".join(value.split())


class TitleInput(forms.TextInput):
    """A free text input offering the usual titles as signed (a datalist: any other title can be typed)."""

    template_name = "countries/widgets/title_input.html"

    def __init__(self, attrs=None):
        super().__init__({"list": "signing-titles", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["suggestions"] = SIGNING_TITLES
        return context


class PermanentRepresentativeForm(VersionedModelForm):
    class Meta:
        model = PermanentRepresentative
        fields = ["member_state", "given_names", "surname", "title", "ambassador", "start_date", "end_date"]
        labels = {
            "member_state": _("Member state"),
            "title": _("Title as signed"),
            "ambassador": _("Ambassador line"),
        }
        help_texts = {
            "given_names": _("As signed, before the surname: “Geraldine”, “Juan Ramón”."),
            "surname": _(
                "As signed; printed in bold in signature blocks: “Byrne Nason”, “de la Fuente Ramírez”, “Oyarzun”."
            ),
            "title": _(
                "The office printed under the name, without the state: Permanent Representative, Chargé "
                "d'affaires a.i., Deputy Permanent Representative. “Ambassador” is the separate line below."
            ),
            "ambassador": _("Tick for an ambassador: “Ambassador” prints on its own line between name and title."),
            "end_date": _("Leave empty while the representative is in office."),
        }
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET, "title": TitleInput}

    def clean_given_names(self):
        return _one_line(self.cleaned_data["given_names"])

    def clean_surname(self):
        return _one_line(self.cleaned_data["surname"])

    def clean_title(self):
        title = _one_line(self.cleaned_data["title"])
        # "Ambassador of Ireland to the United Nations" is a rank and a state, not the office signed under.
        if "ambassador" in title.casefold():
            raise forms.ValidationError(
                _(
                    "“Ambassador” is a rank, not the office signed under: tick the Ambassador line below and "
                    "enter the office, e.g. Permanent Representative."
                )
            )
        return title

    def clean_start_date(self):
        return _plausible(self.cleaned_data["start_date"])

    def clean_end_date(self):
        return _plausible(self.cleaned_data.get("end_date"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end of office cannot be before its start."))
        return cleaned


class MemberStateNamesForm(VersionedModelForm):
    """The names a Council document uses for a state: in a sentence and in a title."""

    class Meta:
        model = MemberState
        fields = ["short_name", "formal_name"]
        help_texts = {
            "short_name": _(
                "With its article where the state takes one: “the United Kingdom”, “the Niger”; "
                "“Spain”, “Ireland” take none. Empty: the name in lists."
            ),
            "formal_name": _(
                "As in the title of a Council document: “the United Kingdom of Great Britain and Northern "
                "Ireland”, “the Plurinational State of Bolivia”. Empty: the name in a sentence."
            ),
        }

    def clean_short_name(self):
        return _one_line(self.cleaned_data["short_name"])

    def clean_formal_name(self):
        return _one_line(self.cleaned_data["formal_name"])


class MissionForm(VersionedModelForm):
    class Meta:
        model = Mission
        fields = ["acronym", "name", "situation", "kind", "mandate_expiry", "renewal_note", "active"]
        help_texts = {
            "mandate_expiry": _("The date the current Council mandate runs out; a past date shows as expired."),
            "active": _("Untick when the mission has closed (its mandate is not renewed any more)."),
        }
        widgets = {"mandate_expiry": DATE_WIDGET}

    def clean_acronym(self):
        return self.cleaned_data["acronym"].strip()

    def clean_mandate_expiry(self):
        return _plausible(self.cleaned_data.get("mandate_expiry"))

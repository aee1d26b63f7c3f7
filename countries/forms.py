"""Forms for the secretariat's reference-data pages: permanent representatives and missions."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedModelForm

from .models import Mission, PermanentRepresentative

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EARLIEST = datetime.date(1945, 10, 24)  # the Charter entered into force
LATEST = datetime.date(2100, 12, 31)


def _plausible(day: datetime.date | None) -> datetime.date | None:
    if day is not None and not EARLIEST <= day <= LATEST:
        raise forms.ValidationError(_("Choose a date between 1945 and 2100."))
    return day


class PermanentRepresentativeForm(VersionedModelForm):
    class Meta:
        model = PermanentRepresentative
        fields = ["member_state", "given_names", "surname", "title", "ambassador", "start_date", "end_date"]
        labels = {"member_state": _("Member state")}
        help_texts = {"end_date": _("Leave empty while the representative is in office.")}
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET}

    def clean_given_names(self):
        return " ".join(self.cleaned_data["given_names"].split())

    def clean_surname(self):
        return " ".join(self.cleaned_data["surname"].split())

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

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

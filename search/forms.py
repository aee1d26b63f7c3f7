from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField
from countries.models import Situation

from .engine import MAX_LENGTH, Filters

NOT_APPLIED = _("“%(value)s” is not one of the choices; this filter was not applied.")


class SearchForm(forms.Form):
    """The search box and its filters. A value that does not validate is reported and ignored; the rest apply."""

    q = forms.CharField(label=_("Search for"), required=False, max_length=MAX_LENGTH)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1990,
        max_value=2100,
        error_messages={"invalid": _("Enter a year such as 2021; this filter was not applied.")},
    )
    country = ModelChoiceField(
        label=_("Country or situation"),
        required=False,
        queryset=Situation.objects.none(),
        empty_label=_("All countries"),
        error_messages={"invalid_choice": NOT_APPLIED},
    )

    def __init__(self, *args, kinds: dict[str, str], countries, prefix_id: str = "search", **kwargs):
        super().__init__(*args, auto_id=f"{prefix_id}-%s", **kwargs)
        self.fields["country"].queryset = countries.order_by("name")
        self.fields["kind"].choices = [("", _("Everything"))] + list(kinds.items())
        self.fields["kind"].error_messages["invalid_choice"] = NOT_APPLIED
        self.fields["year"].widget.attrs.update({"inputmode": "numeric"})
        self.fields["q"].widget = forms.TextInput(attrs={"type": "search", "maxlength": MAX_LENGTH})
        self.fields["q"].error_messages["max_length"] = _("Type at most %(limit_value)d characters.")

    def query(self) -> str:
        """The text typed, or "" when it did not validate (the field then says why)."""
        self.is_valid()
        return self.cleaned_data.get("q", "") or ""

    def filters(self) -> Filters:
        self.is_valid()
        data = self.cleaned_data  # only the fields that validated
        country = data.get("country")
        return Filters(kind=data.get("kind") or "", year=data.get("year"), country=country.pk if country else None)

    @property
    def is_filtered(self) -> bool:
        filters = self.filters()
        return bool(filters.kind or filters.year or filters.country)

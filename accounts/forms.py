from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class UserSearchForm(forms.Form):
    """The people list's search. A bad query (too long, a NUL byte) is reported next to the field and not applied."""

    q = forms.CharField(
        label=_("Name, username or email"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""

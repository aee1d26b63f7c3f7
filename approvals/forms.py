from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField
from countries.models import MemberState


class CommentForm(forms.Form):
    """A review comment: at most 4,000 characters, no NUL byte; surrounding spaces are stripped, so a comment of
    only spaces is refused."""

    text = forms.CharField(
        label=_("Add a comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a comment first.")},
    )


class RecordApprovalForm(forms.Form):
    """The secretariat records a co-chair state's approval received outside the app (by email)."""

    on_behalf_of = ModelChoiceField(label=_("Co-chair"), queryset=MemberState.objects.none())
    received_on = forms.DateField(
        label=_("Received by email on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, states, today: datetime.date, **kwargs):
        kwargs.setdefault("prefix", "record")
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["on_behalf_of"].queryset = states

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if not datetime.date(2000, 1, 1) <= day <= self.today:
            raise forms.ValidationError(_("The message cannot have arrived after today."))
        return day

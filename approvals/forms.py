from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from countries.models import MemberState

from .models import Comment


class CommentForm(forms.ModelForm):
    """A review comment: the model's limits (4,000 characters, no NUL byte). An empty one is the service's to refuse."""

    class Meta:
        model = Comment
        fields = ["text"]
        labels = {"text": _("Add a comment")}
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False


class RecordApprovalForm(forms.Form):
    """The secretariat records a co-chair state's approval received outside the app (by email)."""

    on_behalf_of = forms.ModelChoiceField(label=_("Co-chair"), queryset=MemberState.objects.none())
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

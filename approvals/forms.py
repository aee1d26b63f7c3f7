from django import forms
from django.utils.translation import gettext_lazy as _


class CommentForm(forms.Form):
    """A review comment; surrounding spaces are stripped, so a comment of only spaces is refused."""

    text = forms.CharField(
        label=_("Add a comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a comment first.")},
    )

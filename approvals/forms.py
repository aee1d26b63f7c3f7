from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

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

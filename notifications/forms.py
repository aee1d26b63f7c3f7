from __future__ import annotations

import zoneinfo
from functools import cache

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core import forms as core_forms

from .models import Notification


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


class PreferencesForm(forms.Form):
    email_notifications = forms.BooleanField(
        label=_("Email me reminders and invitations"),
        required=False,
        help_text=_("Escalations of late steps still reach the secretariat lead and the co-chairs."),
    )
    delivery = forms.ChoiceField(label=_("How"), choices=User.Delivery.choices, widget=forms.RadioSelect)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        help_text=_("Times in your emails are shown in this zone. Deadlines follow New York business days."),
    )


class OutboxFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", _("Any"))] + Notification.State.choices)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any"))] + Notification.Kind.choices)
    q = forms.CharField(label=_("Recipient email"), required=False, max_length=200)
    meeting = core_forms.IntegerField(label=_("Meeting"), required=False, min_value=1, widget=forms.HiddenInput)

    def filter(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data["state"]:
            qs = qs.filter(state=data["state"])
        if data["kind"]:
            qs = qs.filter(kind=data["kind"])
        if data["q"]:
            qs = qs.filter(email__icontains=data["q"].strip())
        if data["meeting"]:
            qs = qs.filter(meeting_id=data["meeting"])
        return qs

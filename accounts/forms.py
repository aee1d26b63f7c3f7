"""The secretariat's form for people: names, email, delegation, the Secretariat role, active or not."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedModelForm
from countries.models import MemberState

from . import permissions
from .models import User


class UserForm(VersionedModelForm):
    secretariat = forms.BooleanField(
        label=_("Secretariat (UN-Women): edits everything in the workbench"),
        required=False,
        help_text=_("Co-chair and Council-expert rights are not ticked here: they follow from the delegation."),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "job_title", "delegation", "secretariat", "is_active"]
        labels = {"is_active": _("Active: may sign in")}
        help_texts = {
            "username": _("What the person types to sign in: letters, digits and @ . + - _ only."),
            "delegation": _(
                "The member state whose delegation the person belongs to; empty for secretariat staff. It makes "
                "them co-chair in the years their state co-chairs and Council expert in the years it sits on the "
                "Council."
            ),
            "is_active": _("Untick to deactivate the account: the person can no longer sign in; history stays."),
        }

    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        self.fields["email"].required = True
        self.fields["delegation"].queryset = MemberState.objects.order_by("name")
        self.fields["delegation"].empty_label = _("None (secretariat or UN staff)")
        if self.instance.pk and not self.is_bound:
            self.initial["secretariat"] = self.instance.groups.filter(name=permissions.SECRETARIAT_GROUP).exists()
        if not self.instance.pk:
            self.fields["is_active"].help_text = _("The person signs in once they have set a password.")
        # Fields in a fixed order, the role beside the delegation.
        self.order_fields(
            ["username", "first_name", "last_name", "email", "job_title", "delegation", "secretariat", "is_active"]
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another account already uses this email address."))
        return email

    def clean_first_name(self):
        return " ".join(self.cleaned_data["first_name"].split())

    def clean_last_name(self):
        return " ".join(self.cleaned_data["last_name"].split())

    def clean(self):
        cleaned = super().clean()
        acting = self.acting_user
        if acting is not None and self.instance.pk == acting.pk:
            # Nobody locks themselves out: another member of the secretariat does it, on purpose.
            if "is_active" in cleaned and not cleaned["is_active"]:
                self.add_error("is_active", _("You cannot deactivate your own account."))
            if "secretariat" in cleaned and not cleaned["secretariat"] and not acting.is_superuser:
                self.add_error("secretariat", _("You cannot remove your own Secretariat role."))
        return cleaned


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

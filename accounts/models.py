"""People who sign in, the delegation they belong to, and how they want to be notified."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class User(AbstractUser):
    """A person who signs in: secretariat staff (group), or an expert of a member-state delegation.

    Co-chair and Council-expert rights are not stored: they follow from ``delegation`` and the year
    (see ``accounts.permissions``).
    """

    class Delivery(models.TextChoices):
        SINGLE = "single", _("One email per reminder")
        DIGEST = "digest", _("One daily digest")

    delegation = models.ForeignKey(
        "countries.MemberState",
        verbose_name=_("delegation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegates",
    )
    job_title = models.CharField(_("job title"), max_length=160, blank=True)
    email_notifications = models.BooleanField(_("email notifications"), default=True)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.SINGLE)
    time_zone = models.CharField(_("time zone"), max_length=64, default="America/New_York")
    # A code of settings.LANGUAGES, saved by the language switcher; empty: none chosen (the browser's, or English).
    # Pages (accounts.middleware) and the emails sent to this person (notifications.emails) use it.
    language = models.CharField(_("language"), max_length=10, blank=True, default="")
    # Edits in the people pages are checked against this (core.concurrency); sign-ins do not move it.
    version = models.PositiveIntegerField(default=1, editable=False)

    # Group membership is a role: its changes are history too.
    history = HistoricalRecords(excluded_fields=["password", "last_login"], m2m_fields=["groups"])

    class Meta(AbstractUser.Meta):
        ordering = ["last_name", "first_name", "username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

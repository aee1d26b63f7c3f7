"""The Network's kinds and statuses, defined once for its models and read by other apps from here."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberKind(models.TextChoices):
    STATE = "state", _("Member State")
    REGIONAL = "regional", _("Regional organization")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class PartnerKind(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Civil society organization")
    LOCAL = "local", _("Local organization")
    INTERNATIONAL = "international", _("International organization")

"""The meetings app's statuses and kinds, defined once: its models use them, other apps import them from here."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import deadlines


class MeetingKind(models.TextChoices):
    COUNTRY = "country", _("Country meeting")
    FOLLOW_UP = "follow_up", _("Follow-up meeting")
    THEMATIC = "thematic", _("Thematic meeting")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DATE_PROPOSED = "date_proposed", _("Date proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    HELD = "held", _("Held")
    SUMMARY_DRAFTED = "summary_drafted", _("Summary drafted")
    SUBMITTED = "submitted", _("Summary submitted")
    ISSUED = "issued", _("Summary issued")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


# A meeting that took place.
PAST_STATUSES = frozenset(
    {
        MeetingStatus.HELD,
        MeetingStatus.SUMMARY_DRAFTED,
        MeetingStatus.SUBMITTED,
        MeetingStatus.ISSUED,
        MeetingStatus.PUBLISHED,
    }
)


class StepResponsible(models.TextChoices):
    CO_CHAIRS = deadlines.Responsible.CO_CHAIRS.value, _("Co-chairs")
    SECRETARIAT = deadlines.Responsible.SECRETARIAT.value, _("Secretariat (UN-Women)")


class StepState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    NOT_NEEDED = "not_needed", _("Not needed")

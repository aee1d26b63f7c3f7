"""The documents app's statuses, defined once: its models and access rules use them, other apps import them here."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoteStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review by the co-chairs")
    SHARED = "shared", _("Shared with Council members")
    PUBLISHED = "published", _("Published")


# A note the co-chairs may still approve: not yet shared with Council members.
NOTE_DRAFT_STATUSES = (NoteStatus.DRAFT, NoteStatus.IN_REVIEW)
# A note Council members have received (shared, or since published).
NOTE_SHARED_STATUSES = (NoteStatus.SHARED, NoteStatus.PUBLISHED)


class SummaryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved by the co-chairs")
    SUBMITTED = "submitted", _("Submitted for issuance")
    ISSUED = "issued", _("Issued")
    PUBLISHED = "published", _("Published")


# A summary the co-chairs approved: Council experts of its year may read it.
SUMMARY_COUNCIL_STATUSES = (
    SummaryStatus.APPROVED,
    SummaryStatus.SUBMITTED,
    SummaryStatus.ISSUED,
    SummaryStatus.PUBLISHED,
)
# A summary issued as a Security Council document (it has a symbol and an issue date).
SUMMARY_ISSUED_STATUSES = (SummaryStatus.ISSUED, SummaryStatus.PUBLISHED)

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


class PlanStatus(models.TextChoices):
    IN_DEVELOPMENT = "in_development", _("In development")
    ADOPTED = "adopted", _("Adopted")
    UNDER_REVIEW = "under_review", _("Under review")
    EXPIRED = "expired", _("Expired")


# "First", "second", ... as members report their plans ("its third national action plan").
GENERATIONS = {
    1: _("first"),
    2: _("second"),
    3: _("third"),
    4: _("fourth"),
    5: _("fifth"),
    6: _("sixth"),
    7: _("seventh"),
    8: _("eighth"),
}


class MeetingKind(models.TextChoices):
    ANNUAL = "annual", _("Annual meeting, hosted by the chair")
    NEW_YORK = "new_york", _("Follow-up meeting in New York")
    OTHER = "other", _("Other meeting")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class StepState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    NOT_NEEDED = "not_needed", _("Not needed")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionReminded(models.TextChoices):
    """Who the reminders of an action point with a due date go to (its owners as written may be wider)."""

    SECRETARIAT = "secretariat", _("The Network's secretariat")
    CHAIR = "chair", _("The chair's focal points")
    TROIKA = "troika", _("The troika's focal points")
    MEMBER = "member", _("A named member's focal points")


class DocumentKind(models.TextChoices):
    CHAIRS_SUMMARY = "chairs_summary", _("Chair's summary of a meeting")
    OTHER = "other", _("Other document (guidelines, a statement)")


class DocumentStatus(models.TextChoices):
    """A document the troika sends: drafted by the secretariat, approved by each troika state, then issued as a
    joint General Assembly and Security Council document under its pair of symbols."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("With the troika for approval")
    ISSUED = "issued", _("Issued")


class UpdateKind(models.TextChoices):
    ACTION_PLAN = "action_plan", _("A national or regional action plan")
    EVENT = "event", _("An event")
    GOOD_PRACTICE = "good_practice", _("A good practice")
    KNOWLEDGE_PRODUCT = "knowledge_product", _("A knowledge product")
    OTHER = "other", _("Other news")


class UpdateStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for the secretariat")
    ACCEPTED = "accepted", _("Accepted for the newsletter")
    DECLINED = "declined", _("Not used")


class NewsletterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("With the troika for approval")
    SENT = "sent", _("Sent")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: on the site once sent")
    MEMBERS = "members", _("Members only")


class SpeakerPart(models.TextChoices):
    OPENING = "opening", _("Opening plenary")
    PANEL = "panel", _("Panel")
    CLOSING = "closing", _("Closing remarks")

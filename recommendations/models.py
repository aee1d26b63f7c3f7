"""Key recommendations from IEG meetings and what the Council did with them (Guidelines, section VII)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .querysets import RecommendationQuerySet


class Recommendation(models.Model):
    """One key recommendation presented at a meeting, tracked until the Council acts on it (or not)."""

    class Source(models.TextChoices):
        UN_PARTICIPANTS = "un_participants", _("UN participants")
        BACKGROUND_NOTE = "background_note", _("Secretariat's background note")
        CO_CHAIRS = "co_chairs", _("Co-chairs")

    class Addressee(models.TextChoices):
        SECURITY_COUNCIL = "security_council", _("Security Council")
        CO_CHAIRS = "co_chairs", _("Co-chairs")
        COUNCIL_MEMBERS = "council_members", _("Council members")
        UN_ENTITIES = "un_entities", _("UN entities")
        HOST_GOVERNMENT = "host_government", _("Host government")

    class ActionType(models.TextChoices):
        MANDATE_LANGUAGE = "mandate_language", _("Mandate language at renewal")
        RAISE_IN_COUNCIL = "raise_in_council", _("Raise WPS in Council meetings and questions to briefers")
        SUBSIDIARY_BODIES = "subsidiary_bodies", _("Coherence with subsidiary bodies and sanctions regimes")
        VISITING_MISSION = "visiting_mission", _("Visiting missions")
        LETTER_DEMARCHE = "letter_demarche", _("Letters or démarches")
        REQUEST_INFORMATION = "request_information", _("Request for additional information")
        NATIONAL_ADVOCACY = "national_advocacy", _("Advocacy in national capacity")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PRESENTED = "presented", _("Presented")
        UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
        ACTED_ON_IN_PART = "acted_on_in_part", _("Acted on in part")
        ACTED_ON = "acted_on", _("Acted on")
        NOT_TAKEN_UP = "not_taken_up", _("Not taken up")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="recommendations")
    order = models.PositiveSmallIntegerField(
        _("order"), default=1, help_text=_("Lettered (a), (b), (c) in this order.")
    )
    text = models.TextField(_("text"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.BACKGROUND_NOTE)
    addressee = models.CharField(
        _("addressed to"), max_length=20, choices=Addressee.choices, default=Addressee.SECURITY_COUNCIL
    )
    action_type = models.CharField(
        _("Council action"), max_length=24, choices=ActionType.choices, default=ActionType.OTHER
    )
    target_mission = models.ForeignKey(
        "countries.Mission",
        verbose_name=_("target mission"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_recommendations",
    )
    next_review = models.DateField(_("next review"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        indexes = [
            # Serves the tracker's status filter and the renewal calendar's "open recommendations per mission".
            models.Index(fields=["status", "target_mission"], name="recs_rec_status_mission"),
            # Serves the review-date reminders: open recommendations by next review.
            models.Index(fields=["next_review"], name="recs_rec_next_review"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("recommendations:detail", args=[self.pk])


OPEN_STATUSES = frozenset(
    {
        Recommendation.Status.PROPOSED,
        Recommendation.Status.PRESENTED,
        Recommendation.Status.UNDER_CONSIDERATION,
        Recommendation.Status.ACTED_ON_IN_PART,
    }
)

# Allowed moves; anything else is refused with a clear message by recommendations.services.
STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    Recommendation.Status.PROPOSED: frozenset({Recommendation.Status.PRESENTED, Recommendation.Status.WITHDRAWN}),
    Recommendation.Status.PRESENTED: frozenset(
        {
            Recommendation.Status.UNDER_CONSIDERATION,
            Recommendation.Status.ACTED_ON_IN_PART,
            Recommendation.Status.ACTED_ON,
            Recommendation.Status.NOT_TAKEN_UP,
            Recommendation.Status.WITHDRAWN,
        }
    ),
    Recommendation.Status.UNDER_CONSIDERATION: frozenset(
        {
            Recommendation.Status.ACTED_ON_IN_PART,
            Recommendation.Status.ACTED_ON,
            Recommendation.Status.NOT_TAKEN_UP,
            Recommendation.Status.WITHDRAWN,
        }
    ),
    Recommendation.Status.ACTED_ON_IN_PART: frozenset(
        {Recommendation.Status.ACTED_ON, Recommendation.Status.UNDER_CONSIDERATION}
    ),
    Recommendation.Status.ACTED_ON: frozenset(),
    Recommendation.Status.NOT_TAKEN_UP: frozenset({Recommendation.Status.UNDER_CONSIDERATION}),
    Recommendation.Status.WITHDRAWN: frozenset(),
}


class StatusChange(models.Model):
    """A recorded move of a recommendation's status, with who, when and the evidence for it."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=20, choices=Recommendation.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Recommendation.Status.choices)
    changed_on = models.DateField(_("date"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    resolution_symbol = models.CharField(
        _("resolution"), max_length=40, blank=True, help_text=_("e.g. S/RES/2800 (2025)")
    )
    operative_paragraph = models.CharField(_("operative paragraph"), max_length=40, blank=True)
    evidence_date = models.DateField(_("evidence date"), null=True, blank=True)
    link = models.URLField(_("link"), blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "changed_on", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.from_status} → {self.to_status}"

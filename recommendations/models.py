"""What came out of an IEG meeting and what happened to it.

The briefing (briefers, Council members' questions, the UN leadership's concrete goals), the key recommendations
and what the Council did with them (Guidelines, sections VI and VII), and the review of open items at the
follow-up meeting about six months later.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.links import object_url
from core.models import TimestampedVersionedModel, VersionedModel

from .choices import OPEN_GOAL_STATUSES, GoalStatus, RecommendationStatus
from .querysets import CouncilQuestionQuerySet, GoalQuerySet, RecommendationQuerySet


class RecommendationGroup(VersionedModel):
    """A group of a meeting's recommendations as a document prints them: an optional heading and lead-in, then
    its items lettered (a), (b) ... from (a) again in each lettered group, or as unlettered bullets."""

    class Numbering(models.TextChoices):
        LETTERED = "lettered", _("Lettered (a), (b), (c) …")
        BULLETS = "bullets", _("Unnumbered bullets")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="recommendation_groups")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    lead_in = models.TextField(
        _("lead-in"), blank=True, help_text=_("The sentences printed before the group's items, if any.")
    )
    numbering = models.CharField(_("numbering"), max_length=10, choices=Numbering.choices, default=Numbering.LETTERED)

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("group of recommendations")
        verbose_name_plural = _("groups of recommendations")

    def __str__(self) -> str:
        return self.heading or _("Recommendations, group %(n)s") % {"n": self.order}


class Recommendation(TimestampedVersionedModel):
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

    Status = RecommendationStatus

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="recommendations")
    order = models.PositiveSmallIntegerField(
        _("order"), default=1, help_text=_("Lettered (a), (b), (c) in this order within its group.")
    )
    group = models.ForeignKey(
        RecommendationGroup,
        verbose_name=_("group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
        help_text=_("Where the document prints it. Empty: in the meeting's first group (or one lettered list)."),
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
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="recommendations_recommendation_text_not_blank"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return object_url("recommendations:detail", self.pk)

    def clean(self) -> None:
        super().clean()
        check_group(self)


def check_group(recommendation: Recommendation) -> None:
    """A recommendation is printed only in a group of its own meeting (no database constraint can say so)."""
    group_id = recommendation.group_id
    if group_id is None:
        return
    group = recommendation.group if Recommendation.group.is_cached(recommendation) else None
    group_meeting = (
        group.meeting_id
        if group is not None and group.pk == group_id
        else RecommendationGroup.objects.filter(pk=group_id).values_list("meeting_id", flat=True).first()
    )
    if group_meeting != recommendation.meeting_id:
        raise ValidationError(
            {"group": _("Choose one of this meeting's groups of recommendations.")}, code="group_of_other_meeting"
        )


# Allowed moves; anything else is refused with a clear message by recommendations.services.changes.
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
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")), name="recommendations_statuschange_moves"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.from_status} → {self.to_status}"


class Briefer(VersionedModel):
    """A person who briefed the IEG at a meeting: UN leadership in the country, OSRSG-SVC, other UN colleagues."""

    class Component(models.TextChoices):
        CIVILIAN = "civilian", _("Civilian")
        MILITARY = "military", _("Military")
        POLICE = "police", _("Police")

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIDEOCONFERENCE = "videoconference", _("By videoconference")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="briefers")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(
        _("name"),
        max_length=160,
        blank=True,
        help_text=_("Leave empty when the briefer is not named (summaries often name only the title and entity)."),
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. Deputy Special Representative"))
    entity = models.CharField(_("entity"), max_length=120, help_text=_("e.g. UNMISS, UN-Women, OSRSG-SVC"))
    component = models.CharField(_("component"), max_length=12, choices=Component.choices, default=Component.CIVILIAN)
    attendance = models.CharField(
        _("attended"), max_length=16, choices=Attendance.choices, default=Attendance.VIDEOCONFERENCE
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("briefer")
        verbose_name_plural = _("briefers")

    def __str__(self) -> str:
        return f"{self.name}, {self.described}" if self.name else self.described

    @property
    def described(self) -> str:
        """Title and entity, as a page prints a briefer: "Deputy Special Representative (UNMISS)"."""
        if self.title and self.entity:
            return f"{self.title} ({self.entity})"
        return self.title or self.entity

    @property
    def called(self) -> str:
        """How a sentence names the briefer: the name, else "a briefer from UNMISS" (non-attribution)."""
        if self.name:
            return self.name
        if self.entity:
            return _("a briefer from %(entity)s") % {"entity": self.entity}
        return str(_("a briefer"))


class CouncilQuestion(VersionedModel):
    """A question a Council member's delegation asked at a meeting, answered there or in writing later."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    # Empty: not attributed ("A Council member asked ..."), as summaries often report questions. PROTECT: a state
    # named as having asked stays on record (its name is part of what the meeting's record says).
    delegation = models.ForeignKey(
        "countries.MemberState",
        verbose_name=_("delegation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ieg_questions",
        help_text=_("Leave empty when the question is not attributed to a delegation."),
    )
    text = models.TextField(_("question"))
    answered_at_meeting = models.BooleanField(_("answered at the meeting"), default=False)
    answer_due = models.DateField(
        _("written answer due"),
        null=True,
        blank=True,
        help_text=_("Leave empty when no written answer is owed."),
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("written answer received on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CouncilQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("question from a Council member")
        verbose_name_plural = _("questions from Council members")
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="recommendations_councilquestion_text_not_blank"),
            models.CheckConstraint(
                condition=~models.Q(answered_at_meeting=True, answer_due__isnull=False),
                name="recommendations_councilquestion_due_only_if_written",
            ),
            models.CheckConstraint(
                condition=models.Q(answered_on__isnull=True) | ~models.Q(answer=""),
                name="recommendations_councilquestion_received_has_answer",
            ),
        ]
        indexes = [
            # Serves the written-answer reminders: questions whose answer is due by a date and not yet received.
            models.Index(fields=["answer_due"], name="recs_question_answer_due"),
        ]

    def __str__(self) -> str:
        return f"{self.asked_by}: {self.text[:60]}"

    @property
    def asked_by(self) -> str:
        """The delegation's name, or "A Council member" when the question is not attributed."""
        return str(self.delegation) if self.delegation_id else str(_("A Council member"))

    @property
    def awaits_written_answer(self) -> bool:
        return self.answer_due is not None and self.answered_on is None


class Goal(VersionedModel):
    """A concrete goal the UN leadership named at a meeting and committed to report back on later."""

    Status = GoalStatus

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="goals")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("goal"))
    entity = models.CharField(_("UN entity"), max_length=120, help_text=_("Who committed, e.g. UNMISS"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.COMMITTED)
    reported_at = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("reported at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goals_reported",
        help_text=_("The later meeting where the UN leadership reported on this goal."),
    )

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("concrete goal")
        verbose_name_plural = _("concrete goals")
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="recommendations_goal_text_not_blank"),
            models.CheckConstraint(
                condition=~models.Q(reported_at=models.F("meeting")), name="recommendations_goal_reported_later"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entity}: {self.text[:60]}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_GOAL_STATUSES


class FollowUpReview(VersionedModel):
    """What a follow-up meeting found about one open item of the meeting it follows up.

    The item is exactly one of a recommendation, a question owed a written answer, or a concrete goal.
    """

    class Outcome(models.TextChoices):
        PROGRESS = "progress", _("Progress reported")
        NO_PROGRESS = "no_progress", _("No progress")
        RESOLVED = "resolved", _("Resolved")
        CARRIED_FORWARD = "carried_forward", _("Carried forward to the next follow-up")
        DROPPED = "dropped", _("No longer relevant")

    follow_up = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("follow-up meeting"),
        on_delete=models.PROTECT,
        related_name="follow_up_reviews",
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews"
    )
    question = models.ForeignKey(
        CouncilQuestion, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews"
    )
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    reviewed_at = models.DateTimeField(_("when"))

    class Meta:
        ordering = ["follow_up", "reviewed_at", "pk"]
        verbose_name = _("follow-up review")
        verbose_name_plural = _("follow-up reviews")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(recommendation__isnull=False, question__isnull=True, goal__isnull=True)
                    | models.Q(recommendation__isnull=True, question__isnull=False, goal__isnull=True)
                    | models.Q(recommendation__isnull=True, question__isnull=True, goal__isnull=False)
                ),
                name="recommendations_followupreview_one_item",
            ),
            models.UniqueConstraint(
                fields=["follow_up", "recommendation"],
                condition=models.Q(recommendation__isnull=False),
                name="recommendations_followupreview_unique_recommendation",
            ),
            models.UniqueConstraint(
                fields=["follow_up", "question"],
                condition=models.Q(question__isnull=False),
                name="recommendations_followupreview_unique_question",
            ),
            models.UniqueConstraint(
                fields=["follow_up", "goal"],
                condition=models.Q(goal__isnull=False),
                name="recommendations_followupreview_unique_goal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.item}"

    @property
    def item(self):
        return self.recommendation or self.question or self.goal

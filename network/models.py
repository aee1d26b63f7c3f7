"""The WPS Focal Points Network: its members and their focal points, membership requests, partners, chairs, and
the troika's meetings with the secretariat.

Who is in the troika is never stored: it follows from the chairs (network.troika). A focal point is a person
with dates, so that a change of person keeps the past; a member with no current focal point is flagged.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from approvals.models import StateApproval
from core.models import TimestampedVersionedModel, VersionedModel
from countries.choices import Region

from .choices import (
    GENERATIONS,
    ActionReminded,
    ActionStatus,
    DocumentKind,
    DocumentStatus,
    MeetingKind,
    MeetingStatus,
    MemberKind,
    NewsletterStatus,
    PartnerKind,
    PlanStatus,
    RequestStatus,
    SpeakerPart,
    StepState,
    UpdateKind,
    UpdateStatus,
    Visibility,
)
from .steps import RULES as STEP_RULES
from .steps import RULES_BY_KEY


class MemberQuerySet(models.QuerySet):
    def current(self, day: datetime.date):
        return self.filter(Q(left_on__isnull=True) | Q(left_on__gt=day))


class Member(VersionedModel):
    """A Member State or a regional organization that belongs to the Network."""

    kind = models.CharField(_("kind"), max_length=10, choices=MemberKind.choices, default=MemberKind.STATE)
    member_state = models.OneToOneField(
        "countries.MemberState",
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_member",
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        unique=True,
        help_text=_("As the Network's documents list it: “Spain”, “Economic Community of West African States”."),
    )
    acronym = models.CharField(_("acronym"), max_length=20, blank=True, help_text=_("“ECOWAS”, “OSCE”."))
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    joined_note = models.CharField(
        _("how we know"),
        max_length=200,
        blank=True,
        help_text=_("Where the date comes from, or, without a date: “Listed in the Technical Operative Guidelines”."),
    )
    left_on = models.DateField(_("left on"), null=True, blank=True)
    region = models.CharField(
        _("region"),
        max_length=20,
        choices=Region.choices,
        blank=True,
        help_text=_("Where a Member State is, for the action-plan observatory. Empty for a regional organization."),
    )

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Network member")
        verbose_name_plural = _("Network members")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="state") & Q(member_state__isnull=False))
                | (Q(kind="regional") & Q(member_state__isnull=True)),
                name="network_member_state_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:member", args=[self.pk])

    def clean(self):
        if self.kind == MemberKind.STATE and self.member_state_id is None:
            raise ValidationError({"member_state": _("Choose the Member State.")})
        if self.kind == MemberKind.REGIONAL and self.member_state_id is not None:
            raise ValidationError({"member_state": _("A regional organization is not a Member State: leave it empty.")})
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("A member leaves after it joined.")})


class FocalPointQuerySet(models.QuerySet):
    def current(self, day: datetime.date):
        return self.filter(Q(start_date__lte=day) | Q(start_date__isnull=True)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )


class FocalPoint(VersionedModel):
    """A person a member names to the Network, from a date until a date (empty: still in post)."""

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="focal_points")
    name = models.CharField(_("name"), max_length=160)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("“Director General for …”."))
    office = models.CharField(_("ministry or office"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    languages = models.CharField(
        _("languages"), max_length=100, blank=True, help_text=_("The languages they work in: “English, Spanish”.")
    )
    start_date = models.DateField(_("focal point from"), null=True, blank=True)
    end_date = models.DateField(_("focal point until"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sign-in account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="focal_point_posts",
        help_text=_("The account this person signs in with, to read the Network's space and send updates."),
    )

    objects = FocalPointQuerySet.as_manager()

    class Meta:
        ordering = ["member__name", "-start_date", "name"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        indexes = [models.Index(fields=["member", "end_date"], name="network_fp_member_end")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end comes after the start.")})

    def is_current(self, day: datetime.date) -> bool:
        return (self.start_date is None or self.start_date <= day) and (self.end_date is None or self.end_date >= day)


class MembershipRequest(TimestampedVersionedModel):
    """A state or an organization asking to join; the secretariat decides, and an accepted one becomes a member."""

    kind = models.CharField(_("kind"), max_length=10, choices=MemberKind.choices, default=MemberKind.STATE)
    member_state = models.ForeignKey(
        "countries.MemberState",
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_requests",
    )
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    received_on = models.DateField(_("received on"))
    contact_name = models.CharField(_("proposed focal point"), max_length=160, blank=True)
    contact_title = models.CharField(_("their title"), max_length=200, blank=True)
    contact_office = models.CharField(_("their ministry or office"), max_length=200, blank=True)
    contact_email = models.EmailField(_("their email"), blank=True)
    message = models.TextField(_("the request"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("why declined"), max_length=300, blank=True)
    member = models.OneToOneField(
        Member, verbose_name=_("member"), on_delete=models.SET_NULL, null=True, blank=True, related_name="request"
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")

    def __str__(self) -> str:
        return self.applicant

    @property
    def applicant(self) -> str:
        if self.kind == MemberKind.STATE and self.member_state_id:
            return self.member_state.name
        return self.organization

    def clean(self):
        if self.kind == MemberKind.STATE and self.member_state_id is None:
            raise ValidationError({"member_state": _("Choose the Member State asking to join.")})
        if self.kind == MemberKind.REGIONAL and not self.organization.strip():
            raise ValidationError({"organization": _("Give the organization's name.")})


class Partner(VersionedModel):
    """Civil society and local organizations: partners the Network invites to its meetings."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.CIVIL_SOCIETY)
    contact_name = models.CharField(_("contact"), max_length=160, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class Chair(VersionedModel):
    """A member chairing the Network in a year (one or more members a year)."""

    year = models.PositiveSmallIntegerField(_("year"))
    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="chairs")

    class Meta:
        ordering = ["year", "member__name"]
        verbose_name = _("chair")
        verbose_name_plural = _("chairs")
        constraints = [models.UniqueConstraint(fields=["year", "member"], name="network_chair_once_a_year")]

    def __str__(self) -> str:
        return f"{self.member} ({self.year})"


class TroikaMeeting(TimestampedVersionedModel):
    """The troika meeting the secretariat, and what it decided: the timelines it set (see TroikaAction)."""

    date = models.DateField(_("date"))
    place = models.CharField(_("where"), max_length=200, blank=True, help_text=_("“New York”, “videoconference”."))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("troika meeting")
        verbose_name_plural = _("troika meetings")

    def __str__(self) -> str:
        return f"Troika meeting, {self.date:%d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("network:troika_meeting", args=[self.pk])


class TroikaAction(VersionedModel):
    """One line of a timeline the troika set: what, by when, and who does it."""

    meeting = models.ForeignKey(
        TroikaMeeting, verbose_name=_("troika meeting"), on_delete=models.CASCADE, related_name="actions"
    )
    what = models.CharField(_("what"), max_length=300)
    due = models.DateField(_("by"), null=True, blank=True)
    owner = models.CharField(_("who"), max_length=160, blank=True, help_text=_("“The secretariat”, “Germany”."))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("troika action")
        verbose_name_plural = _("troika actions")

    def __str__(self) -> str:
        return self.what


class ActionPlan(VersionedModel):
    """A member's national (or, for an organization, regional) action plan on women, peace and security."""

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="action_plans")
    generation = models.PositiveSmallIntegerField(
        _("generation"), default=1, help_text=_("1 for its first plan, 2 for its second, and so on.")
    )
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.ADOPTED)
    adopted_year = models.PositiveSmallIntegerField(_("adopted in"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("period from"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("period until"), null=True, blank=True)
    link = models.URLField(_("link"), blank=True)
    notes = models.CharField(_("what was reported"), max_length=300, blank=True)

    class Meta:
        ordering = ["member__name", "generation"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(fields=["member", "generation"], name="network_plan_generation_once"),
            models.CheckConstraint(condition=Q(generation__gte=1), name="network_plan_generation_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.generation_words} plan"

    @property
    def generation_words(self) -> str:
        return str(GENERATIONS.get(self.generation, self.generation))

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends after it starts.")})

    def in_force(self, year: int) -> bool:
        """Adopted by ``year`` and not past its period (a plan in development or of unknown year: no)."""
        if self.status == PlanStatus.IN_DEVELOPMENT or self.adopted_year is None or self.adopted_year > year:
            return False
        return self.period_end is None or self.period_end >= year


class NetworkMeeting(TimestampedVersionedModel):
    """A meeting of the Network: the annual one hosted by the chair, a follow-up in New York, or another."""

    kind = models.CharField(_("kind"), max_length=10, choices=MeetingKind.choices, default=MeetingKind.ANNUAL)
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("“Second meeting of the Women, Peace and Security Focal Points Network”."),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"), null=True, blank=True, help_text=_("Empty for a one-day meeting."))
    city = models.CharField(_("city"), max_length=120, blank=True, help_text=_("“Alicante, Spain”, “New York”."))
    host = models.ForeignKey(
        Member,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        help_text=_("The member hosting it (the chair, for the annual meeting)."),
    )
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    margins_of = models.CharField(
        _("on the margins of"),
        max_length=200,
        blank=True,
        help_text=_("“the general debate of the seventy-second session of the General Assembly”."),
    )
    status = models.CharField(_("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    attendance = models.CharField(
        _("attendance"),
        max_length=300,
        blank=True,
        help_text=_("As the summary gives it: “over 100 people, including focal points from all regions”."),
    )

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("Network meeting")
        verbose_name_plural = _("Network meetings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:meeting", args=[self.pk])

    def clean(self):
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day comes on or after the first.")})

    @property
    def in_new_york(self) -> bool:
        return self.kind == MeetingKind.NEW_YORK

    @property
    def subject(self) -> str:
        """What a reminder's subject line names the meeting by (as the IEG's meetings name their country)."""
        return self.title


class NetworkStep(VersionedModel):
    """One step of a Network meeting's preparation timeline, dated from the meeting by network.steps."""

    meeting = models.ForeignKey(
        NetworkMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="steps"
    )
    key = models.CharField(_("step"), max_length=40, choices=[(rule.key, rule.label) for rule in STEP_RULES])
    due = models.DateField(_("due"))
    state = models.CharField(_("state"), max_length=12, choices=StepState.choices, default=StepState.OPEN)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("Network meeting step")
        verbose_name_plural = _("Network meeting steps")
        constraints = [models.UniqueConstraint(fields=["meeting", "key"], name="network_step_once_a_meeting")]
        indexes = [models.Index(fields=["state", "due"], name="network_step_open_due")]

    def __str__(self) -> str:
        return self.get_key_display()

    @property
    def responsible(self) -> str:
        return RULES_BY_KEY[self.key].responsible

    def get_absolute_url(self) -> str:
        return reverse("network:meeting", args=[self.meeting_id]) + f"#step-{self.pk}"

    def get_responsible_display(self) -> str:
        return _("The chair") if self.responsible == "chair" else _("The Network's secretariat")


class ActionPointGroup(VersionedModel):
    """A lettered heading of a meeting's key action points: “(a) Implementation of ... commitments”."""

    meeting = models.ForeignKey(
        NetworkMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_groups"
    )
    heading = models.CharField(_("heading"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("group of action points")
        verbose_name_plural = _("groups of action points")

    def __str__(self) -> str:
        return self.heading


class ActionPoint(VersionedModel):
    """A key action point: numbered (i), (ii) ... in its group, with owners, an optional deadline, a status and
    notes on progress, followed up to the next meeting."""

    group = models.ForeignKey(
        ActionPointGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="points"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("action point"))
    owners = models.CharField(
        _("owners"), max_length=200, blank=True, help_text=_("As the summary says: “Secretariat and focal points”.")
    )
    deadline_text = models.CharField(
        _("deadline as written"), max_length=100, blank=True, help_text=_("“by the end of 2017”.")
    )
    due = models.DateField(_("due"), null=True, blank=True, help_text=_("The deadline as a date, for follow-up."))
    status = models.CharField(_("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    progress = models.TextField(_("progress"), blank=True)
    reminded = models.CharField(
        _("reminders go to"),
        max_length=12,
        choices=ActionReminded.choices,
        default=ActionReminded.SECRETARIAT,
        help_text=_("Reminders are sent from five business days before the due date while the point is open."),
    )
    owner_member = models.ForeignKey(
        Member,
        verbose_name=_("named member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_action_points",
        help_text=_("When reminders go to a named member's focal points."),
    )

    class Meta:
        ordering = ["group__order", "group_id", "order", "pk"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        indexes = [models.Index(fields=["status", "due"], name="network_action_status_due")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def meeting(self) -> NetworkMeeting:
        return self.group.meeting

    def get_absolute_url(self) -> str:
        return reverse("network:meeting", args=[self.group.meeting_id]) + f"#point-{self.pk}"

    def clean(self):
        if self.reminded == ActionReminded.MEMBER and self.owner_member_id is None:
            raise ValidationError({"owner_member": _("Name the member whose focal points are reminded.")})


class NetworkDocument(TimestampedVersionedModel):
    """A document the troika transmits to the Secretary-General, issued as a joint General Assembly and Security
    Council document: the chair's summary of a meeting (with its key action points), or another (guidelines).

    What it prints is built by network.summary as a ``documents.council.CouncilDocument`` and printed by the one
    renderer (documents.pdf): the troika's letter, one signature block per troika state, the annex.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.CHAIRS_SUMMARY)
    meeting = models.ForeignKey(
        NetworkMeeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    year = models.PositiveSmallIntegerField(
        _("troika of"), help_text=_("The year whose troika sends it (the meeting's year for a chair's summary).")
    )
    title = models.CharField(
        _("annex title"),
        max_length=300,
        help_text=_("“Chair's summary of the second meeting of the Women, Peace and Security ... Network”."),
    )
    subtitle = models.TextField(
        _("lines under the title"),
        blank=True,
        help_text=_("One per line: the theme, then the place and date (“New York, 21 September 2017”)."),
    )
    lead = models.ForeignKey(
        Member,
        verbose_name=_("transmitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The troika state the letter names first; empty: that year's chair."),
    )
    letter_date = models.DateField(_("letter dated"), null=True, blank=True)
    letter_body = models.TextField(
        _("letter"),
        blank=True,
        help_text=_("Empty: the standard transmittal, which names the chair first, then the other troika states."),
    )
    ga_session = models.PositiveSmallIntegerField(_("General Assembly session"), help_text=_("72 for 2017-2018."))
    agenda_item = models.PositiveSmallIntegerField(_("agenda item"))
    agenda_item_title = models.CharField(
        _("agenda item title"), max_length=200, help_text=_("“Peacebuilding and sustaining peace”.")
    )
    action_points_lead_in = models.CharField(
        _("lead-in to the key action points"),
        max_length=300,
        blank=True,
        help_text=_("“The following key action points were agreed upon at the second meeting of the Network:”."),
    )
    status = models.CharField(_("status"), max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT)
    symbol = models.CharField(
        _("symbols"),
        max_length=60,
        blank=True,
        validators=[
            RegexValidator(
                r"^A/\d{2}/\d{1,4}-S/\d{4}/\d{1,4}$",
                _("Enter the pair of symbols like A/72/565-S/2017/904."),
                code="invalid_symbol",
            )
        ],
    )
    issue_date = models.DateField(_("issued on"), null=True, blank=True)
    job_number = models.CharField(_("job number"), max_length=30, blank=True, help_text=_("“17-19381 (E)”."))
    issued_pdf = models.FileField(_("issued PDF"), upload_to="network/%Y/", blank=True, editable=False)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("Network document")
        verbose_name_plural = _("Network documents")
        constraints = [
            models.UniqueConstraint(fields=["symbol"], condition=~Q(symbol=""), name="network_document_symbol_once"),
            models.CheckConstraint(
                condition=~Q(status="issued") | (~Q(symbol="") & Q(issue_date__isnull=False)),
                name="network_document_issued_has_symbol",
            ),
        ]
        indexes = [models.Index(fields=["status", "issue_date"], name="network_document_status")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:document", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status == DocumentStatus.ISSUED

    @property
    def subtitle_lines(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.subtitle.splitlines() if line.strip())


class NetworkDocumentSection(VersionedModel):
    """A section of a Network document's annex: an optional heading and its text (sanitized rich text, with
    footnotes where the secretariat put them)."""

    document = models.ForeignKey(
        NetworkDocument, verbose_name=_("document"), on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    heading = models.CharField(_("heading"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["document", "order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.heading or str(_("(untitled section)"))


class NetworkDocumentApproval(StateApproval):
    """One troika state's approval of a Network document's text, before it is sent for issuance."""

    document = models.ForeignKey(
        NetworkDocument, verbose_name=_("document"), on_delete=models.CASCADE, related_name="approvals"
    )

    history = HistoricalRecords()

    history_label_related = ("member_state", "document")

    class Meta(StateApproval.Meta):
        ordering = ["document", "member_state__name", "-approved_at"]
        verbose_name = _("troika approval")
        verbose_name_plural = _("troika approvals")
        constraints = [
            *StateApproval.Meta.constraints,
            models.UniqueConstraint(
                fields=["document", "member_state"],
                condition=models.Q(reset_at__isnull=True),
                name="network_documentapproval_one_current_per_state",
            ),
        ]
        indexes = [models.Index(fields=["document", "reset_at"], name="network_docapproval_reset")]

    def __str__(self) -> str:
        return f"{self.member_state} · {self.document}"


class NetworkUpdate(TimestampedVersionedModel):
    """What a member tells the Network for its newsletter: a plan launched, an event, a good practice, a
    knowledge product. Submitted by its focal point (or entered by the secretariat), accepted or not."""

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(_("kind"), max_length=20, choices=UpdateKind.choices, default=UpdateKind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("what to tell the Network"))
    link = models.URLField(_("link"), blank=True)
    event_date = models.DateField(_("date of the event"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=UpdateStatus.choices, default=UpdateStatus.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("member's update")
        verbose_name_plural = _("members' updates")
        indexes = [models.Index(fields=["status", "created_at"], name="network_update_status")]

    def __str__(self) -> str:
        return f"{self.member}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("network:updates") + f"#update-{self.pk}"


class Newsletter(TimestampedVersionedModel):
    """An issue of the Network's newsletter: compiled from accepted updates, upcoming events, new members and
    action-point progress (network.newsletter); approved by the troika; sent to every focal point in post
    through the outbox; kept in the archive, public or for members only."""

    number = models.PositiveIntegerField(_("number"), unique=True)
    year = models.PositiveSmallIntegerField(_("troika of"), help_text=_("The year whose troika approves it."))
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    since = models.DateField(_("news since"), help_text=_("New members and progress from this day on."))
    updates = models.ManyToManyField(NetworkUpdate, verbose_name=_("members' updates"), blank=True, related_name="+")
    visibility = models.CharField(
        _("who may read it"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    status = models.CharField(
        _("status"), max_length=12, choices=NewsletterStatus.choices, default=NewsletterStatus.DRAFT
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    recipients = models.PositiveIntegerField(_("sent to"), default=0)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_on__isnull=False), name="network_newsletter_sent_has_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (No. {self.number})"

    def get_absolute_url(self) -> str:
        return reverse("network:newsletter", args=[self.pk])

    @property
    def is_sent(self) -> bool:
        return self.status == NewsletterStatus.SENT


class NewsletterApproval(StateApproval):
    """One troika state's approval of a newsletter issue as compiled, before it is sent."""

    newsletter = models.ForeignKey(
        Newsletter, verbose_name=_("newsletter"), on_delete=models.CASCADE, related_name="approvals"
    )

    history = HistoricalRecords()

    history_label_related = ("member_state", "newsletter")

    class Meta(StateApproval.Meta):
        ordering = ["newsletter", "member_state__name", "-approved_at"]
        verbose_name = _("newsletter approval")
        verbose_name_plural = _("newsletter approvals")
        constraints = [
            *StateApproval.Meta.constraints,
            models.UniqueConstraint(
                fields=["newsletter", "member_state"],
                condition=models.Q(reset_at__isnull=True),
                name="network_newsletterapproval_one_current_per_state",
            ),
        ]
        indexes = [models.Index(fields=["newsletter", "reset_at"], name="network_nlapproval_reset")]

    def __str__(self) -> str:
        return f"{self.member_state} · {self.newsletter}"


class MeetingSpeaker(VersionedModel):
    """Who spoke at a Network meeting, and where: the opening plenary, a panel (its moderator marked), the close."""

    meeting = models.ForeignKey(
        NetworkMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="speakers"
    )
    part = models.CharField(_("part"), max_length=10, choices=SpeakerPart.choices, default=SpeakerPart.PANEL)
    name = models.CharField(_("name"), max_length=160)
    function = models.CharField(
        _("function"), max_length=300, blank=True, help_text=_("“Office of Military Affairs, Department of ...”.")
    )
    moderator = models.BooleanField(_("moderated the panel"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "part", "order", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


class MeetingStatement(VersionedModel):
    """A statement delivered at a Network meeting: by a member (a Member State or a regional organization), by a
    partner (civil society), or by another speaker named as the summary names them."""

    meeting = models.ForeignKey(
        NetworkMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="statements"
    )
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    other = models.CharField(_("or another speaker"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return str(self.member or self.partner or self.other)

    def clean(self):
        given = [bool(self.member_id), bool(self.partner_id), bool(self.other.strip())]
        if sum(given) != 1:
            raise ValidationError(_("Name who delivered it: one member, one partner, or another speaker."))

    @property
    def by(self) -> str:
        """state, regional or civil_society: how the summary groups statements."""
        if self.member_id:
            return "regional" if self.member.kind == "regional" else "state"
        return "civil_society"

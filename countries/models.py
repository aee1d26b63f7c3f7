"""Reference data: member states, their representatives, Council seats, situations and missions."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import VersionedModel

from .choices import ConflictPhase, Region, UNPresence
from .querysets import (
    CouncilMembershipQuerySet,
    MissionQuerySet,
    PermanentRepresentativeQuerySet,
)


class MemberState(VersionedModel):
    """A Member State of the United Nations (a delegation users can belong to)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    short_name = models.CharField(
        _("name in a sentence"),
        max_length=120,
        blank=True,
        help_text=_(
            "How documents name the state inside a sentence, with its article: “the United Kingdom”. Empty: the name."
        ),
    )
    formal_name = models.CharField(
        _("formal name"),
        max_length=200,
        blank=True,
        help_text=_(
            "As in the title of a Council document: “the United Kingdom of Great Britain and Northern "
            "Ireland”. Empty: the name in a sentence."
        ),
    )
    iso3 = models.CharField(_("ISO code"), max_length=3, unique=True, help_text=_("ISO 3166-1 alpha-3, e.g. GBR."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("member state")
        verbose_name_plural = _("member states")

    def __str__(self) -> str:
        return self.name

    @property
    def in_text(self) -> str:
        """The state inside a sentence of a document: “the United Kingdom”, “Spain”."""
        return self.short_name or self.name

    @property
    def formal(self) -> str:
        """The state in a document's title: “the United Kingdom of Great Britain and Northern Ireland”."""
        return self.formal_name or self.in_text


class PermanentRepresentative(VersionedModel):
    """Who represented a member state at the UN, and with which title, over a span of dates."""

    member_state = models.ForeignKey(MemberState, on_delete=models.CASCADE, related_name="representatives")
    given_names = models.CharField(_("given names"), max_length=120, blank=True, help_text=_("“Geraldine”."))
    surname = models.CharField(
        _("surname"), max_length=120, help_text=_("“Byrne Nason”: printed in bold in signature blocks.")
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        default="Permanent Representative",
        help_text=_("As signed: Permanent Representative, Chargé d'affaires a.i., Deputy Permanent Representative."),
    )
    ambassador = models.BooleanField(
        _("ambassador"), default=True, help_text=_("Prints the line “Ambassador” under the signature.")
    )
    start_date = models.DateField(_("in office from"))
    end_date = models.DateField(_("in office until"), null=True, blank=True)

    objects = PermanentRepresentativeQuerySet.as_manager()

    class Meta:
        ordering = ["member_state__name", "-start_date"]
        verbose_name = _("permanent representative")
        verbose_name_plural = _("permanent representatives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="countries_permanentrepresentative_dates_ordered",
            ),
            # "Ambassador" is the rank line (``ambassador``), never the office signed under.
            models.CheckConstraint(
                condition=~models.Q(title__icontains="ambassador"),
                name="countries_permanentrepresentative_title_not_ambassador",
            ),
        ]
        # Serves PermanentRepresentativeQuerySet.as_of(): the representative of a state on a date.
        indexes = [models.Index(fields=["member_state", "start_date"], name="countries_pr_state_start")]

    def __str__(self) -> str:
        return f"{self.name} ({self.member_state})"

    @property
    def name(self) -> str:
        """Given names and surname, as signed: “Geraldine Byrne Nason”."""
        return " ".join(part for part in (self.given_names, self.surname) if part)

    @name.setter
    def name(self, value: str) -> None:
        """A whole name, split at its last space: right for “Matthew Rycroft”, not for “Geraldine Byrne Nason”
        (set ``given_names`` and ``surname`` for those)."""
        given, _space, surname = " ".join(value.split()).rpartition(" ")
        self.given_names, self.surname = given, surname


class CouncilMembership(models.Model):
    """A member state's seat on the Security Council for one calendar year."""

    member_state = models.ForeignKey(MemberState, on_delete=models.CASCADE, related_name="council_seats")
    year = models.PositiveSmallIntegerField(_("year"))
    permanent = models.BooleanField(_("permanent member"), default=False)

    objects = CouncilMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "member_state__name"]
        verbose_name = _("Council membership")
        verbose_name_plural = _("Council memberships")
        constraints = [
            models.UniqueConstraint(fields=["member_state", "year"], name="countries_councilmembership_unique_year")
        ]
        # Serves "is this state on the Council in year Y" (permission checks) and the members of a year.
        indexes = [models.Index(fields=["year", "member_state"], name="countries_cm_year_state")]

    def __str__(self) -> str:
        return f"{self.member_state} ({self.year})"


class Situation(models.Model):
    """A country or situation on the Council's agenda that the IEG can discuss."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    conflict_phase = models.CharField(_("conflict phase"), max_length=20, choices=ConflictPhase.choices)
    un_presence = models.CharField(_("UN presence"), max_length=10, choices=UNPresence.choices)
    host_state = models.ForeignKey(
        MemberState,
        verbose_name=_("host government"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="situations",
        help_text=_("The member state whose permanent mission is informed before and after meetings."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("situation")
        verbose_name_plural = _("situations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("countries:situation", args=[self.pk])


class Mission(VersionedModel):
    """A UN peace operation or special political mission with a Council mandate that expires."""

    class Kind(models.TextChoices):
        PEACEKEEPING = "pko", _("Peacekeeping operation")
        POLITICAL = "spm", _("Special political mission")

    acronym = models.CharField(_("acronym"), max_length=60, unique=True)
    name = models.CharField(_("full name"), max_length=200, blank=True)
    situation = models.ForeignKey(Situation, on_delete=models.PROTECT, related_name="missions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    mandate_expiry = models.DateField(_("mandate expires"), null=True, blank=True)
    renewal_note = models.CharField(_("renewal pattern"), max_length=200, blank=True)
    active = models.BooleanField(_("active"), default=True)

    objects = MissionQuerySet.as_manager()

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        # Serves MissionQuerySet.expiring_between(): the renewal calendar.
        indexes = [models.Index(fields=["mandate_expiry"], name="countries_mission_expiry")]

    def __str__(self) -> str:
        return self.acronym

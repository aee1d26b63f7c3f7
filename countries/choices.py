"""Values other apps read: the reference data's kinds (regions, conflict phases, UN presence), defined once
for countries' models, and the titles representatives sign under."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# The office a representative signs under, as printed below the name ("Permanent Representative of Spain to the
# United Nations"). "Ambassador" is a rank, printed on its own line (PermanentRepresentative.ambassador), never a
# title. Suggestions only: the form accepts any title as signed.
SIGNING_TITLES = (
    "Permanent Representative",
    "Chargé d'affaires a.i.",
    "Deputy Permanent Representative",
    "Acting Permanent Representative",
)


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    EUROPE = "europe", _("Europe")
    MIDDLE_EAST = "middle_east", _("Middle East")


class ConflictPhase(models.TextChoices):
    """The Guidelines' diversity criterion: where a situation stands."""

    AT_RISK = "at_risk", _("At risk")
    ACTIVE = "active", _("Active conflict")
    TRANSITION = "transition", _("Transition and recovery")


class UNPresence(models.TextChoices):
    PEACEKEEPING = "pko", _("Peacekeeping operation")
    POLITICAL = "spm", _("Special political mission")
    COUNTRY_TEAM = "unct", _("Country team only")

"""The Network's preparation timeline: its own steps, dated by the shared deadline engine (meetings.deadlines).

The offsets are the secretariat's working practice (documented in the README), in business days from the
meeting's first day. A meeting in New York counts UN Headquarters business days (its holidays); a meeting
elsewhere, hosted by the chair, counts weekdays only.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from meetings.deadlines import Phase, StepRule


class Responsible(StrEnum):
    CHAIR = "chair"
    SECRETARIAT = "secretariat"


RULES: tuple[StepRule, ...] = (
    StepRule(
        "concept_note",
        _("Concept note agreed with the troika"),
        Responsible.SECRETARIAT,
        Phase.PREPARATION,
        business_days=-40,
    ),
    StepRule(
        "invitations",
        _("Invitations sent to focal points and partners"),
        Responsible.CHAIR,
        Phase.PREPARATION,
        business_days=-30,
    ),
    StepRule("speakers", _("Speakers and panels confirmed"), Responsible.CHAIR, Phase.PREPARATION, business_days=-10),
    StepRule("registration", _("Registration closed"), Responsible.SECRETARIAT, Phase.PREPARATION, business_days=-7),
    StepRule(
        "logistics",
        _("Logistics confirmed (venue, interpretation, accreditation)"),
        Responsible.SECRETARIAT,
        Phase.PREPARATION,
        business_days=-3,
    ),
    StepRule("summary", _("Chair's summary drafted"), Responsible.SECRETARIAT, Phase.FOLLOW_UP, business_days=15),
    StepRule(
        "issuance",
        _("Chair's summary transmitted for issuance as a General Assembly and Security Council document"),
        Responsible.CHAIR,
        Phase.FOLLOW_UP,
        business_days=30,
    ),
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}

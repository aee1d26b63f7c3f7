"""Who approves for the troika: the one rule, shared by the chair's summary and the newsletter.

The states of the year's troika (derived from the chairs) approve; a focal point in post of a troika member
approves for its state in the app; the Network's secretariat records an approval a state sent by email.
The approval rows, their fingerprints and resets are the shared engine's (approvals.services).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from accounts.permissions import focal_point_member_ids, is_network_secretariat
from approvals.services import ApprovalError

from .services import troika_of
from .troika import Troika


def signing_states(troika: Troika) -> list:
    """The troika's member states, in name order, each once (a regional organization does not sign)."""
    states = {member.member_state_id: member.member_state for member in troika.members if member.member_state_id}
    return sorted(states.values(), key=lambda state: state.name)


def approving_states(year: int) -> list:
    """The states that sign, and so approve, what the troika of ``year`` sends."""
    return signing_states(troika_of(year))


def acting_state(year: int, user, *, on_behalf_of=None):
    """The troika state ``user`` approves for: their own, or (the secretariat recording) ``on_behalf_of``."""
    states = {state.pk: state for state in approving_states(year)}
    if on_behalf_of is not None:
        if not is_network_secretariat(user):
            raise ApprovalError(_("Only the Network's secretariat records an approval on a state's behalf."))
        if on_behalf_of.pk not in states:
            raise ApprovalError(
                _("%(state)s is not in the troika of %(year)s.") % {"state": on_behalf_of, "year": year}
            )
        return on_behalf_of
    members = focal_point_member_ids(user)
    for member in troika_of(year).members:
        if member.pk in members and member.member_state_id in states:
            return states[member.member_state_id]
    raise ApprovalError(_("Only a focal point of a troika state of %(year)s approves this.") % {"year": year})

"""How a page and the history credit an act: the person, or the state a co-chair's act was recorded for."""

from __future__ import annotations

import datetime

from django.utils import formats
from django.utils.translation import gettext as _


def credit(*, actor, on_behalf_of, received_on: datetime.date | None, recorded_by) -> str:
    """ "Ireland (received by email on 3 May 2021, recorded by J. Smith)", or the actor as written.

    A user acting for their own delegation reads "Mette Larsen (Denmark)".
    """
    if on_behalf_of is None:
        if actor is None:
            return ""
        delegation = getattr(actor, "delegation", None) if getattr(actor, "delegation_id", None) else None
        return f"{actor} ({delegation})" if delegation else str(actor)
    details = []
    if received_on:
        details.append(_("received by email on %(date)s") % {"date": formats.date_format(received_on)})
    if recorded_by:
        details.append(_("recorded by %(who)s") % {"who": recorded_by})
    return f"{on_behalf_of} ({', '.join(details)})" if details else str(on_behalf_of)

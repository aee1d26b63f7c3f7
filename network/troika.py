"""Who is in the Network's troika in a year: derived from the chairs, never typed.

The troika is the previous, the incumbent and the next chair (Technical Operative Guidelines, 2017). In the
Network's first chaired year there was no previous chair, and the troika was the chair with the next two: Spain
(2017) with Germany (2018) and Namibia (2019) sent the 2017 chair's summary together. A year whose next chair is
not known yet has an incomplete troika, and says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Seat:
    role: str  # "previous", "incumbent", "next", "after next"
    year: int
    members: tuple = ()

    @property
    def label(self) -> str:
        return {
            "previous": _("Previous chair"),
            "incumbent": _("Chair"),
            "next": _("Next chair"),
            "after next": _("Chair after next"),
        }[self.role]


@dataclass(frozen=True)
class Troika:
    year: int
    seats: tuple[Seat, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def members(self) -> list:
        return [member for seat in self.seats for member in seat.members]

    @property
    def complete(self) -> bool:
        return not self.warnings


def troika(year: int, chairs: Mapping[int, Sequence]) -> Troika:
    """The troika of ``year`` from ``chairs`` (year -> the members chairing that year)."""
    first = min((y for y, members in chairs.items() if members), default=None)
    founding = first is not None and first >= year  # no chair before this year: the next two join the chair
    roles = (
        [("incumbent", year), ("next", year + 1), ("after next", year + 2)]
        if founding
        else [
            ("previous", year - 1),
            ("incumbent", year),
            ("next", year + 1),
        ]
    )
    seats = tuple(Seat(role, y, tuple(chairs.get(y, ()))) for role, y in roles)
    warnings = []
    for seat in seats:
        if seat.members:
            continue
        if seat.role == "incumbent":
            warnings.append(_("No chair is recorded for %(year)s.") % {"year": seat.year})
        elif seat.role == "previous":
            warnings.append(_("No chair is recorded for %(year)s, the previous year.") % {"year": seat.year})
        else:
            warnings.append(
                _("The chair of %(year)s is not known yet: the troika is incomplete until a member is chosen.")
                % {"year": seat.year}
            )
    return Troika(year, seats, tuple(warnings))

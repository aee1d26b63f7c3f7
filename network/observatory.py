"""Where national and regional action plans stand: how many members have a plan in force, by year and region.

Plain Python over every plan (a few hundred rows at most). A plan counts in a year when it was adopted by then
and its period has not ended (ActionPlan.in_force); a member counts once a year, whatever its number of plans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from countries.choices import Region

REGIONAL = "regional"
COLUMNS = [*Region.choices, (REGIONAL, _("Regional organizations"))]


@dataclass(frozen=True)
class YearRow:
    year: int
    counts: tuple[int, ...]  # in COLUMNS order

    @property
    def total(self) -> int:
        return sum(self.counts)


def column_of(member) -> str:
    return member.region or REGIONAL


def by_year(plans: Iterable, years: range) -> list[YearRow]:
    """For each year, the members with a plan in force, per column (a member once)."""
    plans = list(plans)
    keys = [key for key, _label in COLUMNS]
    rows = []
    for year in years:
        members = {plan.member for plan in plans if plan.in_force(year)}
        counts = [0] * len(keys)
        for member in members:
            counts[keys.index(column_of(member))] += 1
        rows.append(YearRow(year, tuple(counts)))
    return rows


def bar_chart(rows: list[YearRow], *, width: int = 640, bar: int = 18, gap: int = 6) -> dict:
    """Geometry of a horizontal bar chart of the totals (drawn as SVG by the template, the table beside it)."""
    top = max((row.total for row in rows), default=0) or 1
    label_width, value_width = 48, 40
    scale = (width - label_width - value_width) / top
    bars = [
        {
            "year": row.year,
            "total": row.total,
            "y": index * (bar + gap),
            "width": round(row.total * scale, 1),
            "value_x": label_width + round(row.total * scale, 1) + 6,
        }
        for index, row in enumerate(rows)
    ]
    return {"bars": bars, "height": len(rows) * (bar + gap), "width": width, "bar": bar, "label_width": label_width}

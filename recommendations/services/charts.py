"""The uptake scorecard and its bar chart: pure arithmetic over (key, status, count) triples."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..choices import ACTED_STATUSES
from ..models import (
    Recommendation,
)


@dataclass
class ScoreRow:
    """Counts by status for one group (a country, a year, or both) and the share acted on.

    The share leaves withdrawn recommendations out: they were never put to the Council.
    """

    key: Hashable
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def acted(self) -> int:
        return sum(self.counts.get(status, 0) for status in ACTED_STATUSES)

    @property
    def considered(self) -> int:
        return self.total - self.counts.get(Recommendation.Status.WITHDRAWN, 0)

    @property
    def share(self) -> float | None:
        """Acted on (in part or fully) over all but withdrawn; None when there is nothing to divide by."""
        return self.acted / self.considered if self.considered else None

    @property
    def share_percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)

    def in_order(self) -> list[tuple[str, str, int]]:
        """(status, label, count) for every status, in the Status choices' order (zeros included)."""
        return [(status, str(label), self.counts.get(status, 0)) for status, label in Recommendation.Status.choices]


def scorecard(counts: Iterable[tuple[Hashable, str, int]]) -> list[ScoreRow]:
    """Group ``(key, status, count)`` triples into one ScoreRow per key, sorted by key."""
    grouped: dict[Hashable, dict[str, int]] = {}
    for key, status, n in counts:
        row = grouped.setdefault(key, {})
        row[status] = row.get(status, 0) + n
    return [ScoreRow(key, grouped[key]) for key in sorted(grouped, key=_sort_key)]


def _sort_key(key: Hashable):
    # Keys are years, country names or (country, year) pairs; None (no country) sorts last.
    parts = key if isinstance(key, tuple) else (key,)
    return tuple((part is None, part if part is not None else 0) for part in parts)


@dataclass(frozen=True)
class Scorecard:
    """The scorecard page's three tables (per year, per country or theme, per pair) and the total."""

    by_year: list[ScoreRow]
    by_country: list[ScoreRow]
    by_pair: list[ScoreRow]
    total: ScoreRow


def scorecard_label(key) -> str:
    """A year's or a country's label; thematic meetings (no country) are counted together."""
    return _("Thematic meetings") if key is None else str(key)


def scorecard_tables(counts: Iterable[dict]) -> Scorecard:
    """The three tables from ``status_counts()`` rows; each row gets ``label`` (pairs: ``country_label`` and
    ``year``), thematic meetings being counted together under one label, last."""
    counts = list(counts)

    def country(row):
        return row["meeting__situation__name"]  # None for thematic meetings: they sort last

    by_year = scorecard((r["meeting__agenda_year__year"], r["status"], r["n"]) for r in counts)
    by_country = scorecard((country(r), r["status"], r["n"]) for r in counts)
    by_pair = scorecard(((country(r), r["meeting__agenda_year__year"]), r["status"], r["n"]) for r in counts)
    for row in by_pair:
        row.country_label, row.year = scorecard_label(row.key[0]), row.key[1]
    for row in (*by_year, *by_country):
        row.label = scorecard_label(row.key)
    total = scorecard_total(by_year)
    total.country_label, total.year = str(total.key), None  # the pairs table's last row
    return Scorecard(by_year, by_country, by_pair, total)


def scorecard_total(rows: Iterable[ScoreRow]) -> ScoreRow:
    combined: dict[str, int] = {}
    for row in rows:
        for status, n in row.counts.items():
            combined[status] = combined.get(status, 0) + n
    return ScoreRow(_("All"), combined)


@dataclass(frozen=True)
class BarSegment:
    status: str
    label: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    total: int
    share_percent: int | None
    segments: tuple[BarSegment, ...]


@dataclass(frozen=True)
class Chart:
    """A 100 % stacked horizontal bar chart, laid out for a server-rendered SVG (no JavaScript)."""

    bars: tuple[Bar, ...]
    bar_width: float
    bar_height: float
    label_width: float
    gap: float

    @property
    def bars_x(self) -> float:
        return self.label_width

    @property
    def share_x(self) -> float:
        return self.label_width + self.bar_width + 8

    @property
    def width(self) -> float:
        return self.share_x + 110

    @property
    def height(self) -> float:
        return len(self.bars) * (self.bar_height + self.gap)

    @property
    def text_dy(self) -> float:
        return self.bar_height * 0.7


def bar_chart(
    rows: Iterable[ScoreRow],
    *,
    label=str,
    width: float = 480,
    bar_height: float = 22,
    gap: float = 10,
    label_width: float = 230,
) -> Chart:
    """One bar per row: its statuses left to right, each segment as wide as its share of the row's total."""
    bars = []
    for index, row in enumerate(rows):
        x = 0.0
        segments = []
        for status, status_label, n in row.in_order():
            if not n:
                continue
            w = width * n / row.total
            segments.append(BarSegment(status, status_label, n, round(x, 2), round(w, 2)))
            x += w
        text = label(row.key)
        text = text if len(text) <= 32 else text[:31] + "…"
        bars.append(Bar(text, index * (bar_height + gap), row.total, row.share_percent, tuple(segments)))
    return Chart(tuple(bars), width, bar_height, label_width, gap)

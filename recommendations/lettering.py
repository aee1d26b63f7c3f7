"""The letters of a meeting's recommendations: one function, read by the app's pages and by the documents.

A document prints a meeting's recommendations in groups (``RecommendationGroup``), each lettered (a), (b) ...
from (a) again, or as unlettered bullets. Recommendations in no group go to the first group; a meeting with
no group prints one lettered list. Withdrawn recommendations are never printed and take no letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Recommendation, RecommendationGroup


def letter_label(index: int) -> str:
    """(a), (b) … (z), then (aa), (bb): the lettering of Council documents."""
    letter = "abcdefghijklmnopqrstuvwxyz"[index % 26]
    return f"({letter * (index // 26 + 1)})"


@dataclass
class LabelledGroup:
    heading: str
    lead_in: str
    numbering: str
    group: RecommendationGroup | None
    items: list[tuple[str, Recommendation]] = field(default_factory=list)

    @property
    def lettered(self) -> bool:
        return self.numbering == RecommendationGroup.Numbering.LETTERED


def labelled_groups(meeting) -> list[LabelledGroup]:
    """The meeting's printed recommendations in their groups, each item with its label ("(a)", or "" for a
    bullet). The letters are those of the document, whoever reads: a page that may show a reader only some
    recommendations drops the others from these groups and keeps the letters as they are."""
    recommendations = [
        rec for rec in meeting.recommendations.order_by("order", "pk") if rec.status != Recommendation.Status.WITHDRAWN
    ]
    groups = [
        LabelledGroup(group.heading, group.lead_in, group.numbering, group)
        for group in RecommendationGroup.objects.filter(meeting=meeting).order_by("order", "pk")
    ]
    if not groups:
        groups = [LabelledGroup("", "", RecommendationGroup.Numbering.LETTERED, None)]
    by_pk = {g.group.pk: g for g in groups if g.group is not None}
    for rec in recommendations:
        by_pk.get(rec.group_id, groups[0]).items.append(rec)
    for group in groups:
        recs = group.items
        group.items = [(letter_label(i) if group.lettered else "", rec) for i, rec in enumerate(recs)]
    return groups

"""The letters of a meeting's recommendations: one function, read by the app's pages and by the documents.

A document prints a meeting's recommendations in groups (``RecommendationGroup``), each lettered (a), (b) ...
from (a) again, or as unlettered bullets. Recommendations in no group go to the first group; a meeting with
no group prints one lettered list. Withdrawn recommendations are never printed and take no letter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from core.numbering import letter_label

from .models import Recommendation, RecommendationGroup


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


def labelled_groups(meeting, recommendations: Iterable[Recommendation] | None = None) -> list[LabelledGroup]:
    """The meeting's printed recommendations in their groups, each item with its label ("(a)", or "" for a
    bullet). The letters are those of the document, whoever reads: a page that may show a reader only some
    recommendations drops the others from these groups and keeps the letters as they are.
    Two queries: the groups, the recommendations (one, when the caller has read all of the meeting's already)."""
    return labelled_groups_of([meeting.pk], recommendations)[meeting.pk]


def labelled_groups_of(
    meeting_ids: Iterable[int], recommendations: Iterable[Recommendation] | None = None
) -> dict[int, list[LabelledGroup]]:
    """``labelled_groups`` for several meetings at once (a page listing recommendations of several meetings),
    by meeting id: the same two queries, however many meetings. ``recommendations``, when given, are all of these
    meetings' recommendations (withdrawn ones included or not), in any order."""
    meeting_ids = list(dict.fromkeys(meeting_ids))
    groups: dict[int, list[LabelledGroup]] = {pk: [] for pk in meeting_ids}
    for group in RecommendationGroup.objects.filter(meeting_id__in=meeting_ids).order_by("meeting_id", "order", "pk"):
        groups[group.meeting_id].append(LabelledGroup(group.heading, group.lead_in, group.numbering, group))
    for listed in groups.values():
        if not listed:
            listed.append(LabelledGroup("", "", RecommendationGroup.Numbering.LETTERED, None))
    by_group = {g.group.pk: g for listed in groups.values() for g in listed if g.group is not None}
    if recommendations is None:
        recommendations = Recommendation.objects.filter(meeting_id__in=meeting_ids).order_by(
            "meeting_id", "order", "pk"
        )
    else:
        recommendations = sorted(recommendations, key=lambda rec: (rec.meeting_id, rec.order, rec.pk))
    for rec in recommendations:
        if rec.status == Recommendation.Status.WITHDRAWN:
            continue
        group = by_group.get(rec.group_id)
        if group is None or group.group.meeting_id != rec.meeting_id:  # ungrouped (or, never, another meeting's)
            group = groups[rec.meeting_id][0]
        group.items.append(rec)
    for listed in groups.values():
        for group in listed:
            recs = group.items
            group.items = [(letter_label(i) if group.lettered else "", rec) for i, rec in enumerate(recs)]
    return groups


def labels(groups: Iterable[LabelledGroup]) -> dict[int, str]:
    """Recommendation id → its label in ``groups`` ("(c)", or "" for a bullet); withdrawn ones are absent."""
    return {rec.pk: label for group in groups for label, rec in group.items}

"""Read models over what came out of meetings: a meeting's record, what a follow-up reviews, renewals."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from dateutil.relativedelta import relativedelta
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from core.related import attach
from countries.models import Mission
from meetings.models import AgendaEntry, Meeting

from ..choices import OPEN_GOAL_STATUSES, OPEN_STATUSES
from ..lettering import LabelledGroup, labelled_groups, labelled_groups_of, labels
from ..models import (
    Briefer,
    CouncilQuestion,
    FollowUpReview,
    Goal,
    Recommendation,
)

# A follow-up of a follow-up still reviews what its predecessors left open; the chain is short in practice.
MAX_FOLLOW_UP_CHAIN = 10


@dataclass
class MeetingRecord:
    """What a meeting produced, for its pages: briefers, questions, goals and recommendations, the latter also in
    their groups with the document's letters (``groups``), and the withdrawn ones, which take no letter.
    Five queries: briefers, questions, goals, the recommendations (each with whether the reader may see it) and
    their groups."""

    meeting: Meeting
    briefers: list[Briefer]
    questions: list[CouncilQuestion]
    goals: list[Goal]
    recommendations: list[Recommendation]
    groups: list[LabelledGroup] = field(default_factory=list)
    withdrawn: list[Recommendation] = field(default_factory=list)

    @property
    def written_answers_owed(self) -> int:
        return sum(q.awaits_written_answer for q in self.questions)


def visible_groups(groups: Iterable[LabelledGroup], visible: Iterable[Recommendation]) -> list[LabelledGroup]:
    """``groups`` as a reader sees them: only the ``visible`` recommendations (the objects given, with what they
    carry), each keeping the document's letter. A group whose items are all hidden is left out, heading and all;
    a group with no items yet stays (the secretariat sees where to put them)."""
    by_pk = {rec.pk: rec for rec in visible}
    shown = []
    for group in groups:
        items = [(label, by_pk[rec.pk]) for label, rec in group.items if rec.pk in by_pk]
        if group.items and not items:
            continue
        shown.append(replace(group, items=items))
    return shown


def _with_reports(goals) -> list[Goal]:
    """``goals`` with the meeting each was reported at (and its subject), read only when one was."""
    goals = list(goals)
    attach(goals, ("reported_at",), Meeting.objects.select_related("situation"))
    return goals


def meeting_record(meeting: Meeting, *, user) -> MeetingRecord:
    """What happened at ``meeting``, as far as ``user`` may see it (the permission layer's querysets)."""
    # All of them, for the document's letters, each marked with whether the user may see it.
    every = list(
        Recommendation.objects.with_visibility(user)
        .filter(meeting=meeting)
        .select_related("target_mission")  # what the items show (no owner)
        .order_by("order", "pk")
    )
    recommendations = [rec for rec in every if rec.shown]
    return MeetingRecord(
        meeting=meeting,
        # In their order within the meeting: the models' default ordering starts with the meeting's own (by date),
        # which joins the meetings table for nothing here.
        briefers=list(meeting.briefers.order_by("order", "pk")),
        questions=list(
            CouncilQuestion.objects.visible_to(user)
            .filter(meeting=meeting)
            .select_related("delegation")
            .order_by("order", "pk")
        ),
        goals=_with_reports(Goal.objects.visible_to(user).filter(meeting=meeting).order_by("order", "pk")),
        recommendations=recommendations,
        groups=visible_groups(labelled_groups(meeting, every), recommendations),
        withdrawn=[rec for rec in recommendations if rec.status == Recommendation.Status.WITHDRAWN],
    )


@dataclass(frozen=True)
class Placement:
    """Where a document prints one recommendation: its label ("(c)"; "" for a bullet) and its group's heading."""

    label: str
    heading: str
    lettered: bool


def placement(recommendation: Recommendation) -> Placement | None:
    """The recommendation's place in its meeting's document (labelled_groups); None when withdrawn."""
    for group in labelled_groups(recommendation.meeting):
        for label, rec in group.items:
            if rec.pk == recommendation.pk:
                return Placement(label, group.heading, group.lettered)
    return None


# --- Follow-up meeting -----------------------------------------------------------------------------------------


def earlier_meeting_ids(meeting: Meeting) -> list[int]:
    """The meeting this one follows up, then the one that followed up, and so on (nearest first)."""
    ids: list[int] = []
    current = meeting.follows_up_id
    while current and current not in ids and current != meeting.pk and len(ids) < MAX_FOLLOW_UP_CHAIN:
        ids.append(current)
        current = Meeting.objects.filter(pk=current).values_list("follows_up_id", flat=True).first()
    return ids


@dataclass
class FollowUpItems:
    """What a follow-up meeting reviews: the earlier meetings' open items, each with ``.review`` (or None)."""

    meeting: Meeting
    earlier_ids: list[int]
    recommendations: list[Recommendation] = field(default_factory=list)
    questions: list[CouncilQuestion] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)

    @property
    def applies(self) -> bool:
        return self.meeting.kind == Meeting.Kind.FOLLOW_UP and bool(self.earlier_ids)

    @property
    def count(self) -> int:
        return len(self.recommendations) + len(self.questions) + len(self.goals)

    @property
    def reviewed_count(self) -> int:
        return sum(item.review is not None for item in (*self.recommendations, *self.questions, *self.goals))


def follow_up_items(meeting: Meeting, *, user) -> FollowUpItems:
    """Open recommendations, written answers still owed and open goals of the meetings ``meeting`` follows up,
    as far as ``user`` may see them (a recommendation still proposed is a draft for Council experts).

    Items already reviewed at this meeting stay listed (with their outcome) even once they are closed.
    Queries: the chain of earlier meetings (one per link), the reviews, then one per kind of item.
    """
    earlier = earlier_meeting_ids(meeting) if meeting.kind == Meeting.Kind.FOLLOW_UP else []
    items = FollowUpItems(meeting=meeting, earlier_ids=earlier)
    if not earlier:
        return items
    reviews = list(FollowUpReview.objects.filter(follow_up=meeting).select_related("reviewed_by"))
    by_item = {
        "recommendation": {r.recommendation_id: r for r in reviews if r.recommendation_id},
        "question": {r.question_id: r for r in reviews if r.question_id},
        "goal": {r.goal_id: r for r in reviews if r.goal_id},
    }
    items.recommendations = list(
        Recommendation.objects.visible_to(user)
        .filter(meeting_id__in=earlier)
        .filter(Q(status__in=OPEN_STATUSES) | Q(pk__in=list(by_item["recommendation"])))
        .select_related("meeting", "target_mission")
        .order_by("meeting__date", "meeting_id", "order", "pk")
    )
    items.questions = list(
        CouncilQuestion.objects.visible_to(user)
        .filter(meeting_id__in=earlier)
        .filter(Q(answer_due__isnull=False, answered_on__isnull=True) | Q(pk__in=list(by_item["question"])))
        .select_related("meeting", "delegation")
        .order_by("answer_due", "pk")
    )
    items.goals = list(
        Goal.objects.visible_to(user)
        .filter(meeting_id__in=earlier)
        .filter(Q(status__in=OPEN_GOAL_STATUSES) | Q(pk__in=list(by_item["goal"])))
        .select_related("meeting")
        .order_by("meeting__date", "order", "pk")
    )
    if items.recommendations:
        letters: dict[int, str] = {}
        for groups in labelled_groups_of(earlier).values():
            letters.update(labels(groups))
        for rec in items.recommendations:
            rec.label = letters.get(rec.pk, "")
    for kind, objects in (
        ("recommendation", items.recommendations),
        ("question", items.questions),
        ("goal", items.goals),
    ):
        for obj in objects:
            obj.review = by_item[kind].get(obj.pk)
            obj.review_key = f"{kind}-{obj.pk}"
    return items


# --- Mandate renewal calendar ----------------------------------------------------------------------------------


@dataclass
class Renewal:
    """A mission whose mandate expires soon, with what the IEG can bring to its renewal."""

    mission: Mission
    days_left: int
    recommendations: list[Recommendation] = field(default_factory=list)  # the most recent open ones
    meetings: list[Meeting] = field(default_factory=list)
    on_agenda: bool = False
    open_count: int = 0  # all open recommendations targeting the mission (the list shows the latest of them)

    @property
    def more(self) -> int:
        return self.open_count - len(self.recommendations)


# Open recommendations shown per mission, newest first (the rest are a link to the tracker away): open ones
# accumulate over the years, and the page must not grow with the archive.
RENEWAL_RECOMMENDATIONS_SHOWN = 10


RENEWAL_ROW_FIELDS = (
    "text",
    "action_type",
    "status",
    "target_mission_id",
    "meeting__kind",
    "meeting__theme",
    "meeting__date",
    "meeting__situation__name",
)


def renewal_window(today: datetime.date, months: int) -> tuple[datetime.date, datetime.date]:
    """Mandates expiring from today up to and including the same day ``months`` months on."""
    return today, today + relativedelta(months=months)


def renewals(*, today: datetime.date, months: int, user) -> list[Renewal]:
    """Active missions whose mandate expires in the next ``months`` months, soonest first.

    Each comes with the open recommendations (visible to ``user``) that target it (the latest
    ``RENEWAL_RECOMMENDATIONS_SHOWN``, newest first, and how many there are), the IEG meetings on its
    country from a year back up to the expiry (what can feed the negotiation), and whether the country is on
    this year's agenda. Five queries, whatever the number of missions.
    """
    start, end = renewal_window(today, months)
    missions = list(Mission.objects.expiring_between(start, end).order_by("mandate_expiry", "acronym"))
    if not missions:
        return []
    result = {m.pk: Renewal(mission=m, days_left=(m.mandate_expiry - today).days) for m in missions}
    newest_first = (F("meeting__date").desc(nulls_last=True), F("order").asc(), F("pk").asc())
    # Ranked on narrow rows (id and count), then only the rows shown are read whole: ranking whole joined rows
    # sorts megabytes at ten years of data.
    shown = dict(
        Recommendation.objects.visible_to(user)
        .open()
        .filter(target_mission__in=list(result))
        .annotate(
            rank=Window(RowNumber(), partition_by=F("target_mission"), order_by=newest_first),
            open_count=Window(Count("pk"), partition_by=F("target_mission")),
        )
        .filter(rank__lte=RENEWAL_RECOMMENDATIONS_SHOWN)
        .order_by()  # a dict: the model's default ordering would only sort every open row for nothing
        .values_list("pk", "open_count")
    )
    # What a row shows (recommendations_tags.renewal_rows) and nothing more: a hundred rows of three models each.
    rows = (
        Recommendation.objects.filter(pk__in=list(shown)).select_related("meeting__situation").only(*RENEWAL_ROW_FIELDS)
    )
    for recommendation in rows.order_by(*newest_first):
        renewal = result[recommendation.target_mission_id]
        renewal.recommendations.append(recommendation)
        renewal.open_count = shown[recommendation.pk]
    situation_ids = {m.situation_id for m in missions}
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(situation_id__in=situation_ids, date__gte=today - relativedelta(years=1), date__lte=end)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("situation")  # what a meeting's line shows: its subject and date (not its year)
        .order_by("date", "pk")
    )
    by_situation: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_situation[meeting.situation_id].append(meeting)
    on_agenda = set(
        AgendaEntry.objects.filter(agenda_year__year=today.year, situation_id__in=situation_ids).values_list(
            "situation_id", flat=True
        )
    )
    for renewal in result.values():
        mission = renewal.mission
        renewal.meetings = [m for m in by_situation[mission.situation_id] if m.date <= mission.mandate_expiry]
        renewal.on_agenda = mission.situation_id in on_agenda
    return list(result.values())

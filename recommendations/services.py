"""Changes to what came out of a meeting, and the read models built on it (follow-up, renewals, scorecard).

Views call these; nothing else moves a recommendation's status or records a follow-up review.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, Max, Q, Window
from django.db.models.functions import RowNumber
from django.utils import formats
from django.utils.translation import gettext as _

from core.concurrency import NEW, StaleEdit, save_versioned
from countries.models import Mission
from meetings.models import AgendaEntry, Meeting

from .lettering import LabelledGroup, labelled_groups, labelled_groups_of, labels
from .models import (
    OPEN_GOAL_STATUSES,
    OPEN_STATUSES,
    STATUS_TRANSITIONS,
    Briefer,
    CouncilQuestion,
    FollowUpReview,
    Goal,
    Recommendation,
    RecommendationGroup,
    StatusChange,
    check_group,
)

# Statuses that count as "acted on" in the uptake share.
ACTED_STATUSES = (Recommendation.Status.ACTED_ON_IN_PART, Recommendation.Status.ACTED_ON)
# A follow-up of a follow-up still reviews what its predecessors left open; the chain is short in practice.
MAX_FOLLOW_UP_CHAIN = 10


class InvalidTransition(Exception):
    """A status move the tracker does not allow; the message says why, for the user.

    ``field`` names the form field the message belongs to (None: the form as a whole).
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class ReviewError(Exception):
    """A follow-up review that cannot be recorded; the message says why, for the user."""


# --- Recording the meeting -------------------------------------------------------------------------------------


def _next_order(queryset: models.QuerySet) -> int:
    return (queryset.aggregate(top=Max("order"))["top"] or 0) + 1


@transaction.atomic
def add_recommendation(*, meeting: Meeting, by, text: str, **fields) -> Recommendation:
    """Add a key recommendation to a meeting, lettered after the ones it already has; it starts as proposed."""
    recommendation = Recommendation(
        meeting=meeting, text=text.strip(), order=_next_order(meeting.recommendations.all()), **fields
    )
    recommendation.full_clean()
    recommendation._change_reason = _("Added")
    recommendation.save()
    return recommendation


MeetingItem = Briefer | CouncilQuestion | Goal | RecommendationGroup


@transaction.atomic
def add_to_meeting(item: MeetingItem, *, meeting: Meeting, by) -> MeetingItem:
    """Save a new briefer, question, goal or group of recommendations built by a form, after the meeting's others."""
    item.meeting = meeting
    item.order = _next_order(type(item).objects.filter(meeting=meeting))
    item._change_reason = _("Added")
    item.save()
    return item


@transaction.atomic
def save_edit(obj: models.Model, *, expected_version: int | None, by) -> models.Model:
    """Save text edited in a form, refusing (core.concurrency.StaleEdit) if someone saved in between.

    A recommendation goes only into a group of its own meeting (ValidationError), whatever the caller."""
    if isinstance(obj, Recommendation):
        check_group(obj)
    save_versioned(obj, expected_version)
    return obj


# --- Groups of recommendations (how the documents print them) ---------------------------------------------------


def _meeting_groups(meeting_id: int) -> list[RecommendationGroup]:
    """The meeting's groups in order, locked: reordering and deleting renumber them one transaction at a time."""
    return list(RecommendationGroup.objects.select_for_update().filter(meeting_id=meeting_id).order_by("order", "pk"))


def _renumber(groups: list[RecommendationGroup], reason: str) -> None:
    for number, group in enumerate(groups, start=1):
        if group.order != number:
            group.order = number
            group._change_reason = reason
            group.save(update_fields=["order"])


@transaction.atomic
def move_group(group: RecommendationGroup, *, up: bool, by) -> bool:
    """Move a group one place up (or down) among its meeting's groups; False when it is already first (last).

    The order only: the group's version is kept, so that a colleague's open edit of its heading still saves."""
    groups = _meeting_groups(group.meeting_id)
    index = next((i for i, g in enumerate(groups) if g.pk == group.pk), None)
    if index is None:
        return False
    target = index - 1 if up else index + 1
    if not 0 <= target < len(groups):
        return False
    groups[index], groups[target] = groups[target], groups[index]
    _renumber(groups, _("Moved up") if up else _("Moved down"))
    return True


@transaction.atomic
def delete_group(group: RecommendationGroup, *, by) -> RecommendationGroup | None:
    """Delete a group; its recommendations return to the meeting's first remaining group (returned; None when
    it was the last group, and the meeting prints one lettered list again)."""
    groups = _meeting_groups(group.meeting_id)
    remaining = [g for g in groups if g.pk != group.pk]
    first = remaining[0] if remaining else None
    for recommendation in Recommendation.objects.select_for_update().filter(group_id=group.pk).order_by("pk"):
        recommendation.group = first
        recommendation._change_reason = _("Its group was deleted")
        save_versioned(recommendation, None)
    group._change_reason = _("Deleted")
    group.delete()
    _renumber(remaining, _("Renumbered"))
    return first


def group_delete_consequences(group: RecommendationGroup) -> list[str]:
    """What deleting ``group`` does, for the confirmation page."""
    n = group.recommendations.count()
    first = RecommendationGroup.objects.filter(meeting_id=group.meeting_id).exclude(pk=group.pk).order_by("order", "pk")
    first = first.first()
    consequences = [_("The group “%(group)s” is deleted (its history is kept).") % {"group": group}]
    if n:
        if first is not None:
            consequences.append(
                _("Its %(n)s recommendation(s) move to the first group, “%(first)s”, and are lettered there.")
                % {"n": n, "first": first}
            )
        else:
            consequences.append(
                _("Its %(n)s recommendation(s) stay with the meeting, printed as one lettered list.") % {"n": n}
            )
    consequences.append(_("The letters of the meeting's recommendations may change."))
    return consequences


def allowed_statuses(recommendation: Recommendation) -> list[tuple[str, str]]:
    """The statuses this recommendation may move to, in the order of the Status choices."""
    allowed = STATUS_TRANSITIONS[recommendation.status]
    return [(value, label) for value, label in Recommendation.Status.choices if value in allowed]


@transaction.atomic
def change_recommendation_status(
    recommendation: Recommendation,
    to_status: str,
    *,
    by,
    on: datetime.date,
    resolution_symbol: str = "",
    operative_paragraph: str = "",
    evidence_date: datetime.date | None = None,
    link: str = "",
    note: str = "",
    expected_version: int | None = None,
) -> StatusChange:
    """Move a recommendation to ``to_status`` and record who, when and the evidence, in one transaction.

    Refuses, with a message for the user, an unknown status, a move STATUS_TRANSITIONS does not allow,
    a date before the meeting or before the previous change, and "acted on" without any evidence.
    """
    recommendation = Recommendation.objects.select_for_update().select_related("meeting").get(pk=recommendation.pk)
    if expected_version is not None and expected_version != recommendation.version:
        raise StaleEdit(recommendation)  # ``expected_version``: what the person's page showed (None: a service)
    if to_status not in Recommendation.Status.values:
        raise InvalidTransition(_("Unknown status “%(status)s”.") % {"status": to_status}, field="to_status")
    old = Recommendation.Status(recommendation.status)
    new = Recommendation.Status(to_status)
    if new not in STATUS_TRANSITIONS[old]:
        allowed = ", ".join(f"“{label}”" for _value, label in allowed_statuses(recommendation))
        message = _("A recommendation that is “%(old)s” cannot become “%(new)s”.") % {
            "old": old.label,
            "new": new.label,
        }
        if allowed:
            message += " " + _("It can become: %(allowed)s.") % {"allowed": allowed}
        else:
            message += " " + _("“%(old)s” is final.") % {"old": old.label}
        raise InvalidTransition(message, field="to_status")
    meeting_day = recommendation.meeting.date
    if meeting_day and on < meeting_day:
        raise InvalidTransition(
            _("The change date %(on)s is before the meeting of %(meeting)s.")
            % {"on": formats.date_format(on), "meeting": formats.date_format(meeting_day)},
            field="changed_on",
        )
    previous = recommendation.status_changes.order_by("-changed_on", "-pk").values_list("changed_on", flat=True).first()
    if previous and on < previous:
        raise InvalidTransition(
            _("The change date %(on)s is before the previous status change, on %(previous)s.")
            % {"on": formats.date_format(on), "previous": formats.date_format(previous)},
            field="changed_on",
        )
    if new in ACTED_STATUSES and not (resolution_symbol.strip() or link.strip() or note.strip()):
        raise InvalidTransition(_("Say how the Council acted: give a resolution symbol, a link or a note as evidence."))
    change = StatusChange(
        recommendation=recommendation,
        from_status=old,
        to_status=new,
        changed_on=on,
        changed_by=by,
        resolution_symbol=resolution_symbol.strip(),
        operative_paragraph=operative_paragraph.strip(),
        evidence_date=evidence_date,
        link=link.strip(),
        note=note.strip(),
    )
    try:
        change.full_clean(exclude=["recommendation"])
    except ValidationError as exc:
        raise InvalidTransition(" ".join(exc.messages)) from exc
    change.save()
    recommendation.status = new
    recommendation._change_reason = f"Status: {old.label} → {new.label}"
    save_versioned(recommendation, None)
    return change


@dataclass
class MeetingRecord:
    """What a meeting produced, for its pages: briefers, questions, goals and recommendations, the latter also in
    their groups with the document's letters (``groups``), and the withdrawn ones, which take no letter.
    Six queries: briefers, questions, goals, the recommendations visible, and lettering's two."""

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

    @property
    def open_goals(self) -> int:
        return sum(g.is_open for g in self.goals)

    @property
    def is_empty(self) -> bool:
        return not (self.briefers or self.questions or self.goals or self.recommendations)


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


def meeting_record(meeting: Meeting, *, user) -> MeetingRecord:
    """What happened at ``meeting``, as far as ``user`` may see it (the permission layer's querysets)."""
    recommendations = list(
        Recommendation.objects.visible_to(user).filter(meeting=meeting).select_related("target_mission", "owner")
    )
    return MeetingRecord(
        meeting=meeting,
        briefers=list(meeting.briefers.all()),
        questions=list(CouncilQuestion.objects.visible_to(user).filter(meeting=meeting).select_related("delegation")),
        goals=list(Goal.objects.visible_to(user).filter(meeting=meeting).select_related("reported_at__situation")),
        recommendations=recommendations,
        groups=visible_groups(labelled_groups(meeting), recommendations),
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


ITEM_MODELS = {"recommendation": Recommendation, "question": CouncilQuestion, "goal": Goal}


def find_review_item(meeting: Meeting, key: str) -> Recommendation | CouncilQuestion | Goal:
    """The item named ``"<kind>-<pk>"`` among the items ``meeting`` reviews, or ReviewError."""
    kind, _sep, raw_pk = key.partition("-")
    model = ITEM_MODELS.get(kind)
    if model is None or not raw_pk.isdigit():
        raise ReviewError(_("Choose an item from the list."))
    item = model.objects.filter(pk=int(raw_pk), meeting_id__in=earlier_meeting_ids(meeting)).first()
    if item is None:
        raise ReviewError(_("This item does not come from the meeting being followed up."))
    return item


@transaction.atomic
def record_review(
    *,
    follow_up: Meeting,
    item: Recommendation | CouncilQuestion | Goal,
    outcome: str,
    note: str = "",
    by,
    now: datetime.datetime,
    expected_version: int | None = None,
) -> FollowUpReview:
    """Record (or revise) what ``follow_up`` found about one open item of an earlier meeting.

    ``expected_version`` is the version of the outcome the page showed (``NEW``: none recorded yet); a save
    on an outdated page is refused (StaleEdit), so that a colleague's finding is never silently replaced.
    """
    if follow_up.kind != Meeting.Kind.FOLLOW_UP or not follow_up.follows_up_id:
        raise ReviewError(_("Only a follow-up meeting reviews the open items of an earlier meeting."))
    if outcome not in FollowUpReview.Outcome.values:
        raise ReviewError(_("Unknown outcome “%(outcome)s”.") % {"outcome": outcome})
    if item.meeting_id not in earlier_meeting_ids(follow_up):
        raise ReviewError(_("This item does not come from the meeting being followed up."))
    field_name = {Recommendation: "recommendation", CouncilQuestion: "question", Goal: "goal"}[type(item)]
    review = FollowUpReview.objects.select_for_update().filter(
        follow_up=follow_up, **{field_name: item}
    ).first() or FollowUpReview(follow_up=follow_up, **{field_name: item})
    review.outcome = outcome
    review.note = note.strip()
    review.reviewed_by = by
    review.reviewed_at = now
    review._change_reason = _("Reviewed at the follow-up meeting")
    if review.pk is None:
        if expected_version not in (None, NEW):
            raise StaleEdit(review)  # the page showed an outcome that is no longer there
        try:
            with transaction.atomic():
                review.save()
        except IntegrityError as exc:  # a colleague recorded the first outcome between the check and the save
            raise StaleEdit(review, created=True) from exc
        return review
    save_versioned(review, expected_version)
    return review


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


# The renewal calendar lists this many open recommendations per mission, newest first; the rest are a link to the
# tracker away. Open recommendations accumulate over the years: the full list made the page grow with the archive
# (1.2 MB and 2.5 s at ten decades of generated data; 20 a mission still made 128 kB and 250 ms).
RENEWAL_RECOMMENDATIONS_SHOWN = 10


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
    # Ranked on narrow rows (id and count), then only the rows shown are read whole: ranking the whole joined
    # rows sorted megabytes at ten years of data (18 ms against 3 ms, EXPLAIN ANALYZE at bench scale 10).
    shown = dict(
        Recommendation.objects.visible_to(user)
        .open()
        .filter(target_mission__in=list(result))
        .annotate(
            rank=Window(RowNumber(), partition_by=F("target_mission"), order_by=newest_first),
            open_count=Window(Count("pk"), partition_by=F("target_mission")),
        )
        .filter(rank__lte=RENEWAL_RECOMMENDATIONS_SHOWN)
        .values_list("pk", "open_count")
    )
    for recommendation in Recommendation.objects.filter(pk__in=list(shown)).for_list().order_by(*newest_first):
        renewal = result[recommendation.target_mission_id]
        renewal.recommendations.append(recommendation)
        renewal.open_count = shown[recommendation.pk]
    situation_ids = {m.situation_id for m in missions}
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(situation_id__in=situation_ids, date__gte=today - relativedelta(years=1), date__lte=end)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("agenda_year", "situation")
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


# --- Uptake scorecard (pure arithmetic) ------------------------------------------------------------------------


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


# --- CSV export ------------------------------------------------------------------------------------------------

EXPORT_HEADER = (
    "id",
    "year",
    "meeting date",
    "country or theme",
    "meeting kind",
    "summary symbol",
    "recommendation",
    "source",
    "addressed to",
    "Council action",
    "target mission",
    "owner",
    "next review",
    "status",
    "status since",
    "resolution",
    "source note",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_rows(queryset: models.QuerySet) -> Iterator[list[str]]:
    """The header, then one row per recommendation, read in chunks (``.iterator()``): memory stays flat."""
    yield list(EXPORT_HEADER)
    for rec in queryset.for_list().with_last_change().iterator(chunk_size=500):
        meeting = rec.meeting
        yield [
            _cell(value)
            for value in (
                rec.pk,
                meeting.agenda_year.year,
                meeting.date.isoformat() if meeting.date else "",
                meeting.subject,
                meeting.get_kind_display(),
                meeting.symbol,
                rec.text,
                rec.get_source_display(),
                rec.get_addressee_display(),
                rec.get_action_type_display(),
                rec.target_mission.acronym if rec.target_mission else "",
                str(rec.owner) if rec.owner else "",
                rec.next_review.isoformat() if rec.next_review else "",
                rec.get_status_display(),
                rec.last_changed_on.isoformat() if rec.last_changed_on else "",
                rec.last_resolution or "",
                meeting.source_note,
            )
        ]

"""Changes to what came out of a meeting: recommendations and their status, groups, follow-up reviews.

Views call these; nothing else moves a recommendation's status or records a follow-up review.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import formats
from django.utils.translation import gettext as _

from core.concurrency import NEW, StaleEdit, save_versioned
from core.exceptions import InvalidTransition
from core.history import credits_by
from core.ordering import move, renumber
from meetings.models import Meeting

from ..choices import ACTED_STATUSES
from ..models import (
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
from .reads import earlier_meeting_ids


class ReviewError(Exception):
    """A follow-up review that cannot be recorded; the message says why, for the user."""


# --- Recording the meeting -------------------------------------------------------------------------------------


def _next_order(queryset: models.QuerySet) -> int:
    return (queryset.aggregate(top=Max("order"))["top"] or 0) + 1


@credits_by
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


@credits_by
@transaction.atomic
def add_to_meeting(item: MeetingItem, *, meeting: Meeting, by) -> MeetingItem:
    """Save a new briefer, question, goal or group of recommendations built by a form, after the meeting's others."""
    item.meeting = meeting
    item.order = _next_order(type(item).objects.filter(meeting=meeting))
    item._change_reason = _("Added")
    item.save()
    return item


@credits_by
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


@credits_by
@transaction.atomic
def move_group(group: RecommendationGroup, *, up: bool, by) -> bool:
    """Move a group one place up (or down) among its meeting's groups; False when it is already first (last).

    The order only: the group's version is kept, so that a colleague's open edit of its heading still saves."""
    groups = _meeting_groups(group.meeting_id)
    index = next((i for i, g in enumerate(groups) if g.pk == group.pk), None)
    if index is None:
        return False
    return move(groups, index, -1 if up else 1, reason=_("Moved up") if up else _("Moved down"))


@credits_by
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
    renumber(remaining, reason=_("Renumbered"))
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
    today: datetime.date | None = None,
) -> StatusChange:
    """Move a recommendation to ``to_status`` and record who, when and the evidence, in one transaction.

    Refuses, with a message for the user, an unknown status, a move STATUS_TRANSITIONS does not allow,
    a date before the meeting or before the previous change, a change or evidence dated after ``today`` (the
    acting person's day; None for a script entering a record), evidence dated after the change, and "acted on"
    without any evidence.
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
    if today is not None and on > today:
        raise InvalidTransition(_("The date cannot be in the future."), field="changed_on")
    if evidence_date and today is not None and evidence_date > today:
        raise InvalidTransition(_("The date cannot be in the future."), field="evidence_date")
    if evidence_date and evidence_date > on:
        raise InvalidTransition(_("The evidence cannot be dated after the change it supports."), field="evidence_date")
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

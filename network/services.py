"""The Network's rules that change data: deciding a membership request, changing a member's focal point, and
recording a chair. Each runs in one transaction and is credited in history to the person who acted."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from core.concurrency import save_versioned
from core.exceptions import InvalidTransition
from meetings import deadlines
from meetings.services import holidays

from . import steps
from .choices import OPEN_ACTION_STATUSES, MemberKind, RequestStatus, StepState
from .models import ActionPoint, Chair, FocalPoint, Member, MembershipRequest, NetworkMeeting, NetworkStep
from .troika import Troika, troika

__all__ = ["InvalidTransition", "accept_request", "decline_request", "replace_focal_point", "troika_of"]


def credited(obj, by, reason: str = ""):
    if by is not None:
        obj._history_user = by
    if reason:
        obj._change_reason = reason[:100]
    return obj


def check_decision(request: MembershipRequest) -> None:
    if request.status != RequestStatus.PENDING:
        raise InvalidTransition(_("This request was already decided."))
    if request.kind == MemberKind.STATE and Member.objects.filter(member_state_id=request.member_state_id).exists():
        raise InvalidTransition(_("%(name)s is already a member of the Network.") % {"name": request.applicant})
    if (
        request.kind == MemberKind.REGIONAL
        and Member.objects.filter(name__iexact=request.organization.strip()).exists()
    ):
        raise InvalidTransition(_("%(name)s is already a member of the Network.") % {"name": request.applicant})


def accept_consequences(request: MembershipRequest, today: datetime.date) -> list[str]:
    """What accepting does, for the confirmation page."""
    lines = [
        _("%(name)s becomes a member of the Network as of %(date)s.")
        % {"name": request.applicant, "date": formats.date_format(today)}
    ]
    if request.contact_name:
        lines.append(_("%(person)s is recorded as its focal point.") % {"person": request.contact_name})
    else:
        lines.append(_("It has no focal point yet: it is flagged until one is named."))
    lines.append(_("The Network's page lists it among the new members. This cannot be undone here."))
    return lines


@transaction.atomic
def accept_request(request: MembershipRequest, *, by, today: datetime.date) -> Member:
    """Accept a pending request: the applicant becomes a member, with its proposed focal point if it named one."""
    request = (
        MembershipRequest.objects.select_for_update(of=("self",)).select_related("member_state").get(pk=request.pk)
    )
    check_decision(request)
    received = formats.date_format(request.received_on)
    member = Member(
        kind=request.kind,
        member_state=request.member_state if request.kind == MemberKind.STATE else None,
        name=request.applicant.strip(),
        acronym=request.acronym,
        joined_on=today,
        joined_note=_("Membership request of %(date)s, accepted") % {"date": received},
    )
    save_versioned(credited(member, by, "Joined: request accepted"), None)
    if request.contact_name:
        focal_point = FocalPoint(
            member=member,
            name=request.contact_name,
            title=request.contact_title,
            office=request.contact_office,
            email=request.contact_email,
            start_date=today,
        )
        save_versioned(credited(focal_point, by, "Named in the membership request"), None)
    request.status, request.decided_on, request.decided_by, request.member = RequestStatus.ACCEPTED, today, by, member
    save_versioned(credited(request, by, "Accepted"), None)
    return member


@transaction.atomic
def decline_request(request: MembershipRequest, *, by, today: datetime.date, reason: str) -> MembershipRequest:
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RequestStatus.PENDING:
        raise InvalidTransition(_("This request was already decided."))
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidTransition(_("Say why the request is declined: the applicant will be told."))
    request.status, request.decided_on, request.decided_by, request.reason = RequestStatus.DECLINED, today, by, reason
    save_versioned(credited(request, by, "Declined"), None)
    return request


@transaction.atomic
def replace_focal_point(new: FocalPoint, *, by) -> FocalPoint:
    """Name ``new`` (unsaved, with its start date) the member's focal point: whoever held the post until then
    keeps their record, ended the day before. Earlier focal points are never overwritten."""
    if new.start_date is None:
        raise InvalidTransition(_("Give the date the new focal point starts."))
    before = new.start_date - datetime.timedelta(days=1)
    posts = FocalPoint.objects.select_for_update().filter(member_id=new.member_id)
    latest = posts.filter(start_date__gte=new.start_date).order_by("-start_date").first()
    if latest is not None:
        raise InvalidTransition(
            _("%(name)s started on %(date)s: the new focal point must start after that.")
            % {"name": latest.name, "date": formats.date_format(latest.start_date)}
        )
    for old in posts.current(new.start_date):
        old.end_date = before
        save_versioned(credited(old, by, f"Replaced by {new.name}"), None)
    save_versioned(credited(new, by, "Named focal point"), None)
    return new


def chairs_by_year(years: range | None = None) -> dict[int, list[Member]]:
    rows = Chair.objects.select_related("member").order_by("year", "member__name")
    if years is not None:
        rows = rows.filter(year__gte=years.start, year__lt=years.stop)
    chairs: dict[int, list[Member]] = {}
    for chair in rows:
        chairs.setdefault(chair.year, []).append(chair.member)
    return chairs


def troika_of(year: int) -> Troika:
    """The troika of ``year`` from the recorded chairs (one query)."""
    return troika(year, chairs_by_year())


# Meetings and their timelines.


def calendar(meeting: NetworkMeeting) -> frozenset[datetime.date]:
    """The holidays a meeting's business days skip: UN Headquarters' in New York, none elsewhere (weekdays)."""
    return holidays() if meeting.in_new_york else frozenset()


@transaction.atomic
def save_meeting(meeting: NetworkMeeting, *, expected_version: int | None, by) -> NetworkMeeting:
    """Save the meeting and lay out its timeline: each step dated from the first day by the shared engine.
    A new date moves the open steps; steps done or not needed keep their date."""
    save_versioned(credited(meeting, by), expected_version)
    planned = {p.key: p.due for p in deadlines.plan(meeting.start_date, calendar(meeting), rules=steps.RULES)}
    existing = {step.key: step for step in meeting.steps.all()}
    for key, due in planned.items():
        step = existing.get(key)
        if step is None:
            save_versioned(credited(NetworkStep(meeting=meeting, key=key, due=due), by, "Laid out"), None)
        elif step.state == StepState.OPEN and step.due != due:
            step.due = due
            save_versioned(credited(step, by, "Moved with the meeting"), None)
    return meeting


@transaction.atomic
def set_step_state(step: NetworkStep, state: str, *, by, today: datetime.date) -> NetworkStep:
    step = NetworkStep.objects.select_for_update().get(pk=step.pk)
    if state not in StepState.values:
        raise InvalidTransition(_("Unknown step state."))
    if step.state == state:
        return step
    step.state = state
    step.done_on = today if state == StepState.DONE else None
    save_versioned(credited(step, by, f"Marked {state}"), None)
    return step


def open_points_before(meeting: NetworkMeeting):
    """Action points of earlier meetings still open: the next meeting's preparation reviews them."""
    return (
        ActionPoint.objects.filter(status__in=OPEN_ACTION_STATUSES, group__meeting__start_date__lt=meeting.start_date)
        .select_related("group__meeting")
        .order_by("group__meeting__start_date", "group__order", "group_id", "order", "pk")
    )

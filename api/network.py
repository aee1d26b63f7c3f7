"""The WPS Focal Points Network: its members, meetings and key action points (the Network's space: its secretariat,
the IEG secretariat and focal points in post, as on the pages)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import Field

from accounts import permissions
from network.choices import ActionStatus, MemberKind
from network.models import ActionPoint, Member, NetworkMeeting

from . import schemas
from .auth import Token
from .common import MAX_ID, Paging, answers, forbid, page

router = Router(tags=["Focal Points Network"], auth=Token())


def _require_network(request) -> None:
    if not permissions.can_view_network(request.auth):
        forbid(_("The Network's records are for its secretariat and its focal points."))


class MemberWhere(Paging):
    kind: MemberKind | None = None
    current: bool | None = Field(None, description="true: members today; false: members that have left.")


def _member_row(m: Member) -> dict:
    return {
        "id": m.pk,
        "name": m.name,
        "acronym": m.acronym,
        "kind": m.kind,
        "region": m.region,
        "joined_on": m.joined_on,
        "left_on": m.left_on,
    }


@router.get(
    "/members", response=answers(schemas.NetworkMemberPage), summary="The Network's members", url_name="network_members"
)
def members(request, where: Query[MemberWhere]):
    _require_network(request)
    queryset = Member.objects.all()
    if where.kind:
        queryset = queryset.filter(kind=where.kind)
    if where.current is not None:
        today = timezone.localdate()
        current = Member.objects.current(today).values("pk")
        queryset = queryset.filter(pk__in=current) if where.current else queryset.exclude(pk__in=current)
    return page(queryset.order_by("name", "pk"), where.page, where.page_size, _member_row)


class MeetingWhere(Paging):
    year: int | None = Field(None, ge=1, le=9999)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def _meeting_row(m: NetworkMeeting) -> dict:
    return {
        "id": m.pk,
        "kind": m.kind,
        "title": m.title,
        "start_date": m.start_date,
        "end_date": m.end_date,
        "city": m.city,
        "host": m.host.name if m.host else None,
        "status": m.status,
        "url": m.get_absolute_url(),
    }


def _point_row(p: ActionPoint) -> dict:
    return {
        "id": p.pk,
        "meeting": p.group.meeting_id,
        "group": p.group.heading,
        "text": p.text,
        "owners": p.owners,
        "deadline_text": p.deadline_text,
        "due": p.due,
        "status": p.status,
        "progress": p.progress,
    }


@router.get(
    "/meetings",
    response=answers(schemas.NetworkMeetingPage),
    summary="The Network's meetings",
    url_name="network_meetings",
)
def meetings(request, where: Query[MeetingWhere]):
    _require_network(request)
    queryset = NetworkMeeting.objects.select_related("host")
    if where.year:
        queryset = queryset.filter(start_date__year=where.year)
    if where.date_from:
        queryset = queryset.filter(start_date__gte=where.date_from)
    if where.date_to:
        queryset = queryset.filter(start_date__lte=where.date_to)
    return page(queryset.order_by("-start_date", "-pk"), where.page, where.page_size, _meeting_row)


@router.get(
    "/meetings/{meeting_id}",
    response=answers(schemas.NetworkMeetingDetail),
    summary="A Network meeting and its key action points",
    url_name="network_meeting",
)
def meeting(request, meeting_id: int):
    _require_network(request)
    found = NetworkMeeting.objects.select_related("host").filter(pk=meeting_id).first()
    if found is None:
        raise HttpError(404, _("No Network meeting with this id."))
    data = _meeting_row(found)
    points = ActionPoint.objects.filter(group__meeting=found).select_related("group")
    data["action_points"] = [_point_row(p) for p in points]
    return data


class PointWhere(Paging):
    meeting: int | None = Field(None, ge=1, le=MAX_ID)
    status: ActionStatus | None = None
    due_from: datetime.date | None = None
    due_to: datetime.date | None = None


@router.get(
    "/action-points",
    response=answers(schemas.ActionPointPage),
    summary="Key action points",
    url_name="network_action_points",
)
def action_points(request, where: Query[PointWhere]):
    _require_network(request)
    queryset = ActionPoint.objects.select_related("group")
    if where.meeting:
        queryset = queryset.filter(group__meeting_id=where.meeting)
    if where.status:
        queryset = queryset.filter(status=where.status)
    if where.due_from:
        queryset = queryset.filter(due__gte=where.due_from)
    if where.due_to:
        queryset = queryset.filter(due__lte=where.due_to)
    queryset = queryset.order_by("-group__meeting__start_date", "group__order", "group_id", "order", "pk")
    return page(queryset, where.page, where.page_size, _point_row)

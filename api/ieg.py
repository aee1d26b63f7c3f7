"""The IEG's record: years, meetings with their timelines, recommendations with their status history, documents,
missions; and the two writes (a step done, a recommendation's status)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from accounts import permissions
from core.concurrency import StaleEdit
from core.exceptions import InvalidTransition
from countries.models import Mission
from documents.models import BackgroundNote, Summary
from meetings import services as meeting_services
from meetings.choices import MeetingKind, MeetingStatus
from meetings.models import AgendaYear, Meeting, TimelineStep
from public.templatetags.public_tags import public_url
from public.views import public_meetings
from recommendations.choices import RecommendationStatus
from recommendations.models import Recommendation
from recommendations.services import changes as recommendation_changes

from . import schemas
from .common import MAX_PAGE_SIZE, PAGE_SIZE, forbid, page, require_signed_in

router = Router(tags=["IEG"])

ERRORS = {400: schemas.BadRequest, 401: schemas.Error, 403: schemas.Error, 404: schemas.Error}
MAX_ID = 2**63 - 1


def answers(ok) -> dict:
    return {200: ok, **ERRORS}


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000, description="From 1.")
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class Where(Paging):
    year: int | None = Field(None, ge=1, le=9999)
    country: int | None = Field(None, ge=1, le=MAX_ID, description="A situation's id (see `situation.id`).")
    date_from: datetime.date | None = Field(None, description="On or after this day.")
    date_to: datetime.date | None = Field(None, description="On or before this day.")


def _ref(situation) -> dict | None:
    return {"id": situation.pk, "name": situation.name} if situation else None


# Years ----------------------------------------------------------------------------------------------------------


def _meetings_for(user):
    """The meetings a caller reads: the public's published record, or the staff pages' (``visible_to``)."""
    if user.is_authenticated:
        return Meeting.objects.visible_to(user).select_related("agenda_year", "situation")
    return public_meetings()


def _year_row(user):
    def row(y: AgendaYear) -> dict:
        return {
            "year": y.year,
            "co_chairs": [str(state) for state in y.co_chairs.all()],
            "penholder": str(y.penholder) if y.penholder else None,
            "meetings": y.n,
            "url": y.get_absolute_url() if user.is_authenticated else reverse("public:year", args=[y.year]),
        }

    return row


@router.get("/years", response=answers(schemas.YearPage), summary="Years of the IEG's agenda")
def years(request, paging: Query[Paging]):
    if request.user.is_authenticated:
        queryset = AgendaYear.objects.visible_to(request.user).annotate(n=Count("meetings"))
    else:
        shown = public_meetings()
        queryset = AgendaYear.objects.filter(pk__in=shown.values("agenda_year_id")).annotate(
            n=Count("meetings", filter=Q(meetings__in=shown.values("pk")))
        )
    queryset = queryset.select_related("penholder").prefetch_related("co_chairs").order_by("-year")
    return page(queryset, paging.page, paging.page_size, _year_row(request.user))


# Meetings -------------------------------------------------------------------------------------------------------


class MeetingWhere(Where):
    status: MeetingStatus | None = Field(None, description="Signed-in callers only (the public reads published records).")
    kind: MeetingKind | None = None


def _meeting_row(user):
    signed_in = user.is_authenticated

    def row(m: Meeting) -> dict:
        return {
            "id": m.pk,
            "year": m.agenda_year.year,
            "kind": m.kind,
            "subject": m.subject,
            "situation": _ref(m.situation),
            "theme": m.theme,
            "date": m.date,
            "status": m.status if signed_in else None,
            "symbol": m.symbol,
            "follows_up": m.follows_up_id,
            "url": m.get_absolute_url() if signed_in else public_url(m),
        }

    return row


def _filter_meetings(queryset, where: MeetingWhere, signed_in: bool):
    if where.year:
        queryset = queryset.filter(agenda_year__year=where.year)
    if where.country:
        queryset = queryset.filter(situation_id=where.country)
    if where.date_from:
        queryset = queryset.filter(date__gte=where.date_from)
    if where.date_to:
        queryset = queryset.filter(date__lte=where.date_to)
    if where.kind:
        queryset = queryset.filter(kind=where.kind)
    if where.status:
        if not signed_in:
            raise HttpError(400, _("The public reads published records: filter by status with a token."))
        queryset = queryset.filter(status=where.status)
    return queryset


@router.get("/meetings", response=answers(schemas.MeetingPage), summary="Meetings, newest first")
def meetings(request, where: Query[MeetingWhere]):
    signed_in = request.user.is_authenticated
    queryset = _filter_meetings(_meetings_for(request.user), where, signed_in).order_by("-date", "-pk")
    return page(queryset, where.page, where.page_size, _meeting_row(request.user))


def _step_row(step: TimelineStep) -> dict:
    return {
        "id": step.pk,
        "key": step.key,
        "label": step.get_key_display(),
        "responsible": step.responsible,
        "due": step.due,
        "state": step.state,
        "done_on": step.happened_on if step.state == TimelineStep.State.DONE else None,
        "version": step.version,
    }


@router.get("/meetings/{meeting_id}", response=answers(schemas.MeetingDetail), summary="A meeting and its timeline")
def meeting(request, meeting_id: int):
    found = _meetings_for(request.user).filter(pk=meeting_id).first()
    if found is None:
        raise HttpError(404, _("No meeting with this id that you may see."))
    data = _meeting_row(request.user)(found)
    data["timeline"] = None
    if request.user.is_authenticated:
        steps = sorted(found.steps.all(), key=lambda s: (s.due, s.pk))
        data["timeline"] = [_step_row(s) for s in steps]
    return data


# Recommendations ------------------------------------------------------------------------------------------------


class RecommendationWhere(Where):
    status: RecommendationStatus | None = Field(None, description="Signed-in callers only.")
    meeting: int | None = Field(None, ge=1, le=MAX_ID)
    mission: str | None = Field(None, max_length=60, description="A mission's acronym, e.g. UNMISS.")


def _recommendations_for(user):
    """Signed in: the tracker's rows (``visible_to``). The public: what the published documents print."""
    if user.is_authenticated:
        return Recommendation.objects.visible_to(user).for_list()
    return (
        Recommendation.objects.filter(meeting__in=public_meetings().values("pk"))
        .exclude(status=RecommendationStatus.WITHDRAWN)
        .for_list()
    )


def _recommendation_row(user):
    signed_in = user.is_authenticated

    def row(r: Recommendation) -> dict:
        return {
            "id": r.pk,
            "meeting": r.meeting_id,
            "year": r.meeting.agenda_year.year,
            "situation": _ref(r.meeting.situation),
            "text": r.text,
            "addressee": r.addressee,
            "action_type": r.action_type,
            "target_mission": r.target_mission.acronym if r.target_mission else None,
            "status": r.status if signed_in else None,
            "next_review": r.next_review if signed_in else None,
            "version": r.version if signed_in else None,
            "url": r.get_absolute_url() if signed_in else public_url(r.meeting),
        }

    return row


@router.get("/recommendations", response=answers(schemas.RecommendationPage), summary="Recommendations")
def recommendations(request, where: Query[RecommendationWhere]):
    signed_in = request.user.is_authenticated
    queryset = _recommendations_for(request.user)
    if where.year:
        queryset = queryset.filter(meeting__agenda_year__year=where.year)
    if where.country:
        queryset = queryset.filter(meeting__situation_id=where.country)
    if where.date_from:
        queryset = queryset.filter(meeting__date__gte=where.date_from)
    if where.date_to:
        queryset = queryset.filter(meeting__date__lte=where.date_to)
    if where.meeting:
        queryset = queryset.filter(meeting_id=where.meeting)
    if where.mission:
        queryset = queryset.filter(target_mission__acronym__iexact=where.mission)
    if where.status:
        if not signed_in:
            raise HttpError(400, _("The public reads what the documents print: filter by status with a token."))
        queryset = queryset.filter(status=where.status)
    queryset = queryset.order_by("-meeting__date", "meeting_id", "order", "pk")
    return page(queryset, where.page, where.page_size, _recommendation_row(request.user))


def _change_row(change) -> dict:
    return {
        "from_status": change.from_status,
        "to_status": change.to_status,
        "changed_on": change.changed_on,
        "resolution_symbol": change.resolution_symbol,
        "operative_paragraph": change.operative_paragraph,
        "evidence_date": change.evidence_date,
        "link": change.link,
        "note": change.note,
    }


def _recommendation_detail(user, recommendation_id: int) -> dict:
    found = _recommendations_for(user).filter(pk=recommendation_id).first()
    if found is None:
        raise HttpError(404, _("No recommendation with this id that you may see."))
    data = _recommendation_row(user)(found)
    data["status_changes"] = None
    if user.is_authenticated:
        data["status_changes"] = [_change_row(c) for c in found.status_changes.order_by("changed_on", "pk")]
    return data


@router.get(
    "/recommendations/{recommendation_id}",
    response=answers(schemas.RecommendationDetail),
    summary="A recommendation, its status history and evidence",
)
def recommendation(request, recommendation_id: int):
    return _recommendation_detail(request.user, recommendation_id)


@router.post(
    "/recommendations/{recommendation_id}/status",
    response=answers(schemas.RecommendationDetail) | {409: schemas.Error},
    summary="Change a recommendation's status, with its evidence (secretariat)",
)
def change_status(request, payload: schemas.StatusChangeIn, recommendation_id: int):
    require_signed_in(request)
    found = Recommendation.objects.visible_to(request.user).filter(pk=recommendation_id).first()
    if found is None:
        raise HttpError(404, _("No recommendation with this id that you may see."))
    if not permissions.can_edit(request.user):
        forbid(_("Only the secretariat changes a recommendation's status."))
    if payload.changed_on > timezone.localdate():
        raise HttpError(400, _("A status changes on a day that has come: the date is after today."))
    try:
        recommendation_changes.change_recommendation_status(
            found,
            payload.to_status,
            by=request.user,
            on=payload.changed_on,
            resolution_symbol=payload.resolution_symbol,
            operative_paragraph=payload.operative_paragraph,
            evidence_date=payload.evidence_date,
            link=payload.link,
            note=payload.note,
            expected_version=payload.version,
        )
    except StaleEdit:
        raise HttpError(409, _("Someone changed this recommendation since you read it: read it again.")) from None
    except InvalidTransition as exc:
        raise HttpError(400, str(exc)) from None
    return _recommendation_detail(request.user, recommendation_id)


# Steps ----------------------------------------------------------------------------------------------------------


@router.post(
    "/steps/{step_id}/done",
    response=answers(schemas.Step) | {409: schemas.Error},
    summary="Mark a timeline step done",
)
def step_done(request, payload: schemas.StepDone, step_id: int):
    require_signed_in(request)
    step = TimelineStep.objects.visible_to(request.user).select_related("meeting__agenda_year").filter(pk=step_id)
    step = step.first()
    if step is None:
        raise HttpError(404, _("No step with this id that you may see."))
    if not permissions.can_complete_step(request.user, step):
        forbid(_("This step is not one you may mark done."))
    try:
        step = meeting_services.complete_step(
            step,
            by=request.user,
            now=timezone.now(),
            note=payload.note.strip(),
            expected_version=payload.version,
            done_on=payload.done_on,
        )
    except StaleEdit:
        raise HttpError(409, _("Someone changed this step since you read it: read it again.")) from None
    except InvalidTransition as exc:
        raise HttpError(400, str(exc)) from None
    return _step_row(step)


# Documents ------------------------------------------------------------------------------------------------------


def _summary_row(user):
    def row(s: Summary) -> dict:
        m = s.meeting
        public = not user.is_authenticated
        pdf = "documents:public_summary_pdf" if public else "documents:summary_pdf"
        return {
            "meeting": m.pk,
            "year": m.agenda_year.year,
            "subject": m.subject,
            "kind": "summary",
            "status": s.status,
            "symbol": m.symbol,
            "date": s.issue_date,
            "title": s.title,
            "url": public_url(m) if public else reverse("documents:summary", args=[m.pk]),
            "pdf_url": reverse(pdf, args=[m.pk]),
        }

    return row


def _note_row(user):
    def row(n: BackgroundNote) -> dict:
        m = n.meeting
        public = not user.is_authenticated
        pdf = "documents:public_note_pdf" if public else "documents:note_pdf"
        return {
            "meeting": m.pk,
            "year": m.agenda_year.year,
            "subject": m.subject,
            "kind": "background_note",
            "status": n.status,
            "symbol": "",
            "date": n.note_date,
            "title": _("Background note: %(subject)s") % {"subject": m.subject},
            "url": public_url(m) if public else reverse("documents:note", args=[m.pk]),
            "pdf_url": reverse(pdf, args=[m.pk]),
        }

    return row


def _documents(queryset, where: Where):
    if where.year:
        queryset = queryset.filter(meeting__agenda_year__year=where.year)
    if where.country:
        queryset = queryset.filter(meeting__situation_id=where.country)
    if where.date_from:
        queryset = queryset.filter(meeting__date__gte=where.date_from)
    if where.date_to:
        queryset = queryset.filter(meeting__date__lte=where.date_to)
    return queryset.with_meeting().order_by("-meeting__date", "-meeting_id")


@router.get("/summaries", response=answers(schemas.DocumentPage), summary="Meeting summaries (S/ documents)")
def summaries(request, where: Query[Where]):
    user = request.user
    queryset = Summary.objects.visible_to(user) if user.is_authenticated else Summary.objects.published()
    return page(_documents(queryset, where), where.page, where.page_size, _summary_row(user))


@router.get("/notes", response=answers(schemas.DocumentPage), summary="Background notes")
def notes(request, where: Query[Where]):
    user = request.user
    queryset = BackgroundNote.objects.visible_to(user) if user.is_authenticated else BackgroundNote.objects.published()
    return page(_documents(queryset, where), where.page, where.page_size, _note_row(user))


# Missions -------------------------------------------------------------------------------------------------------


class MissionWhere(Paging):
    country: int | None = Field(None, ge=1, le=MAX_ID)
    active: bool | None = None
    expires_from: datetime.date | None = None
    expires_to: datetime.date | None = None


def _mission_row(m: Mission) -> dict:
    return {
        "id": m.pk,
        "acronym": m.acronym,
        "name": m.name,
        "kind": m.kind,
        "situation": _ref(m.situation),
        "mandate_expiry": m.mandate_expiry,
        "renewal_note": m.renewal_note,
        "active": m.active,
    }


@router.get("/missions", response=answers(schemas.MissionPage), summary="Missions and their mandate expiries")
def missions(request, where: Query[MissionWhere]):
    require_signed_in(request)
    queryset = Mission.objects.select_related("situation")
    if where.country:
        queryset = queryset.filter(situation_id=where.country)
    if where.active is not None:
        queryset = queryset.filter(active=where.active)
    if where.expires_from:
        queryset = queryset.filter(mandate_expiry__gte=where.expires_from)
    if where.expires_to:
        queryset = queryset.filter(mandate_expiry__lte=where.expires_to)
    queryset = queryset.order_by("mandate_expiry", "acronym", "pk")
    return page(queryset, where.page, where.page_size, _mission_row)


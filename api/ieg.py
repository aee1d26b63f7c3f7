"""The IEG's record: years, meetings with their timelines, recommendations with their status history, documents,
missions; and the two writes (a step done, a recommendation's status)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import Field

from accounts import permissions
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
from .auth import Token
from .common import MAX_ID, Paging, answers, forbid, page

router = Router(tags=["IEG"])


class Where(Paging):
    year: int | None = Field(None, ge=1, le=9999)
    country: int | None = Field(None, ge=1, le=MAX_ID, description="A situation's id (see `situation.id`).")
    date_from: datetime.date | None = Field(None, description="On or after this day.")
    date_to: datetime.date | None = Field(None, description="On or before this day.")


def _where(queryset, where: Where, meeting: str = ""):
    """``queryset`` filtered by the year, country and dates every list takes; ``meeting`` leads from its rows to
    their meeting ("meeting__"; "" for meetings)."""
    if where.year:
        queryset = queryset.filter(**{f"{meeting}agenda_year__year": where.year})
    if where.country:
        queryset = queryset.filter(**{f"{meeting}situation_id": where.country})
    if where.date_from:
        queryset = queryset.filter(**{f"{meeting}date__gte": where.date_from})
    if where.date_to:
        queryset = queryset.filter(**{f"{meeting}date__lte": where.date_to})
    return queryset


def _ref(situation) -> dict | None:
    return {"id": situation.pk, "name": situation.name} if situation else None


# Years ----------------------------------------------------------------------------------------------------------


def _meetings_for(user):
    """The meetings a caller reads: the public's published record, and with a token also the staff pages' of the
    years the caller may open (``visible_to``)."""
    if not user.is_authenticated:
        return public_meetings()
    visible = Meeting.objects.visible_to(user).values("pk")
    shown = Q(pk__in=visible) | Q(pk__in=public_meetings().values("pk"))
    return Meeting.objects.filter(shown).select_related("agenda_year", "situation")


def _staff(user, meeting) -> bool:
    """The caller reads this meeting as its staff pages show it (status, timeline), not only its published record."""
    return user.is_authenticated and permissions.can_view_meeting(user, meeting)


def _year_row(staff_years: frozenset[int]):
    def row(y: AgendaYear) -> dict:
        return {
            "year": y.year,
            "co_chairs": [str(state) for state in y.co_chairs.all()],
            "penholder": str(y.penholder) if y.penholder else None,
            "meetings": y.n,
            "url": y.get_absolute_url() if y.year in staff_years else reverse("public:year", args=[y.year]),
        }

    return row


@router.get("/years", response=answers(schemas.YearPage), summary="Years of the IEG's agenda")
def years(request, paging: Query[Paging]):
    """The years with a meeting the caller may read, each with how many."""
    user = request.auth
    shown = _meetings_for(user)
    queryset = (
        AgendaYear.objects.filter(pk__in=shown.values("agenda_year_id"))
        .annotate(n=Count("meetings", filter=Q(meetings__in=shown.values("pk"))))
        .select_related("penholder")
        .prefetch_related("co_chairs")
        .order_by("-year")
    )
    staff_years = frozenset()
    if user.is_authenticated:
        staff_years = frozenset(AgendaYear.objects.visible_to(user).values_list("year", flat=True))
    return page(queryset, paging.page, paging.page_size, _year_row(staff_years))


# Meetings -------------------------------------------------------------------------------------------------------


class MeetingWhere(Where):
    status: MeetingStatus | None = Field(
        None, description="Signed-in callers only (the public reads published records)."
    )
    kind: MeetingKind | None = None


def _meeting_row(user):
    def row(m: Meeting) -> dict:
        staff = _staff(user, m)
        return {
            "id": m.pk,
            "year": m.agenda_year.year,
            "kind": m.kind,
            "subject": m.subject,
            "situation": _ref(m.situation),
            "theme": m.theme,
            "date": m.date,
            "status": m.status if staff else None,
            "symbol": m.symbol,
            "follows_up": m.follows_up_id,
            "url": m.get_absolute_url() if staff else public_url(m),
        }

    return row


def _filter_meetings(queryset, where: MeetingWhere, signed_in: bool):
    queryset = _where(queryset, where)
    if where.kind:
        queryset = queryset.filter(kind=where.kind)
    if where.status:
        if not signed_in:
            raise HttpError(400, _("The public reads published records: filter by status with a token."))
        queryset = queryset.filter(status=where.status)
    return queryset


@router.get("/meetings", response=answers(schemas.MeetingPage), summary="Meetings, newest first")
def meetings(request, where: Query[MeetingWhere]):
    signed_in = request.auth.is_authenticated
    queryset = _filter_meetings(_meetings_for(request.auth), where, signed_in).order_by("-date", "-pk")
    return page(queryset, where.page, where.page_size, _meeting_row(request.auth))


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
    found = _meetings_for(request.auth).filter(pk=meeting_id).first()
    if found is None:
        raise HttpError(404, _("No meeting with this id that you may see."))
    data = _meeting_row(request.auth)(found)
    data["timeline"] = None
    if _staff(request.auth, found):
        steps = sorted(found.steps.all(), key=lambda s: (s.due, s.pk))
        data["timeline"] = [_step_row(s) for s in steps]
    return data


# Recommendations ------------------------------------------------------------------------------------------------


class RecommendationWhere(Where):
    status: RecommendationStatus | None = Field(None, description="Signed-in callers only.")
    meeting: int | None = Field(None, ge=1, le=MAX_ID)
    mission: schemas.Text | None = Field(None, max_length=60, description="A mission's acronym, e.g. UNMISS.")


def _recommendations_for(user):
    """What the published documents print, and with a token also the tracker's rows (``visible_to``)."""
    printed = Recommendation.objects.filter(meeting__in=public_meetings().values("pk")).exclude(
        status=RecommendationStatus.WITHDRAWN
    )
    if not user.is_authenticated:
        return printed.for_list()
    visible = Recommendation.objects.visible_to(user)
    return Recommendation.objects.filter(Q(pk__in=visible.values("pk")) | Q(pk__in=printed.values("pk"))).for_list()


def _recommendation_row(user):
    def row(r: Recommendation) -> dict:
        staff = _staff(user, r.meeting)
        return {
            "id": r.pk,
            "meeting": r.meeting_id,
            "year": r.meeting.agenda_year.year,
            "situation": _ref(r.meeting.situation),
            "text": r.text,
            "addressee": r.addressee,
            "action_type": r.action_type,
            "target_mission": r.target_mission.acronym if r.target_mission else None,
            "status": r.status if staff else None,
            "next_review": r.next_review if staff else None,
            "version": r.version if staff else None,
            "url": r.get_absolute_url() if staff else public_url(r.meeting),
        }

    return row


@router.get("/recommendations", response=answers(schemas.RecommendationPage), summary="Recommendations")
def recommendations(request, where: Query[RecommendationWhere]):
    signed_in = request.auth.is_authenticated
    queryset = _where(_recommendations_for(request.auth), where, "meeting__")
    if where.meeting:
        queryset = queryset.filter(meeting_id=where.meeting)
    if where.mission:
        queryset = queryset.filter(target_mission__acronym__iexact=where.mission)
    if where.status:
        if not signed_in:
            raise HttpError(400, _("The public reads what the documents print: filter by status with a token."))
        queryset = queryset.filter(status=where.status)
    queryset = queryset.order_by("-meeting__date", "meeting_id", "order", "pk")
    return page(queryset, where.page, where.page_size, _recommendation_row(request.auth))


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
    if _staff(user, found.meeting):
        data["status_changes"] = [_change_row(c) for c in found.status_changes.order_by("changed_on", "pk")]
    return data


@router.get(
    "/recommendations/{recommendation_id}",
    response=answers(schemas.RecommendationDetail),
    summary="A recommendation, its status history and evidence",
)
def recommendation(request, recommendation_id: int):
    return _recommendation_detail(request.auth, recommendation_id)


# Writes go through the pages' services; a stale version (409) and a refusal (400) are answered by api.main.


@router.post(
    "/recommendations/{recommendation_id}/status",
    response=answers(schemas.RecommendationDetail, _409=schemas.Error),
    summary="Change a recommendation's status, with its evidence (secretariat)",
    auth=Token(),
)
def change_status(request, payload: schemas.StatusChangeIn, recommendation_id: int):
    found = Recommendation.objects.visible_to(request.auth).filter(pk=recommendation_id).first()
    if found is None:
        raise HttpError(404, _("No recommendation with this id that you may see."))
    if not permissions.can_edit(request.auth):
        forbid(_("Only the secretariat changes a recommendation's status."))
    recommendation_changes.change_recommendation_status(
        found,
        payload.to_status,
        by=request.auth,
        on=payload.changed_on,
        resolution_symbol=payload.resolution_symbol,
        operative_paragraph=payload.operative_paragraph,
        evidence_date=payload.evidence_date,
        link=payload.link,
        note=payload.note,
        expected_version=payload.version,
        today=timezone.localdate(),
    )
    return _recommendation_detail(request.auth, recommendation_id)


# Steps ----------------------------------------------------------------------------------------------------------


@router.post(
    "/steps/{step_id}/done",
    response=answers(schemas.Step, _409=schemas.Error),
    summary="Mark a timeline step done",
    auth=Token(),
)
def step_done(request, payload: schemas.StepDone, step_id: int):
    step = TimelineStep.objects.visible_to(request.auth).select_related("meeting__agenda_year").filter(pk=step_id)
    step = step.first()
    if step is None:
        raise HttpError(404, _("No step with this id that you may see."))
    if not permissions.can_complete_step(request.auth, step):
        forbid(_("This step is not one you may mark done."))
    step = meeting_services.complete_step(
        step,
        by=request.auth,
        now=timezone.now(),
        note=payload.note.strip(),
        expected_version=payload.version,
        done_on=payload.done_on,
    )
    return _step_row(step)


# Documents ------------------------------------------------------------------------------------------------------


def _summary_row(user):
    def row(s: Summary) -> dict:
        m = s.meeting
        public = not _staff(user, m)
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
        public = not _staff(user, m)
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
    return _where(queryset, where, "meeting__").with_meeting().order_by("-meeting__date", "-meeting_id")


@router.get("/summaries", response=answers(schemas.DocumentPage), summary="Meeting summaries (S/ documents)")
def summaries(request, where: Query[Where]):
    user = request.auth
    queryset = Summary.objects.visible_to(user)  # published ones included, for the public too
    return page(_documents(queryset, where), where.page, where.page_size, _summary_row(user))


@router.get("/notes", response=answers(schemas.DocumentPage), summary="Background notes")
def notes(request, where: Query[Where]):
    user = request.auth
    queryset = BackgroundNote.objects.visible_to(user)  # published notes included: they are everyone's
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


@router.get(
    "/missions", response=answers(schemas.MissionPage), summary="Missions and their mandate expiries", auth=Token()
)
def missions(request, where: Query[MissionWhere]):
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

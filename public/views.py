"""The public site: published summaries and documents only, readable without signing in.

A meeting is public once it is published (its summary was issued and published), or once its background
note is published. Pages show what a published record says (subject, date, S/ symbol, documents) and
nothing else: no rooms, no drafts, no people.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template import engines
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from countries.models import Situation
from documents.choices import NoteStatus
from meetings.models import AgendaYear, Meeting
from search.views import run as search_page

from .caching import public_page

LATEST = 10


def public_meetings():
    """Meetings the public may see, with what their rows show."""
    return (
        Meeting.objects.filter(Q(status=Meeting.Status.PUBLISHED) | Q(background_note__status=NoteStatus.PUBLISHED))
        .select_related("agenda_year", "situation")
        .order_by("-date", "-pk")
    )


def documents_available() -> bool:
    """The documents app's ``{% public_documents %}`` tag is installed (templates include it only then)."""
    return "documents_tags" in engines["django"].engine.template_libraries


def with_documents(meetings):
    """Meetings with what the documents tag reads, in a fixed number of queries for a whole list."""
    if not documents_available():
        return meetings
    from documents.querysets import public_documents_related

    return public_documents_related(meetings)


def _countries(meetings) -> list[dict]:
    rows = (
        meetings.filter(situation__isnull=False)
        .order_by()
        .values("situation_id", "situation__name")
        .annotate(count=Count("pk"))
        .order_by("situation__name")
    )
    return [{"name": r["situation__name"], "slug": slugify(r["situation__name"]), "count": r["count"]} for r in rows]


def _years(meetings) -> list[dict]:
    rows = meetings.order_by().values("agenda_year__year").annotate(count=Count("pk")).order_by("-agenda_year__year")
    return [{"year": r["agenda_year__year"], "count": r["count"]} for r in rows]


@require_safe
@public_page
def home(request):
    meetings = public_meetings()
    return render(
        request,
        "public/home.html",
        {
            "latest": with_documents(meetings)[:LATEST],
            "years": _years(meetings),
            "countries": _countries(meetings),
            "documents_available": documents_available(),
        },
    )


@require_safe
@public_page
def year(request, year: int):
    agenda_year = get_object_or_404(AgendaYear.objects.prefetch_related("co_chairs"), year=year)
    meetings = list(with_documents(public_meetings().filter(agenda_year=agenda_year)))
    if not meetings:
        raise Http404("Nothing published for this year.")
    return render(
        request,
        "public/year.html",
        {"agenda_year": agenda_year, "meetings": meetings, "documents_available": documents_available()},
    )


@require_safe
@public_page
def country(request, slug: str):
    candidates = Situation.objects.filter(meetings__in=public_meetings()).distinct()
    situation = next((s for s in candidates if slugify(s.name) == slug), None)
    if situation is None:
        raise Http404("Nothing published for this country.")
    meetings = list(with_documents(public_meetings().filter(situation=situation)))
    return render(
        request,
        "public/country.html",
        {"situation": situation, "meetings": meetings, "documents_available": documents_available()},
    )


def _meeting_page(request, meeting: Meeting):
    return render(request, "public/meeting.html", {"meeting": meeting, "documents_available": documents_available()})


@require_safe
@public_page
def meeting(request, symbol: str):
    """The stable address of a published summary: its Security Council symbol, e.g. /meetings/S/2016/673/."""
    return _meeting_page(request, get_object_or_404(with_documents(public_meetings()), symbol=symbol))


@require_safe
@public_page
def meeting_by_pk(request, pk: int):
    """A public meeting without a symbol (e.g. only its note is published); with a symbol it moves there."""
    found = get_object_or_404(with_documents(public_meetings()), pk=pk)
    if found.symbol:
        return redirect("public:meeting", symbol=found.symbol, permanent=True)
    return _meeting_page(request, found)


@require_safe
@public_page
def search(request):
    """What is published (summaries, notes, the recommendations they print, the Network's issued documents) that
    contains the words typed: the one search engine, for anyone (search.engine with ``public``)."""
    return render(request, "public/search.html", search_page(request, public=True))

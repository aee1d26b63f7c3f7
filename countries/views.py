"""Reference data pages: situations on the Council's agenda, their missions, member states and Council seats.

Everyone signed in reads them; the secretariat edits permanent representatives, the names documents give member
states, and missions here (not only in the admin), each edit checked against the version the form was opened with
and kept in history.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.decorators import secretariat_required, staff_view
from core.editing import edit_page, history_page
from core.pagination import paginate

from .forms import MemberStateNamesForm, MissionForm, PermanentRepresentativeForm
from .models import CouncilMembership, MemberState, Mission, PermanentRepresentative, Situation


@staff_view
def situation_list(request):
    # Every mission, closed or with an expired mandate too: the page marks them, it does not hide them.
    situations = Situation.objects.select_related("host_state").prefetch_related(
        Prefetch("missions", queryset=Mission.objects.order_by("-active", "acronym"))
    )
    return render(request, "countries/situation_list.html", {"situations": situations, "today": timezone.localdate()})


@staff_view
def situation_detail(request, pk: int):
    situation = get_object_or_404(Situation.objects.select_related("host_state"), pk=pk)
    return render(
        request,
        "countries/situation_detail.html",
        {
            "situation": situation,
            "missions": situation.missions.all(),
            "today": timezone.localdate(),
        },
    )


@staff_view
def member_state_list(request):
    today = timezone.localdate()
    year = today.year
    states = MemberState.objects.prefetch_related(
        Prefetch(
            "representatives",
            queryset=PermanentRepresentative.objects.as_of(today),
            to_attr="current_representatives",
        ),
        Prefetch("council_seats", queryset=CouncilMembership.objects.order_by("year"), to_attr="seats"),
    )
    return render(request, "countries/member_state_list.html", {"states": states, "year": year})


def _search(request) -> str:
    return request.GET.get("q", "").replace("\x00", "").strip()[:100]


@staff_view
@require_GET
def representative_list(request):
    """Who represents which state, from when to when: everyone recorded, former representatives marked."""
    representatives = PermanentRepresentative.objects.select_related("member_state")
    query = _search(request)
    if query:
        representatives = representatives.filter(
            Q(surname__icontains=query) | Q(given_names__icontains=query) | Q(member_state__name__icontains=query)
        )
    return render(
        request,
        "countries/representative_list.html",
        {"page": paginate(request, representatives), "query": query, "today": timezone.localdate()},
    )


@staff_view
@require_GET
def mission_list(request):
    """Every mission and its mandate expiry; expired mandates and closed missions are marked, never dropped."""
    missions = Mission.objects.select_related("situation")
    query = _search(request)
    if query:
        missions = missions.filter(
            Q(acronym__icontains=query) | Q(name__icontains=query) | Q(situation__name__icontains=query)
        )
    return render(
        request,
        "countries/mission_list.html",
        {"page": paginate(request, missions), "query": query, "today": timezone.localdate()},
    )


@secretariat_required
def representative_form(request, pk: int | None = None):
    representative = get_object_or_404(PermanentRepresentative, pk=pk) if pk else PermanentRepresentative()
    return edit_page(
        request,
        PermanentRepresentativeForm,
        representative,
        back_url=reverse("countries:representatives"),
        back_label=_("Permanent representatives"),
        heading=_("Edit %(name)s") % {"name": representative} if pk else _("Add a permanent representative"),
        history_url=reverse("countries:representative_history", args=[pk]) if pk else "",
    )


@secretariat_required
def member_state_names(request, pk: int):
    """The state's name in a sentence and its formal name, as Council documents print them."""
    member_state = get_object_or_404(MemberState, pk=pk)
    return edit_page(
        request,
        MemberStateNamesForm,
        member_state,
        back_url=reverse("countries:member_states"),
        back_label=_("Member states"),
        heading=_("Names of %(name)s in documents") % {"name": member_state},
        history_url=reverse("countries:member_state_history", args=[pk]),
        intro=_(
            "Lists and menus say “%(name)s”. As saved now, a letter's title reads “… from the Permanent "
            "Representatives of %(formal)s to the United Nations …” and its text “… and %(in_text)s, as Co-Chairs …”."
        )
        % {"name": member_state.name, "formal": member_state.formal, "in_text": member_state.in_text},
    )


@secretariat_required
def mission_form(request, pk: int | None = None):
    mission = get_object_or_404(Mission, pk=pk) if pk else Mission()
    return edit_page(
        request,
        MissionForm,
        mission,
        back_url=reverse("countries:missions"),
        back_label=_("Missions and mandates"),
        heading=_("Edit %(name)s") % {"name": mission} if pk else _("Add a mission"),
        history_url=reverse("countries:mission_history", args=[pk]) if pk else "",
    )


@secretariat_required
@require_GET
def representative_history(request, pk: int):
    representative = get_object_or_404(PermanentRepresentative.objects.select_related("member_state"), pk=pk)
    return history_page(
        request,
        representative,
        back_url=reverse("countries:representatives"),
        back_label=_("Permanent representatives"),
    )


@secretariat_required
@require_GET
def member_state_history(request, pk: int):
    member_state = get_object_or_404(MemberState, pk=pk)
    return history_page(
        request, member_state, back_url=reverse("countries:member_states"), back_label=_("Member states")
    )


@secretariat_required
@require_GET
def mission_history(request, pk: int):
    mission = get_object_or_404(Mission, pk=pk)
    return history_page(request, mission, back_url=reverse("countries:missions"), back_label=_("Missions and mandates"))

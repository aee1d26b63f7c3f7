"""Reference data pages: situations on the Council's agenda, their missions, member states and Council seats."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.decorators import staff_view
from meetings.models import Meeting

from .models import CouncilMembership, MemberState, Mission, PermanentRepresentative, Situation


@staff_view
def situation_list(request):
    situations = Situation.objects.select_related("host_state").prefetch_related(
        Prefetch("missions", queryset=Mission.objects.active())
    )
    return render(request, "countries/situation_list.html", {"situations": situations})


@staff_view
def situation_detail(request, pk: int):
    situation = get_object_or_404(Situation.objects.select_related("host_state"), pk=pk)
    meetings = Meeting.objects.visible_to(request.user).filter(situation=situation).for_list().order_by("-date")
    return render(
        request,
        "countries/situation_detail.html",
        {
            "situation": situation,
            "missions": situation.missions.all(),
            "meetings": meetings,
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

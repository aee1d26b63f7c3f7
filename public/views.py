"""The public site: published summaries and documents only, readable without signing in."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from meetings.models import Meeting


@require_GET
def home(request):
    meetings = Meeting.objects.published().select_related("agenda_year", "situation").order_by("-date")
    return render(request, "public/home.html", {"meetings": meetings})

"""The search page of the workbench: one box over everything the signed-in reader may see."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.decorators import staff_view
from core.params import int_param
from countries.models import Situation

from . import engine
from .forms import SearchForm
from .sources import public_meeting_countries


def run(request, *, public: bool):
    """The form and the results of ``?q=`` with its filters: what both search pages show."""
    user = None if public else request.user
    kinds = engine.kinds_for(user, public=public)
    countries = Situation.objects.filter(pk__in=public_meeting_countries()) if public else Situation.objects.all()
    form = SearchForm(
        request.GET or None, kinds=kinds, countries=countries, prefix_id="public-search" if public else "search"
    )
    results = None
    if form.is_bound and form.query():
        page = int_param(request.GET, "page", min_value=1, max_value=None)
        results = engine.search(user, form.query(), form.filters(), public=public, page=page)
    return {"form": form, "results": results, "query": form.query() if form.is_bound else "", "public": public}


@require_safe
@staff_view
def search(request):
    return render(request, "search/search.html", run(request, public=False))

"""Staff pages about people: who has which role, and the history of each account (secretariat only)."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.decorators import secretariat_required
from core.history import history_entries
from core.pagination import paginate

from .forms import UserSearchForm
from .models import User


@secretariat_required
@require_GET
def user_list(request):
    users = User.objects.select_related("delegation").prefetch_related(Prefetch("groups", to_attr="group_list"))
    form = UserSearchForm(request.GET)
    if query := form.query:
        users = users.filter(Q(username__icontains=query) | Q(last_name__icontains=query) | Q(email__icontains=query))
    return render(request, "accounts/user_list.html", {"page": paginate(request, users), "form": form})


@secretariat_required
@require_GET
def user_history(request, pk: int):
    """Who changed this account (names, delegation, groups, active flag), when, old and new values."""
    person = get_object_or_404(User, pk=pk)
    entries = history_entries(person.history.all())
    return render(request, "accounts/user_history.html", {"person": person, "entries": entries})

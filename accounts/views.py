"""Staff pages about people: who has which role, their accounts and the history of each (secretariat only).

The secretariat creates, edits and deactivates accounts here. A new account gets no password from anyone: after
a confirmation step, the person receives a link to choose one.
"""

from __future__ import annotations

import logging
import smtplib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.decorators import secretariat_required
from core.concurrency import StaleEdit, refuse_stale
from core.history import history_entries
from core.pagination import paginate

from . import services
from .forms import UserForm, UserSearchForm
from .models import User

logger = logging.getLogger(__name__)


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


def _editable(request, person: User) -> None:
    """Administrators' accounts (staff, superusers) are managed in the admin, by administrators."""
    if (person.is_superuser or person.is_staff) and not request.user.is_superuser:
        raise PermissionDenied


@secretariat_required
def user_form(request, pk: int | None = None):
    person = get_object_or_404(User, pk=pk) if pk else User()
    if pk:
        _editable(request, person)
    form = UserForm(request.POST or None, instance=person, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_user(
                form.instance,
                expected_version=form.expected_version,
                secretariat=form.cleaned_data["secretariat"],
                by=request.user,
            )
        except StaleEdit as exc:
            refuse_stale(form, exc)
        except IntegrityError:  # the same username taken between the form's check and the save
            form.add_error("username", _("This username has just been taken: choose another."))
        else:
            if pk:
                messages.success(request, _("Saved: %(name)s.") % {"name": form.instance})
                return redirect("accounts:user_list")
            messages.success(
                request,
                _("Account created for %(name)s. No email has been sent yet.") % {"name": form.instance},
            )
            return redirect("accounts:user_invite", pk=form.instance.pk)
    return render(request, "accounts/user_form.html", {"form": form, "person": person if pk else None})


@secretariat_required
def user_invite(request, pk: int):
    """Confirm, then send the person a link to choose their password (nothing is sent on GET)."""
    person = get_object_or_404(User, pk=pk)
    _editable(request, person)
    problem = services.can_receive_link(person)
    if request.method == "POST" and not problem:
        try:
            services.send_set_password_link(person, by=request.user)
        except (smtplib.SMTPException, OSError):
            logger.exception("set-password link to user %s not sent", person.pk)
            messages.error(request, _("The email could not be sent. Nothing was recorded; try again later."))
        else:
            messages.success(request, _("A link to choose a password was sent to %(email)s.") % {"email": person.email})
            return redirect("accounts:user_list")
    elif request.method == "POST":
        messages.error(request, problem)
    return render(request, "accounts/user_invite.html", {"person": person, "problem": problem})

"""Staff pages about people: who has which role, their accounts and the history of each (secretariat only).

The secretariat creates, edits and deactivates accounts here. A new account gets no password from anyone: after
a confirmation step, the person receives a link to choose one.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.decorators import secretariat_required
from core.concurrency import StaleEdit, refuse_stale
from core.history import history_entries
from core.pagination import paginate

from . import services
from .forms import UserForm, UserSearchForm
from .middleware import offered_language
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


@never_cache
@require_http_methods(["GET", "POST"])
def set_language(request):
    """The language switcher (base.html): the choice goes into Django's language cookie and, for a signed-in
    person, onto the account, so their next sessions open in it too; then back to the page they were on.

    Signed-in people POST (with the CSRF token they already hold). Anonymous visitors send a GET: their pages
    carry no CSRF cookie (public.caching), and all this GET changes is the visitor's own language cookie, so a
    forged link can do no more than switch a stranger's language. A signed-in account is changed by POST only."""
    code = offered_language(request.POST.get("language") if request.method == "POST" else request.GET.get("language"))
    target = request.POST.get("next") if request.method == "POST" else request.GET.get("next")
    # Back to a path of this site only: never another host, never a view name or anything unprintable.
    local = isinstance(target, str) and target.startswith("/") and target.isprintable()
    if not (local and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())):
        target = reverse("meetings:dashboard") if request.user.is_authenticated else reverse("public:home")
    response = HttpResponseRedirect(target)
    if not code:
        messages.error(request, _("Choose one of the languages offered."))
        return response
    if request.method == "POST" and request.user.is_authenticated:
        services.set_language(request.user, code)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response

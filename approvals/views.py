"""Co-chairs approve (or withdraw approval of) a year's agenda; the secretariat reads the agenda's history."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import permissions
from accounts.decorators import secretariat_required, staff_view
from core.history import history_entries
from meetings.models import AgendaEntry, AgendaYear, Meeting

from . import services
from .forms import CommentForm, RecordApprovalForm
from .models import AgendaApproval


def _year_to_approve(request, year: int) -> AgendaYear:
    agenda_year = get_object_or_404(AgendaYear.objects.visible_to(request.user), year=year)
    if not permissions.can_approve(request.user, agenda_year):
        raise PermissionDenied
    return agenda_year


@staff_view
@require_POST
def agenda_approve(request, year: int):
    """A co-chair approves the agenda for its state; the secretariat records a co-chair's approval by email."""
    if "record-on_behalf_of" in request.POST:
        agenda_year = get_object_or_404(AgendaYear.objects.visible_to(request.user), year=year)
        if not permissions.can_record_for_cochair(request.user, agenda_year):
            raise PermissionDenied
        return _record_agenda_approval(request, agenda_year)
    agenda_year = _year_to_approve(request, year)
    try:
        services.approve_agenda(
            agenda_year, by=request.user, now=timezone.now(), seen_fingerprint=request.POST.get("fingerprint", "")
        )
    except services.ApprovalError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Agenda approved on behalf of %(state)s.") % {"state": request.user.delegation})
    return redirect(agenda_year)


def _record_agenda_approval(request, agenda_year: AgendaYear):
    form = RecordApprovalForm(request.POST, states=agenda_year.co_chairs.all(), today=timezone.localdate())
    if not form.is_valid():
        errors = " ".join(message for field_errors in form.errors.values() for message in field_errors)
        messages.error(request, _("The approval was not recorded: %(errors)s") % {"errors": errors})
        return redirect(agenda_year)
    try:
        approval = services.approve_agenda(
            agenda_year,
            by=request.user,
            now=timezone.now(),
            seen_fingerprint=request.POST.get("fingerprint", ""),
            on_behalf_of=form.cleaned_data["on_behalf_of"],
            received_on=form.cleaned_data["received_on"],
        )
    except services.ApprovalError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Recorded: approved by %(who)s.") % {"who": approval.approved_credit})
    return redirect(agenda_year)


@staff_view
@require_POST
def agenda_withdraw(request, year: int):
    agenda_year = _year_to_approve(request, year)
    try:
        services.withdraw_agenda_approval(agenda_year, by=request.user, now=timezone.now())
    except services.ApprovalError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Approval withdrawn."))
    return redirect(agenda_year)


@secretariat_required
@require_GET
def agenda_history(request, year: int):
    """Every change to the year, its agenda countries (including removed ones) and its approvals."""
    agenda_year = get_object_or_404(AgendaYear, year=year)
    entries = history_entries(
        agenda_year.history.all(),
        AgendaEntry.history.filter(agenda_year_id=agenda_year.pk).select_related("situation"),
        AgendaApproval.history.filter(agenda_year_id=agenda_year.pk).select_related("member_state"),
    )
    return render(request, "approvals/agenda_history.html", {"agenda_year": agenda_year, "entries": entries})


@staff_view
@require_POST
def comment_add(request, year: int, meeting_pk: int | None = None):
    """A co-chair or the secretariat comments on a meeting or on the year's agenda."""
    agenda_year = get_object_or_404(AgendaYear.objects.visible_to(request.user), year=year)
    meeting = None
    if meeting_pk is not None:
        meeting = get_object_or_404(Meeting, pk=meeting_pk, agenda_year=agenda_year)
    if not permissions.can_comment(request.user, agenda_year):
        raise PermissionDenied
    target = meeting.get_absolute_url() if meeting else agenda_year.get_absolute_url()
    if meeting and request.POST.get("from") == "note":  # the comment form on the background note's page
        target = reverse("documents:note", args=[meeting.pk])
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(
                agenda_year=agenda_year,
                meeting=meeting,
                text=form.cleaned_data["text"],
                by=request.user,
                now=timezone.now(),
            )
        except services.ApprovalError as exc:
            form.add_error("text", str(exc))
        else:
            messages.success(request, _("Comment added."))
            return redirect(f"{target}#comments")
    # The error beside the field, the text kept, on a page of its own (the comments sit far down the meeting page).
    context = {
        "form": form,
        "agenda_year": agenda_year,
        "meeting": meeting,
        "back": f"{target}#comments",
        "from_note": request.POST.get("from") == "note",
    }
    return render(request, "approvals/comment_form.html", context, status=400)

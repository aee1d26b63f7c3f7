"""The troika's approval on a page, shared by the chair's summary and the newsletter: the panel's context (who the
user approves for, the secretariat's form for an approval received by email) and the POST that records one."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can_edit_network
from approvals.forms import RecordApprovalForm
from approvals.services import ApprovalError
from countries.models import MemberState

from . import approving


def _record_form(pending_states, today, data=None) -> RecordApprovalForm:
    form = RecordApprovalForm(
        data, states=MemberState.objects.filter(pk__in=[s.pk for s in pending_states]), today=today
    )
    form.fields["on_behalf_of"].label = _("Troika state")
    return form


def approval_panel(request, status, *, year: int, in_review: bool, today) -> dict:
    acting = None
    try:
        acting = approving.acting_state(year, request.user)
    except ApprovalError:
        pass
    record_form = None
    if can_edit_network(request.user) and status.pending_states and in_review:
        record_form = _record_form(status.pending_states, today)
    return {"status": status, "acting_state": acting, "record_form": record_form}


def approve_from_post(request, target, *, pending_states, approve):
    """Record the approval the POST asks for (``approve(on_behalf_of=..., received_on=..., **common)``), say
    what happened or why not, and go back to ``target``."""
    on_behalf_of = received_on = None
    if "record-on_behalf_of" in request.POST:
        form = _record_form(pending_states, timezone.localdate(), request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
            return redirect(target)
        on_behalf_of, received_on = form.cleaned_data["on_behalf_of"], form.cleaned_data["received_on"]
    try:
        approval = approve(
            by=request.user,
            now=timezone.now(),
            seen_fingerprint=request.POST.get("fingerprint", ""),
            on_behalf_of=on_behalf_of,
            received_on=received_on,
        )
    except ApprovalError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Approved for %(state)s.") % {"state": approval.member_state})
    return redirect(target)

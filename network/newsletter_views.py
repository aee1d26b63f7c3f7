"""The newsletter: members' updates (focal points submit, the secretariat decides), issues compiled from them,
approved by the troika, sent to every focal point through the outbox, and the archive. Thin views: the rules are
in network.newsletter_services, the content in network.newsletter."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import network_secretariat_required, network_view
from accounts.permissions import can_edit_network, focal_point_member_ids
from approvals.services import ApprovalError
from core.confirm import confirmation_page, confirmed
from core.editing import edit_page, history_page
from core.exceptions import InvalidTransition
from core.history import history_entries
from core.pagination import paginate
from notifications.models import Notification

from . import approving, newsletter_services
from .approval_views import approval_panel, approve_from_post
from .choices import NewsletterStatus, Visibility
from .forms import NetworkUpdateForm, NewsletterForm
from .models import Member, NetworkUpdate, Newsletter, NewsletterApproval
from .newsletter import compiled, recipients


def _own_members(user):
    return Member.objects.filter(pk__in=focal_point_member_ids(user))


@network_view
@require_GET
def update_list(request):
    """The secretariat sees every update; a focal point those of their own member."""
    updates = NetworkUpdate.objects.select_related("member", "submitted_by")
    if not can_edit_network(request.user):
        updates = updates.filter(member_id__in=focal_point_member_ids(request.user))
    return render(request, "network/update_list.html", {"page": paginate(request, updates)})


@network_view
def update_form(request, pk: int | None = None):
    editor = can_edit_network(request.user)
    members = None if editor else _own_members(request.user)
    if not editor and not members.exists():
        return HttpResponseForbidden(_("Only a focal point in post, or the Network's secretariat, sends updates."))
    if pk:
        update = get_object_or_404(NetworkUpdate, pk=pk)
        if not editor and (
            update.member_id not in focal_point_member_ids(request.user) or update.status != "submitted"
        ):
            return HttpResponseForbidden(_("This update is no longer yours to edit."))
    else:
        update = NetworkUpdate(submitted_by=request.user)
    return edit_page(
        request,
        NetworkUpdateForm,
        update,
        back_url=reverse("network:updates"),
        back_label=_("Members' updates"),
        heading=_("Edit an update") if pk else _("Send an update for the newsletter"),
        intro=_("A plan launched, an event, a good practice, a knowledge product: the secretariat reads it first."),
        form_kwargs={"members": members},
    )


@network_secretariat_required
@require_POST
def update_decide(request, pk: int):
    update = get_object_or_404(NetworkUpdate, pk=pk)
    try:
        newsletter_services.decide_update(update, request.POST.get("status", ""), by=request.user)
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Saved: %(name)s.") % {"name": update})
    return redirect("network:updates")


@network_view
@require_GET
def newsletter_list(request):
    """The archive; drafts for the Network's secretariat and the troika's focal points only."""
    issues = Newsletter.objects.all()
    if not can_edit_network(request.user):
        issues = issues.filter(status__in=[NewsletterStatus.SENT, NewsletterStatus.IN_REVIEW])
    return render(request, "network/newsletter_list.html", {"page": paginate(request, issues)})


@network_secretariat_required
def newsletter_form(request, pk: int | None = None):
    if pk:
        issue = get_object_or_404(Newsletter, pk=pk)
        if issue.is_sent:
            messages.error(request, _("A newsletter that was sent is not edited: it is what its readers received."))
            return redirect(issue)
    else:
        last = Newsletter.objects.order_by("-number").first()
        today = timezone.localdate()
        issue = Newsletter(
            number=(Newsletter.objects.aggregate(n=Max("number"))["n"] or 0) + 1,
            year=today.year,
            title=_("Newsletter of the Women, Peace and Security Focal Points Network"),
            since=last.sent_on if last and last.sent_on else today.replace(day=1),
        )
    today = timezone.localdate()
    return edit_page(
        request,
        NewsletterForm,
        issue,
        back_url=issue.get_absolute_url() if pk else reverse("network:newsletters"),
        back_label=str(issue) if pk else _("Newsletters"),
        heading=_("Edit %(name)s") % {"name": issue} if pk else _("Compile a newsletter"),
        intro=_("Upcoming events, new members and the progress of open action points are added from the records."),
        done_url=lambda obj: obj.get_absolute_url(),
        save=lambda obj, form: newsletter_services.save_issue(
            obj, expected_version=form.expected_version, by=request.user, today=today, save_m2m=form.save_m2m
        ),
    )


def _readable(request, issue: Newsletter) -> bool:
    if can_edit_network(request.user) or issue.is_sent:
        return True
    try:
        approving.acting_state(issue.year, request.user)
    except ApprovalError:
        return False
    return issue.status == NewsletterStatus.IN_REVIEW


def _delivery(issue: Newsletter) -> dict[str, int]:
    """How the issue's emails stand in the outbox: sent, waiting (pending or being sent), failed (one query)."""
    content_type = ContentType.objects.get_for_model(Newsletter)  # cached by Django after the first call
    rows = Notification.objects.filter(content_type=content_type, object_id=issue.pk)  # the decision key's index
    counts = dict(rows.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    return {
        "sent": counts.get("sent", 0),
        "waiting": counts.get("pending", 0) + counts.get("sending", 0),
        "failed": counts.get("failed", 0),
    }


@network_view
@require_GET
def newsletter_detail(request, pk: int):
    issue = get_object_or_404(Newsletter, pk=pk)
    if not _readable(request, issue):
        return HttpResponseForbidden(_("This issue is still with the secretariat."))
    today = timezone.localdate()
    panel = approval_panel(
        request,
        newsletter_services.status(issue, today=today),
        year=issue.year,
        in_review=issue.status == NewsletterStatus.IN_REVIEW,
        today=today,
    )
    context = {
        "issue": issue,
        "content": compiled(issue, today=today),
        **panel,
        "recipient_count": len(recipients(today)) if not issue.is_sent and can_edit_network(request.user) else None,
        "delivery": _delivery(issue) if issue.is_sent and can_edit_network(request.user) else None,
    }
    return render(request, "network/newsletter_detail.html", context)


@network_secretariat_required
@require_POST
def newsletter_submit(request, pk: int):
    issue = get_object_or_404(Newsletter, pk=pk)
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Send this issue to the troika for approval?"),
            consequences=[_("Its focal points can approve it as it stands; a later edit resets their approvals.")],
            action=reverse("network:newsletter_submit", args=[pk]),
            cancel_url=issue.get_absolute_url(),
            button=_("Confirm: send for approval"),
        )
    try:
        newsletter_services.submit_for_review(issue, by=request.user)
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("With the troika for approval."))
    return redirect(issue)


@network_view
@require_POST
def newsletter_approve(request, pk: int):
    issue = get_object_or_404(Newsletter, pk=pk)
    pending = newsletter_services.status(issue, today=timezone.localdate()).pending_states
    return approve_from_post(
        request, issue, pending_states=pending, approve=partial(newsletter_services.approve, issue)
    )


@network_secretariat_required
@require_POST
def newsletter_send(request, pk: int):
    issue = get_object_or_404(Newsletter, pk=pk)
    if not confirmed(request):
        count = len(recipients(timezone.localdate()))
        return confirmation_page(
            request,
            title=_("Send %(issue)s to every focal point?") % {"issue": issue},
            consequences=[
                _("%(count)s focal points in post receive it by email, each once.") % {"count": count},
                _("It is fixed once sent, and kept in the archive (%(who)s).")
                % {"who": issue.get_visibility_display()},
            ],
            action=reverse("network:newsletter_send", args=[pk]),
            cancel_url=issue.get_absolute_url(),
            button=_("Confirm: send the newsletter"),
        )
    try:
        queued = newsletter_services.send(issue, by=request.user, now=timezone.now())
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Sent: %(count)s emails queued in the outbox.") % {"count": queued})
    return redirect(issue)


@network_secretariat_required
@require_GET
def newsletter_history(request, pk: int):
    issue = get_object_or_404(Newsletter, pk=pk)
    entries = history_entries(issue.history.all(), NewsletterApproval.history.filter(newsletter_id=issue.pk))
    return history_page(request, issue, back_url=issue.get_absolute_url(), back_label=str(issue), entries=entries)


# Public: issues sent and public.


def _public_issues():
    return Newsletter.objects.filter(status=NewsletterStatus.SENT, visibility=Visibility.PUBLIC)


@require_GET
def public_newsletters(request):
    return render(request, "network/public_newsletters.html", {"page": paginate(request, _public_issues())})


@require_GET
def public_newsletter(request, pk: int):
    issue = get_object_or_404(_public_issues(), pk=pk)
    return render(
        request, "network/public_newsletter.html", {"issue": issue, "content": compiled(issue, today=issue.sent_on)}
    )

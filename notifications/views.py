"""Outbox (secretariat), notification preferences (everyone signed in), private iCal feed, invitations."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import secretariat_required, staff_view
from core.confirm import confirmation_page, confirmed
from core.pagination import paginate
from meetings.models import Meeting

from . import feeds, ical, invitations, sending
from .forms import OutboxFilterForm, PreferencesForm
from .models import Notification
from .preferences import update_preferences


@secretariat_required
@require_GET
def outbox(request):
    """Every notification: to whom, why, when scheduled, when sent, failures with their error."""
    form = OutboxFilterForm(request.GET or None)
    rows = form.filter(Notification.objects.for_outbox()).order_by("-created_at", "-pk")
    page = paginate(request, rows)
    return render(request, "notifications/outbox.html", {"form": form, "page": page})


@secretariat_required
@require_POST
def outbox_retry(request, pk: int):
    row = get_object_or_404(Notification, pk=pk)
    if row.state == Notification.State.FAILED and not confirmed(request):
        return confirmation_page(
            request,
            title=_("Send this email again?"),
            consequences=[
                _("“%(kind)s” is sent again to %(email)s.") % {"kind": row.get_kind_display(), "email": row.email},
                _("It is built from today's state of what it is about; if that no longer applies, it is cancelled."),
            ],
            action=reverse("notifications:retry", args=[row.pk]),
            cancel_url=reverse("notifications:outbox"),
            button=_("Confirm: send again"),
        )
    if sending.retry_notification(row, now=timezone.now()):
        messages.success(request, _("Queued again: %(email)s.") % {"email": row.email})
    else:
        messages.warning(request, _("Only a failed notification can be retried."))
    return redirect("notifications:outbox")


@staff_view
def preferences(request):
    user = request.user
    initial = {"email_notifications": user.email_notifications, "delivery": user.delivery, "time_zone": user.time_zone}
    form = PreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        update_preferences(user, **form.cleaned_data)
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    feed = feeds.calendar_feed(user)
    feed_url = settings.SITE_URL + reverse("notifications:ical_feed", args=[feed.token])
    return render(request, "notifications/preferences.html", {"form": form, "feed_url": feed_url})


@staff_view
@require_POST
def regenerate_feed(request):
    feeds.regenerate_feed_token(request.user)
    messages.success(request, _("New calendar address created; the old one no longer works."))
    return redirect("notifications:preferences")


@never_cache
@require_GET
def ical_feed(request, token: str):
    """The private feed: no sign-in (calendar apps cannot), the unguessable token is the key."""
    feed = feeds.feed_for(token)
    if feed is None:
        raise Http404
    now = timezone.now()
    steps, meetings = feeds.feed_items(feed.user, now=now)
    body = ical.feed(steps=steps, meetings=meetings, now=now, name=_("IEG deadlines and meetings"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="ieg.ics"'
    return response


@secretariat_required
@require_POST
def send_invitation(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=pk)
    if not confirmed(request):
        try:
            new, already = invitations.invitation_plan(meeting)
        except invitations.InvitationError as exc:
            messages.error(request, str(exc))
            return redirect(meeting)
        return confirmation_page(
            request,
            title=_("Send the invitations?") + f" · {meeting.subject}",
            consequences=[
                _("%(n)d people are emailed an invitation for %(date)s, with a calendar file.")
                % {"n": new, "date": formats.date_format(meeting.date)},
                _("They are the secretariat, the co-chairs of %(year)s and the experts of its Council members.")
                % {"year": meeting.agenda_year.year},
                _("%(n)d already invited for this date are not emailed again.") % {"n": already},
            ],
            action=reverse("notifications:send_invitation", args=[meeting.pk]),
            cancel_url=meeting.get_absolute_url(),
            button=_("Confirm: send %(n)d invitations") % {"n": new},
        )
    try:
        created = invitations.send_meeting_invitation(meeting, now=timezone.now())
    except invitations.InvitationError as exc:
        messages.error(request, str(exc))
    else:
        if created:
            messages.success(request, _("%(n)d invitations queued, each with an .ics calendar file.") % {"n": created})
        else:
            messages.info(request, _("Everyone already has an invitation for this date."))
    return redirect(meeting)

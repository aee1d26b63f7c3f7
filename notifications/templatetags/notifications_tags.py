from __future__ import annotations

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from accounts import permissions
from meetings.models import Meeting

from ..models import Notification

register = template.Library()


@register.inclusion_tag("notifications/_invitation_panel.html", takes_context=True)
def meeting_invitation_panel(context, meeting):
    """The secretariat's 'send invitation' card on a meeting page, with what was already sent for this date."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not permissions.is_secretariat(user):
        return {"show": False}
    counts = {"sent": 0, "pending": 0, "failed": 0}
    if meeting.date:
        counts = Notification.objects.filter(
            content_type=ContentType.objects.get_for_model(Meeting),
            object_id=meeting.pk,
            kind=Notification.Kind.INVITATION,
            due_date=meeting.date,
        ).aggregate(
            sent=Count("pk", filter=Q(state="sent")),
            pending=Count("pk", filter=Q(state__in=["pending", "sending"])),
            failed=Count("pk", filter=Q(state="failed")),
        )
    return {"show": True, "meeting": meeting, "counts": counts, "csrf_token": context.get("csrf_token")}

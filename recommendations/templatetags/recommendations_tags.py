"""The recommendations part of the meeting page (its letters come from recommendations.lettering)."""

from __future__ import annotations

from django import template

from accounts import permissions

register = template.Library()


@register.inclusion_tag("recommendations/_meeting_section.html", takes_context=True)
def meeting_recommendations(context, meeting):
    """Briefing summary, lettered recommendations and, for a follow-up meeting, the review of open items."""
    from recommendations.services import reads

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not permissions.can_view_meeting(user, meeting):
        return {"visible": False}
    return {
        "visible": True,
        "meeting": meeting,
        "record": reads.meeting_record(meeting, user=user),
        "follow_up": reads.follow_up_items(meeting, user=user),
        "can_edit": permissions.can_edit(user),
        "today": context.get("today"),
    }


_BADGES = {
    "acted_on": "badge--ok",
    "acted_on_in_part": "badge--ok",
    "under_consideration": "badge--warn",
    "not_taken_up": "badge--danger",
    "withdrawn": "badge--muted",
}


@register.filter
def status_badge(status: str) -> str:
    """The badge class of a recommendation's status: a filter, not an include per row of a long list."""
    return _BADGES.get(status, "")

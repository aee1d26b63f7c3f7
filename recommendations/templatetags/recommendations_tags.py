"""The recommendations part of the meeting page, and lettering (a), (b), (c) as in a Council document."""

from __future__ import annotations

from django import template

from accounts import permissions

register = template.Library()


@register.filter
def letter(position: int) -> str:
    """1 → a, 2 → b, … 26 → z, 27 → aa, 28 → ab: the letter of the n-th recommendation."""
    position = int(position)
    if position < 1:
        return ""
    letters = ""
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


@register.inclusion_tag("recommendations/_meeting_section.html", takes_context=True)
def meeting_recommendations(context, meeting):
    """Briefing summary, lettered recommendations and, for a follow-up meeting, the review of open items."""
    from recommendations import services

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not permissions.can_view_meeting(user, meeting):
        return {"visible": False}
    return {
        "visible": True,
        "meeting": meeting,
        "record": services.meeting_record(meeting, user=user),
        "follow_up": services.follow_up_items(meeting, user=user),
        "can_edit": permissions.can_edit(user),
        "today": context.get("today"),
    }

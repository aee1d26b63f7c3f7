from django import template

from accounts import permissions

from ..models import Meeting

register = template.Library()


@register.filter
def completable_by(step, user) -> bool:
    """Whether ``user`` may mark ``step`` done or reopen it (accounts.permissions.can_complete_step)."""
    return permissions.can_complete_step(user, step)


@register.filter
def step_flag(step, today) -> str:
    """'done', 'late', 'risk' or 'open': how a timeline step reads today."""
    return step.flag(today)


@register.inclusion_tag("meetings/_sort_header.html", takes_context=True)
def sort_header(context, key: str, label: str):
    """A column header that sorts the list by ``key`` (toggling direction), keeping the other filters."""
    request = context["request"]
    current = context.get("sort", "")
    params = request.GET.copy()
    params.pop("page", None)
    params["sort"] = f"-{key}" if current == key else key
    direction = "ascending" if current == key else "descending" if current == f"-{key}" else None
    return {"label": label, "query": params.urlencode(), "direction": direction}


_MEETING_BADGES = {
    "published": "badge--ok",
    "issued": "badge--ok",
    "cancelled": "badge--muted",
    "held": "badge--warn",
    "summary_drafted": "badge--warn",
    "submitted": "badge--warn",
}


@register.filter
def meeting_badge(status: str) -> str:
    """The badge class of a meeting's status: a filter, not an include per row of a long list."""
    return _MEETING_BADGES.get(status, "")


@register.inclusion_tag("meetings/_meeting_table.html", takes_context=True)
def situation_meetings(context, situation, labelledby: str):
    """The IEG meetings on a situation, for the countries app's situation page: reference data does not import the
    meetings app, the page loads this tag instead."""
    meetings = Meeting.objects.visible_to(context["request"].user).filter(situation=situation).for_list()
    return {"meetings": meetings.order_by("-date"), "labelledby": labelledby, "today": context["today"]}

from django import template

from accounts import permissions
from approvals.models import Comment
from approvals.services import agenda_status

register = template.Library()


@register.inclusion_tag("approvals/_agenda_panel.html", takes_context=True)
def agenda_approvals(context, agenda_year, entries=None):
    """The co-chairs' approval of a year's agenda, with the approve/withdraw buttons for a co-chair.

    ``entries`` (the year's agenda countries, when the page has them) saves a query.
    """
    user = context["request"].user
    status = agenda_status(agenda_year, entries)
    can_approve = permissions.can_approve(user, agenda_year)
    return {
        "agenda_year": agenda_year,
        "status": status,
        "can_approve": can_approve,
        "own_approval": status.approval_of(user.delegation_id) if can_approve else None,
        "is_secretariat": permissions.is_secretariat(user),
        "csrf_token": context.get("csrf_token"),
        "request": context["request"],
    }


@register.inclusion_tag("approvals/_comments.html", takes_context=True)
def review_comments(context, agenda_year, meeting=None):
    """Comments on a meeting (or, without one, on the year's agenda), for the secretariat and co-chairs only."""
    user = context["request"].user
    if not permissions.can_comment(user, agenda_year):
        return {"show": False}
    comments = Comment.objects.filter(agenda_year=agenda_year, meeting=meeting).select_related("author__delegation")
    return {
        "show": True,
        "comments": comments,
        "agenda_year": agenda_year,
        "meeting": meeting,
        "csrf_token": context.get("csrf_token"),
    }

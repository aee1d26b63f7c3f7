from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accounts import permissions
from core.display import column_labels

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


_MEETING_ROW = (
    '\n  <tr>\n    <td data-label="{l0}" class="nowrap">{when}</td>\n'
    '    <th scope="row" data-label="{l1}"><a href="{url}">{subject}</a></th>\n'
    '    <td data-label="{l2}">{kind}</td>\n'
    '    <td data-label="{l3}"><span class="badge {badge}">{status}</span></td>\n'
    '    <td data-label="{l4}" class="nowrap">{next_due}</td>\n'
    '    <td data-label="{l5}" class="nowrap">{symbol}</td>\n  </tr>'
)


@register.simple_tag
def meeting_rows(meetings, today) -> str:
    """The rows of a meetings table (``Meeting.objects.for_list()``), built in one pass, the labels translated
    once: the year page and the meetings list show every meeting of a year."""
    labels = column_labels(_("Date"), _("Meeting"), _("Kind"), _("Status"), _("Next deadline"), _("Symbol"))
    approx, not_recorded, to_be_set = _("approx."), _("not recorded"), _("to be set")
    rows = []
    for meeting in meetings:
        if meeting.date:
            if meeting.date_is_approximate:
                shown = format_html(
                    '{} <span class="muted">({})</span>', date_format(meeting.date, "YEAR_MONTH_FORMAT"), approx
                )
            else:
                shown = date_format(meeting.date)
            when = format_html('<time datetime="{}">{}</time>', meeting.date.isoformat(), shown)
        else:
            when = format_html('<span class="muted">{}</span>', not_recorded if meeting.is_past else to_be_set)
        next_due = meeting.next_due
        if not next_due:
            next_due_html = "—"
        elif next_due < today:
            next_due_html = format_html('<span class="badge badge--danger">{}</span>', date_format(next_due))
        else:
            next_due_html = date_format(next_due)
        rows.append(
            format_html(
                _MEETING_ROW,
                **labels,
                when=when,
                url=meeting.get_absolute_url(),
                subject=meeting.subject,
                kind=meeting.get_kind_display(),
                badge=meeting_badge(meeting.status),
                status=meeting.get_status_display(),
                next_due=next_due_html,
                symbol=meeting.symbol or "—",
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - every piece went through format_html

"""The recommendations part of the meeting page (its letters come from recommendations.lettering)."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accounts import permissions
from core.display import column_labels, escaped

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


_TRACKER_ROW = (
    '<tr>\n    <td data-label="{l0}"><a href="{meeting_url}">{subject}</a><br>'
    '<span class="muted nowrap">{when}</span></td>'
    '\n    <th scope="row" data-label="{l1}"><a href="{url}">{text}</a>{note}<br>'
    '<span class="muted rec-source">{source}</span></th>'
    '\n    <td data-label="{l2}">{addressee}</td>\n    <td data-label="{l3}">{action}</td>'
    '\n    <td data-label="{l4}">{mission}</td>'
    '\n    <td data-label="{l5}"><span class="badge {badge}">{status}</span></td>'
    '\n    <td data-label="{l6}" class="nowrap">{next_review}</td>\n  </tr>'
)
_TRACKER_NOTE = '<sup><a href="#note-{n}" class="footnote-ref" aria-label="{label}">{n}</a></sup>'


def _meeting_cells(cells: dict[int, dict], rec, *, undated_year: bool) -> dict:
    """The meeting columns of ``rec``'s row (link, subject, date; an undated meeting shows its year when
    ``undated_year``), built and escaped once per meeting: ``cells`` keeps them for the table's other rows."""
    found = cells.get(rec.meeting_id)
    if found is None:
        m = rec.meeting
        when = date_format(m.date) if m.date else (str(m.agenda_year.year) if undated_year else "")
        found = cells[rec.meeting_id] = escaped(
            {"meeting_url": m.get_absolute_url(), "subject": m.subject, "when": when}
        )
    return found


@register.simple_tag
def tracker_rows(recommendations) -> str:
    """The tracker's table rows, built in one pass: each meeting's link and date once, the column labels once (a
    template loop resolving a dozen lookups and filters per row made the page the slowest in the app)."""
    labels = column_labels(
        _("Meeting"),
        _("Recommendation"),
        _("Addressed to"),
        _("Council action"),
        _("Mission"),
        _("Status"),
        _("Next review"),
    )
    meetings: dict[int, dict] = {}
    rows = []
    for rec in recommendations:
        meeting = _meeting_cells(meetings, rec, undated_year=True)
        note_number = getattr(rec, "note_number", None)
        note = ""
        if note_number:
            label = _("Note %(n)s on the source") % {"n": note_number}
            note = format_html(_TRACKER_NOTE, n=note_number, label=label)
        rows.append(
            format_html(
                _TRACKER_ROW,
                **labels,
                **meeting,
                url=rec.get_absolute_url(),
                text=Truncator(rec.text).words(30, truncate=" …"),
                note=note,
                source=rec.get_source_display(),
                addressee=rec.get_addressee_display(),
                action=rec.get_action_type_display(),
                mission=rec.target_mission if rec.target_mission_id else "—",
                badge=status_badge(rec.status),
                status=rec.get_status_display(),
                next_review=date_format(rec.next_review) if rec.next_review else "—",
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - every piece went through format_html


_ITEM = (
    '<li id="rec-{pk}" class="rec-list__item">\n  <span class="rec-list__letter">{letter}</span>\n  <div>\n'
    '    <p class="rec-list__text">{text}{footnote}</p>\n    <p class="rec-list__meta">\n'
    '      <span class="badge {badge}">{status}</span>\n      · {to} {addressee}\n      · {action}\n'
    '      {mission}· <span class="muted">{source}</span>\n'
    '      · <a href="{url}">{details}<span class="visually-hidden">{context}</span></a>\n    </p>\n  </div>\n</li>\n'
)
_FOOTNOTE = '<sup><a href="#source-note-{pk}" class="footnote-ref" aria-label="{label}">*</a></sup>'
_MISSION = '· <abbr title="{name}">{acronym}</abbr>\n      '
_BULLET = mark_safe('<span aria-hidden="true">•</span>')
_DASH = mark_safe('<span aria-hidden="true">–</span>')


@register.simple_tag
def recommendation_items(items, meeting, heading: str = "", labelled: bool = True) -> str:
    """A meeting's recommendations as the list items of its page, in one pass: ``items`` are (label, recommendation)
    pairs of a group under ``heading`` (recommendations.lettering), or the withdrawn recommendations when
    ``labelled`` is False. The labels are translated once, not once per item (a template included per item made
    the items most of the meeting page's time)."""
    to, details = conditional_escape(_("to")), conditional_escape(_("Details and history"))
    footnote = format_html(_FOOTNOTE, pk=meeting.pk, label=_("Note on the source")) if meeting.source_note else ""
    html = []
    for label, rec in items if labelled else (("", rec) for rec in items):
        if label:
            letter = label
            context = f" {label}, {heading}" if heading else f" {label}"
        else:
            letter = _DASH if rec.status == "withdrawn" else _BULLET
            context = ": " + Truncator(rec.text).words(8, truncate=" …")
        mission = rec.target_mission if rec.target_mission_id else None
        html.append(
            format_html(
                _ITEM,
                pk=rec.pk,
                letter=letter,
                text=linebreaksbr(rec.text, autoescape=True),
                footnote=footnote,
                badge=status_badge(rec.status),
                status=rec.get_status_display(),
                to=to,
                addressee=rec.get_addressee_display(),
                action=rec.get_action_type_display(),
                mission=format_html(_MISSION, name=mission.name, acronym=str(mission)) if mission else "",
                source=rec.get_source_display(),
                url=rec.get_absolute_url(),
                details=details,
                context=context,
            )
        )
    return mark_safe("".join(html))  # noqa: S308 - every piece went through format_html


_RENEWAL_ROW = (
    '<tr>\n      <th scope="row" data-label="{l0}"><a href="{url}">{text}</a></th>\n'
    '      <td data-label="{l1}"><a href="{meeting_url}">{subject}</a> <span class="muted nowrap">{when}</span></td>\n'
    '      <td data-label="{l2}">{action}</td>\n'
    '      <td data-label="{l3}"><span class="badge {badge}">{status}</span></td>\n    </tr>'
)


@register.simple_tag
def renewal_rows(recommendations) -> str:
    """The rows of a mission's open recommendations on the renewal calendar, in one pass (as ``tracker_rows``)."""
    labels = column_labels(_("Recommendation"), _("Meeting"), _("Council action"), _("Status"))
    meetings: dict[int, dict] = {}
    rows = []
    for rec in recommendations:
        meeting = _meeting_cells(meetings, rec, undated_year=False)
        rows.append(
            format_html(
                _RENEWAL_ROW,
                **labels,
                **meeting,
                url=rec.get_absolute_url(),
                text=Truncator(rec.text).words(30, truncate=" …"),
                action=rec.get_action_type_display(),
                badge=status_badge(rec.status),
                status=rec.get_status_display(),
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - every piece went through format_html

"""The rows of a meeting's timeline, as HTML: the meeting page's table and the row htmx swaps in after a click.

Built in one pass with ``format_html``, the labels translated once per table (a template included per row, with a
dozen tags each, was the largest part of the meeting page's time).
"""

from __future__ import annotations

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from accounts import permissions
from core.display import escaped

_ROW = (
    '<tr id="step-{pk}" class="is-{flag}">\n'
    '  <th scope="row" data-label="{l_step}">{label}{note}</th>\n'
    '  <td data-label="{l_due}" class="nowrap">\n'
    '    <time datetime="{due_iso}">{due}</time>{override}{window}\n'
    "  </td>\n"
    '  <td data-label="{l_responsible}">{responsible}{assignee}</td>\n'
    '  <td data-label="{l_state}">\n    {state}\n  </td>\n'
    "{actions}</tr>"
)
_MUTED_LINE = '<br><span class="muted free-text">{}</span>'
_BADGE = '<span class="badge{}">{}</span>'
_DONE = (
    '<span class="badge badge--ok">{label}</span><br><span class="muted free-text">'
    '<time datetime="{on_iso}">{on}</time>{credit}</span>'
)
_FORM = (
    '<form method="post" action="{url}" class="inline-form" hx-post="{url}" hx-target="#step-{pk}" '
    'hx-swap="outerHTML"><input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
    '<input type="hidden" name="version" value="{version}">\n'
    '      <button type="submit" class="button button--small{secondary}" id="step-{pk}-{which}"{confirm}>'
    '{text}<span class="visually-hidden">: {label}</span></button>\n    </form>'
)
_LINK = (
    '<a class="button button--small button--secondary" href="{url}">{text}'
    '<span class="visually-hidden">: {label}</span></a>'
)
_ACTIONS = '  <td data-label="{}" class="no-print nowrap">\n    {}\n  </td>'
# After a swap, tells screen readers what changed (out of band, into the timeline's status region).
_STATUS = '\n<template><p id="timeline-status" hx-swap-oob="innerHTML">{label}: {state}.</p></template>'


class TimelineRows:
    """Renders the rows of ``meeting``'s timeline for ``request``'s user: ``can_edit`` shows the secretariat's
    actions, ``can_act`` the action column (the co-chairs mark their own steps done)."""

    def __init__(self, request, meeting, *, today, can_edit: bool, can_act: bool):
        self.user = request.user
        self.meeting = meeting
        self.today = today
        self.can_edit = can_edit
        self.can_act = can_act
        self.csrf = get_token(request) if can_edit or can_act else ""
        self.labels = escaped(
            {
                "l_step": _("Step"),
                "l_due": _("Due"),
                "l_responsible": _("Responsible"),
                "l_state": _("State"),
            }
        )
        self.text = escaped(
            {
                "set_by_hand": _("Set by hand"),
                "done": _("Done"),
                "not_needed": _("Not needed"),
                "record": _("Record: not entered"),
                "late": _("Late"),
                "risk": _("Due soon"),
                "open": _("Open"),
                "action": _("Action"),
                "assign": _("Assign"),
                "mark_done": _("Mark done"),
                "done_with_note": _("Done, with a note"),
                "reopen": _("Reopen"),
                "reopen_confirm": _("Reopen this step? Its completion stays in the history."),
            }
        )

    def rows(self, steps) -> SafeString:
        return mark_safe("\n".join(self.row(step) for step in steps))  # noqa: S308 - built with format_html

    def row(self, step, *, swapped: bool = False) -> SafeString:
        text = self.text
        flag = step.flag(self.today)
        label = step.get_key_display()
        override = ""
        if step.due_overridden:
            override = format_html('<br><span class="badge badge--warn">{}</span>', text["set_by_hand"])
            if step.due_reason:
                override += format_html(' <span class="muted free-text">{}</span>', step.due_reason)
        window = ""
        if step.window_start:
            opens = _("window opens %(start)s") % {"start": date_format(step.window_start)}
            window = format_html('<br><span class="muted">{}</span>', opens)
        html = format_html(
            _ROW,
            pk=step.pk,
            flag=flag,
            label=label,
            note=format_html(_MUTED_LINE, step.note) if step.note else "",
            due_iso=step.due.isoformat(),
            due=date_format(step.due),
            override=override,
            window=window,
            responsible=step.get_responsible_display(),
            assignee=format_html(_MUTED_LINE, step.assignee) if step.assignee else "",
            state=self._state(step, flag),
            actions=self._actions(step, label) if self.can_edit or self.can_act else "",
            **self.labels,
        )
        if swapped:
            state = {"done": _("done"), "not_needed": _("not needed")}.get(step.state) or _("open again")
            html += format_html(_STATUS, label=label, state=state)
        return html

    def _state(self, step, flag: str) -> SafeString:
        text = self.text
        if step.state == "done":
            credit, on = step.done_credit, step.happened_on
            return format_html(
                _DONE,
                label=text["done"],
                on_iso=on.isoformat() if on else "",
                on=date_format(on) if on else "",
                credit=format_html("<br>{}", _("Done by %(who)s") % {"who": credit}) if credit else "",
            )
        if step.state == "not_needed":
            return format_html(_BADGE, " badge--muted", text["not_needed"])
        kind = {"record": " badge--muted", "late": " badge--danger", "risk": " badge--warn"}.get(flag)
        return format_html(_BADGE, kind, text[flag]) if kind else format_html(_BADGE, "", text["open"])

    def _actions(self, step, label: str) -> SafeString:
        text = self.text
        can_complete = permissions.can_complete_step(self.user, step)
        edit_url = reverse("meetings:step_edit", args=[self.meeting.pk, step.pk])
        parts = []
        if self.can_edit:
            parts.append(format_html(_LINK, url=edit_url, text=text["assign"], label=label))
        if step.state == "open":
            if can_complete:
                parts.append(self._form(step, "done", "done", text["mark_done"], label))
                if not self.can_edit:
                    parts.append(format_html(_LINK, url=edit_url, text=text["done_with_note"], label=label))
            if self.can_edit:
                parts.append(self._form(step, "skip", "skip", text["not_needed"], label, secondary=True))
        elif can_complete:
            # Same id as the button that led here, so htmx puts the keyboard focus back on it after the swap.
            which = "done" if step.state == "done" else "skip"
            parts.append(
                self._form(step, "reopen", which, text["reopen"], label, secondary=True, confirm=text["reopen_confirm"])
            )
        return format_html(_ACTIONS, text["action"], mark_safe("\n    ".join(parts)))  # noqa: S308 - format_html parts

    def _form(self, step, action, which, button, label, *, secondary=False, confirm="") -> SafeString:
        return format_html(
            _FORM,
            url=reverse("meetings:step_action", args=[self.meeting.pk, step.pk, action]),
            pk=step.pk,
            csrf=self.csrf,
            version=step.version,
            secondary=" button--secondary" if secondary else "",
            which=which,
            confirm=format_html(' data-confirm="{}"', confirm) if confirm else "",
            text=button,
            label=label,
        )

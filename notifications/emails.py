"""Building the notification emails (one function per message). Sending is the service's business.

Each message renders ``templates/emails/<name>_subject.txt``, ``_body.txt`` and ``_body.html``, always
from the target's state at send time: the due date shown is the current one, with a link to the step.
"""

from __future__ import annotations

import datetime
import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from accounts.middleware import offered_language

from . import ical, rules
from .ladders import decision_day


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def message_id(row) -> str:
    """Stable per outbox row: a retried or re-sent row carries the same Message-ID, so copies can be dropped."""
    host = urlsplit(settings.SITE_URL).hostname or "ieg-workbench"
    return f"<ieg-notification-{row.pk}@{host}>"


def in_recipient_language(build):
    """Build the message (its context and its templates) in the recipient's language when they chose one, else
    English; an address with no account gets English."""

    @functools.wraps(build)
    def wrapper(row, *args, **kwargs):
        with translation.override(offered_language(getattr(row.recipient, "language", "")) or "en"):
            return build(row, *args, **kwargs)

    return wrapper


def _render(name: str, context: dict, *, row, attachments=()) -> EmailMultiAlternatives:
    zone = getattr(row.recipient, "time_zone", None) or settings.TIME_ZONE
    with timezone.override(zone):
        subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
        text = render_to_string(f"emails/{name}_body.txt", context)
        html = render_to_string(f"emails/{name}_body.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[row.email],
        headers={"Message-ID": message_id(row), "X-IEG-Notification": str(row.pk)},
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def target_link(target) -> str:
    """Where the email points: the step on its meeting page, the recommendation, or the meeting."""
    from meetings.models import Meeting, TimelineStep

    if isinstance(target, TimelineStep):
        return absolute(f"{target.meeting.get_absolute_url()}#step-{target.pk}")
    if isinstance(target, Meeting):
        return absolute(target.get_absolute_url())
    try:
        return absolute(target.get_absolute_url())
    except (AttributeError, NoReverseMatch):
        meeting = getattr(target, "meeting", None)
        return absolute(meeting.get_absolute_url()) if meeting else absolute(reverse("meetings:dashboard"))


def target_title(target) -> str:
    from meetings.models import TimelineStep

    if isinstance(target, TimelineStep):
        return target.get_key_display()
    return str(target)


def _item_context(row, target, *, today: datetime.date, holiday_dates) -> dict:
    due = row.due_date
    return {
        "row": row,
        "kind": row.kind,
        "target": target,
        "title": target_title(target),
        "meeting": getattr(target, "meeting", None),
        "due": due,
        "due_words": rules.due_in_words(due, today, holiday_dates),
        "link": target_link(target),
        "escalation": row.kind == "step_escalation",
        "assignee": getattr(target, "assignee", None),
        "responsible": (
            target.get_responsible_display()
            if hasattr(target, "get_responsible_display")
            else getattr(target, "owners", "")
        ),
        "network": target._meta.app_label == "network",
    }


def late_since(row, today: datetime.date) -> str:
    """The day a reminder or digest was meant to go out, when that was before ``today`` (worker or beat down)."""
    meant = decision_day(row.scheduled_for)
    return rules.long_date(meant) if meant < today else ""


@in_recipient_language
def reminder(row, target, *, today: datetime.date, holiday_dates) -> EmailMultiAlternatives:
    """A reminder about one step, written answer or review: before, on the day, overdue, or escalated."""
    context = _item_context(row, target, today=today, holiday_dates=holiday_dates)
    context["late_since"] = late_since(row, today)
    context["recipient"] = row.recipient
    context["preferences_url"] = absolute(reverse("notifications:preferences"))
    return _render("reminder", context, row=row)


@in_recipient_language
def digest(row, entries, *, today: datetime.date, holiday_dates) -> EmailMultiAlternatives:
    """One email listing a person's reminders of the day, soonest due first."""
    items = [_item_context(item, target, today=today, holiday_dates=holiday_dates) for item, target in entries]
    context = {
        "row": row,
        "recipient": row.recipient,
        "items": items,
        "today": today,
        "late_since": late_since(row, today),
        "preferences_url": absolute(reverse("notifications:preferences")),
    }
    return _render("digest", context, row=row)


@in_recipient_language
def note_shared(row, version) -> EmailMultiAlternatives:
    """A background note shared with Council members; for a revised version, what changed."""
    note = version.note
    context = {
        "row": row,
        "recipient": row.recipient,
        "meeting": note.meeting,
        "version": version,
        "changed": version.changed_headings,
        "link": absolute(note.get_absolute_url()),
    }
    return _render("note_shared", context, row=row)


@in_recipient_language
def meeting_invitation(row, meeting) -> EmailMultiAlternatives:
    """The invitation to a meeting, with an .ics file calendars can add (and update: same UID, higher SEQUENCE)."""
    context = {
        "row": row,
        "recipient": row.recipient,
        "meeting": meeting,
        "link": absolute(meeting.get_absolute_url()),
        "date_words": rules.long_date(meeting.date),
    }
    ics = ical.invitation(meeting, now=row.claimed_at or row.created_at)
    return _render(
        "meeting_invitation", context, row=row, attachments=[("invitation.ics", ics, "text/calendar; method=REQUEST")]
    )


@in_recipient_language
def newsletter(row, content) -> EmailMultiAlternatives:
    """An issue of the Network's newsletter, as compiled by network.newsletter (the same on its page)."""
    issue = content.issue
    context = {
        "row": row,
        "recipient": row.recipient,
        "content": content,
        "issue": issue,
        "link": absolute(issue.get_absolute_url()),
    }
    return _render("newsletter", context, row=row)

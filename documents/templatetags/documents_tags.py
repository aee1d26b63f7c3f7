import datetime
import re

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.utils import timezone
from django.utils.safestring import mark_safe

from accounts import permissions
from meetings.choices import MeetingStatus

from .. import access, formatting, note_sections
from ..compose import summary_document
from ..models import BackgroundNote, Summary
from ..richtext import sanitize

register = template.Library()


@register.filter
def council_date(value) -> str:
    """A date in a Security Council document: "4 December 2026" (the app's pages say "4 Dec 2026")."""
    return formatting.council_date(value)


@register.filter
def rich(value: str) -> str:
    """Print stored rich text. Sanitized on save already; sanitized again here so that a row written around
    the model (``QuerySet.update()``, SQL) still cannot put script on a page or in a PDF."""
    return mark_safe(sanitize(value))  # noqa: S308 - nh3 output: allow-listed tags only


_ONE_PARAGRAPH = re.compile(r"\A<p>((?:(?!<p[\s>]).)*)</p>\Z", re.DOTALL)


@register.filter
def rich_inline(value: str) -> str:
    """Rich text after a label on the same line (a lettered item): as ``rich``, one paragraph unwrapped."""
    clean = sanitize(value)
    match = _ONE_PARAGRAPH.match(clean)
    return mark_safe(match.group(1) if match else clean)  # noqa: S308 - nh3 output: allow-listed tags only


@register.simple_tag
def note_printed_sections(note, part: str = "body"):
    """A note's printed sections in one part (``documents.note_sections.note_sections``)."""
    return note_sections.note_sections(note, part=part)


@register.simple_tag
def note_masthead(note):
    return note_sections.note_masthead(note)


def _related(meeting, name: str):
    """A reverse one-to-one (note, summary) or None, using what the queryset already selected."""
    try:
        return getattr(meeting, name)
    except ObjectDoesNotExist:
        return None


@register.inclusion_tag("documents/_meeting_panel.html", takes_context=True)
def meeting_documents(context, meeting):
    """The card beside a meeting's details: its note, summary and attachments, as the user may see them."""
    user = context["request"].user
    note = _related(meeting, "background_note")
    summary = _related(meeting, "summary")
    can_edit = permissions.can_edit(user)
    return {
        "meeting": meeting,
        "note": note if note is not None and access.can_read_note(user, note) else None,
        "summary": summary if summary is not None and access.can_read_summary(user, summary) else None,
        "attachments": list(meeting.attachments.in_meeting_order())
        if permissions.can_view_meeting(user, meeting)
        else [],
        "can_edit": can_edit,
        "can_approve": summary is not None and permissions.can_approve(user, meeting.agenda_year),
    }


@register.inclusion_tag("documents/_public_documents.html")
def public_documents(meeting):
    """Links for the public site: the published summary, the published note, the meeting's files once the
    meeting is published. For a list of meetings, prefetch with ``documents.querysets.public_documents_related``."""
    summary = _related(meeting, "summary")
    note = _related(meeting, "background_note")
    published = meeting.status == MeetingStatus.PUBLISHED
    return {
        "meeting": meeting,
        "summary": summary if summary is not None and summary.status == Summary.Status.PUBLISHED else None,
        "note": note if note is not None and note.status == BackgroundNote.Status.PUBLISHED else None,
        # .all(): a list of meetings prefetched them, in their order (querysets.public_documents_related).
        "attachments": list(meeting.attachments.all()) if published else [],
    }


@register.inclusion_tag("documents/_public_summary_text.html")
def public_summary_text(meeting):
    """A published summary as a readable page: the same CouncilDocument as its PDF, its letter, signatures and
    annex printed by the PDF's own template (pdf/_summary_text.html), so the page and the document never differ."""
    summary = _related(meeting, "summary")
    if summary is None or summary.status != Summary.Status.PUBLISHED:
        return {"summary": None}
    return {"summary": summary, "doc": summary_document(summary, today=summary.issue_date or timezone.localdate())}


NEW_NOTE_DAYS = 7  # a note shared this recently is marked "new" on the expert's landing page


@register.inclusion_tag("documents/_shared_notes.html", takes_context=True)
def shared_notes(context, now, limit: int = 50):
    """A Council expert's landing page: the background notes shared with it (readable: its Council's, or
    those its delegation was invited to), newest first; those shared in the last week marked new."""
    user = context["request"].user
    notes = list(
        BackgroundNote.objects.visible_to(user)
        .shared_with(user)
        .with_meeting()
        .order_by(F("shared_at").desc(nulls_last=True), "-pk")[:limit]
    )
    since = now - datetime.timedelta(days=NEW_NOTE_DAYS)
    return {
        "notes": [(note, note.shared_at is not None and note.shared_at >= since) for note in notes],
        "request": context["request"],
    }

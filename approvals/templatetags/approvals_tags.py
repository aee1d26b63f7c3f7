from django import template
from django.utils import timezone

from accounts import permissions
from approvals.forms import RecordApprovalForm
from approvals.models import Comment, NoteApproval
from approvals.services import agenda_status, note_fingerprint, note_status
from documents.choices import NoteStatus, SummaryStatus
from documents.models import BackgroundNote, Summary
from meetings.choices import MeetingStatus, StepResponsible
from meetings.models import AgendaYear, TimelineStep

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
        "record_form": _record_form(user, agenda_year, status),
        "csrf_token": context.get("csrf_token"),
        "request": context["request"],
    }


def _record_form(user, agenda_year, status, data=None) -> RecordApprovalForm | None:
    """The secretariat's form to record a waiting co-chair's approval received by email (None if not offered)."""
    pending = [state.pk for state in status.pending_states]
    if not pending or not permissions.can_record_for_cochair(user, agenda_year):
        return None
    states = agenda_year.co_chairs.filter(pk__in=pending)
    return RecordApprovalForm(data, states=states, today=timezone.localdate())


@register.inclusion_tag("approvals/_note_panel.html", takes_context=True)
def note_approvals(context, note, record_form=None):
    """The co-chairs' approval of a background note: each state's, the approve button for a co-chair, and the
    secretariat's form to record an approval received by email (``record_form``: a bound one with errors)."""
    user = context["request"].user
    agenda_year = note.meeting.agenda_year
    status = note_status(note)
    open_for_approval = note.is_draft
    can_approve = open_for_approval and permissions.can_approve(user, agenda_year)
    if open_for_approval and record_form is None:
        record_form = _record_form(user, agenda_year, status)
    return {
        "note": note,
        "status": status,
        "open_for_approval": open_for_approval,
        "can_approve": can_approve,
        "own_approval": status.approval_of(user.delegation_id) if can_approve else None,
        "record_form": record_form if open_for_approval else None,
        "csrf_token": context.get("csrf_token"),
        "request": context["request"],
    }


@register.inclusion_tag("approvals/_comments.html", takes_context=True)
def review_comments(context, agenda_year, meeting=None, from_note=False):
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
        "from_note": from_note,  # the form comes back to the note's page
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("approvals/_cochair_work.html", takes_context=True)
def cochair_work(context, today, limit: int = 50):
    """A co-chair's landing page: what awaits its state's approval (the agenda of its current years, notes in
    review, draft summaries) and the co-chairs' steps still open. A fixed number of queries, whatever the rows.
    """
    user = context["request"].user
    state_id = user.delegation_id
    years = sorted(year for year in permissions.cochair_years(user) if year >= today.year)
    agendas = []
    for agenda_year in AgendaYear.objects.filter(year__in=years).prefetch_related("co_chairs", "entries"):
        # A co-chair sits one or two years: at most a couple of agendas, a few queries each.
        status = agenda_status(agenda_year, list(agenda_year.entries.all()))
        if status.approval_of(state_id) is None:
            agendas.append(agenda_year)
    cochaired = sorted(permissions.cochair_years(user))
    notes = list(
        BackgroundNote.objects.filter(meeting__agenda_year__year__in=cochaired, status=NoteStatus.IN_REVIEW)
        .with_sections()  # the fingerprints read the sections
        .order_by("meeting__date", "pk")[:limit]
    )
    approved = {
        (a.note_id, a.fingerprint)
        for a in NoteApproval.objects.current().filter(note__in=notes, member_state_id=state_id)
    }
    notes = [note for note in notes if (note.pk, note_fingerprint(note)) not in approved]
    summaries = list(
        Summary.objects.filter(meeting__agenda_year__year__in=cochaired, status=SummaryStatus.DRAFT)
        .exclude(approvals__member_state_id=state_id)
        .select_related("meeting__agenda_year", "meeting__situation")
        .order_by("meeting__date", "pk")[:limit]
    )
    steps = list(
        TimelineStep.objects.open()
        .live()  # not the steps of a meeting's record (entered after it took place)
        .filter(meeting__agenda_year__year__in=cochaired, responsible=StepResponsible.CO_CHAIRS)
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .for_dashboard()
        .order_by("due", "meeting_id")[:limit]
    )
    return {
        "agendas": agendas,
        "notes": notes,
        "count": len(agendas) + len(notes) + len(summaries),
        "summaries": summaries,
        "steps": steps,
        "today": today,
        "state": user.delegation,
        "request": context["request"],
    }

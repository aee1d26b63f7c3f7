"""Pages and downloads for background notes, summaries and attachments. Thin: read, check, call a service.

Objects a user may not read answer 404 (their existence is not revealed); actions a reader may not take
answer 403. Every download goes through a view that checks permission and logs it, never through MEDIA_URL.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from accounts import permissions
from accounts.decorators import secretariat_required, staff_view
from accounts.security import client_ip
from approvals import services as approval_services
from approvals.forms import RecordApprovalForm
from approvals.models import NoteApproval
from core.concurrency import refuse_stale
from core.confirm import confirmation_page, confirmed
from core.history import history_entries
from core.pagination import paginate
from meetings.models import Meeting

from . import access, compose, note_sections, pdf, services
from .forms import (
    AddSectionForm,
    ApproveForm,
    AttachmentForm,
    InvitationForm,
    IssueForm,
    NoteForm,
    SectionFormSet,
    SignatoryForm,
    SummaryForm,
    SymbolForm,
    VersionForm,
    note_section_formset,
    rearranged,
)
from .models import (
    Attachment,
    BackgroundNote,
    NoteInvitation,
    NoteSection,
    Summary,
    SummaryApproval,
    SummarySection,
    SummarySignatory,
)

DOWNLOADS_ON_NOTE_PAGE = 20


def _note(user, meeting_pk: int) -> BackgroundNote:
    note = get_object_or_404(BackgroundNote.objects.with_meeting(), meeting_id=meeting_pk)
    if not access.can_read_note(user, note):
        raise Http404
    return note


def _summary(user, meeting_pk: int) -> Summary:
    summary = get_object_or_404(Summary.objects.with_meeting(), meeting_id=meeting_pk)
    if not access.can_read_summary(user, summary):
        raise Http404
    return summary


def _download(body, *, filename: str, content_type: str, private: bool) -> HttpResponse:
    """A download with safe headers: always an attachment, the detected type, no sniffing."""
    if isinstance(body, bytes):
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        response = FileResponse(body, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Public copies may be stored but are revalidated each time, so that every download reaches the log.
    response["Cache-Control"] = "private, no-store" if private else "public, no-cache"
    return response


def _act(request, action, done: str, then: str, meeting_pk: int):
    """Run a workflow service; say what happened (or why not) and go back to the document."""
    try:
        action()
    except services.InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect(then, meeting_pk=meeting_pk)


def _pdf_name(kind: str, meeting: Meeting) -> str:
    day = meeting.date.isoformat() if meeting.date else "undated"
    return f"{kind}-{slugify(meeting.subject)[:60]}-{day}.pdf"


def _summary_pdf_response(request, summary: Summary, *, private: bool) -> HttpResponse:
    """The issued PDF as stored at issuance; before that, a fresh (cached) rendering with the DRAFT mark."""
    meeting = summary.meeting
    services.log_download(user=request.user, now=timezone.now(), ip=client_ip(request), summary=summary)
    if summary.is_issued and summary.issued_pdf:
        return _download(
            summary.issued_pdf.open("rb"),
            filename=f"{meeting.symbol.replace('/', '_')}.pdf",
            content_type="application/pdf",
            private=private,
        )
    body = pdf.render_summary(summary, today=timezone.localdate())
    return _download(body, filename=_pdf_name("summary", meeting), content_type="application/pdf", private=private)


# Index.


@staff_view
def index(request):
    """The meetings whose note or summary the user may read, newest first."""
    notes = BackgroundNote.objects.visible_to(request.user).filter(meeting=OuterRef("pk"))
    summaries = Summary.objects.visible_to(request.user).filter(meeting=OuterRef("pk"))
    meetings = (
        Meeting.objects.annotate(note_readable=Exists(notes), summary_readable=Exists(summaries))
        .filter(Q(note_readable=True) | Q(summary_readable=True))
        .select_related("agenda_year", "situation", "background_note", "summary")
        .order_by("-date", "-pk")
    )
    return render(request, "documents/index.html", {"page": paginate(request, meetings)})


# Background notes.


@staff_view
def note_detail(request, meeting_pk: int, *, record_form=None, status: int = 200):
    note = BackgroundNote.objects.with_sections().filter(meeting_id=meeting_pk).first()
    if note is None and permissions.can_edit(request.user):
        return redirect("documents:note_edit", meeting_pk=meeting_pk)
    if note is None or not access.can_read_note(request.user, note):
        raise Http404
    is_secretariat = permissions.is_secretariat(request.user)
    shared_version = services.latest_shared_version(note)
    unshared = services.has_unshared_changes(note) and permissions.can_view_drafts(
        request.user, note.meeting.agenda_year
    )
    # Those who may see drafts read the working copy; experts the text last shared with them.
    shown = services.for_reader(note, request.user)
    return render(
        request,
        "documents/note_detail.html",
        {
            "note": shown,
            "shared_version": shared_version,
            "unshared_headings": services.changed_sections(note, shared_version) if unshared else [],
            "meeting": note.meeting,
            "masthead": note_sections.note_masthead(shown),
            "body_sections": note_sections.note_sections(shown),
            "annex_sections": note_sections.note_annex_sections(shown),
            "invitations": list(note.invitations.select_related("member_state")) if is_secretariat else [],
            "invitation_form": InvitationForm(note=note) if is_secretariat else None,
            "downloads": (list(note.downloads.for_table()[:DOWNLOADS_ON_NOTE_PAGE]) if is_secretariat else []),
            "download_count": note.downloads.count() if is_secretariat else 0,
            # The co-chairs' approvals and review comments: the secretariat and the year's co-chairs.
            "can_review": permissions.can_view_drafts(request.user, note.meeting.agenda_year),
            "record_form": record_form,
        },
        status=status,
    )


@staff_view
@require_POST
def note_approve(request, meeting_pk: int):
    """A co-chair approves the note's text for its state; the secretariat records a co-chair's approval by email."""
    note = _note(request.user, meeting_pk)
    agenda_year = note.meeting.agenda_year
    on_behalf = "record-on_behalf_of" in request.POST
    allowed = permissions.can_record_for_cochair if on_behalf else permissions.can_approve
    if not allowed(request.user, agenda_year):
        raise PermissionDenied
    kwargs = {}
    if on_behalf:
        form = RecordApprovalForm(request.POST, states=agenda_year.co_chairs.all(), today=timezone.localdate())
        if not form.is_valid():
            return note_detail(request, meeting_pk, record_form=form, status=400)
        kwargs = {"on_behalf_of": form.cleaned_data["on_behalf_of"], "received_on": form.cleaned_data["received_on"]}
    try:
        approval = approval_services.approve_note(
            note, by=request.user, now=timezone.now(), seen_fingerprint=request.POST.get("fingerprint", ""), **kwargs
        )
    except approval_services.ApprovalError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Note approved by %(who)s.") % {"who": approval.approved_credit})
    return redirect(f"{reverse('documents:note', args=[meeting_pk])}#note-approval")


@secretariat_required
def note_edit(request, meeting_pk: int):
    """The note's date and sections: edit, rename, reorder (up/down), add, remove (confirmed), in one save
    checked against the note's version."""
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=meeting_pk)
    note = BackgroundNote.objects.filter(meeting=meeting).prefetch_related("section_rows").first() or BackgroundNote(
        meeting=meeting
    )
    data = request.POST if request.method == "POST" else None
    rearranging = data is not None and ("move" in data or "add" in data)
    if rearranging:
        # Moving or adding a section shows the form again, unsaved, with everything typed kept.
        data = rearranged(data, data.get("move") or f"add-{data.get('add')}")
    form = NoteForm(data, instance=note)
    formset = note_section_formset(data, note=note)
    if data is not None and not rearranging and form.is_valid() and formset.is_valid():
        existing = {row.pk: row for row in note.section_rows.all()} if note.pk else {}
        removed = [row for row in formset.removed(existing) if row.printed]
        # A stale form is refused below (what a colleague added is not "removed" by it); else confirm removals.
        stale = note.pk is not None and form.expected_version != note.version
        if removed and not stale and not confirmed(request):
            return confirmation_page(
                request,
                title=_("Remove sections from the background note?"),
                consequences=[
                    _("These sections and their text are removed from the note: %(headings)s.")
                    % {"headings": "; ".join(row.heading or str(_("Untitled section")) for row in removed)},
                    _("Earlier texts stay in the note's history and in the versions already shared."),
                ],
                action=reverse("documents:note_edit", args=[meeting.pk]),
                cancel_url=reverse("documents:note", args=[meeting.pk]) if note.pk else meeting.get_absolute_url(),
                button=_("Remove and save"),
                fields={key: value for key, value in data.items() if key != "csrfmiddlewaretoken"},
                danger=True,
            )
        try:
            services.save_note(
                form.instance, sections=formset.sections(), expected_version=form.expected_version, by=request.user
            )
        except services.StaleEdit as exc:
            refuse_stale(form, exc)
        except services.InvalidTransition as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Background note saved."))
            return redirect("documents:note", meeting_pk=meeting.pk)
    return render(
        request,
        "documents/note_form.html",
        {"form": form, "formset": formset, "note": note, "meeting": meeting},
    )


# Lazy: the message is read in the language of the request that acts, not of the import.
NOTE_ACTIONS = {
    "review": (services.submit_for_review, gettext_lazy("Sent to the co-chairs for review.")),
    "draft": (services.return_to_draft, gettext_lazy("Returned to draft.")),
    "share": (services.share_note, gettext_lazy("Shared with Council members; they are emailed a link.")),
    "publish": (services.publish_note, gettext_lazy("Published on the public site.")),
}


def _confirm_note_action(request, note: BackgroundNote, action: str):
    """The confirmation page of sharing (or sharing again) and publishing; None for the other actions."""
    meeting = note.meeting
    if action == "share":
        revised = note.status == BackgroundNote.Status.SHARED
        services.check_share(note)
        title = _("Share the revised background note?") if revised else _("Share the background note?")
        consequences = services.share_consequences(note)
        button = _("Confirm: share the revised version") if revised else _("Confirm: share with Council members")
    elif action == "publish":
        if services.has_unshared_changes(note) or note.status != BackgroundNote.Status.SHARED:
            return None  # the service refuses it, saying why
        title = _("Publish the background note?")
        consequences = services.publish_note_consequences(note)
        button = _("Confirm: publish on the public website")
    else:
        return None
    return confirmation_page(
        request,
        title=f"{title} · {meeting.subject}",
        consequences=consequences,
        action=reverse("documents:note_action", args=[meeting.pk, action]),
        cancel_url=reverse("documents:note", args=[meeting.pk]),
        button=button,
    )


@secretariat_required
@require_POST
def note_action(request, meeting_pk: int, action: str):
    note = get_object_or_404(BackgroundNote.objects.with_meeting(), meeting_id=meeting_pk)
    if action not in NOTE_ACTIONS:
        raise Http404
    if not confirmed(request):
        try:
            page = _confirm_note_action(request, note, action)
        except services.InvalidTransition as exc:
            messages.error(request, str(exc))
            return redirect("documents:note", meeting_pk=meeting_pk)
        if page is not None:
            return page
    service, done = NOTE_ACTIONS[action]
    kwargs = {"now": timezone.now()} if action == "share" else {}
    return _act(request, lambda: service(note, by=request.user, **kwargs), done, "documents:note", meeting_pk)


def _note_pdf_response(request, note: BackgroundNote, *, private: bool) -> HttpResponse:
    body = pdf.render_background_note(note)
    services.log_download(user=request.user, now=timezone.now(), ip=client_ip(request), note=note)
    filename = _pdf_name("background-note", note.meeting)
    return _download(body, filename=filename, content_type="application/pdf", private=private)


@staff_view
@require_GET
def note_pdf(request, meeting_pk: int):
    note = _note(request.user, meeting_pk)
    return _note_pdf_response(request, services.for_reader(note, request.user), private=True)


@secretariat_required
def note_downloads(request, meeting_pk: int):
    note = get_object_or_404(BackgroundNote.objects.with_meeting(), meeting_id=meeting_pk)
    page = paginate(request, note.downloads.for_table())
    return render(request, "documents/note_downloads.html", {"note": note, "meeting": note.meeting, "page": page})


@secretariat_required
@require_POST
def note_invite(request, meeting_pk: int):
    note = get_object_or_404(BackgroundNote, meeting_id=meeting_pk)
    form = InvitationForm(request.POST, note=note)
    if form.is_valid() and not confirmed(request):
        state = form.cleaned_data["member_state"]
        return confirmation_page(
            request,
            title=_("Invite %(state)s to read the background note?") % {"state": state},
            consequences=services.invite_consequences(note, state),
            action=reverse("documents:note_invite", args=[meeting_pk]),
            cancel_url=reverse("documents:note", args=[meeting_pk]),
            button=_("Confirm: invite %(state)s") % {"state": state},
            fields={"member_state": state.pk},
        )
    if form.is_valid():
        services.invite_delegation(note, form.cleaned_data["member_state"], by=request.user, now=timezone.now())
        messages.success(request, _("%(state)s invited.") % {"state": form.cleaned_data["member_state"]})
    else:
        messages.error(request, _("Choose a delegation not invited yet."))
    return redirect("documents:note", meeting_pk=meeting_pk)


@secretariat_required
@require_POST
def note_uninvite(request, meeting_pk: int, pk: int):
    invitation = get_object_or_404(
        NoteInvitation.objects.select_related("member_state"), pk=pk, note__meeting_id=meeting_pk
    )
    services.revoke_invitation(invitation, by=request.user)
    messages.success(request, _("Invitation of %(state)s withdrawn.") % {"state": invitation.member_state})
    return redirect("documents:note", meeting_pk=meeting_pk)


@secretariat_required
def note_history(request, meeting_pk: int):
    note = get_object_or_404(BackgroundNote.objects.with_meeting(), meeting_id=meeting_pk)
    entries = history_entries(
        note.history.all(),
        NoteSection.history.filter(note_id=note.pk),
        NoteInvitation.history.filter(note_id=note.pk),
        NoteApproval.history.filter(note_id=note.pk).select_related("member_state"),
    )
    return render(request, "documents/history.html", {"document": note, "meeting": note.meeting, "entries": entries})


# Summaries.


def _summary_page(
    request,
    summary: Summary,
    *,
    issue_form: IssueForm | None = None,
    record_form: RecordApprovalForm | None = None,
    symbol_form: SymbolForm | None = None,
    status: int = 200,
):
    meeting = summary.meeting
    user = request.user
    today = timezone.localdate()
    approvals = list(
        summary.approvals.select_related("member_state", "user__delegation", "on_behalf_of", "recorded_by")
    )
    approved_states = {approval.member_state_id for approval in approvals}
    co_chairs = list(meeting.agenda_year.co_chairs.all())
    pending = [state for state in co_chairs if state.pk not in approved_states]
    if (
        record_form is None
        and pending
        and summary.status == Summary.Status.DRAFT
        and permissions.can_record_for_cochair(user, meeting.agenda_year)
    ):
        record_form = RecordApprovalForm(
            states=meeting.agenda_year.co_chairs.filter(pk__in=[state.pk for state in pending]),
            today=today,
        )
    document = compose.summary_document(summary, today=today)
    can_edit = permissions.can_edit(user)
    past_record = services.is_past_record(summary)
    if issue_form is None:
        initial = {"issue_date": summary.issue_date or today, "job_number": summary.job_number}
        if past_record:
            initial["symbol"] = meeting.symbol
        issue_form = IssueForm(initial=initial)
    return render(
        request,
        "documents/summary_detail.html",
        {
            "summary": summary,
            "meeting": meeting,
            "document": document,
            "letter_date": document.letter_date,
            "missing_representatives": document.extra["missing_representatives"],
            "approvals": approvals,
            "pending_states": pending,
            "record_form": record_form,
            "can_edit": can_edit,
            "can_approve": (
                summary.status == Summary.Status.DRAFT
                and permissions.can_approve(user, meeting.agenda_year)
                and user.delegation_id not in approved_states
            ),
            "approve_form": ApproveForm(initial={"version": summary.version}),
            "can_submit": summary.status == Summary.Status.APPROVED
            and not past_record
            and access.can_submit_summary(user, summary),
            "past_record": past_record,
            "issue_form": issue_form,
            "symbol_form": symbol_form or SymbolForm(initial={"symbol": meeting.symbol}),
        },
        status=status,
    )


@staff_view
def summary_detail(request, meeting_pk: int):
    summary = Summary.objects.with_meeting().filter(meeting_id=meeting_pk).first()
    if summary is None and permissions.can_edit(request.user):
        return redirect("documents:summary_edit", meeting_pk=meeting_pk)
    if summary is None or not access.can_read_summary(request.user, summary):
        raise Http404
    return _summary_page(request, summary)


def _section_initial(sections) -> list[dict]:
    return [{"kind": s.kind, "heading": s.heading, "body": s.body} for s in sections]


@secretariat_required
def summary_edit(request, meeting_pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=meeting_pk)
    summary = Summary.objects.filter(meeting=meeting).first()
    if summary is None:
        summary = Summary(meeting=meeting, title=services.default_summary_title(meeting))
        stored_sections = services.default_sections(meeting)  # main points from the briefing recorded
    else:
        stored_sections = list(summary.sections.order_by("order", "pk"))
    if not summary.letter_body:
        # The letter starts from the formula that fits the signatories (those a new summary will have).
        summary.letter_body = services.formula_body(summary)
    if summary.pk and not summary.is_editable:
        messages.error(
            request,
            _("This summary is %(status)s: it can no longer be edited.") % {"status": summary.get_status_display()},
        )
        return redirect("documents:summary", meeting_pk=meeting.pk)
    form = SummaryForm(request.POST or None, instance=summary)
    sections = SectionFormSet(request.POST or None, prefix="sections", initial=_section_initial(stored_sections))
    if request.method == "POST" and form.is_valid() and sections.is_valid():
        had_approvals = summary.pk is not None and summary.approvals.exists()
        posted = [{key: f.cleaned_data.get(key) or "" for key in ("kind", "heading", "body")} for f in sections.forms]
        if summary.pk is None:
            # The kinds of a new summary's sections are the defaults', whatever was posted.
            for row, new in zip(stored_sections, posted, strict=False):
                new["kind"] = row.kind
        try:
            services.save_summary(
                form.instance, expected_version=form.expected_version, by=request.user, sections=posted
            )
        except services.StaleEdit as exc:
            refuse_stale(form, exc)
        except services.InvalidTransition as exc:
            form.add_error(None, str(exc))
        else:
            reset = had_approvals and not form.instance.approvals.exists()
            messages.success(
                request, _("Summary saved; the co-chairs' approvals were reset.") if reset else _("Summary saved.")
            )
            return redirect("documents:summary_edit" if summary.pk else "documents:summary", meeting_pk=meeting.pk)
    context = {"form": form, "sections": sections, "summary": summary, "meeting": meeting}
    if summary.pk:
        rows = list(summary.signatories.select_related("member_state", "representative").order_by("order", "pk"))
        context.update(
            section_rows=list(zip(sections.forms, stored_sections, strict=False)),
            signatories=compose.resolve_signatories(rows, summary.letter_date or timezone.localdate()),
            signatory_rows=rows,
            # Their own ids: the summary's form above has a "title" and a "version" too.
            signatory_form=SignatoryForm(initial={"version": summary.version}, auto_id="signatory_%s"),
            add_section_form=AddSectionForm(initial={"version": summary.version}, auto_id="new_section_%s"),
            version_form=VersionForm(initial={"version": summary.version}, auto_id=False),
        )
    else:
        context["section_rows"] = list(zip(sections.forms, stored_sections, strict=False))
    return render(request, "documents/summary_form.html", context)


def _editable_summary(meeting_pk: int) -> Summary:
    return get_object_or_404(Summary.objects.with_meeting(), meeting_id=meeting_pk)


def _structure(request, meeting_pk: int, action, done: str):
    """Run a change to the summary's sections or signatories posted with the version the page showed."""
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reload the summary and try again."))
        return redirect("documents:summary_edit", meeting_pk=meeting_pk)
    try:
        action(form.cleaned_data["version"])
    except services.StaleEdit:
        messages.error(request, _("The summary changed since you opened it: nothing was changed. Check it and retry."))
    except services.InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("documents:summary_edit", meeting_pk=meeting_pk)


@secretariat_required
@require_POST
def summary_section_add(request, meeting_pk: int):
    summary = _editable_summary(meeting_pk)
    form = AddSectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a kind of section."))
        return redirect("documents:summary_edit", meeting_pk=meeting_pk)
    return _structure(
        request,
        meeting_pk,
        lambda version: services.add_section(
            summary,
            heading=form.cleaned_data["heading"],
            kind=form.cleaned_data["kind"],
            expected_version=version,
            by=request.user,
        ),
        _("Section added at the end."),
    )


@secretariat_required
@require_POST
def summary_section_action(request, meeting_pk: int, pk: int, action: str):
    summary = _editable_summary(meeting_pk)
    section = get_object_or_404(SummarySection, pk=pk, summary=summary)
    if action in ("up", "down"):
        return _structure(
            request,
            meeting_pk,
            lambda version: services.move_section(
                section, direction=-1 if action == "up" else 1, expected_version=version, by=request.user
            ),
            _("Section moved."),
        )
    if action != "delete":
        raise Http404
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Remove the section “%(heading)s”?") % {"heading": section},
            consequences=[
                _("The section and its text leave the summary; its history keeps them."),
                _("The co-chairs' approvals, if any, are reset."),
            ],
            action=reverse("documents:summary_section", args=[meeting_pk, pk, "delete"]),
            cancel_url=reverse("documents:summary_edit", args=[meeting_pk]),
            button=_("Remove the section"),
            fields={"version": request.POST.get("version", "")},
            danger=True,
        )
    return _structure(
        request,
        meeting_pk,
        lambda version: services.remove_section(section, expected_version=version, by=request.user),
        _("Section removed."),
    )


@secretariat_required
@require_POST
def summary_signatory_add(request, meeting_pk: int):
    summary = _editable_summary(meeting_pk)
    form = SignatoryForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("documents:summary_edit", meeting_pk=meeting_pk)
    data = form.cleaned_data
    return _structure(
        request,
        meeting_pk,
        lambda version: services.add_signatory(
            summary,
            member_state=data["member_state"],
            role=data["role"],
            representative=data["representative"],
            title=data["title"],
            expected_version=version,
            by=request.user,
        ),
        _("Signatory added."),
    )


@secretariat_required
@require_POST
def summary_signatory_action(request, meeting_pk: int, pk: int, action: str):
    summary = _editable_summary(meeting_pk)
    row = get_object_or_404(SummarySignatory.objects.select_related("member_state"), pk=pk, summary=summary)
    if action in ("up", "down"):
        return _structure(
            request,
            meeting_pk,
            lambda version: services.move_signatory(
                row, direction=-1 if action == "up" else 1, expected_version=version, by=request.user
            ),
            _("Signatory moved."),
        )
    if action != "delete":
        raise Http404
    return _structure(
        request,
        meeting_pk,
        lambda version: services.remove_signatory(row, expected_version=version, by=request.user),
        _("%(state)s no longer signs the letter.") % {"state": row.member_state},
    )


@secretariat_required
@require_POST
def summary_letter_reset(request, meeting_pk: int):
    """Put the formula's words back in the letter; confirmed first when the letter was edited by hand."""
    summary = _editable_summary(meeting_pk)
    if summary.letter_body_edited and not confirmed(request):
        return confirmation_page(
            request,
            title=_("Replace the letter with the formula's words?"),
            consequences=[
                _("The letter's text as edited by hand is replaced by the formula that fits the signatories."),
                _("The history keeps the edited text. The co-chairs' approvals, if any, are reset."),
            ],
            action=reverse("documents:summary_letter_reset", args=[meeting_pk]),
            cancel_url=reverse("documents:summary_edit", args=[meeting_pk]),
            button=_("Reset the letter"),
            fields={"version": request.POST.get("version", "")},
            danger=True,
        )
    return _structure(
        request,
        meeting_pk,
        lambda version: services.reset_letter(summary, expected_version=version, by=request.user),
        _("The letter reads the formula's words again."),
    )


@secretariat_required
@require_POST
def summary_symbol(request, meeting_pk: int):
    """Correct the symbol of an issued summary (confirmed; kept in the meeting's history)."""
    summary = _editable_summary(meeting_pk)
    form = SymbolForm(request.POST)
    if not form.is_valid():
        return _summary_page(request, summary, symbol_form=form, status=400)
    symbol = form.cleaned_data["symbol"]
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Correct the symbol to %(symbol)s?") % {"symbol": symbol},
            consequences=[
                _("The summary and its meeting are recorded as %(symbol)s instead of %(old)s.")
                % {"symbol": symbol, "old": summary.meeting.symbol or "—"},
                _("The meeting's history keeps the old symbol, who corrected it and why."),
                _("The stored PDF is rebuilt with the corrected symbol. No email is sent."),
            ],
            action=reverse("documents:summary_symbol", args=[meeting_pk]),
            cancel_url=reverse("documents:summary", args=[meeting_pk]),
            button=_("Correct the symbol"),
            fields={"symbol": symbol, "reason": form.cleaned_data["reason"]},
        )
    try:
        services.correct_symbol(summary, symbol, by=request.user, reason=form.cleaned_data["reason"])
    except services.InvalidTransition as exc:
        form.add_error("symbol", str(exc))
        summary.refresh_from_db()
        return _summary_page(request, summary, symbol_form=form, status=400)
    messages.success(request, _("Symbol corrected to %(symbol)s.") % {"symbol": symbol})
    return redirect("documents:summary", meeting_pk=meeting_pk)


@staff_view
@require_POST
def summary_approve(request, meeting_pk: int):
    """A co-chair approves the text for its state; the secretariat records a co-chair's approval by email."""
    summary = _summary(request.user, meeting_pk)
    agenda_year = summary.meeting.agenda_year
    on_behalf = "record-on_behalf_of" in request.POST
    allowed = permissions.can_record_for_cochair if on_behalf else permissions.can_approve
    if not allowed(request.user, agenda_year):
        raise PermissionDenied
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reload the summary and approve again."))
        return redirect("documents:summary", meeting_pk=meeting_pk)
    kwargs = {}
    if on_behalf:
        record_form = RecordApprovalForm(request.POST, states=agenda_year.co_chairs.all(), today=timezone.localdate())
        if not record_form.is_valid():
            return _summary_page(request, summary, record_form=record_form, status=400)
        kwargs = {
            "on_behalf_of": record_form.cleaned_data["on_behalf_of"],
            "received_on": record_form.cleaned_data["received_on"],
        }
    try:
        summary, approval = services.approve_summary(
            summary, by=request.user, now=timezone.now(), version=form.cleaned_data["version"], **kwargs
        )
    except services.InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        if summary.status == Summary.Status.APPROVED:
            messages.success(request, _("Approved: every co-chair has now approved the summary."))
        elif on_behalf:
            messages.success(request, _("Recorded: approved by %(who)s.") % {"who": approval.approved_credit})
        else:
            messages.success(request, _("Your delegation's approval is recorded."))
    return redirect("documents:summary", meeting_pk=meeting_pk)


@staff_view
@require_POST
def summary_submit(request, meeting_pk: int):
    summary = _summary(request.user, meeting_pk)
    return _act(  # submit_summary refuses (403) anyone but the year's co-chairs and the secretariat
        request,
        lambda: services.submit_summary(summary, by=request.user, now=timezone.now()),
        _("Submitted for issuance as a document of the Security Council."),
        "documents:summary",
        meeting_pk,
    )


@secretariat_required
@require_POST
def summary_issue(request, meeting_pk: int):
    summary = get_object_or_404(Summary.objects.with_meeting(), meeting_id=meeting_pk)
    form = IssueForm(request.POST)
    if form.is_valid() and not confirmed(request):
        symbol, issue_date = form.cleaned_data["symbol"], form.cleaned_data["issue_date"]
        try:
            services.check_issue(summary, symbol, issue_date=issue_date, by=request.user)
        except services.InvalidTransition as exc:
            form.add_error("symbol", str(exc))
        else:
            return confirmation_page(
                request,
                title=_("Record the issuance as %(symbol)s?") % {"symbol": symbol} + f" · {summary.meeting.subject}",
                consequences=services.issue_consequences(summary, symbol, issue_date),
                action=reverse("documents:summary_issue", args=[meeting_pk]),
                cancel_url=reverse("documents:summary", args=[meeting_pk]),
                button=_("Confirm: issued as %(symbol)s") % {"symbol": symbol},
                fields={
                    "symbol": symbol,
                    "issue_date": issue_date.isoformat(),
                    "job_number": form.cleaned_data["job_number"],
                },
            )
    elif form.is_valid():
        try:
            services.issue_summary(
                summary,
                form.cleaned_data["symbol"],
                by=request.user,
                now=timezone.now(),
                issue_date=form.cleaned_data["issue_date"],
                job_number=form.cleaned_data["job_number"],
            )
        except services.InvalidTransition as exc:
            form.add_error("symbol", str(exc))
        else:
            messages.success(request, _("Issued as %(symbol)s.") % {"symbol": form.cleaned_data["symbol"]})
            return redirect("documents:summary", meeting_pk=meeting_pk)
    summary.refresh_from_db()
    return _summary_page(request, summary, issue_form=form, status=400)


@secretariat_required
@require_POST
def summary_publish(request, meeting_pk: int):
    summary = get_object_or_404(Summary.objects.with_meeting(), meeting_id=meeting_pk)
    if not confirmed(request):
        try:
            services.check_publish_summary(summary)
        except services.InvalidTransition as exc:
            messages.error(request, str(exc))
            return redirect("documents:summary", meeting_pk=meeting_pk)
        return confirmation_page(
            request,
            title=_("Publish the summary?") + f" · {summary.meeting.subject}",
            consequences=services.publish_summary_consequences(summary),
            action=reverse("documents:summary_publish", args=[meeting_pk]),
            cancel_url=reverse("documents:summary", args=[meeting_pk]),
            button=_("Confirm: publish on the public website"),
        )
    return _act(
        request,
        lambda: services.publish_summary(summary, by=request.user, now=timezone.now()),
        _("Published: the summary and the meeting's documents are on the public site."),
        "documents:summary",
        meeting_pk,
    )


@staff_view
@require_GET
def summary_pdf(request, meeting_pk: int):
    return _summary_pdf_response(request, _summary(request.user, meeting_pk), private=True)


@secretariat_required
def summary_history(request, meeting_pk: int):
    summary = get_object_or_404(Summary.objects.with_meeting(), meeting_id=meeting_pk)
    entries = history_entries(
        summary.history.all(),
        SummaryApproval.history.filter(summary_id=summary.pk),
        SummarySection.history.filter(summary_id=summary.pk),
        SummarySignatory.history.filter(summary_id=summary.pk).select_related("member_state"),
    )
    return render(
        request, "documents/history.html", {"document": summary, "meeting": summary.meeting, "entries": entries}
    )


# Attachments.


@secretariat_required
def attachment_upload(request, meeting_pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=meeting_pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.add_attachment(
            meeting,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            kind=form.kind,
            by=request.user,
            now=timezone.now(),
        )
        messages.success(request, _("File added to the meeting."))
        return redirect(meeting)
    return render(request, "documents/attachment_form.html", {"form": form, "meeting": meeting})


def _attachment_response(request, attachment: Attachment, *, private: bool) -> HttpResponse:
    services.log_download(user=request.user, now=timezone.now(), ip=client_ip(request), attachment=attachment)
    try:
        body = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return _download(body, filename=attachment.original_name, content_type=attachment.content_type, private=private)


@staff_view
@require_GET
def attachment_download(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=pk)
    return _attachment_response(request, attachment, private=True)


@secretariat_required
def attachment_delete(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.select_related("meeting__situation"), pk=pk)
    meeting = attachment.meeting
    if request.method == "POST":
        services.delete_attachment(attachment, by=request.user)
        messages.success(request, _("“%(title)s” deleted.") % {"title": attachment.title})
        return redirect(meeting)
    return render(request, "documents/attachment_confirm_delete.html", {"attachment": attachment, "meeting": meeting})


# The public site: published material only, no sign-in.


@require_GET
def public_summary_pdf(request, meeting_pk: int):
    summary = get_object_or_404(Summary.objects.published().with_meeting(), meeting_id=meeting_pk)
    return _summary_pdf_response(request, summary, private=False)


@require_GET
def public_note_pdf(request, meeting_pk: int):
    note = get_object_or_404(BackgroundNote.objects.published().with_meeting(), meeting_id=meeting_pk)
    return _note_pdf_response(request, note, private=False)


@require_GET
def public_attachment(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.published(), pk=pk)
    return _attachment_response(request, attachment, private=False)

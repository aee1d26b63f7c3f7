"""The Network's documents: the chair's summary and other letters of the troika, drafted, approved by each troika
state, issued as joint General Assembly / Security Council documents, and public once issued. Thin views: the
rules are in network.document_services, the words in network.summary, the printing in documents.pdf."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import network_secretariat_required, network_view
from core.concurrency import StaleEdit
from core.confirm import confirmation_page, confirmed
from core.editing import edit_page, history_page
from core.exceptions import InvalidTransition
from core.history import history_entries
from core.pagination import paginate
from documents import pdf

from . import document_services
from .approval_views import approval_panel, approve_from_post
from .choices import DocumentKind, DocumentStatus
from .forms import IssueForm, NetworkDocumentForm, NetworkDocumentSectionForm
from .models import NetworkDocument, NetworkDocumentApproval, NetworkDocumentSection, NetworkMeeting
from .summary import ga_session_on, network_document


def _document(pk: int) -> NetworkDocument:
    return get_object_or_404(NetworkDocument.objects.select_related("meeting", "lead"), pk=pk)


def _issued(pk: int) -> NetworkDocument:
    return get_object_or_404(
        NetworkDocument.objects.select_related("meeting", "lead"), pk=pk, status=DocumentStatus.ISSUED
    )


@network_view
@require_GET
def document_list(request):
    documents = NetworkDocument.objects.select_related("meeting")
    return render(request, "network/document_list.html", {"page": paginate(request, documents)})


def _prefilled(request) -> NetworkDocument:
    """A new document: from a meeting (?meeting=), a chair's summary with its title lines; the session, agenda
    item and lead-in as the last document had them."""
    today = timezone.localdate()
    previous = NetworkDocument.objects.order_by("-pk").first()
    document = NetworkDocument(
        year=today.year,
        ga_session=ga_session_on(today),
        agenda_item=previous.agenda_item if previous else None,
        agenda_item_title=previous.agenda_item_title if previous else "",
    )
    meeting_pk = request.GET.get("meeting", "")
    meeting = NetworkMeeting.objects.filter(pk=meeting_pk).first() if meeting_pk.isdigit() else None
    if meeting is not None:
        document.kind, document.meeting, document.year = DocumentKind.CHAIRS_SUMMARY, meeting, meeting.start_date.year
        document.ga_session = ga_session_on(meeting.start_date)
        document.title = f"Chair's summary of the {meeting.title[:1].lower()}{meeting.title[1:]}"
        place = f"{meeting.city}, " if meeting.city else ""
        document.subtitle = "\n".join(filter(None, [meeting.theme, f"{place}{meeting.start_date:%-d %B %Y}"]))
        document.action_points_lead_in = "The following key action points were agreed upon at the meeting:"
    return document


@network_secretariat_required
def document_form(request, pk: int | None = None):
    document = _document(pk) if pk else _prefilled(request)
    if document.is_issued:
        messages.error(request, _("An issued document is not edited: it is the record of what was issued."))
        return redirect(document)
    today = timezone.localdate()
    return edit_page(
        request,
        NetworkDocumentForm,
        document,
        back_url=document.get_absolute_url() if pk else reverse("network:documents"),
        back_label=str(document) if pk else _("Network documents"),
        heading=_("Edit %(name)s") % {"name": document} if pk else _("Draft a Network document"),
        history_url=reverse("network:document_history", args=[pk]) if pk else "",
        intro=_(
            "The letter is signed by the troika of the year chosen, each state's Permanent Representative in "
            "office on the letter's date. An edit resets the troika's approvals of other words."
        ),
        done_url=lambda obj: obj.get_absolute_url(),
        save=lambda obj, form: document_services.save_document(
            obj, expected_version=form.expected_version, by=request.user, today=today
        ),
    )


@network_view
@require_GET
def document_detail(request, pk: int):
    document = _document(pk)
    today = timezone.localdate()
    context = {
        "object": document,
        "document": network_document(document, today=today),
        "sections": list(document.sections.all()),
        "issue_form": IssueForm(initial={"issue_date": today}) if not document.is_issued else None,
        **approval_panel(
            request,
            document_services.status(document, today=today),
            year=document.year,
            in_review=document.status == DocumentStatus.IN_REVIEW,
            today=today,
        ),
    }
    return render(request, "network/document_detail.html", context)


def _pdf_response(document: NetworkDocument, *, private: bool) -> HttpResponse:
    if document.is_issued and document.issued_pdf:
        response = FileResponse(
            document.issued_pdf.open("rb"),
            as_attachment=True,
            filename=f"{document.symbol.replace('/', '-')}.pdf",
            content_type="application/pdf",
        )
    else:
        doc = network_document(document, today=timezone.localdate())
        body = pdf.cached_pdf(
            document,
            pdf.document_html(doc),
            variant=pdf.document_variant(doc),
            metadata=pdf.document_metadata(doc),
        )
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="network-document-{document.pk}-draft.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if private else "public, no-cache"
    return response


@network_view
@require_GET
def document_pdf(request, pk: int):
    return _pdf_response(_document(pk), private=True)


@network_secretariat_required
def section_form(request, document_pk: int, pk: int | None = None):
    document = _document(document_pk)
    if document.is_issued:
        messages.error(request, _("An issued document is not edited: it is the record of what was issued."))
        return redirect(document)
    if pk:
        section = get_object_or_404(NetworkDocumentSection, pk=pk, document=document)
    else:
        section = NetworkDocumentSection(document=document, order=document.sections.count() + 1)
    today = timezone.localdate()
    return edit_page(
        request,
        NetworkDocumentSectionForm,
        section,
        back_url=document.get_absolute_url(),
        back_label=str(document),
        heading=_("Edit a section") if pk else _("Add a section"),
        intro=_("Sections print in their order; the key action points follow them in a chair's summary."),
        save=lambda obj, form: document_services.save_section(
            obj, expected_version=form.expected_version, by=request.user, today=today
        ),
    )


@network_secretariat_required
@require_POST
def section_delete(request, document_pk: int, pk: int):
    document = _document(document_pk)
    section = get_object_or_404(NetworkDocumentSection, pk=pk, document=document)
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Delete this section?"),
            consequences=[_("“%(section)s” and its text are removed from the document.") % {"section": section}],
            action=reverse("network:section_delete", args=[document.pk, section.pk]),
            cancel_url=document.get_absolute_url(),
            button=_("Confirm: delete the section"),
            danger=True,
        )
    try:
        document_services.delete_section(section, by=request.user, today=timezone.localdate())
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Section deleted."))
    return redirect(document)


@network_secretariat_required
@require_POST
def document_submit(request, pk: int):
    document = _document(pk)
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Send this document to the troika for approval?"),
            consequences=[
                _("Its focal points can approve the text as it stands; any later edit resets their approvals."),
            ],
            action=reverse("network:document_submit", args=[pk]),
            cancel_url=document.get_absolute_url(),
            button=_("Confirm: send for approval"),
        )
    try:
        document_services.submit_for_review(document, by=request.user, today=timezone.localdate())
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("With the troika for approval."))
    return redirect(document)


@network_view
@require_POST
def document_approve(request, pk: int):
    document = _document(pk)
    pending = document_services.status(document, today=timezone.localdate()).pending_states
    return approve_from_post(
        request, document, pending_states=pending, approve=partial(document_services.approve, document)
    )


@network_secretariat_required
@require_POST
def document_issue(request, pk: int):
    document = _document(pk)
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect(document)
    data = form.cleaned_data
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Record this document as issued under %(symbol)s?") % {"symbol": data["symbol"]},
            consequences=[
                _("Its text is fixed: it is no longer edited."),
                _("The issued PDF is made and stored, and the document becomes public on the site."),
            ],
            action=reverse("network:document_issue", args=[pk]),
            cancel_url=document.get_absolute_url(),
            button=_("Confirm: record as issued"),
            fields={
                "symbol": data["symbol"],
                "issue_date": data["issue_date"].isoformat(),
                "job_number": data["job_number"],
            },
        )
    try:
        document_services.issue(
            document,
            symbol=data["symbol"],
            issue_date=data["issue_date"],
            job_number=data["job_number"],
            by=request.user,
        )
    except (InvalidTransition, StaleEdit) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Recorded as issued: %(symbol)s.") % {"symbol": data["symbol"]})
    return redirect(document)


@network_secretariat_required
@require_GET
def document_history(request, pk: int):
    document = _document(pk)
    entries = history_entries(
        document.history.all(),
        NetworkDocumentSection.history.filter(document_id=document.pk),
        NetworkDocumentApproval.history.filter(document_id=document.pk),
    )
    return history_page(
        request, document, back_url=document.get_absolute_url(), back_label=str(document), entries=entries
    )


# Public: issued documents only.


@require_GET
def public_documents(request):
    documents = NetworkDocument.objects.filter(status=DocumentStatus.ISSUED).order_by("-issue_date", "-pk")
    return render(request, "network/public_documents.html", {"page": paginate(request, documents)})


@require_GET
def public_document(request, pk: int):
    document = _issued(pk)
    context = {"object": document, "document": network_document(document, today=document.issue_date)}
    return render(request, "network/public_document.html", context)


@require_GET
def public_document_pdf(request, pk: int):
    document = _issued(pk)
    if not document.issued_pdf:
        raise Http404
    return _pdf_response(document, private=False)

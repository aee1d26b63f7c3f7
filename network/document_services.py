"""Changing a Network document: drafting, the troika's approvals, issuance. Each in one transaction.

The secretariat drafts; it sends the text to the troika; each troika state approves the text as it read it
(a focal point of that state in the app, or the secretariat recording an approval received by email); an edit
resets the approvals given to other words (approvals.services, shared with the IEG's co-chairs); once every
troika state has approved, the secretariat records the pair of symbols it was issued under, and the issued PDF
is rendered and stored by the one renderer. Nothing moves if the PDF cannot be made or stored.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.querysets import for_panel
from approvals.services import ApprovalError, ApprovalStatus, approval_status, record_approval, reset_outdated
from core.concurrency import save_versioned
from core.exceptions import InvalidTransition
from documents import pdf
from documents.richtext import sanitize
from documents.services import store_issued_pdf

from . import approving
from .approving import approving_states
from .choices import DocumentStatus
from .models import NetworkDocument, NetworkDocumentApproval, NetworkDocumentSection
from .services import credited
from .summary import fingerprint, network_document


def _locked(document: NetworkDocument) -> NetworkDocument:
    return NetworkDocument.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=document.pk)


def check_editable(document: NetworkDocument) -> None:
    if document.is_issued:
        raise InvalidTransition(_("An issued document is not edited: it is the record of what was issued."))


def _reset_after_edit(document: NetworkDocument, *, by, today: datetime.date) -> int:
    current = fingerprint(network_document(document, today=today))
    return reset_outdated(
        document.approvals.current(), current, by=by, now=None, reason=_("Document edited after approval")
    )


@transaction.atomic
def save_document(document: NetworkDocument, *, expected_version: int | None, by, today: datetime.date):
    if document.pk:
        check_editable(_locked(document))
    document.letter_body = sanitize(document.letter_body) if document.letter_body.strip() else ""
    save_versioned(credited(document, by), expected_version)
    _reset_after_edit(document, by=by, today=today)
    return document


@transaction.atomic
def save_section(section: NetworkDocumentSection, *, expected_version: int | None, by, today: datetime.date):
    document = _locked(section.document)
    check_editable(document)
    section.body = sanitize(section.body)
    save_versioned(credited(section, by), expected_version)
    _reset_after_edit(document, by=by, today=today)
    return section


@transaction.atomic
def delete_section(section: NetworkDocumentSection, *, by, today: datetime.date) -> None:
    document = _locked(section.document)
    check_editable(document)
    section._change_reason = "Deleted"
    section.delete()
    _reset_after_edit(document, by=by, today=today)


def approvers(document: NetworkDocument) -> list:
    """The troika's states that approve: those that sign."""
    return approving_states(document.year)


def status(document: NetworkDocument, *, today: datetime.date) -> ApprovalStatus:
    """Each troika state's approval of the text as it stands now."""
    current = fingerprint(network_document(document, today=today))
    return approval_status(approvers(document), for_panel(document.approvals.current()), current)


def acting_state(document: NetworkDocument, user, *, on_behalf_of=None):
    return approving.acting_state(document.year, user, on_behalf_of=on_behalf_of)


@transaction.atomic
def submit_for_review(document: NetworkDocument, *, by, today: datetime.date) -> NetworkDocument:
    document = _locked(document)
    check_editable(document)
    if document.letter_date is None:
        raise InvalidTransition(_("Set the letter's date first: the troika approves a dated letter."))
    if not approvers(document):
        raise InvalidTransition(_("No troika state is recorded for %(year)s.") % {"year": document.year})
    if document.status != DocumentStatus.DRAFT:
        raise InvalidTransition(_("The document is already with the troika."))
    document.status = DocumentStatus.IN_REVIEW
    save_versioned(credited(document, by, "Sent to the troika for approval"), None)
    return document


@transaction.atomic
def approve(
    document: NetworkDocument,
    *,
    by,
    now: datetime.datetime,
    seen_fingerprint: str,
    on_behalf_of=None,
    received_on: datetime.date | None = None,
) -> NetworkDocumentApproval:
    document = _locked(document)
    if document.status != DocumentStatus.IN_REVIEW:
        raise ApprovalError(_("Only a document with the troika for approval is approved."))
    state = acting_state(document, by, on_behalf_of=on_behalf_of)
    current = fingerprint(network_document(document, today=timezone.localdate(now)))
    if seen_fingerprint != current:
        raise ApprovalError(_("The document changed after you opened it. Read the current text, then approve it."))
    return record_approval(
        document.approvals.current(),
        NetworkDocumentApproval(document=document),
        state=state,
        fingerprint=current,
        by=by,
        now=now,
        on_behalf_of=on_behalf_of,
        received_on=received_on,
        already=_("%(state)s has already approved this document."),
    )


@transaction.atomic
def issue(
    document: NetworkDocument, *, symbol: str, issue_date: datetime.date, job_number: str = "", by
) -> NetworkDocument:
    """Record the pair of symbols it was issued under and store the issued PDF (PDF/A, no watermark)."""
    document = _locked(document)
    check_editable(document)
    if document.status != DocumentStatus.IN_REVIEW or not status(document, today=issue_date).complete:
        raise InvalidTransition(_("Every troika state approves the text before it is sent for issuance."))
    if NetworkDocument.objects.filter(symbol=symbol).exclude(pk=document.pk).exists():
        raise InvalidTransition(_("Another document is recorded under %(symbol)s.") % {"symbol": symbol})
    document.status = DocumentStatus.ISSUED
    document.symbol, document.issue_date, document.job_number = symbol, issue_date, job_number.strip()
    store_issued_pdf(
        document.issued_pdf,
        f"{symbol.replace('/', '-')}.pdf",
        lambda: pdf.render_document(network_document(document, today=issue_date)),
        what=f"Network document {document.pk}",
    )
    save_versioned(credited(document, by, f"Issued as {symbol}"), None)
    return document

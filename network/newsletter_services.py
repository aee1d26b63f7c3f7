"""Changing the newsletter: members' updates submitted and decided, an issue compiled, approved by the troika
and sent to every focal point in post through the outbox (notifications.newsletters). Each in one transaction."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.querysets import for_panel
from approvals.services import ApprovalStatus, approval_status, record_approval, reset_outdated
from core.concurrency import save_versioned
from core.exceptions import InvalidTransition
from notifications.newsletters import announce_newsletter

from . import approving
from .choices import NewsletterStatus, UpdateStatus
from .models import NetworkUpdate, Newsletter, NewsletterApproval
from .newsletter import compiled, fingerprint, recipients
from .services import credited


@transaction.atomic
def decide_update(update: NetworkUpdate, status: str, *, by) -> NetworkUpdate:
    update = NetworkUpdate.objects.select_for_update().get(pk=update.pk)
    if status not in UpdateStatus.values:
        raise InvalidTransition(_("Unknown status."))
    update.status = status
    save_versioned(credited(update, by, f"Marked {status}"), None)
    return update


def _locked(issue: Newsletter) -> Newsletter:
    return Newsletter.objects.select_for_update().get(pk=issue.pk)


def check_editable(issue: Newsletter) -> None:
    if issue.is_sent:
        raise InvalidTransition(_("A newsletter that was sent is not edited: it is what its readers received."))


def status(issue: Newsletter, *, today: datetime.date) -> ApprovalStatus:
    current = fingerprint(compiled(issue, today=today))
    return approval_status(approving.approving_states(issue.year), for_panel(issue.approvals.current()), current)


@transaction.atomic
def save_issue(issue: Newsletter, *, expected_version: int | None, by, today: datetime.date, save_m2m=None):
    if issue.pk:
        check_editable(_locked(issue))
    save_versioned(credited(issue, by), expected_version)
    if save_m2m is not None:
        save_m2m()
    reset_outdated(
        issue.approvals.current(),
        fingerprint(compiled(issue, today=today)),
        by=by,
        now=None,
        reason=_("Newsletter edited after approval"),
    )
    return issue


@transaction.atomic
def submit_for_review(issue: Newsletter, *, by) -> Newsletter:
    issue = _locked(issue)
    check_editable(issue)
    if issue.status != NewsletterStatus.DRAFT:
        raise InvalidTransition(_("The newsletter is already with the troika."))
    if not approving.approving_states(issue.year):
        raise InvalidTransition(_("No troika state is recorded for %(year)s.") % {"year": issue.year})
    issue.status = NewsletterStatus.IN_REVIEW
    save_versioned(credited(issue, by, "Sent to the troika for approval"), None)
    return issue


@transaction.atomic
def approve(issue: Newsletter, *, by, now, seen_fingerprint: str, on_behalf_of=None, received_on=None):
    issue = _locked(issue)
    if issue.status != NewsletterStatus.IN_REVIEW:
        raise approving.ApprovalError(_("Only a newsletter with the troika for approval is approved."))
    state = approving.acting_state(issue.year, by, on_behalf_of=on_behalf_of)
    current = fingerprint(compiled(issue, today=timezone.localdate(now)))
    if seen_fingerprint != current:
        raise approving.ApprovalError(
            _("The newsletter changed after you opened it. Read the current issue, then approve it.")
        )
    return record_approval(
        issue.approvals.current(),
        NewsletterApproval(newsletter=issue),
        state=state,
        fingerprint=current,
        by=by,
        now=now,
        on_behalf_of=on_behalf_of,
        received_on=received_on,
        already=_("%(state)s has already approved this newsletter."),
    )


@transaction.atomic
def send(issue: Newsletter, *, by, now: datetime.datetime) -> int:
    """Mark the issue sent today and queue it for every focal point in post (each address once). Returns how
    many emails were queued."""
    issue = _locked(issue)
    check_editable(issue)
    today = timezone.localdate(now)
    if issue.status != NewsletterStatus.IN_REVIEW or not status(issue, today=today).complete:
        raise InvalidTransition(_("Every troika state approves the issue before it is sent."))
    addresses = recipients(today)
    if not addresses:
        raise InvalidTransition(_("No focal point in post has an email address: nobody would receive it."))
    issue.status, issue.sent_on, issue.recipients = NewsletterStatus.SENT, today, len(addresses)
    save_versioned(credited(issue, by, f"Sent to {len(addresses)} focal points"), None)
    return announce_newsletter(issue, addresses, now=now)

"""Who may read a background note or a summary: the documents' own rules, on the roles of accounts.permissions.

``documents.querysets`` says the same as list filters (``visible_to``); a test keeps the two in step.
"""

from __future__ import annotations

from accounts import permissions

from .choices import SUMMARY_COUNCIL_STATUSES, NoteStatus, SummaryStatus


def can_read_note(user, note) -> bool:
    """A background note: secretariat and the year's co-chairs always; once shared, experts of that year's
    Council members and of delegations invited to it (``NoteInvitation``); once published, everyone."""
    if note.status == NoteStatus.PUBLISHED:
        return True
    agenda_year = note.meeting.agenda_year
    if permissions.can_view_drafts(user, agenda_year):
        return True
    if note.status != NoteStatus.SHARED:
        return False
    if permissions.is_council_expert(user, agenda_year.year):
        return True
    state_id = permissions.delegation_id(user)
    return state_id is not None and note.invitations.filter(member_state_id=state_id).exists()


def can_read_summary(user, summary) -> bool:
    """A summary: secretariat and the year's co-chairs always; experts of that year's Council members once
    the co-chairs approved it; everyone once published."""
    if summary.status == SummaryStatus.PUBLISHED:
        return True
    agenda_year = summary.meeting.agenda_year
    if permissions.can_view_drafts(user, agenda_year):
        return True
    return summary.status in SUMMARY_COUNCIL_STATUSES and permissions.is_council_expert(user, agenda_year.year)


def can_submit_summary(user, summary) -> bool:
    """Submit an approved summary for issuance: the co-chairs of its year (Guidelines, section VI, step 9), or
    the secretariat for them. ``services.submit_summary`` enforces it; pages read it to offer the button."""
    return permissions.can_edit(user) or permissions.can_approve(user, summary.meeting.agenda_year)

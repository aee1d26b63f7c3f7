from __future__ import annotations

from django.db import models
from django.db.models import Q

from accounts import permissions
from meetings.choices import MeetingStatus

from .choices import NOTE_SHARED_STATUSES, SUMMARY_COUNCIL_STATUSES, NoteStatus, SummaryStatus


class BackgroundNoteQuerySet(models.QuerySet):
    def visible_to(self, user) -> BackgroundNoteQuerySet:
        """Notes ``user`` may read: ``documents.access.can_read_note`` as a filter."""
        if permissions.is_secretariat(user):
            return self.all()
        allowed = Q(status=NoteStatus.PUBLISHED) | Q(
            meeting__agenda_year__year__in=sorted(permissions.cochair_years(user))
        )
        experts = Q(meeting__agenda_year__year__in=sorted(permissions.council_years(user)))
        state_id = permissions.delegation_id(user)
        if state_id is not None:
            experts |= Q(pk__in=self._invited(state_id))
        return self.filter(allowed | (Q(status=NoteStatus.SHARED) & experts))

    def shared_with(self, user) -> BackgroundNoteQuerySet:
        """The notes shared with the user's delegation (its Council years' notes, and those it was invited to),
        shared or since published. Not every published note: those are everyone's."""
        state_id = permissions.delegation_id(user)
        if state_id is None:
            return self.none()
        addressed = Q(meeting__agenda_year__year__in=sorted(permissions.council_years(user))) | Q(
            pk__in=self._invited(state_id)
        )
        return self.filter(Q(status__in=NOTE_SHARED_STATUSES) & addressed)

    def _invited(self, state_id: int) -> models.QuerySet:
        """The ids of the notes a delegation was invited to (a subquery on NoteInvitation's state index)."""
        return self.model._default_manager.filter(invitations__member_state_id=state_id).values("pk")

    def published(self) -> BackgroundNoteQuerySet:
        return self.filter(status=NoteStatus.PUBLISHED)

    def with_meeting(self) -> BackgroundNoteQuerySet:
        return self.select_related("meeting__agenda_year", "meeting__situation")

    def with_sections(self) -> BackgroundNoteQuerySet:
        """With the meeting and the working copy's sections (one more query for any number of notes)."""
        return self.with_meeting().prefetch_related("section_rows")


class SummaryQuerySet(models.QuerySet):
    def visible_to(self, user) -> SummaryQuerySet:
        """Summaries ``user`` may read: ``documents.access.can_read_summary`` as a filter."""
        if permissions.is_secretariat(user):
            return self.all()
        return self.filter(
            Q(status=SummaryStatus.PUBLISHED)
            | Q(meeting__agenda_year__year__in=sorted(permissions.cochair_years(user)))
            | Q(
                status__in=SUMMARY_COUNCIL_STATUSES,
                meeting__agenda_year__year__in=sorted(permissions.council_years(user)),
            )
        )

    def published(self) -> SummaryQuerySet:
        return self.filter(status=SummaryStatus.PUBLISHED)

    def with_meeting(self) -> SummaryQuerySet:
        return self.select_related("meeting__agenda_year", "meeting__situation")


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> AttachmentQuerySet:
        """Attachments of the meetings ``user`` may open on the staff pages."""
        return self.filter(permissions.visible_year_filter(user, prefix="meeting__agenda_year__"))

    def published(self) -> AttachmentQuerySet:
        """Public once their meeting is published (Guidelines: documentation goes on a public website)."""
        return self.filter(meeting__status=MeetingStatus.PUBLISHED)

    def in_meeting_order(self) -> AttachmentQuerySet:
        """One meeting's files as its pages list them: by title. (The default ordering starts with the meeting's
        own, by date, which joins the meetings table for nothing when the files are a meeting's.)"""
        return self.order_by("title", "pk")


class DownloadLogQuerySet(models.QuerySet):
    def for_table(self) -> DownloadLogQuerySet:
        return self.select_related("user__delegation")


def public_documents_related(meetings: models.QuerySet) -> models.QuerySet:
    """Meetings with what ``{% public_documents meeting %}`` reads, fetched in two queries for a whole list."""
    attachment = meetings.model.attachments.field.model  # documents.models.Attachment, which imports this module
    files = models.Prefetch("attachments", queryset=attachment.objects.in_meeting_order())
    return meetings.select_related("summary", "background_note").prefetch_related(files)

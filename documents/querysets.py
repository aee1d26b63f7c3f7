from __future__ import annotations

from django.db import models


class BackgroundNoteQuerySet(models.QuerySet):
    def visible_to(self, user) -> BackgroundNoteQuerySet:
        """Notes ``user`` may read (accounts.permissions.readable_notes_filter)."""
        from accounts.permissions import readable_notes_filter

        return self.filter(readable_notes_filter(user))

    def published(self) -> BackgroundNoteQuerySet:
        return self.filter(status="published")

    def with_meeting(self) -> BackgroundNoteQuerySet:
        return self.select_related("meeting__agenda_year", "meeting__situation")

    def with_sections(self) -> BackgroundNoteQuerySet:
        """With the meeting and the working copy's sections (one more query for any number of notes)."""
        return self.with_meeting().prefetch_related("section_rows")


class SummaryQuerySet(models.QuerySet):
    def visible_to(self, user) -> SummaryQuerySet:
        """Summaries ``user`` may read (accounts.permissions.readable_summaries_filter)."""
        from accounts.permissions import readable_summaries_filter

        return self.filter(readable_summaries_filter(user))

    def published(self) -> SummaryQuerySet:
        return self.filter(status="published")

    def with_meeting(self) -> SummaryQuerySet:
        return self.select_related("meeting__agenda_year", "meeting__situation")


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> AttachmentQuerySet:
        """Attachments of the meetings ``user`` may open on the staff pages."""
        from accounts.permissions import visible_year_filter

        return self.filter(visible_year_filter(user, prefix="meeting__agenda_year__"))

    def published(self) -> AttachmentQuerySet:
        """Public once their meeting is published (Guidelines: documentation goes on a public website)."""
        return self.filter(meeting__status="published")


class DownloadLogQuerySet(models.QuerySet):
    def for_table(self) -> DownloadLogQuerySet:
        return self.select_related("user__delegation")


def public_documents_related(meetings: models.QuerySet) -> models.QuerySet:
    """Meetings with what ``{% public_documents meeting %}`` reads, fetched in two queries for a whole list."""
    return meetings.select_related("summary", "background_note").prefetch_related("attachments")

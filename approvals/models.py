"""Co-chairs' approvals of a year's agenda. Each co-chair state approves; an edit to the agenda resets it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.onbehalf import RecordedOnBehalf

from .querysets import StateApprovalQuerySet


class StateApproval(RecordedOnBehalf):
    """One co-chair state's approval of something as it stood then (its fingerprint): the agenda, a note.

    Rows are never deleted: a reset (the thing edited, or the approval withdrawn) stamps ``reset_at``, so the
    table itself is the approval history. At most one current (not reset) row per state and approved thing.
    A co-chair approves in the app (``approved_by``), or the secretariat records an approval the state sent
    by email (``on_behalf_of``, ``received_on``, ``recorded_by``; ``approved_by`` stays empty).
    """

    member_state = models.ForeignKey(
        "countries.MemberState", verbose_name=_("co-chair"), on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"))
    fingerprint = models.CharField(
        _("fingerprint"), max_length=64, help_text=_("A digest of what was approved, as it was approved.")
    )
    reset_at = models.DateTimeField(_("reset at"), null=True, blank=True)
    reset_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reset by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reset_reason = models.CharField(_("reset because"), max_length=200, blank=True)

    objects = StateApprovalQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reset_by__isnull=True) | models.Q(reset_at__isnull=False),
                name="%(app_label)s_%(class)s_reset_has_time",
            ),
        ]

    @property
    def approved_credit(self) -> str:
        """ "Mette Larsen (Denmark)", or "Denmark (received by email on …, recorded by …)"."""
        return self.credit(self.approved_by) or str(_("a former user"))


class AgendaApproval(StateApproval):
    """One co-chair state's approval of a year's agenda (co-chairs, penholder, notes, countries and why)."""

    agenda_year = models.ForeignKey(
        "meetings.AgendaYear", verbose_name=_("IEG year"), on_delete=models.CASCADE, related_name="approvals"
    )

    history = HistoricalRecords()

    # What __str__ reads, fetched for many objects at once where histories name them (core.history).
    history_label_related = ("member_state", "agenda_year")

    class Meta(StateApproval.Meta):
        ordering = ["agenda_year", "member_state__name", "-approved_at"]
        verbose_name = _("agenda approval")
        verbose_name_plural = _("agenda approvals")
        constraints = [
            *StateApproval.Meta.constraints,
            models.UniqueConstraint(
                fields=["agenda_year", "member_state"],
                condition=models.Q(reset_at__isnull=True),
                name="approvals_agendaapproval_one_current_per_state",
            ),
        ]
        indexes = [
            # Serves the year page and every reset: the current approvals of a year (reset_at IS NULL).
            models.Index(fields=["agenda_year", "reset_at"], name="approvals_agenda_year_reset"),
        ]

    def __str__(self) -> str:
        return f"{self.member_state} · {self.agenda_year}"


class NoteApproval(StateApproval):
    """One co-chair state's approval of a background note's text, before it is shared with the Council."""

    note = models.ForeignKey(
        "documents.BackgroundNote",
        verbose_name=_("background note"),
        on_delete=models.CASCADE,
        related_name="approvals",
    )

    history = HistoricalRecords()

    # What __str__ reads, fetched for many objects at once where histories name them (core.history).
    history_label_related = ("member_state", "note__meeting__situation")

    class Meta(StateApproval.Meta):
        ordering = ["note", "member_state__name", "-approved_at"]
        verbose_name = _("note approval")
        verbose_name_plural = _("note approvals")
        constraints = [
            *StateApproval.Meta.constraints,
            models.UniqueConstraint(
                fields=["note", "member_state"],
                condition=models.Q(reset_at__isnull=True),
                name="approvals_noteapproval_one_current_per_state",
            ),
        ]
        indexes = [
            # Serves the note page, the co-chairs' landing page and every reset: a note's current approvals.
            models.Index(fields=["note", "reset_at"], name="approvals_note_reset"),
        ]

    def __str__(self) -> str:
        return f"{self.member_state} · {self.note}"


class Comment(models.Model):
    """A remark by a co-chair or the secretariat on a meeting (its note, summary, timeline) or on a year's agenda.

    Comments are part of the co-chairs' review: visible to the secretariat and that year's co-chairs only,
    never to Council experts or the public.
    """

    agenda_year = models.ForeignKey(
        "meetings.AgendaYear", verbose_name=_("IEG year"), on_delete=models.CASCADE, related_name="comments"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        help_text=_("Empty for a comment on the year's agenda."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(_("written at"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="approvals_comment_text_not_empty"),
        ]
        indexes = [
            # Serves the comment list of a meeting page and of a year page (meeting IS NULL).
            models.Index(fields=["agenda_year", "meeting", "created_at"], name="approvals_comment_target"),
        ]

    def __str__(self) -> str:
        return self.text[:60]

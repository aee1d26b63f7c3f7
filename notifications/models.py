"""The outbox: one row per notification decided (reminder, escalation, digest, invitation); private calendar feeds."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .querysets import NotificationQuerySet


class Notification(models.Model):
    """One email that was decided for one recipient, about one thing, under one rule, for one due date.

    The unique key (target, rule, due date, email) is the "decided once" guarantee: the sweep inserts
    with ``bulk_create(ignore_conflicts=True)``, so deciding twice is a no-op. Cancelled rows do not hold the key,
    so a step reopened or a meeting moved back to its old date gets a fresh reminder.
    """

    class Kind(models.TextChoices):
        STEP_BEFORE = "step_before", _("Step due soon")
        STEP_DUE = "step_due", _("Step due today")
        STEP_OVERDUE = "step_overdue", _("Step overdue")
        STEP_ESCALATION = "step_escalation", _("Overdue step escalated")
        ANSWER_DUE = "answer_due", _("Written answer due")
        REVIEW_DUE = "review_due", _("Recommendation review due")
        ACTION_DUE = "action_due", _("Network action point due")
        DIGEST = "digest", _("Daily digest")
        INVITATION = "invitation", _("Meeting invitation")
        NOTE_SHARED = "note_shared", _("Background note shared")
        NEWSLETTER = "newsletter", _("Network newsletter")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # No index of its own: the indexes that serve the queries on this column start with it (the unique
    # decision key, notif_pending_target), and one more index would only slow the sweep's bulk inserts.
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("about (type)"), db_index=False
    )
    object_id = models.PositiveBigIntegerField(_("about (id)"))
    target = GenericForeignKey("content_type", "object_id")
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    rule = models.CharField(_("rule"), max_length=40)
    due_date = models.DateField(_("due date"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    email = models.EmailField(_("email"))
    via_digest = models.BooleanField(_("in the daily digest"), default=False)
    # NULL on every reminder the sweep inserts (set only by UPDATE, when a digest takes its items): indexed
    # only where set (notif_digest_items), so the bulk inserts do not add a NULL entry to an index each.
    digest = models.ForeignKey(
        "self",
        verbose_name=_("sent in digest"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        db_index=False,
    )
    scheduled_for = models.DateTimeField(_("scheduled for"))
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PENDING)
    enqueued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    reason = models.CharField(_("why cancelled"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"))

    # No HistoricalRecords: rows change only by conditional UPDATEs (claims) that history cannot see, and
    # the row itself is the log (created, scheduled, claimed, sent, attempts, last error, why cancelled).
    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-scheduled_for", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "rule", "due_date", "email"],
                condition=~Q(state="cancelled"),
                name="notifications_notification_unique_decision",
            ),
            models.CheckConstraint(
                condition=~Q(state="sent") | Q(sent_at__isnull=False),
                name="notifications_notification_sent_has_time",
            ),
        ]
        # Partial indexes: each covers only the rows its query can return (rows still to send, pending
        # reminders, pending digest items), so it stays small while sent rows pile up as the outbox's history.
        indexes = [
            # Serves sending.mark_for_queue: pending rows never queued (enqueued_at IS NULL) or queued before
            # the requeue delay, 'sending' rows of dead workers, and the read of the ids it has just marked
            # (enqueued_at = now). State leads: each arm of that OR is then one range of the index.
            models.Index(
                fields=["state", "enqueued_at"], condition=Q(state__in=["pending", "sending"]), name="notif_queue"
            ),
            # Serves due._cancel_closed_targets: pending reminders whose step closed or whose due date moved
            # (an anti-join of these rows with the open steps, on target and due date).
            models.Index(
                fields=["content_type", "object_id", "due_date"],
                condition=Q(state="pending", digest__isnull=True),
                name="notif_pending_target",
            ),
            # Serves the digest: due._schedule_digests (who has pending digest items) and sending._build_digest
            # (one person's pending items, by email).
            models.Index(fields=["email"], condition=Q(state="pending", via_digest=True), name="notif_pending_digest"),
            # Serves a digest's items (``digest.items``) while it is sent, released or deleted.
            models.Index(fields=["digest"], condition=Q(digest__isnull=False), name="notif_digest_items"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.email} ({self.due_date:%Y-%m-%d})"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A user's private iCal feed address: whoever has the token reads that user's deadlines and meetings."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        ordering = ["user"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user} ({self.token[:6]}…)"

"""The Network's newsletter through the outbox: one row per address, sent by the same senders as reminders.

Each address gets an issue exactly once: the outbox's unique key (the issue, its rule, its sending day, the
address) holds, so sending twice adds nothing, and a row that fails is retried like any other.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import Notification
from .sending import queue_ready_after_commit

Kind = Notification.Kind


def newsletter_rule(issue) -> str:
    return f"newsletter_{issue.number}"


@transaction.atomic
def announce_newsletter(issue, addresses: list[tuple[int | None, str]], *, now: datetime.datetime) -> int:
    """Queue the issue (``network.Newsletter``, read by attribute) for each (user id, address). Returns how many
    rows were new."""
    content_type = ContentType.objects.get_for_model(issue)
    rows = [
        Notification(
            kind=Kind.NEWSLETTER,
            content_type=content_type,
            object_id=issue.pk,
            rule=newsletter_rule(issue),
            due_date=issue.sent_on,
            recipient_id=user_id,
            email=email,
            scheduled_for=now,
            created_at=now,
        )
        for user_id, email in addresses
    ]
    held = set(
        Notification.objects.filter(content_type=content_type, object_id=issue.pk)
        .exclude(state=Notification.State.CANCELLED)
        .values_list("email", flat=True)
    )
    new = [row for row in rows if row.email not in held]
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    queue_ready_after_commit(now)
    return len(new)

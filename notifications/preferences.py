"""A person's notification choices: on or off, single emails or a daily digest, their time zone."""

from __future__ import annotations

from django.db import transaction

from .models import Notification

State = Notification.State
Kind = Notification.Kind


@transaction.atomic
def update_preferences(user, *, email_notifications: bool, delivery: str, time_zone: str):
    """Save a person's choices; their pending reminders follow the new delivery (digest or single)."""
    user.email_notifications = email_notifications
    user.delivery = delivery
    user.time_zone = time_zone
    user._change_reason = "Notification preferences"
    user.save(update_fields=["email_notifications", "delivery", "time_zone"])
    pending = Notification.objects.filter(recipient=user, state=State.PENDING).exclude(
        kind__in=[Kind.DIGEST, Kind.INVITATION, Kind.STEP_ESCALATION]
    )
    if not email_notifications:
        pending.update(state=State.CANCELLED, reason="The recipient turned email notifications off.")
    else:
        pending.update(via_digest=delivery == "digest", enqueued_at=None)
    return user

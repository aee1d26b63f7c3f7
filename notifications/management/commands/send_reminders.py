"""Run the reminder sweep without Celery (cron, a fresh machine, or by hand)."""

from __future__ import annotations

from collections import Counter

from django.core.management.base import BaseCommand
from django.utils import timezone

from notifications import due, sending


class Command(BaseCommand):
    help = "Decide due reminders, cancel stale ones and send what is ready (the same sweep as Celery beat)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Hand the ready rows to the Celery workers instead of sending them in this process.",
        )

    def handle(self, *args, queue: bool = False, **options):
        # Without --queue, nothing goes to the broker: this process sends the ready rows itself.
        result = due.sweep(now=timezone.now(), queue=None if queue else (lambda pks: None))
        self.stdout.write(
            f"Decided {result.created} new notifications, cancelled {result.cancelled}, {result.queued} ready."
        )
        if queue:
            return
        outcomes: Counter = Counter()
        for pk in result.ids:
            try:
                outcomes[sending.send_notification(pk, now=timezone.now())] += 1
            except sending.TRANSIENT_ERRORS as exc:
                outcomes["will retry"] += 1
                self.stderr.write(f"Notification {pk}: {exc}")
        self.stdout.write(", ".join(f"{state}: {n}" for state, n in sorted(outcomes.items())) or "Nothing to send.")

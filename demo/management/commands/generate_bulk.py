"""Fill the database with synthetic IEG data for benchmarks: ``manage.py generate_bulk --scale 10``.

Scale 1 is one decade of real-sized activity (about 120 meetings, 3,600 recommendations, their steps, notes and
history); scale N is N decades of it. The same seed and day give the same data. See ``demo/bulk.py``.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from demo.bulk import BulkError, generate


class Command(BaseCommand):
    help = "Generate synthetic data at a scale (1 = one decade of IEG activity), deterministically from a seed."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = one decade (about 120 meetings).")
        parser.add_argument("--seed", type=int, default=2016, help="Same seed and day, same data.")
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day the data leads up to (YYYY-MM-DD; default: today in New York).",
        )

    def handle(self, *args, scale: float, seed: int, today: datetime.date | None, **options):
        try:
            counts, seconds = generate(
                scale=scale,
                seed=seed,
                today=today or timezone.localdate(),
                log=self.stdout.write if options["verbosity"] > 1 else None,
            )
        except BulkError as exc:
            raise CommandError(str(exc)) from exc
        for label, n in counts.items():
            self.stdout.write(f"{label:<45} {n:>9,}")
        self.stdout.write(
            self.style.SUCCESS(f"Generated {sum(counts.values()):,} rows at scale {scale:g} in {seconds:.1f} s.")
        )

"""Store the UN Headquarters holidays the rules give, from 2016 to three years ahead (idempotent).

Beat runs the same service every day (meetings.tasks.materialise_holidays), so a new year has its holidays
before anyone plans a meeting in it; years the secretariat recorded as published are left as stored.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from meetings import holidays, services


class Command(BaseCommand):
    help = "Store the UN Headquarters holidays computed from the rules (2016 to three years ahead by default)."

    def add_arguments(self, parser):
        parser.add_argument("--from-year", type=int, help="First year (default 2016).")
        parser.add_argument("--to-year", type=int, help="Last year (default three years after this one).")

    def handle(self, *args, from_year=None, to_year=None, **options):
        today = timezone.localdate()
        shown = services.holiday_years_shown(today)
        first, last = from_year or shown.start, to_year or shown.stop - 1
        if not holidays.FIRST_YEAR <= first <= last <= holidays.LAST_YEAR:
            raise CommandError(f"Choose years from {holidays.FIRST_YEAR} to {holidays.LAST_YEAR}, first before last.")
        result = services.materialise_holidays(years=range(first, last + 1), today=today)
        self.stdout.write(
            f"Holidays {first}-{last}: {result.created} created, {result.moved} moved, "
            f"{result.kept} kept as the secretariat saved them."
        )

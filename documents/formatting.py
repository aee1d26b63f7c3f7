"""How Security Council documents print a date: "4 December 2026" (the app's own pages say "4 Dec 2026")."""

from __future__ import annotations

import datetime

from django.utils import formats

from iegwps.formats.en.formats import COUNCIL_DOCUMENT_DATE_FORMAT


def council_date(value: datetime.date | None) -> str:
    return formats.date_format(value, COUNCIL_DOCUMENT_DATE_FORMAT) if value else ""

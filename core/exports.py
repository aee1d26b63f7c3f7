"""Exports: one table (column headers and rows of plain values) written as CSV or as an Excel workbook (XLSX).

An app declares its table once (``Table("recommendations", title, columns)``, each ``Column`` a header and a
function reading one row); its export view filters with the very function its page uses, then calls
``export_response(request, table, rows, fmt)``. This module owns everything about the files:

- CSV: UTF-8 with a byte-order mark (so Excel reads the accents), quoted by ``csv.writer``, streamed row by row.
- XLSX: an openpyxl write-only workbook (rows are written and forgotten), a bold header row kept in view, dates as
  dates with a date format, numbers as numbers, a column width per column, the sheet named after the table.
- Both: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``
  so no spreadsheet runs it as a formula (CSV injection); in XLSX every string is written as text, never a formula.
- A queryset is read in chunks (``.iterator()``), so memory stays flat and the query count does not grow.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CHUNK_SIZE = 500  # rows fetched per round trip when the rows are a queryset
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
_MAX_WIDTH = 60


@dataclass(frozen=True)
class Column:
    """One column: its header, how to read its value from a row, and optionally its width and number format."""

    header: str
    value: Callable[[Any], Any]
    width: int | None = None  # in characters; by default from the header, at least 10
    number_format: str | None = None  # e.g. "0%" for a share; dates get DATE_FORMAT without asking


@dataclass(frozen=True)
class Table:
    """An exported table: ``name`` gives the file name (``name-2026-12-07.csv``), ``title`` the sheet's name."""

    name: str
    title: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [str(column.header) for column in self.columns]

    def values(self, rows: Iterable) -> Iterator[list]:
        """The plain values of each row, in column order; a queryset is read in chunks."""
        if isinstance(rows, QuerySet):
            rows = rows.iterator(chunk_size=CHUNK_SIZE)
        for row in rows:
            yield [column.value(row) for column in self.columns]


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as written: a leading ``'`` on what it would otherwise run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.isoformat(sep=" ", timespec="minutes")[:16]  # 2026-12-07 14:05, in the site's time zone
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int | float | decimal.Decimal):
        return str(value)
    return neutralise(str(value))


def xlsx_value(value):
    """A value openpyxl writes with its type: numbers and dates as such, everything else as (safe) text."""
    if value is None or isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: the moment as the secretariat's clock shows it.
        return timezone.make_naive(value) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    # Control characters are not allowed in the file's XML: drop them rather than fail the whole download.
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def filename(table: Table, fmt: str, today: datetime.date) -> str:
    return f"{table.name}-{today:%Y-%m-%d}.{fmt}"


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_lines(table: Table, rows: Iterable) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # the byte-order mark: spreadsheet programs then read the file as UTF-8
    yield writer.writerow(table.headers)
    for values in table.values(rows):
        yield writer.writerow([csv_cell(value) for value in values])


def xlsx_bytes(table: Table, rows: Iterable) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(table.title))
    for index, column in enumerate(table.columns, start=1):
        width = column.width or max(10, len(str(column.header)) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = min(width, _MAX_WIDTH)
    sheet.freeze_panes = "A2"  # the header row stays in view
    bold = Font(bold=True)
    header = []
    for text in table.headers:
        cell = WriteOnlyCell(sheet, value=xlsx_value(text))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in table.values(rows):
        sheet.append([_xlsx_cell(sheet, column, value) for column, value in zip(table.columns, values, strict=True)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, column: Column, value) -> WriteOnlyCell:
    value = xlsx_value(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, even if it looked like a formula
    elif isinstance(value, datetime.datetime):
        cell.number_format = column.number_format or DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        cell.number_format = column.number_format or DATE_FORMAT
    elif column.number_format:
        cell.number_format = column.number_format
    return cell


def sheet_title(title: str) -> str:
    """Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\\."""
    return str(title).translate(_SHEET_TITLE_FORBIDDEN).strip()[:31] or "Sheet"


def export_response(request, table: Table, rows: Iterable, fmt: str) -> HttpResponse:
    """The table as a downloaded file in ``fmt`` (CSV streamed, XLSX whole), named after the table and today."""
    name = filename(table, fmt, timezone.localdate())
    if fmt == CSV:
        response = StreamingHttpResponse(csv_lines(table, rows), content_type=CONTENT_TYPES[CSV])
    elif fmt == XLSX:
        response = HttpResponse(xlsx_bytes(table, rows), content_type=CONTENT_TYPES[XLSX])
    else:
        raise ValueError(f"Unknown export format {fmt!r}")  # the URLs pass only FORMATS
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def refused(request, *, problems: Iterable[str], back_url: str) -> HttpResponse:
    """Why a file was not made (filters that were not understood), with the way back to the list; a 400.

    The page ignores a filter it does not understand and says so beside it; a downloaded file carries no such
    note, so an export refuses rather than hand over more rows than were asked for."""
    return render(
        request,
        "core/export_refused.html",
        {"problems": list(problems), "back_url": back_url},
        status=400,
    )


def form_problems(form) -> list[str]:
    """A filter form's errors as sentences naming their field (``Status: “x” is not one of the choices…``)."""
    problems = [str(error) for error in form.non_field_errors()]
    for field in form:
        problems += [f"{field.label}: {error}" for error in field.errors]
    return problems

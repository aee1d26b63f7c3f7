"""core.exports: the same table written as CSV and XLSX, typed, neutralised against formulas, named."""

from __future__ import annotations

import datetime
import decimal
import io
import zoneinfo

import pytest
from django.http import StreamingHttpResponse
from django.test import RequestFactory
from openpyxl import load_workbook

from core import exports
from core.exports import Column, Table

from .export_helpers import csv_rows, xlsx_rows, xlsx_sheet

TABLE = Table(
    "things",
    "Things: [all]/*?",
    (
        Column("name", lambda r: r["name"], width=30),
        Column("day", lambda r: r["day"]),
        Column("count", lambda r: r["count"]),
        Column("share", lambda r: r["share"], number_format="0%"),
        Column("at", lambda r: r["at"]),
        Column("done", lambda r: r["done"]),
    ),
)
NY = zoneinfo.ZoneInfo("America/New_York")
ROWS = [
    {
        "name": "Haiti, “BINUH”",
        "day": datetime.date(2026, 3, 10),
        "count": 7,
        "share": decimal.Decimal("0.25"),
        "at": datetime.datetime(2026, 3, 10, 15, 30, tzinfo=datetime.UTC),
        "done": True,
    },
    {"name": None, "day": None, "count": 0, "share": 0.5, "at": None, "done": False},
]
DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://evil")']


def _response(fmt, rows=ROWS):
    return exports.export_response(RequestFactory().get("/"), TABLE, rows, fmt)


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_named_after_the_table_and_today(fmt, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12, tzinfo=NY))
    response = _response(fmt)
    assert response["Content-Disposition"] == f'attachment; filename="things-2026-12-07.{fmt}"'


def test_csv_is_streamed_with_a_bom_and_quoted():
    response = _response("csv")
    assert isinstance(response, StreamingHttpResponse)
    assert csv_rows(response) == [
        ["name", "day", "count", "share", "at", "done"],
        ["Haiti, “BINUH”", "2026-03-10", "7", "0.25", "2026-03-10 11:30", "Yes"],
        ["", "", "0", "0.5", "", "No"],
    ]


def test_xlsx_is_typed():
    response = _response("xlsx")
    sheet = xlsx_sheet(response)
    assert sheet.title == "Things   all"  # Excel's forbidden characters replaced, at most 31 characters
    assert sheet.freeze_panes == "A2"
    header = sheet[1]
    assert [c.value for c in header] == ["name", "day", "count", "share", "at", "done"]
    assert all(c.font.bold for c in header)
    row = sheet[2]
    assert row[0].value == "Haiti, “BINUH”"
    assert row[1].value == datetime.datetime(2026, 3, 10) and row[1].is_date
    assert row[1].number_format == exports.DATE_FORMAT
    assert row[2].value == 7 and row[2].data_type == "n"
    assert row[3].value == 0.25 and row[3].number_format == "0%"
    assert row[4].value == datetime.datetime(2026, 3, 10, 11, 30)  # New York's clock, no time zone
    assert row[5].value == "Yes"
    assert [c.value for c in sheet[3]] == [None, None, 0, 0.5, None, "No"]
    assert sheet.column_dimensions["A"].width == 30
    assert sheet.column_dimensions["B"].width == 10


@pytest.mark.parametrize("text", DANGEROUS)
def test_formulas_are_neutralised_in_csv(text):
    rows = csv_rows(_response("csv", [ROWS[0] | {"name": text}]))
    assert rows[1][0] == "'" + text


@pytest.mark.parametrize("text", DANGEROUS)
def test_formulas_are_text_in_xlsx(text):
    response = _response("xlsx", [ROWS[0] | {"name": text}])
    cell = xlsx_sheet(response)["A2"]
    assert cell.data_type == "s"
    assert cell.value == "'" + text.replace("\r", "\n")  # XML reads a carriage return as a line end
    # Nothing in the file is a formula: no <f> element in the sheet's XML.
    workbook = load_workbook(io.BytesIO(response.content), data_only=False)
    assert all(c.data_type != "f" for row in workbook.active.iter_rows() for c in row)


def test_negative_numbers_stay_numbers():
    rows = xlsx_rows(_response("xlsx", [ROWS[0] | {"count": -3}]))
    assert rows[1][2] == -3
    assert csv_rows(_response("csv", [ROWS[0] | {"count": -3}]))[1][2] == "-3"


def test_control_characters_do_not_break_the_workbook():
    rows = xlsx_rows(_response("xlsx", [ROWS[0] | {"name": "bell\x07 and nul\x00"}]))
    assert rows[1][0] == "bell and nul"


def test_sheet_title_rules():
    assert exports.sheet_title("x" * 40) == "x" * 31
    assert exports.sheet_title("///") == "Sheet"


def test_a_queryset_is_read_in_chunks(db, django_user_model, monkeypatch):
    from django.db.models.query import QuerySet

    calls = []
    original = QuerySet.iterator

    def spy(self, *args, **kwargs):
        calls.append(kwargs.get("chunk_size"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    table = Table("users", "Users", (Column("name", lambda u: u.username),))
    django_user_model.objects.create(username="ada")
    response = exports.export_response(RequestFactory().get("/"), table, django_user_model.objects.all(), "csv")
    assert csv_rows(response)[1:] == [["ada"]]
    assert calls == [exports.CHUNK_SIZE]

"""Dates print one way everywhere: "4 Dec 2026" (iegwps/formats/en/formats.py).

Templates print dates with ``|date`` (DATE_FORMAT), ``|date:"DATETIME_FORMAT"`` or ``|date:"YEAR_MONTH_FORMAT"``;
the only spelled-out formats allowed are the machine-readable ones (``Y-m-d``, ``c``) for ``datetime``
attributes and the API. Python code uses ``django.utils.formats.date_format``, never strftime with month or
weekday names.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from django.template import Context, Template
from django.utils import formats, translation

ROOT = Path(__file__).resolve().parents[2]
NAMED = {"DATE_FORMAT", "DATETIME_FORMAT", "YEAR_MONTH_FORMAT", "SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT"}
MACHINE = {"Y-m-d", "c"}
DATE_FILTER = re.compile(r"""\|date:\s*(["'])(?P<format>.*?)\1""")
# Human formats in Python: weekday or month names, or an unpadded day (strftime / f-string specs).
PYTHON_HUMAN = re.compile(r"""%-?[aAbBe]|%-d|dateformat\.format\(|strftime\(""")
APPS = ["accounts", "approvals", "core", "countries", "documents", "iegwps", "meetings", "notifications", "public"]
APPS.append("recommendations")


def test_templates_print_dates_one_way():
    stray = []
    for path in sorted((ROOT / "templates").rglob("*")):
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in DATE_FILTER.finditer(line):
                if match["format"] not in NAMED | MACHINE:
                    stray.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
    assert not stray, "date formats spelled out in templates:\n" + "\n".join(stray)


def test_python_code_prints_dates_one_way():
    stray = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if PYTHON_HUMAN.search(line):
                    stray.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not stray, "dates formatted by hand in Python:\n" + "\n".join(stray)


def test_the_one_format_in_every_language():
    day = datetime.date(2026, 12, 4)
    moment = datetime.datetime(2026, 12, 4, 9, 30)
    for language in ("en", "fr", "es"):
        with translation.override(language):
            shown = Template('{{ day|date }}|{{ day }}|{{ moment|date:"DATETIME_FORMAT" }}').render(
                Context({"day": day, "moment": moment})
            )
            assert shown.startswith(f"{formats.date_format(day)}|{formats.date_format(day)}|")
            assert re.fullmatch(r"4 \w+\.? 2026\|4 \w+\.? 2026\|4 \w+\.? 2026, 09:30", shown), shown
    with translation.override("en"):
        assert formats.date_format(day) == "4 Dec 2026"


def test_council_documents_alone_use_the_councils_style():
    """Security Council documents (templates/pdf/) say "4 December 2026", the Council's style, and nothing else
    does; the PDFs say no date any other way."""
    elsewhere = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*")
        if path.is_file() and "pdf" not in path.relative_to(ROOT / "templates").parts[:1]
        if "council_date" in path.read_text(encoding="utf-8")
    ]
    assert not elsewhere
    for path in (ROOT / "templates" / "pdf").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\|date\b(?!:\s*[\"'](Y-m-d|c)[\"'])", text), path
    assert (
        Template("{% load documents_tags %}{{ day|council_date }}").render(Context({"day": datetime.date(2026, 12, 4)}))
        == "4 December 2026"
    )

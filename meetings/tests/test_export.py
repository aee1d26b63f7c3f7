"""The meeting list's exports (CSV and XLSX): the page's rows in the page's order, escaped, typed, visible_to."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from core.tests.export_helpers import csv_rows, xlsx_rows, xlsx_sheet
from meetings import exports
from meetings.models import Meeting
from meetings.tests import factories as mf

CSV_URL = reverse("meetings:export")
XLSX_URL = reverse("meetings:export_xlsx")
PAGE = reverse("meetings:list")
D = datetime.date


def _read(client, url, query=None):
    response = client.get(url, query or {})
    return csv_rows(response) if url == CSV_URL else xlsx_rows(response)


def _page_ids(client, query=None) -> list[str]:
    return [str(m.pk) for m in client.get(PAGE, query or {}).context["page"].object_list]


@pytest.fixture
def listed(year, other_year):
    return {
        "haiti": mf.make_meeting(year, "Haiti", date=D(2026, 2, 1), symbol="S/2026/55"),
        "mali": mf.make_meeting(year, "Mali", date=D(2026, 5, 1)),
        "theme": mf.make_meeting(year, kind=Meeting.Kind.THEMATIC, theme="=cmd|' /C calc'!A0", date=D(2026, 9, 1)),
        "colombia": mf.make_meeting(other_year, "Colombia", date=D(2019, 4, 2)),
    }


def test_content_and_types(secretariat_client, listed):
    rows = _read(secretariat_client, CSV_URL, {"year": "2026", "sort": "date"})
    assert rows[0] == exports.MEETINGS.headers
    haiti = dict(zip(rows[0], rows[1], strict=True))
    assert haiti == {
        "id": str(listed["haiti"].pk),
        "year": "2026",
        "date": "2026-02-01",
        "date approximate": "No",
        "meeting": "Haiti",
        "kind": "Country meeting",
        "status": listed["haiti"].get_status_display(),
        "next deadline": listed["haiti"].steps.filter(state="open").order_by("due").first().due.isoformat(),
        "symbol": "S/2026/55",
    }
    response = secretariat_client.get(XLSX_URL, {"year": "2026", "sort": "date"})
    sheet = xlsx_sheet(response)
    assert sheet.title == "Meetings" and sheet.freeze_panes == "A2"
    assert sheet["C2"].value == datetime.datetime(2026, 2, 1) and sheet["C2"].is_date
    assert sheet["H2"].is_date
    assert sheet["A2"].value == listed["haiti"].pk and sheet["B2"].value == 2026
    assert response["Content-Disposition"].startswith('attachment; filename="meetings-')


def test_formula_cells_are_neutralised(secretariat_client, listed):
    assert _read(secretariat_client, CSV_URL, {"kind": "thematic"})[1][4] == "'=cmd|' /C calc'!A0"
    cell = xlsx_sheet(secretariat_client.get(XLSX_URL, {"kind": "thematic"}))["E2"]
    assert cell.data_type == "s" and cell.value == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize(
    "query", [{}, {"year": "2026"}, {"sort": "subject"}, {"sort": "-next_due", "kind": "country"}, {"year": "2019"}]
)
def test_rows_are_the_pages_rows_in_its_order(secretariat_client, listed, url, query):
    assert [str(r[0]) for r in _read(secretariat_client, url, query)[1:]] == _page_ids(secretariat_client, query)


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"year": "²"}, "Year: Enter a year such as 2026; this filter was not applied."),
        ({"year": "99999"}, "Year: Enter a year such as 2026; this filter was not applied."),
        ({"status": "secret"}, "Status: “secret” is not one of the choices; this filter was not applied."),
        ({"sort": "password"}, "“password” is not a column the list sorts by"),
    ],
)
def test_a_filter_not_understood_is_refused_with_the_pages_message(secretariat_client, listed, url, query, message):
    response = secretariat_client.get(url, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    page = secretariat_client.get(PAGE, query)
    assert page.status_code == 200
    text = page.content.decode()
    assert message.split(": ", 1)[-1] in text  # the page says it too, and lists unfiltered
    assert "Correct the filters to download this list." in text
    assert "Haiti" in text


def test_the_page_links_to_both_files_with_its_filters(secretariat_client, listed):
    text = secretariat_client.get(PAGE, {"year": "2026", "sort": "subject", "page": "1"}).content.decode()
    assert f'href="{CSV_URL}?year=2026&amp;sort=subject"' in text
    assert f'href="{XLSX_URL}?year=2026&amp;sort=subject"' in text


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_visibility(nonmember_client, cochair_client, expert_client, listed, client, url):
    assert len(_read(nonmember_client, url)) == 1  # header only
    assert [str(r[0]) for r in _read(cochair_client, url)[1:]] == _page_ids(cochair_client)
    assert {str(r[0]) for r in _read(cochair_client, url)[1:]} == {
        str(listed[k].pk) for k in ("haiti", "mali", "theme")
    }
    expert_ids = [str(r[0]) for r in _read(expert_client, url)[1:]]
    assert expert_ids == _page_ids(expert_client) and len(expert_ids) == 4  # France sat on both Councils
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize("rows", [3, 60])
def test_query_count_is_constant(secretariat_client, year, rows, url, django_assert_num_queries):
    situation = mf.make_situation("Haiti")
    Meeting.objects.bulk_create(
        Meeting(agenda_year=year, situation=situation, date=D(2026, 1, 1) + datetime.timedelta(days=i))
        for i in range(rows)
    )
    # session, user, groups, then the rows (year and country joined, the next deadline annotated)
    with django_assert_num_queries(4):
        assert len(_read(secretariat_client, url)) == rows + 1

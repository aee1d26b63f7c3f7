"""The scorecard's exports (CSV and XLSX): its table per country and year with the total, as the page shows it."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from core.exports import neutralise
from core.tests.export_helpers import csv_rows, xlsx_rows, xlsx_sheet
from meetings.models import Meeting
from meetings.tests import factories as mf
from recommendations.models import Recommendation
from recommendations.services import exports
from recommendations.tests import factories as f

S = Recommendation.Status
PAGE = reverse("recommendations:scorecard")
CSV_URL = reverse("recommendations:scorecard_export")
XLSX_URL = reverse("recommendations:scorecard_export_xlsx")


def _read(client, url):
    response = client.get(url)
    return csv_rows(response) if url == CSV_URL else xlsx_rows(response)


@pytest.fixture
def counted(year, other_year):
    ss = mf.make_meeting(year, "South Sudan", date=datetime.date(2026, 3, 10))
    mali = mf.make_meeting(other_year, "Mali", date=datetime.date(2019, 3, 10))
    thematic = mf.make_meeting(year, None, kind=Meeting.Kind.THEMATIC, date=datetime.date(2026, 11, 16))
    evil = mf.make_meeting(year, "=SUM(A1:A9)", date=datetime.date(2026, 6, 1))
    for meeting, status in [
        (ss, S.ACTED_ON),
        (ss, S.NOT_TAKEN_UP),
        (ss, S.WITHDRAWN),
        (mali, S.ACTED_ON_IN_PART),
        (mali, S.PRESENTED),
        (thematic, S.PRESENTED),
        (evil, S.WITHDRAWN),
    ]:
        f.make_recommendation(meeting, status=status)


def test_csv_is_the_pages_pairs_table_with_its_total(secretariat_client, counted):
    rows = csv_rows(secretariat_client.get(CSV_URL))
    assert rows[0] == exports.SCORECARD.headers
    assert rows[0][2:9] == [str(label) for label in S.labels]
    page = secretariat_client.get(PAGE).context
    assert [r[:2] for r in rows[1:]] == [[neutralise(r.country_label), str(r.year)] for r in page["by_pair"]] + [
        ["All", ""]
    ]
    assert rows[1:] == [
        ["'=SUM(A1:A9)", "2026", "0", "0", "0", "0", "0", "0", "1", "1", "0", "0", ""],  # formula neutralised
        ["Mali", "2019", "0", "1", "0", "1", "0", "0", "0", "2", "1", "2", "0.5"],
        ["South Sudan", "2026", "0", "0", "0", "0", "1", "1", "1", "3", "1", "2", "0.5"],
        ["Thematic meetings", "2026", "0", "1", "0", "0", "0", "0", "0", "1", "0", "1", "0.0"],
        ["All", "", "0", "2", "0", "1", "1", "1", "2", "7", "2", "5", "0.4"],
    ]


def test_xlsx_has_numbers_and_a_percent_format(secretariat_client, counted):
    response = secretariat_client.get(XLSX_URL)
    sheet = xlsx_sheet(response)
    assert sheet.title == "Uptake scorecard" and sheet.freeze_panes == "A2"
    rows = xlsx_rows(response)
    assert rows[1][0] == "'=SUM(A1:A9)" and sheet["A2"].data_type == "s"
    assert rows[2] == ["Mali", 2019, 0, 1, 0, 1, 0, 0, 0, 2, 1, 2, 0.5]
    assert sheet["M3"].number_format == "0%"
    assert rows[-1][:2] == ["All", None]
    assert response["Content-Disposition"].startswith('attachment; filename="scorecard-')


def test_the_page_links_to_both_files(secretariat_client, counted):
    text = secretariat_client.get(PAGE).content.decode()
    assert f'href="{CSV_URL}"' in text and f'href="{XLSX_URL}"' in text


def test_query_parameters_are_ignored_like_the_page(secretariat_client, counted):
    # The scorecard has no filters: stray parameters change neither the page nor its files.
    assert secretariat_client.get(CSV_URL, {"year": "²"}).status_code == 200
    assert csv_rows(secretariat_client.get(CSV_URL, {"year": "2019"})) == csv_rows(secretariat_client.get(CSV_URL))


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_visibility(cochair_client, nonmember_client, client, counted, url):
    rows = _read(cochair_client, url)
    assert {str(r[1]) for r in rows[1:-1]} == {"2026"}  # the co-chairs of 2026 see 2026 only
    page_rows = cochair_client.get(PAGE).context["by_pair"]
    assert [r[0] for r in rows[1:-1]] == [neutralise(r.country_label) for r in page_rows]
    assert len(_read(nonmember_client, url)) == 2  # header and an empty total
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize("rows", [10, 200])
def test_query_count_is_constant(secretariat_client, year, other_year, rows, url, django_assert_num_queries):
    meetings = [mf.make_meeting(year, "South Sudan"), mf.make_meeting(other_year, "Mali")]
    for i, status in enumerate(S.values):
        f.bulk_recommendations(meetings, rows // len(S.values) + (i < rows % len(S.values)), status=status)
    # session, user, groups, and the one aggregate query
    with django_assert_num_queries(4):
        assert len(_read(secretariat_client, url)) == 1 + 2 + 1  # header, two pairs, total

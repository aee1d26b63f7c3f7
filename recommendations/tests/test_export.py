"""The tracker's exports (CSV and XLSX): the page's rows in the page's order, escaped, typed, visible_to."""

from __future__ import annotations

import datetime

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from core.tests.export_helpers import csv_rows, xlsx_rows, xlsx_sheet
from meetings.models import Meeting
from meetings.tests import factories as mf
from recommendations.models import Recommendation
from recommendations.services import changes, exports
from recommendations.tests import factories as f

URL = reverse("recommendations:export")
XLSX_URL = reverse("recommendations:export_xlsx")
PAGE = reverse("recommendations:tracker")
S = Recommendation.Status


@pytest.fixture
def recorded(year, secretariat_user):
    meeting = mf.make_meeting(year, "South Sudan", date=datetime.date(2026, 3, 10), symbol="S/2026/301")
    rec = f.make_recommendation(
        meeting,
        "Strengthen UNMISS mandate language, “women's participation”, with a comma",
        target_mission=f.make_mission(),
        owner=secretariat_user,
        next_review=datetime.date(2026, 9, 1),
        action_type=Recommendation.ActionType.MANDATE_LANGUAGE,
    )
    changes.change_recommendation_status(rec, S.PRESENTED, by=None, on=datetime.date(2026, 3, 10))
    changes.change_recommendation_status(
        rec, S.ACTED_ON, by=None, on=datetime.date(2026, 4, 30), resolution_symbol="S/RES/2779 (2026)"
    )
    thematic = mf.make_meeting(
        year, None, kind=Meeting.Kind.THEMATIC, date=datetime.date(2026, 11, 16), source_note="Suggestions of UN."
    )
    f.make_recommendation(thematic, '=HYPERLINK("http://evil")')
    return rec


def _page_ids(client, query=None) -> list[str]:
    return [str(r.pk) for r in client.get(PAGE, query or {}).context["page"].object_list]


def test_is_streamed_and_named(secretariat_client, recorded):
    response = secretariat_client.get(URL)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="recommendations-')
    assert response["Content-Disposition"].endswith('.csv"')
    assert not hasattr(response.streaming_content, "__len__")  # a generator, not a list built up front
    response = secretariat_client.get(XLSX_URL)
    assert response["Content-Disposition"].endswith('.xlsx"')


def test_content(secretariat_client, recorded, secretariat_user):
    rows = csv_rows(secretariat_client.get(URL))
    assert rows[0] == exports.TABLE.headers
    assert len(rows) == 3
    row = dict(zip(rows[0], rows[2], strict=True))  # the page's order: latest meeting first
    assert row == {
        "id": str(recorded.pk),
        "year": "2026",
        "meeting date": "2026-03-10",
        "country or theme": "South Sudan",
        "meeting kind": "Country meeting",
        "summary symbol": "S/2026/301",
        "recommendation": "Strengthen UNMISS mandate language, “women's participation”, with a comma",
        "source": "Secretariat's background note",
        "addressed to": "Security Council",
        "Council action": "Mandate language at renewal",
        "target mission": "UNMISS",
        "owner": str(secretariat_user),
        "next review": "2026-09-01",
        "status": "Acted on",
        "status since": "2026-04-30",
        "resolution": "S/RES/2779 (2026)",
        "source note": "",
    }
    thematic = dict(zip(rows[0], rows[1], strict=True))
    assert thematic["source note"] == "Suggestions of UN."


def test_xlsx_matches_the_csv_with_types(secretariat_client, recorded):
    csv_data = csv_rows(secretariat_client.get(URL))
    response = secretariat_client.get(XLSX_URL)
    sheet = xlsx_sheet(response)
    assert sheet.title == "Recommendations"
    assert sheet.freeze_panes == "A2"
    rows = xlsx_rows(response)
    assert rows[0] == csv_data[0]
    row = dict(zip(rows[0], rows[2], strict=True))
    assert row["id"] == recorded.pk
    assert row["year"] == 2026
    assert row["meeting date"] == datetime.datetime(2026, 3, 10)
    assert sheet.cell(row=3, column=3).is_date
    assert row["status since"] == datetime.datetime(2026, 4, 30)
    assert row["recommendation"] == csv_data[2][6]
    assert [str(r[0]) for r in rows[1:]] == [r[0] for r in csv_data[1:]]


def test_formula_cells_are_neutralised(secretariat_client, recorded):
    assert csv_rows(secretariat_client.get(URL))[1][6] == '\'=HYPERLINK("http://evil")'
    cell = xlsx_sheet(secretariat_client.get(XLSX_URL)).cell(row=2, column=7)
    assert cell.data_type == "s" and cell.value == '\'=HYPERLINK("http://evil")'


@pytest.mark.parametrize("url", [URL, XLSX_URL])
@pytest.mark.parametrize("query", [{}, {"status": "acted_on", "q": "UNMISS"}, {"year": "2026"}, {"q": "HYPERLINK"}])
def test_rows_are_the_pages_rows_in_its_order(secretariat_client, recorded, other_year, url, query):
    f.make_recommendation(mf.make_meeting(other_year, "Mali", date=datetime.date(2019, 4, 2)), "Mali, 2019")
    rows = csv_rows(secretariat_client.get(url, query)) if url == URL else xlsx_rows(secretariat_client.get(url, query))
    assert [str(r[0]) for r in rows[1:]] == _page_ids(secretariat_client, query)


@pytest.mark.parametrize("url", [URL, XLSX_URL])
def test_a_filter_not_understood_is_refused_with_the_pages_message(secretariat_client, recorded, url):
    response = secretariat_client.get(url, {"status": "adopted", "q": "x"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Status: “adopted” is not one of the choices" in text
    assert f'href="{PAGE}?status=adopted&amp;q=x"' in text  # back to the page, the filters kept
    page = secretariat_client.get(PAGE, {"status": "adopted"})
    assert "Correct the filters to download this list." in page.content.decode()


def test_the_page_links_to_both_files_with_its_filters(secretariat_client, recorded):
    text = secretariat_client.get(PAGE, {"status": "acted_on", "page": "1"}).content.decode()
    assert f'href="{URL}?status=acted_on"' in text
    assert f'href="{XLSX_URL}?status=acted_on"' in text
    assert "Download Excel (XLSX)" in text


@pytest.mark.parametrize("url", [URL, XLSX_URL])
def test_visibility(nonmember_client, expert_client, recorded, client, url):
    def read(response):
        return csv_rows(response) if url == URL else xlsx_rows(response)

    assert len(read(nonmember_client.get(url))) == 1  # header only
    # The expert sees the recorded rows except those still only proposed (drafts).
    visible = Recommendation.objects.exclude(status="proposed").count()
    assert Recommendation.objects.filter(status="proposed").exists()
    assert len(read(expert_client.get(url))) == 1 + visible
    assert [str(r[0]) for r in read(expert_client.get(url))[1:]] == _page_ids(expert_client)
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("url", [URL, XLSX_URL])
@pytest.mark.parametrize("rows", [10, 200])
def test_query_count_is_constant(secretariat_client, year, rows, url, django_assert_num_queries):
    meetings = [mf.make_meeting(year, name) for name in ("South Sudan", "Haiti")]
    f.bulk_recommendations(meetings, rows, owner=mf.make_user("owner"), target_mission=f.make_mission())
    # session, user, groups, the visible years (to check ?year=), then the rows (meeting, year, country,
    # mission, owner joined; the last status change as subqueries), fetched in chunks of 500
    with django_assert_num_queries(5):
        response = secretariat_client.get(url)
        read = csv_rows if url == URL else xlsx_rows
        assert len(read(response)) == rows + 1

"""The Network's action points list and its exports (CSV and XLSX): the page's rows in its order, filtered by
the page's form, escaped, typed; the Network's space only."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from core.tests.export_helpers import csv_rows, xlsx_rows, xlsx_sheet
from network import exports
from network.models import ActionPoint, ActionPointGroup, NetworkMeeting

PAGE = reverse("network:action_points")
CSV_URL = reverse("network:action_points_export")
XLSX_URL = reverse("network:action_points_export_xlsx")
D = datetime.date


def _read(client, url, query=None):
    response = client.get(url, query or {})
    return csv_rows(response) if url == CSV_URL else xlsx_rows(response)


def _page_ids(client, query=None) -> list[str]:
    return [str(p.pk) for p in client.get(PAGE, query or {}).context["page"].object_list]


def _meeting(title, start):
    return NetworkMeeting.objects.create(title=title, start_date=start)


@pytest.fixture
def points(db):
    alicante = _meeting("Second meeting of the Network", D(2017, 4, 5))
    berlin = _meeting("Third meeting of the Network", D(2018, 4, 9))
    knowledge = ActionPointGroup.objects.create(meeting=alicante, heading="Knowledge management", order=2)
    commitments = ActionPointGroup.objects.create(meeting=alicante, heading="Commitments", order=1)
    later = ActionPointGroup.objects.create(meeting=berlin, heading="Financing")
    return {
        "newsletter": ActionPoint.objects.create(
            group=knowledge,
            order=1,
            text="Prepare regular newsletters, “in all languages”, with a comma",
            owners="Secretariat",
            deadline_text="by the end of 2017",
            due=D(2017, 12, 31),
            status="in_progress",
            progress="Two issues sent.",
        ),
        "plans": ActionPoint.objects.create(group=commitments, order=1, text="Adopt national action plans"),
        "evil": ActionPoint.objects.create(group=commitments, order=2, text="-1+1", owners="@everyone", status="done"),
        "fund": ActionPoint.objects.create(group=later, text="Fund the Network's work", due=D(2019, 1, 31)),
    }


def test_page_lists_every_meetings_points_latest_meeting_first(coordinator_client, points):
    response = coordinator_client.get(PAGE)
    assert response.status_code == 200
    assert _page_ids(coordinator_client) == [str(points[k].pk) for k in ("fund", "plans", "evil", "newsletter")]
    text = response.content.decode()
    assert "Prepare regular newsletters" in text and 'aria-current="page"' in text
    assert f'href="{CSV_URL}"' in text and f'href="{XLSX_URL}"' in text


def test_csv_content(coordinator_client, points):
    rows = _read(coordinator_client, CSV_URL, {"status": "in_progress"})
    assert rows[0] == exports.ACTION_POINTS.headers
    assert dict(zip(rows[0], rows[1], strict=True)) == {
        "id": str(points["newsletter"].pk),
        "meeting": "Second meeting of the Network",
        "meeting date": "2017-04-05",
        "group": "Knowledge management",
        "action point": "Prepare regular newsletters, “in all languages”, with a comma",
        "owners": "Secretariat",
        "deadline as written": "by the end of 2017",
        "due": "2017-12-31",
        "status": "In progress",
        "progress": "Two issues sent.",
    }
    assert len(rows) == 2


def test_xlsx_is_typed(coordinator_client, points):
    response = coordinator_client.get(XLSX_URL, {"status": "in_progress"})
    sheet = xlsx_sheet(response)
    assert sheet.title == "Action points" and sheet.freeze_panes == "A2"
    assert sheet["A2"].value == points["newsletter"].pk
    assert sheet["C2"].value == datetime.datetime(2017, 4, 5) and sheet["C2"].is_date
    assert sheet["H2"].value == datetime.datetime(2017, 12, 31) and sheet["H2"].is_date
    assert response["Content-Disposition"].startswith('attachment; filename="action-points-')


def test_formula_cells_are_neutralised(coordinator_client, points):
    rows = _read(coordinator_client, CSV_URL, {"status": "done"})
    assert (rows[1][4], rows[1][5]) == ("'-1+1", "'@everyone")
    sheet = xlsx_sheet(coordinator_client.get(XLSX_URL, {"status": "done"}))
    assert (sheet["E2"].value, sheet["F2"].value) == ("'-1+1", "'@everyone")
    assert sheet["E2"].data_type == "s"


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize("query", [{}, {"status": "open"}, {"q": "newsletters"}, {"q": "SECRETARIAT"}, "meeting"])
def test_rows_are_the_pages_rows_in_its_order(coordinator_client, points, url, query):
    if query == "meeting":
        query = {"meeting": str(points["plans"].group.meeting_id)}
    ids = [str(r[0]) for r in _read(coordinator_client, url, query)[1:]]
    assert ids == _page_ids(coordinator_client, query)
    assert ids or query == {}  # every filter here matches something


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"status": "finished"}, "Status: “finished” is not one of the choices; this filter was not applied."),
        ({"meeting": "999999"}, "Meeting: “999999” is not one of the choices; this filter was not applied."),
        ({"meeting": "x\x00"}, "Meeting: "),
        ({"q": "x" * 201}, "Text contains: Ensure this value has at most 200 characters"),
    ],
)
def test_a_filter_not_understood_is_refused_with_the_pages_message(coordinator_client, points, url, query, message):
    response = coordinator_client.get(url, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    page = coordinator_client.get(PAGE, query)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Some filters were not understood" in text
    assert "Correct the filters to download this list." in text


@pytest.mark.parametrize("url", [PAGE, CSV_URL, XLSX_URL])
def test_the_networks_space_only(focal_point_client, secretariat_client, expert_client, client, points, url):
    assert focal_point_client.get(url).status_code == 200
    assert secretariat_client.get(url).status_code == 200  # the IEG's secretariat reads the Network's space
    assert expert_client.get(url).status_code == 403
    assert client.get(url).status_code == 302


QUERIES = {PAGE: 6, CSV_URL: 4, XLSX_URL: 4}


@pytest.mark.parametrize("url", [PAGE, CSV_URL, XLSX_URL])
@pytest.mark.parametrize("rows", [3, 120])
def test_query_count_is_constant(coordinator_client, rows, url, django_assert_num_queries):
    meetings = [_meeting(f"Meeting {i}", D(2017 + i, 4, 1)) for i in range(3)]
    groups = ActionPointGroup.objects.bulk_create(ActionPointGroup(meeting=m, heading="Heading") for m in meetings)
    ActionPoint.objects.bulk_create(ActionPoint(group=groups[i % 3], order=i, text=f"Point {i}") for i in range(rows))
    # session, user, groups (the Network's space), then the rows with group and meeting joined
    # (the page, 6 in all: their count and one page of them among them)
    with django_assert_num_queries(QUERIES[url]):
        response = coordinator_client.get(url)
        if url == CSV_URL:
            assert len(csv_rows(response)) == rows + 1
        elif url == XLSX_URL:
            assert len(xlsx_rows(response)) == rows + 1

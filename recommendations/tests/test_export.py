"""CSV export of the tracker's filtered list: content, escaping, and a streamed response read in chunks."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db.models.query import QuerySet
from django.http import StreamingHttpResponse
from django.urls import reverse

from meetings.models import Meeting
from meetings.tests import factories as mf
from recommendations.models import Recommendation
from recommendations.services import changes, exports
from recommendations.tests import factories as f

URL = reverse("recommendations:export")
S = Recommendation.Status


def _rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


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


def test_is_streamed_and_named(secretariat_client, recorded):
    response = secretariat_client.get(URL)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="ieg-recommendations-')
    assert not hasattr(response.streaming_content, "__len__")  # a generator, not a list built up front


def test_content(secretariat_client, recorded, secretariat_user):
    rows = _rows(secretariat_client.get(URL))
    assert rows[0] == list(exports.EXPORT_HEADER)
    assert len(rows) == 3
    row = dict(zip(rows[0], rows[1], strict=True))
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
    thematic = dict(zip(rows[0], rows[2], strict=True))
    assert thematic["source note"] == "Suggestions of UN."


def test_formula_cells_are_neutralised(secretariat_client, recorded):
    rows = _rows(secretariat_client.get(URL))
    assert rows[2][6] == '\'=HYPERLINK("http://evil")'


def test_filters_apply_like_the_tracker(secretariat_client, recorded):
    rows = _rows(secretariat_client.get(URL, {"status": "acted_on", "q": "UNMISS"}))
    assert [r[0] for r in rows[1:]] == [str(recorded.pk)]
    rows = _rows(secretariat_client.get(URL, {"status": "adopted"}))  # bad filter: ignored, as in the tracker
    assert len(rows) == 3


def test_visibility(nonmember_client, expert_client, recorded, client):
    assert len(_rows(nonmember_client.get(URL))) == 1  # header only
    # The expert sees the recorded rows except those still only proposed (drafts).
    visible = Recommendation.objects.exclude(status="proposed").count()
    assert Recommendation.objects.filter(status="proposed").exists()
    assert len(_rows(expert_client.get(URL))) == 1 + visible
    assert client.get(URL).status_code == 302


def test_reads_with_iterator(secretariat_client, recorded, monkeypatch):
    calls = []
    original = QuerySet.iterator

    def spy(self, *args, **kwargs):
        calls.append(kwargs.get("chunk_size"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    _rows(secretariat_client.get(URL))
    assert calls == [500]


@pytest.mark.parametrize("rows", [10, 200])
def test_query_count_is_constant(secretariat_client, year, rows, django_assert_max_num_queries):
    meetings = [mf.make_meeting(year, name) for name in ("South Sudan", "Haiti")]
    f.bulk_recommendations(meetings, rows, owner=mf.make_user("owner"), target_mission=f.make_mission())
    # session, user, groups, the visible years (to check ?year=), then one query for every row (meeting,
    # year, country, mission, owner joined; the last status change as subqueries), fetched in chunks
    with django_assert_max_num_queries(5):
        response = secretariat_client.get(URL)
        assert len(_rows(response)) == rows + 1

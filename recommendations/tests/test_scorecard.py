"""Uptake scorecard: counts by status and the share acted on, per country and per year; SVG chart, no JS."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.tests import factories as mf
from recommendations.models import Recommendation
from recommendations.services import charts
from recommendations.tests import factories as f

S = Recommendation.Status
URL = reverse("recommendations:scorecard")


# --- Arithmetic, no database -----------------------------------------------------------------------------------


def test_counts_total_and_share():
    [row] = charts.scorecard(
        [
            (2026, S.ACTED_ON, 2),
            (2026, S.ACTED_ON_IN_PART, 1),
            (2026, S.NOT_TAKEN_UP, 3),
            (2026, S.PRESENTED, 2),
            (2026, S.WITHDRAWN, 2),
        ]
    )
    assert row.total == 10
    assert row.acted == 3
    assert row.considered == 8  # withdrawn left out
    assert row.share == pytest.approx(3 / 8)
    assert row.share_percent == 38


def test_repeated_keys_add_up_and_missing_statuses_are_zero():
    [row] = charts.scorecard([("Mali", S.ACTED_ON, 1), ("Mali", S.ACTED_ON, 4)])
    assert row.counts == {S.ACTED_ON: 5}
    assert dict((s, n) for s, _label, n in row.in_order()) == {
        S.PROPOSED: 0,
        S.PRESENTED: 0,
        S.UNDER_CONSIDERATION: 0,
        S.ACTED_ON_IN_PART: 0,
        S.ACTED_ON: 5,
        S.NOT_TAKEN_UP: 0,
        S.WITHDRAWN: 0,
    }
    assert row.share == 1


def test_share_is_none_when_everything_was_withdrawn():
    [row] = charts.scorecard([("Mali", S.WITHDRAWN, 2)])
    assert (row.total, row.considered, row.share, row.share_percent) == (2, 0, None, None)


def test_no_rows_no_score():
    assert charts.scorecard([]) == []


def test_rows_sorted_by_key_with_no_country_last():
    rows = charts.scorecard([("Mali", S.PROPOSED, 1), (None, S.PROPOSED, 1), ("Haiti", S.PROPOSED, 1)])
    assert [r.key for r in rows] == ["Haiti", "Mali", None]
    pairs = charts.scorecard([((None, 2026), S.PROPOSED, 1), (("Mali", 2019), S.PROPOSED, 1), (("Mali", 2016), "x", 1)])
    assert [r.key for r in pairs] == [("Mali", 2016), ("Mali", 2019), (None, 2026)]


def test_total_adds_every_row():
    rows = charts.scorecard([(2025, S.ACTED_ON, 1), (2026, S.NOT_TAKEN_UP, 1), (2026, S.ACTED_ON_IN_PART, 2)])
    total = charts.scorecard_total(rows)
    assert (total.total, total.acted, total.share_percent) == (4, 3, 75)


def test_bar_chart_geometry():
    rows = charts.scorecard([(2026, S.ACTED_ON, 1), (2026, S.NOT_TAKEN_UP, 3), (2027, S.PROPOSED, 2)])
    chart = charts.bar_chart(rows, width=400, bar_height=20, gap=10)
    first, second = chart.bars
    assert [(s.status, s.x, s.width, s.count) for s in first.segments] == [
        (S.ACTED_ON, 0, 100, 1),
        (S.NOT_TAKEN_UP, 100, 300, 3),
    ]
    assert (first.label, first.y, first.total, first.share_percent) == ("2026", 0, 4, 25)
    assert (second.y, second.share_percent) == (30, 0)
    assert chart.height == 60
    assert chart.width > chart.share_x > chart.bars_x


def test_bar_chart_labels_are_shortened():
    rows = charts.scorecard([("A very long country name that goes on and on", S.PROPOSED, 1)])
    [bar] = charts.bar_chart(rows).bars
    assert len(bar.label) == 32 and bar.label.endswith("…")


# --- The page --------------------------------------------------------------------------------------------------


@pytest.fixture
def counted(year, other_year):
    ss = mf.make_meeting(year, "South Sudan", date=datetime.date(2026, 3, 10))
    mali = mf.make_meeting(other_year, "Mali", date=datetime.date(2019, 3, 10))
    thematic = mf.make_meeting(year, None, kind=Meeting.Kind.THEMATIC, date=datetime.date(2026, 11, 16))
    for meeting, status in [
        (ss, S.ACTED_ON),
        (ss, S.NOT_TAKEN_UP),
        (ss, S.WITHDRAWN),
        (mali, S.ACTED_ON_IN_PART),
        (mali, S.PRESENTED),
        (thematic, S.PRESENTED),
    ]:
        f.make_recommendation(meeting, status=status)


def test_page_tables_and_shares(secretariat_client, counted):
    response = secretariat_client.get(URL)
    assert response.status_code == 200
    by_year = {r.key: r for r in response.context["by_year"]}
    assert (by_year[2019].share_percent, by_year[2026].share_percent) == (50, 33)  # 2026: 1 of 3 (1 withdrawn)
    by_country = {r.key: (r.total, r.share_percent) for r in response.context["by_country"]}
    assert by_country == {"South Sudan": (3, 50), "Mali": (2, 50), None: (1, 0)}
    assert [r.key for r in response.context["by_pair"]] == [("Mali", 2019), ("South Sudan", 2026), (None, 2026)]
    body = response.content.decode()
    assert "Thematic meetings" in body
    assert "<svg" in body and 'role="img"' in body
    assert "<script" not in body.split("</header>", 1)[1]  # no JS in the page body
    assert 'style="' not in body  # CSP: no inline styles


def test_svg_numbers_are_not_localised(secretariat_client, counted):
    body = secretariat_client.get(URL, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    numbers = re.findall(r'\b(?:x|y|width|height|viewBox)="([^"]*)"', svg)
    assert len(numbers) > 10
    assert not [n for n in numbers if "," in n]  # French would write 240,0: not a number in SVG


def test_visibility(cochair_client, nonmember_client, client, counted):
    years = [r.key for r in cochair_client.get(URL).context["by_year"]]
    assert years == [2026]
    nonmember = nonmember_client.get(URL)
    assert nonmember.context["by_year"] == []
    assert "No recommendations to count yet." in nonmember.content.decode()
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("rows", [10, 200])
def test_query_count_is_constant(secretariat_client, year, other_year, rows, django_assert_max_num_queries):
    meetings = [
        mf.make_meeting(year, "South Sudan"),
        mf.make_meeting(year, "Haiti"),
        mf.make_meeting(other_year, "Mali"),
    ]
    statuses = list(S.values)
    for i, status in enumerate(statuses):
        f.bulk_recommendations(meetings, rows // len(statuses) + (i < rows % len(statuses)), status=status)
    # session, user, groups, and one aggregate query
    with django_assert_max_num_queries(4):
        response = secretariat_client.get(URL)
    assert charts.scorecard_total(response.context["by_year"]).total == rows

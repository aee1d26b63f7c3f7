"""Every list endpoint of the API runs as many queries with a few rows as with many, for the public and a token."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from api import tokens
from documents.tests import factories as docs
from meetings.models import Meeting
from meetings.tests import factories
from network.models import ActionPoint, ActionPointGroup, NetworkMeeting
from network.tests import factories as network_factories
from recommendations.tests import factories as rec

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/years",
    "/api/v1/meetings",
    "/api/v1/recommendations",
    "/api/v1/summaries",
    "/api/v1/notes",
    "/api/v1/missions",
    "/api/v1/network/members",
    "/api/v1/network/meetings",
    "/api/v1/network/action-points",
]
COUNTRIES = ["Haiti", "Libya", "Mali", "Yemen", "Iraq", "Sudan", "Somalia", "Colombia", "Myanmar", "Lebanon"]


def build(start: int, n: int) -> None:
    """n of everything, each meeting published with its documents and recommendations, in its own year."""
    for i in range(start, start + n):
        year = factories.make_year(2000 + i, co_chairs=[f"Cochair {i}"], council=[f"Cochair {i}"])
        meeting = factories.make_meeting(year, COUNTRIES[i], date=datetime.date(2000 + i, 3, 10))
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED, symbol=f"S/{2000 + i}/{i + 1}")
        shared_at = datetime.datetime(2000 + i, 3, 1, 12, tzinfo=datetime.UTC)
        docs.make_note(meeting, status="published", shared_at=shared_at)
        docs.make_summary(meeting, status="published", issue_date=datetime.date(2000 + i, 3, 20))
        for _ in range(2):
            rec.make_recommendation(meeting, status="presented")
        rec.make_mission(f"MISSION{i}", COUNTRIES[i], expiry=datetime.date(2027, 1, 1 + i))
        network_meeting = NetworkMeeting.objects.create(
            kind="annual", title=f"Meeting {i}", start_date=datetime.date(2017, 9, 1 + i)
        )
        group = ActionPointGroup.objects.create(meeting=network_meeting, heading=f"Group {i}")
        ActionPoint.objects.create(group=group, text=f"Point {i}")
        network_factories.make_member(f"Member {i:02d}", regional=True)


def counts(client: Client) -> dict[str, int]:
    result = {}
    for url in LISTS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code in (200, 401, 403), (url, response.content[:200])
        result[url] = len(queries.captured_queries)
    return result


@pytest.mark.parametrize("who", ["public", "secretariat", "expert"])
def test_list_endpoints_run_the_same_queries_with_more_rows(who, secretariat_user, expert_user):
    if who == "public":
        client = Client()
    else:
        user = secretariat_user if who == "secretariat" else expert_user
        _token, secret = tokens.create_token(user, name="counts", days=30)
        client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    build(0, 2)
    client.get(LISTS[0])  # the token's first use is noted once (api.tokens.TOUCH_EVERY)
    few = counts(client)
    build(2, 8)
    many = counts(client)
    assert few == many
    if who != "expert":  # the rows are there to be read: every meeting is published
        assert client.get("/api/v1/meetings").json()["count"] == 10

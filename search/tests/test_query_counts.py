"""The search pages run as many queries with a few matching rows as with many: one query per source the reader
may search, plus fixed ones (session, user, the permission layer's roles, the country filter's choices)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.models import ActionPoint, ActionPointGroup, NetworkDocument, NetworkDocumentSection, NetworkMeeting

from .factories import meetings_with_text, published_meeting

pytestmark = pytest.mark.django_db

COMMON = {"ga_session": 72, "agenda_item": 65, "agenda_item_title": "Peacebuilding and sustaining peace"}


def build(agenda_year, n: int, start: int) -> None:
    meetings_with_text(agenda_year, n, "ceasefire")
    for i in range(start, start + n):
        published_meeting(agenda_year, "Haiti", f"S/2026/{i}", main_points="<p>ceasefire published</p>")
        meeting = NetworkMeeting.objects.create(title=f"ceasefire {i}", start_date=datetime.date(2026, 9, 1))
        group = ActionPointGroup.objects.create(meeting=meeting, heading="G")
        ActionPoint.objects.create(group=group, text=f"ceasefire point {i}")
        document = NetworkDocument.objects.create(meeting=meeting, year=2026, title=f"Summary {i}", **COMMON)
        NetworkDocumentSection.objects.create(document=document, heading="ceasefire", body="<p>ceasefire</p>")


def count(client, url: str, query: dict) -> int:
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url, query)
    assert page.status_code == 200
    assert "<mark>" in page.content.decode()
    return len(captured)


@pytest.mark.parametrize("who", ["secretariat", "expert", "cochair", "public"])
def test_search_queries_do_not_grow_with_rows(who, year, secretariat_client, expert_client, cochair_client, client):
    visitor, url = {
        "secretariat": (secretariat_client, reverse("search:search")),
        "expert": (expert_client, reverse("search:search")),
        "cochair": (cochair_client, reverse("search:search")),
        "public": (client, reverse("public:search")),
    }[who]
    queries = ({"q": "ceasefire"}, {"q": "ceasefire", "year": "2026", "kind": "", "page": "2"})
    build(year, 2, start=100)
    few = [count(visitor, url, query) for query in queries]
    build(year, 15, start=200)
    many = [count(visitor, url, query) for query in queries]
    assert few == many, who

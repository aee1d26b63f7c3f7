"""Every list and detail page of the Network's meetings, documents and newsletter runs as many queries with a few
rows as with many."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from countries.models import PermanentRepresentative
from network.models import (
    ActionPoint,
    ActionPointGroup,
    Member,
    NetworkDocument,
    NetworkDocumentSection,
    NetworkMeeting,
    NetworkUpdate,
    Newsletter,
)
from network.tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
COMMON = {"ga_session": 72, "agenda_item": 65, "agenda_item_title": "Peacebuilding and sustaining peace"}


def build(start: int, n: int) -> dict:
    """n of everything: meetings with action points, documents with sections, updates, newsletters."""
    first = None
    for i in range(start, start + n):
        meeting = NetworkMeeting.objects.create(kind="annual", title=f"Meeting {i}", start_date=D(2017, 9, 1 + i))
        group = ActionPointGroup.objects.create(meeting=meeting, heading=f"Group {i}")
        for j in range(3):
            ActionPoint.objects.create(
                group=group, order=j, text=f"Point {i}.{j}", status="in_progress", progress="On it."
            )
        document = NetworkDocument.objects.create(
            meeting=meeting, year=2017, title=f"Summary {i}", letter_date=D(2017, 10, 17), **COMMON
        )
        for j in range(3):
            NetworkDocumentSection.objects.create(
                document=document, order=j, heading=f"S{j}", body="<p>Text</p><ol><li>a</li><li>b</li></ol>"
            )
        member = factories.make_member(f"Member {i:02d}", regional=True, joined_on=D(2026, 11, 1))
        update = NetworkUpdate.objects.create(
            member=member, kind="event", title=f"Update {i}", text="x", status="accepted", event_date=D(2027, 1, 1)
        )
        issue = Newsletter.objects.create(
            number=i + 1,
            year=2017,
            title=f"Issue {i}",
            since=D(2026, 1, 1),
            status="sent",
            sent_on=D(2026, 11, 20),
            visibility="public",
        )
        first = first or {"meeting": meeting, "document": document, "issue": issue}
        first["issue"].updates.add(update)
        NetworkDocument.objects.filter(pk=document.pk).update(
            status="issued", symbol=f"A/72/{100 + i}-S/2017/{900 + i}", issue_date=D(2017, 11, 1)
        )
    return first


PAGES = {
    "meetings": lambda f: reverse("network:meetings"),
    "meeting": lambda f: f["meeting"].get_absolute_url(),
    "documents": lambda f: reverse("network:documents"),
    "document": lambda f: f["document"].get_absolute_url(),
    "updates": lambda f: reverse("network:updates"),
    "newsletters": lambda f: reverse("network:newsletters"),
    "newsletter": lambda f: f["issue"].get_absolute_url(),
    "public_documents": lambda f: reverse("network:public_documents"),
    "public_document": lambda f: reverse("network:public_document", args=[f["document"].pk]),
    "public_newsletters": lambda f: reverse("network:public_newsletters"),
    "public_newsletter": lambda f: reverse("network:public_newsletter", args=[f["issue"].pk]),
}


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_queries_are_the_same_with_few_rows_and_many(coordinator):
    factories.make_chairs(Spain=2017, Germany=2018, Namibia=2019)
    for member in Member.objects.all():
        PermanentRepresentative.objects.create(
            member_state=member.member_state, surname=f"Rep {member}", start_date=D(2015, 1, 1)
        )
    client = Client()
    client.force_login(coordinator)
    first = build(0, 2)
    few = {name: queries(client, page(first)) for name, page in PAGES.items()}
    build(2, 12)
    many = {name: queries(client, page(first)) for name, page in PAGES.items()}
    assert many == few

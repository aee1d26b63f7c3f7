"""Signed-in pages and exports are never stored by a browser or a proxy; anonymous public pages stay cacheable.

One home: core.cachecontrol.PrivateCacheMiddleware. The permission matrix checks the header on every URL for
every signed-in role (accounts/tests/test_permission_matrix.py, ``_check``); these tests pin the cases.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from documents.tests import factories as docs
from meetings.models import Meeting
from notifications.models import CalendarFeed


def _private(response) -> bool:
    value = response.get("Cache-Control", "")
    return "private" in value and "no-store" in value and "public" not in value


@pytest.fixture
def published(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED, symbol="S/2026/77")
    meeting.refresh_from_db()
    docs.make_summary(meeting, status="published", issue_date=datetime.date(2026, 12, 20))
    return meeting


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("meetings:dashboard", {}),
        ("meetings:list", {}),
        ("meetings:year", {"year": 2026}),
        ("recommendations:tracker", {}),
        ("notifications:preferences", {}),
    ],
)
def test_signed_in_pages_are_private_and_not_stored(secretariat_client, meeting, name, kwargs):
    response = secretariat_client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert _private(response), (name, response.get("Cache-Control"))


def test_the_csv_export_is_private_and_not_stored(expert_client, meeting):
    response = expert_client.get(reverse("recommendations:export"))
    assert response.status_code == 200
    assert _private(response), response.get("Cache-Control")


def test_a_pdf_served_to_a_signed_in_user_is_private_even_when_published(expert_client, published):
    response = expert_client.get(reverse("documents:public_summary_pdf", args=[published.pk]))
    assert response.status_code == 200
    assert _private(response), response.get("Cache-Control")


def test_a_public_page_seen_signed_in_is_private(expert_client, published):
    response = expert_client.get(reverse("public:home"))
    assert response.status_code == 200
    assert _private(response), response.get("Cache-Control")


def test_anonymous_public_pages_keep_their_public_caching(client, published):
    for url in (reverse("public:home"), reverse("documents:public_summary_pdf", args=[published.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"], url


def test_the_personal_calendar_feed_is_private_and_not_stored(client, expert_user, meeting):
    feed = CalendarFeed.objects.create(user=expert_user)
    response = client.get(reverse("notifications:ical_feed", args=[feed.token]))
    assert response.status_code == 200
    assert _private(response), response.get("Cache-Control")

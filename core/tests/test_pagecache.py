"""Signed-in pages from the cache: served again only while no data changed, never to anyone else."""

from __future__ import annotations

import pytest
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import pagecache
from core.cache import RedisCache
from meetings.models import Meeting


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    pagecache.data_changed()  # a generation no earlier test's pages carry


def warm(client: Client, url: str) -> str:
    """The first request gets the browser its CSRF cookie, the second stores the page; returns the page."""
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_is_served_again_without_its_queries(secretariat_client, meeting, django_assert_max_num_queries):
    url = reverse("meetings:detail", args=[meeting.pk])
    first = warm(secretariat_client, url)
    with django_assert_max_num_queries(2):  # the session and the user, nothing of the page's own
        again = secretariat_client.get(url)
    assert again.status_code == 200
    assert again.content.decode() == first


def test_a_post_makes_every_cached_page_stale(secretariat_client, meeting):
    detail = reverse("meetings:detail", args=[meeting.pk])
    warm(secretariat_client, detail)
    step = meeting.steps.get(key="request_letter")
    done = secretariat_client.post(
        reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"]), {"version": step.version}
    )
    assert done.status_code == 302
    secretariat_client.get(detail)  # shows (and uses up) the "done" message: never from the cache
    html = secretariat_client.get(detail).content.decode()
    row = html.split(f'id="step-{step.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Reopen" in row  # the step shows done, not the page cached before the POST


def test_a_refused_post_also_moves_the_generation_on(secretariat_client, meeting):
    before = pagecache.generation()
    secretariat_client.post(reverse("meetings:status", args=[meeting.pk]), {"status": "nonsense"})
    assert pagecache.generation() != before


def test_a_change_outside_requests_shows_once_data_changed_is_called(
    secretariat_client, meeting, django_assert_max_num_queries
):
    url = reverse("meetings:detail", args=[meeting.pk])
    warm(secretariat_client, url)
    Meeting.objects.filter(pk=meeting.pk).update(room="Conference Room 7")  # a task or a command wrote this
    assert "Conference Room 7" not in secretariat_client.get(url).content.decode()  # kept until told
    pagecache.data_changed()
    assert "Conference Room 7" in secretariat_client.get(url).content.decode()


def test_no_one_is_served_someone_else_s_page(secretariat_client, expert_client, nonmember_client, meeting):
    url = reverse("meetings:detail", args=[meeting.pk])
    secretariat_page = warm(secretariat_client, url)
    expert_page = warm(expert_client, url)
    assert expert_page != secretariat_page
    assert "Edit meeting" in secretariat_page and "Edit meeting" not in expert_page
    # Sweden is not on the Council: still refused, however many times the page was served to others.
    nonmember_client.get(url)
    assert nonmember_client.get(url).status_code == 404


def test_each_browser_gets_tokens_for_its_own_csrf_cookie(secretariat_user, meeting):
    """Two browsers of one user: each page's forms carry a token that its own browser's POST passes with."""
    url = reverse("meetings:detail", args=[meeting.pk])
    for _ in range(2):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(secretariat_user)
        html = warm(browser, url)
        token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        step = Meeting.objects.get(pk=meeting.pk).steps.filter(state="open").first()
        response = browser.post(
            reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"]), {"csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302  # not 403: the token matches this browser's cookie


def test_pending_messages_are_shown_not_hidden_by_the_cache(secretariat_client, meeting):
    url = reverse("meetings:detail", args=[meeting.pk])
    warm(secretariat_client, url)
    secretariat_client.post(reverse("meetings:status", args=[meeting.pk]), {"status": "held"})  # refused: too early
    html = secretariat_client.get(url).content.decode()
    assert 'class="message' in html or "alert" in html
    assert secretariat_client.get(url).content.decode() != html  # the message is shown once


def test_only_plain_200_pages_are_stored(secretariat_client, meeting):
    missing = reverse("meetings:detail", args=[meeting.pk + 1000])
    secretariat_client.get(missing)
    assert secretariat_client.get(missing).status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert secretariat_client.get(missing).status_code == 404
    assert len(queries) > 2  # the session, the user and the page's own queries, every time


def test_anonymous_visitors_still_go_to_sign_in(client, meeting):
    url = reverse("meetings:detail", args=[meeting.pk])
    client.get(url)
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_off_when_page_cache_seconds_is_zero(settings, secretariat_client, meeting):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("meetings:detail", args=[meeting.pk])
    warm(secretariat_client, url)
    with CaptureQueriesContext(connection) as queries:
        secretariat_client.get(url)
    assert len(queries) > 2


def test_a_lost_generation_is_replaced_by_one_no_page_carries(settings, secretariat_client, meeting):
    from django.core.cache import cache

    url = reverse("meetings:detail", args=[meeting.pk])
    warm(secretariat_client, url)
    old = pagecache.generation()
    Meeting.objects.filter(pk=meeting.pk).update(room="Room after eviction")
    cache.delete(pagecache.GENERATION_KEY)  # evicted, or the cache restarted without its pages
    assert "Room after eviction" in secretariat_client.get(url).content.decode()
    assert pagecache.generation() != old


def test_messages_waiting_make_a_request_uncacheable(secretariat_user):
    request = RequestFactory().get("/")
    request.user = secretariat_user
    request.session = {}
    request._messages = FallbackStorage(request)
    assert pagecache._cacheable_request(request)
    messages.info(request, "Saved.")
    assert not pagecache._cacheable_request(request)


def test_the_redis_backend_keeps_one_client_per_pool():
    backend = RedisCache("redis://127.0.0.1:6379/0", {})  # building clients does not connect
    assert backend._cache.get_client() is backend._cache.get_client(write=True)

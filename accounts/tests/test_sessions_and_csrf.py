"""Sessions expire; every form needs its CSRF token."""

from __future__ import annotations

import datetime

import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

PASSWORD = "correct horse battery staple"  # noqa: S105


def test_session_expires_after_a_working_day(expert_user):
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    client = Client()
    with time_machine.travel(start, tick=False):
        client.post(reverse("login"), {"username": expert_user.username, "password": PASSWORD})
        assert client.get(reverse("meetings:dashboard")).status_code == 200
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    later = start + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 1)
    with time_machine.travel(later, tick=False):
        response = client.get(reverse("meetings:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_session_cookie_ends_with_the_browser_and_is_not_readable_by_scripts(expert_user):
    client = Client()
    response = client.post(reverse("login"), {"username": expert_user.username, "password": PASSWORD})

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_sign_in_without_csrf_token_is_refused(expert_user):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": expert_user.username, "password": PASSWORD})

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_with_the_token_from_the_form_works(expert_user):
    client = Client(enforce_csrf_checks=True)
    form = client.get(reverse("login"))
    token = form.context["csrf_token"]

    response = client.post(
        reverse("login"), {"username": expert_user.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302


def test_staff_post_without_token_is_refused(secretariat_user, meeting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_user)

    response = client.post(reverse("meetings:status", args=[meeting.pk]), {"status": "cancelled"})

    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.status != "cancelled"


def test_logout_is_a_post(expert_client):
    assert expert_client.get(reverse("logout")).status_code == 405
    assert expert_client.post(reverse("logout")).status_code == 302

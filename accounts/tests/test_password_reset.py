"""Password reset by email: the link arrives, works once, and the new password must be strong."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from meetings.tests.factories import make_user

NEW_PASSWORD = "Sahel briefing 2026 notes"  # noqa: S105


@pytest.fixture
def person(db):
    return make_user("amina", email="amina@example.org", first_name="Amina")


def _reset_link(client, email: str) -> str:
    response = client.post(reverse("password_reset"), {"email": email})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    match = re.search(r"https?://\S+(/accounts/password/reset/\S+/\S+/)", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(1)


def test_reset_email_is_sent_with_a_link_on_the_configured_site(client, person, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    client.post(reverse("password_reset"), {"email": "amina@example.org"}, HTTP_HOST="other.example")

    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert message.subject == "IEG Workbench: choose a new password"
    assert "Hello Amina" in message.body
    assert f"{settings.SITE_URL}/accounts/password/reset/" in message.body
    assert "Your username is amina." in message.body
    assert "other.example" not in message.body


def test_unknown_address_gets_the_same_answer_and_no_email(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_link_lets_the_user_set_a_strong_password_and_sign_in(client, person):
    link = _reset_link(client, "amina@example.org")

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    set_password_url = form_page.redirect_chain[-1][0]

    weak = client.post(set_password_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 200
    assert "This password is too short" in weak.content.decode()
    assert "This password is entirely numeric" in weak.content.decode()

    done = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == reverse("password_reset_complete")

    signed_in = client.post(reverse("login"), {"username": "amina", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302
    assert signed_in["Location"] == reverse("meetings:dashboard")


def test_link_works_only_once(client, person):
    link = _reset_link(client, "amina@example.org")
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = client.get(link, follow=True)

    assert not again.context["validlink"]
    assert "This link no longer works" in again.content.decode()


def test_password_change_needs_sign_in_and_checks_strength(client, person):
    anonymous = client.get(reverse("password_change"))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))

    client.force_login(person)
    weak = client.post(
        reverse("password_change"),
        {"old_password": "correct horse battery staple", "new_password1": "amina", "new_password2": "amina"},
    )
    assert weak.status_code == 200
    assert "too short" in weak.content.decode()

    ok = client.post(
        reverse("password_change"),
        {"old_password": "correct horse battery staple", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert ok.status_code == 302
    assert ok["Location"] == reverse("password_change_done")

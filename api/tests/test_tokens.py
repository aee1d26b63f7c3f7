"""Personal API tokens: made by their owner, shown once, stored as a digest, expiring, revocable."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from api import tokens
from api.models import ApiToken
from meetings.tests import factories

pytestmark = pytest.mark.django_db


def _bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_token_is_shown_once_and_stored_as_a_digest(secretariat_client, secretariat_user):
    page = secretariat_client.post(reverse("api_pages:tokens"), {"name": "monthly report", "days": "90"})
    assert page.status_code == 200
    secret = page.context["secret"]
    assert secret.startswith(tokens.SCHEME) and secret in page.content.decode()
    token = ApiToken.objects.get(user=secretariat_user)
    assert token.digest == tokens.digest(secret) and secret not in token.digest
    assert token.expires_at - token.created_at == datetime.timedelta(days=90)
    assert token.history.first().history_user == secretariat_user
    # Shown once: the list page afterwards names the token by its prefix only.
    listing = secretariat_client.get(reverse("api_pages:tokens")).content.decode()
    assert token.prefix in listing and secret not in listing


def test_a_bad_lifetime_is_refused_with_the_name_kept(secretariat_client):
    page = secretariat_client.post(reverse("api_pages:tokens"), {"name": "kept name", "days": "10000"})
    assert page.status_code == 200 and not ApiToken.objects.exists()
    assert page.context["form"].errors["days"] and 'value="kept name"' in page.content.decode()


@pytest.mark.parametrize("state", ["expired", "revoked", "unknown", "deactivated", "not bearer"])
def test_only_a_usable_token_authenticates(state, secretariat_user):
    token, secret = tokens.create_token(secretariat_user, name="script", days=30)
    headers = _bearer(secret)
    if state == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    elif state == "revoked":
        assert tokens.revoke_token(token, by=secretariat_user)
    elif state == "unknown":
        headers = _bearer(secret[:-2] + "xx")
    elif state == "deactivated":
        secretariat_user.is_active = False
        secretariat_user.save()
    else:
        headers = {"HTTP_AUTHORIZATION": f"Token {secret}"}
    response = Client().get("/api/v1/missions", **headers)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["detail"]
    # A bad token never reads as the public either.
    assert Client().get("/api/v1/meetings", **headers).status_code == 401


def test_a_usable_token_authenticates_and_its_use_is_noted(secretariat_user):
    token, secret = tokens.create_token(secretariat_user, name="script", days=30)
    assert Client().get("/api/v1/missions", **_bearer(secret)).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_session_is_never_a_credential(secretariat_client):
    """Signed in through the pages, a call without a token is the public's."""
    assert secretariat_client.get("/api/v1/missions").status_code == 401
    answer = secretariat_client.post("/api/v1/steps/1/done", {"version": 1}, content_type="application/json")
    assert answer.status_code == 401


def test_revoking_asks_first_then_revokes_for_good(secretariat_client, secretariat_user):
    token, secret = tokens.create_token(secretariat_user, name="old script", days=30)
    url = reverse("api_pages:token_revoke", args=[token.pk])
    asked = secretariat_client.post(url)
    assert asked.status_code == 200 and "old script" in asked.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    assert secretariat_client.post(url, {"confirm": "1"}).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.history.first().history_user == secretariat_user
    assert Client().get("/api/v1/missions", **_bearer(secret)).status_code == 401


def test_nobody_revokes_someone_elses_token(expert_client, secretariat_user):
    token, _secret = tokens.create_token(secretariat_user, name="mine", days=30)
    url = reverse("api_pages:token_revoke", args=[token.pk])
    assert expert_client.post(url, {"confirm": "1"}).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_tokens_of_other_users_are_not_listed(expert_client, secretariat_user):
    tokens.create_token(secretariat_user, name="secretariat's own", days=30)
    assert "secretariat&#x27;s own" not in expert_client.get(reverse("api_pages:tokens")).content.decode()


def test_lifetimes_are_bounded(db):
    user = factories.make_user("someone")
    with pytest.raises(ValueError):
        tokens.create_token(user, name="forever", days=36500)

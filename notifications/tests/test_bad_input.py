"""The private iCal feed answers bad tokens with 404, never a server error."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("token", ["abc\x00def", "\x00", "x" * 10_000, "é" * 40])
def test_a_malformed_feed_token_is_not_found(token):
    # No sign-in: anyone on the internet can send this. A NUL byte reached PostgreSQL and raised.
    response = Client().get("/notifications/ical/" + token + ".ics")
    assert response.status_code == 404

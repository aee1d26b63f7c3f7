"""Schemathesis against the served OpenAPI schema: every operation, with generated parameters and bodies (a bounded
number each), anonymously and with a secretariat token: no server error, and every answer as the schema says
(status code documented, content type, body shape)."""

from __future__ import annotations

import datetime

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api import tokens
from documents.tests import factories as docs
from meetings.models import Meeting
from meetings.tests import factories
from network.models import ActionPoint, ActionPointGroup, NetworkMeeting
from network.tests import factories as network_factories
from recommendations.tests import factories as rec

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 10  # per operation and caller: bounded, so that the suite stays quick

HOST = "localhost"  # the host Schemathesis's WSGI requests name

with override_settings(ALLOWED_HOSTS=[HOST]):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _wsgi_in_the_test_transaction(settings):
    """Requests go through the WSGI handler, as Django's test client's do: within the test's transaction, so the
    handler must not close the connection after each request (the test client disconnects the same signal)."""
    settings.ALLOWED_HOSTS = [HOST]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def record(meeting, year):
    """Something behind every operation: a published meeting with its documents and recommendations, a mission,
    a Network meeting with an action point (ids are small, so generated ones sometimes find them)."""
    published = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 3, 10))
    Meeting.objects.filter(pk=published.pk).update(status=Meeting.Status.PUBLISHED, symbol="S/2026/55")
    docs.make_note(published, status="published", shared_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))
    docs.make_summary(published, status="published", issue_date=datetime.date(2026, 3, 20))
    rec.make_recommendation(published, status="presented")
    rec.make_recommendation(meeting)
    rec.make_mission("UNMISS", "South Sudan", expiry=datetime.date(2027, 4, 30))
    network_meeting = NetworkMeeting.objects.create(kind="annual", title="Annual", start_date=datetime.date(2026, 9, 1))
    group = ActionPointGroup.objects.create(meeting=network_meeting, heading="Knowledge")
    ActionPoint.objects.create(group=group, text="Share plans", due=datetime.date(2026, 12, 31))
    network_factories.make_member("Spain")


@pytest.fixture
def secretariat_token(secretariat_user):
    _token, secret = tokens.create_token(secretariat_user, name="schemathesis", days=30)
    return secret


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_answers_as_its_schema_says_to_the_public(case, record):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_answers_as_its_schema_says_to_a_token(case, record, secretariat_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {secretariat_token}"}, checks=CHECKS)

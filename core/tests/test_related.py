"""core.related.attach: foreign keys set from one query by id, as select_related would have set them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from core.related import attach

pytestmark = pytest.mark.django_db


def test_the_people_come_in_one_unsorted_query_and_a_missing_key_stays_empty(meeting, secretariat_user, cochair_user):
    steps = list(meeting.steps.order_by("pk")[:3])
    steps[0].done_by, steps[0].assignee = secretariat_user, cochair_user
    steps[1].assignee = secretariat_user
    with CaptureQueriesContext(connection) as queries:
        attach(steps, ("done_by", "assignee"), User.objects.select_related("delegation"))
    assert len(queries.captured_queries) == 1
    assert "ORDER BY" not in queries.captured_queries[0]["sql"]  # read by id: the users' default ordering is no use
    with CaptureQueriesContext(connection) as queries:
        people = [(s.done_by, s.assignee) for s in steps]
        delegation = steps[0].assignee.delegation
    assert queries.captured_queries == []
    assert people == [(secretariat_user, cochair_user), (None, secretariat_user), (None, None)]
    assert delegation == cochair_user.delegation is not None


def test_nothing_to_read_reads_nothing(meeting):
    steps = list(meeting.steps.all())
    with CaptureQueriesContext(connection) as queries:
        attach(steps, ("done_by",), User.objects.all())
        attach([], ("done_by",), User.objects.all())
    assert queries.captured_queries == []

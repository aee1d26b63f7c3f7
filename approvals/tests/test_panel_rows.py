"""approvals.querysets.for_panel reads an approval panel's people by id: the same rows the seven-table join gave."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from approvals import services
from approvals.models import AgendaApproval
from approvals.querysets import for_panel
from meetings.tests import factories

pytestmark = pytest.mark.django_db


def _joined(year) -> dict:
    """What the panel read before: one query joining the states and the people."""
    rows = year.approvals.current().select_related(
        "member_state", "approved_by__delegation", "on_behalf_of", "recorded_by"
    )
    return {a.pk: a for a in rows}


def _people(approval) -> tuple:
    delegation = approval.approved_by.delegation if approval.approved_by else None
    return (approval.member_state, approval.approved_by, delegation, approval.on_behalf_of, approval.recorded_by)


def test_the_panel_reads_the_people_the_join_read_in_two_queries_three_with_an_approval_recorded_for_a_state(
    secretariat_user, cochair_user, year
):
    factories.make_entry(year, "South Sudan")
    services.approve_agenda(
        year, by=cochair_user, now=timezone.now(), seen_fingerprint=services.agenda_status(year).fingerprint
    )
    with CaptureQueriesContext(connection) as own:
        approvals = for_panel(year.approvals.current())
        people = [_people(a) for a in approvals]
    assert len(own.captured_queries) == 2  # the approvals with their states, the people with their delegations
    assert people == [_people(a) for a in _joined(year).values()]
    assert people[0][1] == cochair_user and people[0][2] == cochair_user.delegation is not None

    greece = year.co_chairs.exclude(pk=cochair_user.delegation_id).get()
    services.approve_agenda(
        year,
        by=secretariat_user,
        now=timezone.now(),
        seen_fingerprint=services.agenda_status(year).fingerprint,
        on_behalf_of=greece,
        received_on=datetime.date(2026, 1, 5),
    )
    with CaptureQueriesContext(connection) as own:
        approvals = sorted(for_panel(year.approvals.current()), key=lambda a: a.pk)
        people = [_people(a) for a in approvals]
    assert len(own.captured_queries) == 3  # and the state recorded for
    joined = _joined(year)
    assert people == [_people(joined[a.pk]) for a in approvals]
    assert AgendaApproval.objects.filter(on_behalf_of=greece, recorded_by=secretariat_user).exists()

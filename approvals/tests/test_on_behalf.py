"""The secretariat records a co-chair's approval of the agenda or a summary received by email."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from approvals import services
from approvals.models import AgendaApproval
from core.history import history_entries
from documents.models import Summary, SummaryApproval
from documents.tests.factories import make_summary
from meetings.tests import factories

pytestmark = pytest.mark.django_db


def test_secretariat_records_the_agenda_approval_of_a_cochair(secretariat_client, secretariat_user, year):
    factories.make_entry(year, "South Sudan")
    greece = year.co_chairs.get(name="Greece")
    page = secretariat_client.get(reverse("meetings:year", args=[2026])).content.decode()
    assert "approval received by email" in page
    fingerprint = services.agenda_status(year).fingerprint
    today = timezone.localdate()
    response = secretariat_client.post(
        reverse("approvals:agenda_approve", args=[2026]),
        {"fingerprint": fingerprint, "record-on_behalf_of": greece.pk, "record-received_on": today.isoformat()},
    )
    assert response.status_code == 302
    approval = AgendaApproval.objects.get()
    assert (approval.member_state, approval.approved_by, approval.recorded_by) == (greece, None, secretariat_user)
    expected = f"Greece (received by email on {formats.date_format(today)}, recorded by {secretariat_user})"
    assert expected in secretariat_client.get(reverse("meetings:year", args=[2026])).content.decode()
    history = secretariat_client.get(reverse("approvals:agenda_history", args=[2026])).content.decode()
    assert expected in history


def test_cochair_cannot_record_for_another_state(cochair_client, year):
    greece = year.co_chairs.get(name="Greece")
    response = cochair_client.post(
        reverse("approvals:agenda_approve", args=[2026]),
        {
            "fingerprint": services.agenda_status(year).fingerprint,
            "record-on_behalf_of": greece.pk,
            "record-received_on": "2026-01-05",
        },
    )
    assert response.status_code == 403
    assert not AgendaApproval.objects.exists()


def test_a_state_not_cochairing_is_refused(secretariat_user, year):
    sweden = factories.make_state("Sweden")
    with pytest.raises(services.ApprovalError):
        services.approve_agenda(
            year,
            by=secretariat_user,
            now=timezone.now(),
            seen_fingerprint=services.agenda_status(year).fingerprint,
            on_behalf_of=sweden,
            received_on=datetime.date(2026, 1, 5),
        )


def test_secretariat_records_summary_approvals_until_the_summary_is_approved(
    secretariat_client, secretariat_user, cochair_client, meeting
):
    summary = make_summary(meeting)
    cochair_client.post(reverse("documents:summary_approve", args=[meeting.pk]), {"version": summary.version})
    page = secretariat_client.get(summary.get_absolute_url()).content.decode()
    assert "approval received by email" in page
    greece = meeting.agenda_year.co_chairs.get(name="Greece")
    today = timezone.localdate()
    response = secretariat_client.post(
        reverse("documents:summary_approve", args=[meeting.pk]),
        {"version": summary.version, "record-on_behalf_of": greece.pk, "record-received_on": today.isoformat()},
    )
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.status == Summary.Status.APPROVED
    approval = SummaryApproval.objects.get(member_state=greece)
    assert (approval.user, approval.on_behalf_of, approval.recorded_by) == (None, greece, secretariat_user)
    expected = f"Greece (received by email on {formats.date_format(today)}, recorded by {secretariat_user})"
    assert expected in secretariat_client.get(summary.get_absolute_url()).content.decode()
    history = secretariat_client.get(reverse("documents:summary_history", args=[meeting.pk])).content.decode()
    assert expected in history
    assert [e.who for e in history_entries(SummaryApproval.history.filter(member_state=greece))] == [expected]


def test_a_bad_summary_record_form_keeps_the_page(secretariat_client, meeting):
    summary = make_summary(meeting)
    response = secretariat_client.post(
        reverse("documents:summary_approve", args=[meeting.pk]),
        {"version": summary.version, "record-on_behalf_of": "999999", "record-received_on": "yesterday"},
    )
    assert response.status_code == 400
    assert not SummaryApproval.objects.exists()

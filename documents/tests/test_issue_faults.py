"""Issuing a summary when the PDF cannot be made or stored: nothing moves, the secretariat is told, a retry works."""

from __future__ import annotations

import datetime
import errno
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from documents import pdf, services
from documents.models import Summary
from documents.tests import factories as f
from meetings.models import Meeting
from meetings.tests.factories import make_user

ISSUE = {"symbol": "S/2026/77", "issue_date": "2026-12-28", "confirm": "1"}


@pytest.fixture
def submitted(meeting, cochair_user, secretariat_user):
    f.hold(meeting)
    summary = f.make_summary(meeting)
    for user in (cochair_user, make_user("greek", delegation="Greece")):
        summary, _approval = services.approve_summary(summary, by=user, now=timezone.now())
    return services.submit_summary(summary, by=secretariat_user, now=timezone.now())


def state(summary: Summary) -> tuple:
    summary.refresh_from_db()
    meeting = Meeting.objects.get(pk=summary.meeting_id)
    return (
        summary.status,
        summary.issue_date,
        bool(summary.issued_pdf),
        summary.history.count(),
        meeting.status,
        meeting.symbol,
        meeting.history.count(),
    )


@pytest.mark.parametrize(
    ("where", "fault", "said"),
    [
        ("documents.pdf.render_summary", RuntimeError("pango"), "the renderer failed: RuntimeError"),
        (
            "django.core.files.storage.FileSystemStorage._save",
            OSError(errno.ENOSPC, "No space left on device"),
            "No space left on device",
        ),
    ],
    ids=["renderer", "disk-full"],
)
def test_a_failed_pdf_leaves_the_summary_as_it_was_and_says_why(secretariat_client, submitted, where, fault, said):
    meeting = submitted.meeting
    before = state(submitted)
    assert before[:3] == ("submitted", None, False)
    with mock.patch(where, side_effect=fault):
        response = secretariat_client.post(reverse("documents:summary_issue", args=[meeting.pk]), ISSUE)
    assert response.status_code == 400
    page = response.content.decode()
    assert said in page and "Nothing was changed; try again" in page
    assert 'value="S/2026/77"' in page  # the input is kept for the retry
    assert state(submitted) == before

    # The fault gone, the same request issues the summary.
    response = secretariat_client.post(reverse("documents:summary_issue", args=[meeting.pk]), ISSUE)
    assert response.status_code == 302
    submitted.refresh_from_db()
    meeting.refresh_from_db()
    assert (submitted.status, meeting.status, meeting.symbol) == ("issued", "issued", "S/2026/77")
    assert submitted.issued_pdf.read(5) == b"%PDF-"


def test_the_fault_is_logged_for_the_developers(submitted, secretariat_user, caplog):
    with mock.patch.object(pdf, "render_summary", side_effect=RuntimeError("pango")):
        with pytest.raises(services.PdfNotStored):
            services.issue_summary(
                submitted, "S/2026/77", by=secretariat_user, now=timezone.now(), issue_date=datetime.date(2026, 12, 28)
            )
    assert "Rendering the summary of meeting" in caplog.text and "RuntimeError: pango" in caplog.text

"""Background note and summary, from draft to the public site, each step taken by the person who takes it."""

import datetime
import re

import pytest
from django.utils import timezone

from documents import services as document_services
from documents.models import BackgroundNote, Summary
from documents.tests import factories as document_factories
from e2e.conftest import assert_accessible, login, screenshot
from meetings.models import Meeting, TimelineStep
from meetings.tests import factories

PARTICIPATION = "Women hold 12 per cent of seats in the transitional assembly."


@pytest.fixture
def held_meeting(year, secretariat_user):
    """Haiti, met on Tuesday 10 November 2026 (before the pinned today), held, with two recommendations."""
    meeting = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 11, 10))
    document_factories.hold(meeting, by=secretariat_user)
    document_factories.make_recommendations(
        meeting,
        ["Request sex-disaggregated reporting on gang violence.", "Meet women human rights defenders."],
    )
    return meeting


def test_secretariat_drafts_and_shares_the_note_and_an_expert_downloads_it(
    new_page, live_server, secretariat_user, expert_user, meeting
):
    secretariat = new_page()
    login(secretariat, live_server, secretariat_user)
    secretariat.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    secretariat.get_by_role("link", name="Start the note").click()
    secretariat.get_by_label("Women's participation and leadership").fill(PARTICIPATION)
    secretariat.get_by_role("button", name="Save note").click()
    assert secretariat.get_by_role("status").filter(has_text="Background note saved").is_visible()

    secretariat.get_by_role("button", name="Send to the co-chairs for review").click()
    secretariat.get_by_role("button", name="Share with Council members").click()
    # A page says what sharing does (who can read, who is emailed) before anything happens.
    assert secretariat.get_by_role("heading", name="What will happen").is_visible()
    assert_accessible(secretariat)
    assert BackgroundNote.objects.get(meeting=meeting).status == "in_review"
    secretariat.get_by_role("button", name="Confirm: share with Council members").click()
    assert secretariat.get_by_role("status").filter(has_text="Shared with Council members").is_visible()
    assert_accessible(secretariat)
    screenshot(secretariat, "background-note", docs=True)
    note = BackgroundNote.objects.get(meeting=meeting)
    assert note.status == "shared"
    assert TimelineStep.objects.get(meeting=meeting, key="background_note").state == TimelineStep.State.DONE

    # France sits on the Council in 2026: its expert reads the shared note and downloads the PDF.
    expert = new_page()
    login(expert, live_server, expert_user)
    expert.goto(f"{live_server.url}/documents/meetings/{meeting.pk}/note/")
    assert PARTICIPATION in expert.locator("article").inner_text()
    assert expert.get_by_role("button", name="Share with Council members").count() == 0
    with expert.expect_download() as download_info:
        expert.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert re.fullmatch(r"background-note-south-sudan-2026-12-10\.pdf", download.suggested_filename)
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert note.downloads.filter(user=expert_user).count() == 1


def test_cochair_approves_secretariat_issues_and_the_public_reads_the_summary(
    new_page, live_server, secretariat_user, cochair_user, held_meeting
):
    summary = document_factories.make_summary(held_meeting)
    # Greece, the other co-chair, approved already; Denmark's approval completes it.
    greece = factories.make_user("greece", delegation="Greece")
    document_services.approve_summary(summary, by=greece, now=timezone.now())

    cochair = new_page()
    login(cochair, live_server, cochair_user)
    cochair.goto(f"{live_server.url}/documents/meetings/{held_meeting.pk}/summary/")
    cochair.get_by_role("button", name="Approve this text for Denmark").click()
    assert cochair.get_by_role("status").filter(has_text="every co-chair has now approved").is_visible()
    cochair.get_by_role("button", name="Record submission for issuance").click()
    assert cochair.get_by_role("status").filter(has_text="Submitted for issuance").is_visible()

    secretariat = new_page()
    login(secretariat, live_server, secretariat_user)
    secretariat.goto(f"{live_server.url}/documents/meetings/{held_meeting.pk}/summary/")
    secretariat.get_by_label("S/ symbol").fill("S/2026/950")
    secretariat.get_by_role("button", name="Record issuance").click()
    secretariat.get_by_role("button", name="Confirm: issued as S/2026/950").click()
    assert secretariat.get_by_role("status").filter(has_text="Issued as S/2026/950").is_visible()
    secretariat.get_by_role("button", name="Publish on the public site").click()
    secretariat.get_by_role("button", name="Confirm: publish on the public website").click()
    assert secretariat.get_by_role("status").filter(has_text="Published").is_visible()
    assert_accessible(secretariat)
    screenshot(secretariat, "summary", docs=True)
    summary.refresh_from_db()
    held_meeting.refresh_from_db()
    assert (summary.status, held_meeting.status) == (Summary.Status.PUBLISHED, Meeting.Status.PUBLISHED)

    visitor = new_page()
    visitor.goto(f"{live_server.url}/")
    latest = visitor.get_by_role("table", name="Latest")
    assert "S/2026/950" in latest.get_by_role("row", name="Haiti").inner_text()
    latest.get_by_role("link", name="Haiti").click()
    assert visitor.url == f"{live_server.url}/meetings/S/2026/950/"
    assert "S/2026/950" in visitor.locator("main").inner_text()
    assert_accessible(visitor)
    screenshot(visitor, "public-meeting", docs=True)
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="S/2026/950: Summary (PDF)").click()
    with open(download_info.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

"""A co-chair's week in the browser: land on what awaits Denmark, mark a co-chairs' step done, approve the
background note, the summary and the agenda; and a Council expert's landing page with the notes shared with it."""

import datetime

import pytest
from django.utils import timezone

from approvals.models import NoteApproval
from documents import services as document_services
from documents.models import Summary
from documents.tests import factories as document_factories
from e2e.conftest import assert_accessible, login, screenshot
from meetings.models import TimelineStep
from meetings.tests import factories


@pytest.fixture
def week(year, meeting, secretariat_user):
    """South Sudan on 10 December (its note in review); Haiti held on 10 November, its summary awaiting
    Denmark's approval (Greece's was received by email and recorded by the secretariat)."""
    note = document_factories.make_note(meeting, status="in_review")
    haiti = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 11, 10))
    document_factories.hold(haiti, by=secretariat_user)
    summary = document_factories.make_summary(haiti)
    for state, name in (("Denmark", "Karen Holm Nielsen"), ("Greece", "Nikos Vlachos")):
        document_factories.make_representative(state, name, start=datetime.date(2025, 1, 1))
    document_services.approve_summary(
        summary,
        by=secretariat_user,
        now=timezone.now(),
        on_behalf_of=year.co_chairs.get(name="Greece"),
        received_on=datetime.date(2026, 11, 20),
    )
    return {"note": note, "summary": summary, "meeting": meeting}


def test_cochairs_week(page, live_server, cochair_user, week):
    meeting, note, summary = week["meeting"], week["note"], week["summary"]
    login(page, live_server, cochair_user)
    assert page.get_by_role("heading", level=1).inner_text() == "Awaiting your approval"
    assert page.get_by_role("heading", name="Awaiting the approval of Denmark").is_visible()
    assert_accessible(page)
    screenshot(page, "cochair-landing")

    # A co-chairs' step: the request letter, from the meeting page's "Mark done" button (htmx, no reload).
    letter = meeting.steps.get(key="request_letter")
    page.locator(f'a[href$="#step-{letter.pk}"]').click()
    page.locator(f"#step-{letter.pk}-done").click()
    row = page.locator(f"#step-{letter.pk}")
    row.get_by_text("Done by").wait_for()
    assert "Denmark" in row.inner_text()
    letter.refresh_from_db()
    assert (letter.state, letter.done_by) == (TimelineStep.State.DONE, cochair_user)
    assert page.locator(f"#step-{meeting.steps.get(key='background_note').pk}-done").count() == 0

    # The background note: approve it and leave a comment, from the note's page.
    page.goto(f"{live_server.url}/work/")
    page.locator(f'a[href$="{note.get_absolute_url()}#note-approval"]').click()
    page.get_by_role("button", name="Approve this note for Denmark").click()
    assert page.get_by_role("status").filter(has_text="Note approved by").is_visible()
    page.get_by_label("Add a comment").fill("Please add the 2026 figures on women in the ceasefire bodies.")
    page.get_by_role("button", name="Post comment").click()
    assert page.get_by_text("Please add the 2026 figures").is_visible()
    assert "/note/" in page.url
    assert NoteApproval.objects.filter(note=note, member_state__name="Denmark", approved_by=cochair_user).exists()
    assert_accessible(page)

    # The summary: Denmark's approval completes it (Greece's was recorded from its email).
    page.goto(f"{live_server.url}/work/")
    page.locator(f'a[href$="{summary.get_absolute_url()}"]').click()
    assert page.get_by_text("Greece (received by email on 20 Nov 2026").is_visible()
    page.get_by_role("button", name="Approve this text for Denmark").click()
    assert page.get_by_role("status").filter(has_text="every co-chair has now approved").is_visible()
    summary.refresh_from_db()
    assert summary.status == Summary.Status.APPROVED
    assert page.get_by_text("Karen Holm Nielsen").first.is_visible()  # Denmark's representative signs

    # Last, the year's agenda; then nothing awaits Denmark.
    page.goto(f"{live_server.url}/work/")
    page.get_by_role("link", name="The agenda of 2026").click()
    page.get_by_role("button", name="Approve this agenda for Denmark").click()
    assert page.get_by_role("status").filter(has_text="Agenda approved").is_visible()
    page.goto(f"{live_server.url}/work/")
    assert page.get_by_text("Nothing awaits your approval.").is_visible()


def test_expert_lands_on_the_notes_shared_with_it(page, live_server, expert_user, year, meeting):
    shared = timezone.now() - datetime.timedelta(days=1)
    document_factories.make_note(meeting, status="shared", shared_at=shared)
    older = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 3, 10))
    document_factories.make_note(older, status="shared", shared_at=shared - datetime.timedelta(days=60))
    login(page, live_server, expert_user)
    assert page.get_by_role("heading", level=1).inner_text() == "Your background notes"
    items = page.locator(".work-list li")
    assert items.count() == 2
    assert "South Sudan" in items.nth(0).inner_text() and "New" in items.nth(0).inner_text()
    assert "Haiti" in items.nth(1).inner_text() and "New" not in items.nth(1).inner_text()
    assert_accessible(page)
    screenshot(page, "expert-landing")
    items.nth(0).get_by_role("link", name="South Sudan", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Background note: South Sudan"

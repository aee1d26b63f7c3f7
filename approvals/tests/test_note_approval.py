"""Co-chairs approve and comment on the background note from its page; an edit to the text resets approvals."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from approvals import services
from approvals.models import Comment, NoteApproval
from core.history import history_entries
from documents import services as document_services
from documents.models import NoteSection
from documents.tests.factories import edit_areas, make_note
from meetings.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(meeting):
    return make_note(meeting, status="in_review")


@pytest.fixture
def greece_user(year):
    return factories.make_user("greece", delegation="Greece")


def approve(client, note, **data):
    fingerprint = services.note_status(note).fingerprint
    return client.post(reverse("documents:note_approve", args=[note.meeting_id]), {"fingerprint": fingerprint, **data})


def test_cochair_approves_the_note_from_its_page(cochair_client, cochair_user, note):
    page = cochair_client.get(note.get_absolute_url()).content.decode()
    assert "Approve this note for Denmark" in page
    assert approve(cochair_client, note).status_code == 302
    approval = NoteApproval.objects.get()
    assert (approval.note, approval.member_state.name, approval.approved_by) == (note, "Denmark", cochair_user)
    page = cochair_client.get(note.get_absolute_url()).content.decode()
    assert "Denmark has approved this text." in page
    assert f"approved by {cochair_user} (Denmark)" in page


def test_every_cochair_state_approves(cochair_client, greece_user, note, client):
    approve(cochair_client, note)
    client.force_login(greece_user)
    approve(client, note)
    assert services.note_status(note).complete


def test_an_edit_to_the_text_resets_the_approvals(cochair_user, secretariat_user, note):
    now = timezone.now()
    services.approve_note(note, by=cochair_user, now=now, seen_fingerprint=services.note_fingerprint(note))
    note.refresh_from_db()
    document_services.save_note(
        note,
        sections=edit_areas(note, participation="<p>New figures from the country team.</p>"),
        expected_version=note.version,
        by=secretariat_user,
    )
    approval = NoteApproval.objects.get()
    assert approval.reset_at is not None and approval.reset_by == secretariat_user
    assert "Note edited after approval" in approval.reset_reason
    assert not services.note_status(note).complete
    assert not NoteApproval.objects.current().exists()


def test_a_save_without_a_text_change_keeps_the_approvals(cochair_user, secretariat_user, note):
    services.approve_note(note, by=cochair_user, now=timezone.now(), seen_fingerprint=services.note_fingerprint(note))
    note.refresh_from_db()
    document_services.save_note(note, expected_version=note.version, by=secretariat_user)
    assert NoteApproval.objects.get().reset_at is None


def test_approving_a_text_that_changed_meanwhile_is_refused(cochair_client, note):
    stale = services.note_status(note).fingerprint
    NoteSection.objects.filter(note=note, focus_area="participation").update(body="<p>Changed</p>")
    response = cochair_client.post(reverse("documents:note_approve", args=[note.meeting_id]), {"fingerprint": stale})
    assert response.status_code == 302
    assert not NoteApproval.objects.exists()


def test_a_shared_note_is_no_longer_approved(cochair_user, meeting):
    note = make_note(meeting, status="shared", shared_at=timezone.now())
    with pytest.raises(services.ApprovalError):
        services.approve_note(
            note, by=cochair_user, now=timezone.now(), seen_fingerprint=services.note_fingerprint(note)
        )


def test_who_may_approve(expert_client, secretariat_client, note, client, other_cochair_user):
    assert approve(expert_client, note).status_code == 404  # a note in review is not the expert's to read
    assert approve(secretariat_client, note).status_code == 403  # approves only on a co-chair's behalf
    client.force_login(other_cochair_user)
    assert approve(client, note).status_code == 404
    assert not NoteApproval.objects.exists()


def test_secretariat_records_a_note_approval_received_by_email(secretariat_client, secretariat_user, note, year):
    denmark = year.co_chairs.get(name="Denmark")
    page = secretariat_client.get(note.get_absolute_url()).content.decode()
    assert "approval received by email" in page
    today = timezone.localdate()
    response = approve(secretariat_client, note, **{"record-on_behalf_of": denmark.pk, "record-received_on": today})
    assert response.status_code == 302
    approval = NoteApproval.objects.get()
    assert (approval.member_state, approval.approved_by, approval.on_behalf_of, approval.recorded_by) == (
        denmark,
        None,
        denmark,
        secretariat_user,
    )
    expected = f"Denmark (received by email on {formats.date_format(today)}, recorded by {secretariat_user})"
    assert approval.approved_credit == expected
    assert expected in secretariat_client.get(note.get_absolute_url()).content.decode()
    assert history_entries(NoteApproval.history.all())[0].who == expected
    history = secretariat_client.get(reverse("documents:note_history", args=[note.meeting_id])).content.decode()
    assert expected in history


def test_a_bad_record_form_says_why_and_records_nothing(secretariat_client, note, year):
    denmark = year.co_chairs.get(name="Denmark")
    response = approve(
        secretariat_client, note, **{"record-on_behalf_of": denmark.pk, "record-received_on": "2999-1-1"}
    )
    assert response.status_code == 400
    assert "cannot have arrived after today" in response.content.decode()
    response = approve(secretariat_client, note, **{"record-on_behalf_of": "x\x00", "record-received_on": ""})
    assert response.status_code == 400
    assert not NoteApproval.objects.exists()


def test_cochair_cannot_record_for_the_other_cochair(cochair_client, note, year):
    greece = factories.make_state("Greece")
    response = approve(cochair_client, note, **{"record-on_behalf_of": greece.pk, "record-received_on": "2026-01-02"})
    assert response.status_code == 403


def test_comments_on_the_note_page(cochair_client, cochair_user, note, expert_client):
    page = cochair_client.get(note.get_absolute_url()).content.decode()
    assert 'name="from" value="note"' in page
    response = cochair_client.post(
        reverse("approvals:comment_meeting", args=[2026, note.meeting_id]),
        {"text": "Add the 2025 figures", "from": "note"},
    )
    assert response["Location"] == reverse("documents:note", args=[note.meeting_id]) + "#comments"
    assert Comment.objects.get().author == cochair_user
    assert "Add the 2025 figures" in cochair_client.get(note.get_absolute_url()).content.decode()


def test_experts_see_neither_approvals_nor_comments(expert_client, cochair_user, meeting):
    note = make_note(meeting, status="shared", shared_at=datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC))
    Comment.objects.create(
        agenda_year=meeting.agenda_year,
        meeting=meeting,
        author=cochair_user,
        text="SECRET-REMARK",
        created_at=timezone.now(),
    )
    page = expert_client.get(note.get_absolute_url()).content.decode()
    assert "SECRET-REMARK" not in page
    assert "note-approval" not in page

"""A background note's life: draft, review by the co-chairs, shared with Council members, published."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.concurrency import StaleEdit
from documents import services
from documents.models import BackgroundNote, NoteSection
from documents.tests import factories as f
from meetings.models import TimelineStep

NOW = datetime.datetime(2026, 12, 7, 15, 30, tzinfo=datetime.UTC)


@pytest.fixture
def note(meeting):
    return f.make_note(meeting)


def test_sharing_completes_the_background_note_step_at_that_moment(note, secretariat_user):
    services.submit_for_review(note, by=secretariat_user)
    shared = services.share_note(note, by=secretariat_user, now=NOW)
    assert shared.status == BackgroundNote.Status.SHARED
    assert shared.shared_at == NOW
    assert shared.shared_by == secretariat_user
    step = note.meeting.steps.get(key="background_note")
    assert step.state == TimelineStep.State.DONE
    assert step.done_at == NOW
    assert step.done_by == secretariat_user
    # The other steps are untouched.
    assert not note.meeting.steps.exclude(key="background_note").filter(state=TimelineStep.State.DONE).exists()


def test_sharing_when_the_step_was_already_done_or_skipped_keeps_the_step(note, secretariat_user):
    step = note.meeting.steps.get(key="background_note")
    step.state, step.done_at = TimelineStep.State.NOT_NEEDED, None
    step.save()
    services.submit_for_review(note, by=secretariat_user)
    services.share_note(note, by=secretariat_user, now=NOW)
    step.refresh_from_db()
    assert step.state == TimelineStep.State.NOT_NEEDED


def test_a_draft_cannot_be_shared_without_review(note, secretariat_user):
    with pytest.raises(services.InvalidTransition):
        services.share_note(note, by=secretariat_user, now=NOW)
    note.refresh_from_db()
    assert note.status == BackgroundNote.Status.DRAFT
    assert note.meeting.steps.get(key="background_note").state == TimelineStep.State.OPEN


def test_only_a_shared_note_is_published(note, secretariat_user):
    with pytest.raises(services.InvalidTransition):
        services.publish_note(note, by=secretariat_user)
    services.submit_for_review(note, by=secretariat_user)
    services.share_note(note, by=secretariat_user, now=NOW)
    assert services.publish_note(note, by=secretariat_user).status == BackgroundNote.Status.PUBLISHED


def test_review_can_go_back_to_draft(note, secretariat_user):
    services.submit_for_review(note, by=secretariat_user)
    assert services.return_to_draft(note, by=secretariat_user).status == BackgroundNote.Status.DRAFT
    with pytest.raises(services.InvalidTransition):
        services.return_to_draft(note, by=secretariat_user)


def test_a_published_note_is_final(note, secretariat_user):
    services.submit_for_review(note, by=secretariat_user)
    services.share_note(note, by=secretariat_user, now=NOW)
    services.publish_note(note, by=secretariat_user)
    note.refresh_from_db()
    with pytest.raises(services.InvalidTransition):
        services.save_note(
            note,
            sections=f.edit_areas(note, early_warning="Late addition"),
            expected_version=note.version,
            by=secretariat_user,
        )


def test_a_stale_edit_is_refused(note, secretariat_user):
    opened = note.version
    first = BackgroundNote.objects.get(pk=note.pk)
    services.save_note(
        first, sections=f.edit_areas(note, un_plans="Mine"), expected_version=opened, by=secretariat_user
    )
    second = BackgroundNote.objects.get(pk=note.pk)
    with pytest.raises(StaleEdit):
        services.save_note(
            second, sections=f.edit_areas(note, un_plans="Theirs"), expected_version=opened, by=secretariat_user
        )
    note.refresh_from_db()
    assert [s.body for s in note.sections if s.focus_area == "un_plans"] == ["<p>Mine</p>"]


def test_every_edit_and_move_is_in_history(note, secretariat_user):
    services.save_note(
        note, sections=f.edit_areas(note, un_plans="Plans"), expected_version=note.version, by=secretariat_user
    )
    services.submit_for_review(note, by=secretariat_user)
    reasons = list(note.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert len(reasons) == 3
    assert reasons[-1] == "Sent to the co-chairs for review"


def test_invitations(note, secretariat_user):
    from meetings.tests.factories import make_state

    sweden = make_state("Sweden")
    first = services.invite_delegation(note, sweden, by=secretariat_user, now=timezone.now())
    again = services.invite_delegation(note, sweden, by=secretariat_user, now=timezone.now())
    assert first.pk == again.pk
    services.revoke_invitation(first, by=secretariat_user)
    assert not note.invitations.exists()


def test_a_second_first_save_is_a_stale_edit_not_an_error(meeting, secretariat_user):
    f.make_note(meeting)
    with pytest.raises(StaleEdit):
        services.save_note(
            BackgroundNote(meeting=meeting),
            sections=[(None, text) for text in f.focus_sections(un_plans="Mine")],
            expected_version=None,
            by=secretariat_user,
        )
    assert BackgroundNote.objects.count() == 1
    assert not NoteSection.objects.filter(body__contains="Mine").exists()

"""A summary's life: drafted, approved by every co-chair state, submitted, issued under an S/ symbol, published."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from core.concurrency import StaleEdit
from documents import services
from documents.models import Summary, SummaryApproval
from documents.tests import factories as f
from meetings.models import Meeting, TimelineStep
from meetings.tests.factories import make_meeting, make_user

NOW = datetime.datetime(2026, 12, 15, 14, 0, tzinfo=datetime.UTC)


@pytest.fixture
def greek_user(year):
    return make_user("greek", delegation="Greece")


@pytest.fixture
def summary(meeting):
    f.hold(meeting)
    return f.make_summary(meeting)


def _approve_all(summary, *users):
    for user in users:
        summary, _approval = services.approve_summary(summary, by=user, now=NOW)
    return summary


def test_creating_the_summary_of_a_held_meeting_marks_it_drafted(meeting, secretariat_user):
    f.hold(meeting)
    summary = Summary(meeting=meeting, title=services.default_summary_title(meeting))
    services.save_summary(summary, expected_version=None, by=secretariat_user)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SUMMARY_DRAFTED
    assert summary.title == (
        "Summary of the meeting of the Informal Expert Group on Women, Peace and Security on South Sudan, "
        "held on 10 December 2026"
    )


def test_each_cochair_state_approves_and_all_make_it_approved(summary, cochair_user, greek_user):
    summary, approval = services.approve_summary(summary, by=cochair_user, now=NOW)
    assert summary.status == Summary.Status.DRAFT
    assert (approval.member_state.name, approval.user, approval.approved_at) == ("Denmark", cochair_user, NOW)
    assert approval.version == summary.version
    summary, _approval = services.approve_summary(summary, by=greek_user, now=NOW)
    assert summary.status == Summary.Status.APPROVED
    assert set(summary.approvals.values_list("member_state__name", flat=True)) == {"Denmark", "Greece"}
    assert summary.meeting.steps.get(key="draft_summary").state == TimelineStep.State.DONE


def test_a_state_approves_once(summary, cochair_user):
    services.approve_summary(summary, by=cochair_user, now=NOW)
    colleague = make_user("dane2", delegation="Denmark")
    with pytest.raises(services.InvalidTransition):
        services.approve_summary(summary, by=colleague, now=NOW)
    assert SummaryApproval.objects.count() == 1


@pytest.mark.parametrize("who", ["secretariat_user", "expert_user", "other_cochair_user"])
def test_only_cochairs_of_the_year_approve(summary, who, request):
    with pytest.raises(PermissionDenied):
        services.approve_summary(summary, by=request.getfixturevalue(who), now=NOW)
    assert not SummaryApproval.objects.exists()


def test_approving_an_outdated_version_is_refused(summary, cochair_user):
    with pytest.raises(services.InvalidTransition):
        services.approve_summary(summary, by=cochair_user, now=NOW, version=summary.version - 1)


def test_an_edit_after_approval_resets_the_approvals(summary, cochair_user, greek_user, secretariat_user):
    summary = _approve_all(summary, cochair_user, greek_user)
    summary = Summary.objects.get(pk=summary.pk)
    summary.title = "A corrected title"
    services.save_summary(summary, expected_version=summary.version, by=secretariat_user)
    summary.refresh_from_db()
    assert summary.status == Summary.Status.DRAFT
    assert not summary.approvals.exists()
    # The reset is in the history of the approvals.
    assert SummaryApproval.history.filter(history_type="-").count() == 2


def test_an_edit_resets_a_partial_approval_too(summary, cochair_user, secretariat_user):
    services.approve_summary(summary, by=cochair_user, now=NOW)
    summary = Summary.objects.get(pk=summary.pk)
    summary.letter_date = datetime.date(2026, 12, 21)
    services.save_summary(summary, expected_version=summary.version, by=secretariat_user)
    assert not summary.approvals.exists()


def test_saving_without_a_change_keeps_the_approvals(summary, cochair_user, greek_user, secretariat_user):
    summary = _approve_all(summary, cochair_user, greek_user)
    summary = Summary.objects.get(pk=summary.pk)
    services.save_summary(summary, expected_version=summary.version, by=secretariat_user)
    summary.refresh_from_db()
    assert summary.status == Summary.Status.APPROVED
    assert summary.approvals.count() == 2


def test_a_stale_summary_edit_is_refused(summary, secretariat_user):
    opened = summary.version
    mine = Summary.objects.get(pk=summary.pk)
    mine.title = "Mine"
    services.save_summary(mine, expected_version=opened, by=secretariat_user)
    theirs = Summary.objects.get(pk=summary.pk)
    theirs.title = "Theirs"
    with pytest.raises(StaleEdit):
        services.save_summary(theirs, expected_version=opened, by=secretariat_user)


def test_submission_needs_all_approvals_and_moves_the_meeting(summary, cochair_user, greek_user, secretariat_user):
    with pytest.raises(services.InvalidTransition):
        services.submit_summary(summary, by=secretariat_user, now=NOW)
    summary = _approve_all(summary, cochair_user, greek_user)
    services.submit_summary(summary, by=cochair_user, now=NOW)
    summary.refresh_from_db()
    assert summary.status == Summary.Status.SUBMITTED
    assert summary.meeting.status == Meeting.Status.SUBMITTED
    assert summary.meeting.steps.get(key="submit_summary").state == TimelineStep.State.DONE
    with pytest.raises(services.InvalidTransition):
        services.save_summary(summary, expected_version=summary.version, by=secretariat_user)


def test_only_the_cochairs_and_the_secretariat_submit(summary, cochair_user, greek_user, expert_user):
    """Who may submit is the service's rule, not only the view's: a Council expert is refused, nothing moves."""
    summary = _approve_all(summary, cochair_user, greek_user)
    with pytest.raises(PermissionDenied):
        services.submit_summary(summary, by=expert_user, now=NOW)
    summary.refresh_from_db()
    assert summary.status == Summary.Status.APPROVED
    assert summary.meeting.status != Meeting.Status.SUBMITTED


def test_submission_waits_for_the_meeting_to_be_held(year, cochair_user, greek_user, secretariat_user):
    meeting = make_meeting(year, "Mali", date=datetime.date(2026, 12, 20))
    summary = _approve_all(f.make_summary(meeting), cochair_user, greek_user)
    with pytest.raises(services.InvalidTransition, match="held"):
        services.submit_summary(summary, by=secretariat_user, now=NOW)


@pytest.fixture
def submitted(summary, cochair_user, greek_user, secretariat_user):
    summary = _approve_all(summary, cochair_user, greek_user)
    return services.submit_summary(summary, by=secretariat_user, now=NOW)


@pytest.mark.parametrize(
    ("symbol", "message"),
    [
        ("", "symbol"),
        ("S/2026/", "symbol like"),
        ("A/2026/12", "S/2026/"),
        ("S/2025/12", "S/2026/"),
    ],
)
def test_issuance_validates_the_symbol(submitted, secretariat_user, symbol, message):
    with pytest.raises(services.InvalidTransition, match=message):
        services.issue_summary(submitted, symbol, by=secretariat_user, now=NOW, issue_date=datetime.date(2026, 12, 28))
    submitted.refresh_from_db()
    assert submitted.status == Summary.Status.SUBMITTED
    assert not submitted.issued_pdf


def test_a_symbol_is_used_once(submitted, secretariat_user, year):
    other = make_meeting(year, "Mali", date=datetime.date(2026, 3, 2))
    other.symbol = "S/2026/55"
    other.save()
    with pytest.raises(services.InvalidTransition, match="already used"):
        services.issue_summary(
            submitted, "S/2026/55", by=secretariat_user, now=NOW, issue_date=datetime.date(2026, 12, 28)
        )


def test_a_summary_is_not_issued_before_its_letter(submitted, secretariat_user):
    with pytest.raises(services.InvalidTransition, match="comes after the letter of 18 Dec 2026"):
        services.issue_summary(
            submitted, "S/2026/56", by=secretariat_user, now=NOW, issue_date=datetime.date(2026, 12, 17)
        )


def test_issuance_records_the_symbol_and_stores_the_pdf_then_publication(submitted, secretariat_user):
    issued = services.issue_summary(
        submitted, "S/2026/812", by=secretariat_user, now=NOW, issue_date=datetime.date(2026, 12, 28)
    )
    issued.refresh_from_db()
    assert issued.status == Summary.Status.ISSUED
    assert issued.issue_date == datetime.date(2026, 12, 28)
    assert issued.meeting.status == Meeting.Status.ISSUED
    assert issued.meeting.symbol == "S/2026/812"
    with issued.issued_pdf.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"
    published = services.publish_summary(issued, by=secretariat_user, now=NOW)
    assert published.status == Summary.Status.PUBLISHED
    published.meeting.refresh_from_db()
    assert published.meeting.status == Meeting.Status.PUBLISHED
    assert published.meeting.steps.get(key="publish_documents").state == TimelineStep.State.DONE


def test_publication_needs_issuance(submitted, secretariat_user):
    with pytest.raises(services.InvalidTransition):
        services.publish_summary(submitted, by=secretariat_user, now=NOW)

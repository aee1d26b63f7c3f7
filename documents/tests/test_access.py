"""Who reads and downloads what: drafts stay with the secretariat and co-chairs, shared notes go to the experts of
that year's Council members (and invited delegations), the public sees published material only, and every
download is logged."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from documents import services
from documents.models import DownloadLog
from documents.tests import factories as f
from documents.tests.test_uploads import PDF_BYTES
from meetings.tests.factories import make_meeting, make_state, make_user, make_year

ROLES = ["anonymous", "plain", "nonmember", "other_cochair", "expert", "cochair", "secretariat"]


@pytest.fixture
def clients(secretariat_client, cochair_client, expert_client, nonmember_client, other_cochair_user, plain_user):
    def signed_in(user):
        client = Client()
        client.force_login(user)
        return client

    return {
        "anonymous": Client(),
        "plain": signed_in(plain_user),
        "nonmember": nonmember_client,
        "other_cochair": signed_in(other_cochair_user),
        "expert": expert_client,
        "cochair": cochair_client,
        "secretariat": secretariat_client,
    }


@pytest.fixture
def greek_user(year):
    return make_user("greek", delegation="Greece")


@pytest.fixture
def note(meeting):
    return f.make_note(meeting)


def _statuses(clients, url) -> dict[str, int]:
    return {role: clients[role].get(url).status_code for role in ROLES}


def _expect(allowed: set[str]) -> dict[str, int]:
    return {role: 200 if role in allowed else (302 if role == "anonymous" else 404) for role in ROLES}


@pytest.mark.parametrize("status", ["draft", "in_review"])
def test_draft_notes_are_invisible_to_experts(clients, note, status):
    note.status = status
    note.save()
    expected = _expect({"cochair", "secretariat"})
    assert _statuses(clients, reverse("documents:note", args=[note.meeting_id])) == expected
    assert _statuses(clients, reverse("documents:note_pdf", args=[note.meeting_id])) == expected
    assert clients["anonymous"].get(reverse("documents:public_note_pdf", args=[note.meeting_id])).status_code == 404


def test_shared_notes_go_to_experts_of_that_years_council_members(clients, note, secretariat_user):
    f.share(note, by=secretariat_user)
    expected = _expect({"expert", "cochair", "secretariat"})
    assert _statuses(clients, reverse("documents:note", args=[note.meeting_id])) == expected
    assert _statuses(clients, reverse("documents:note_pdf", args=[note.meeting_id])) == expected


def test_an_expert_of_a_state_off_the_council_that_year_cannot_read(expert_client, secretariat_user, db):
    """France sits on the Council in 2026 but not in 2025."""
    agenda_year = make_year(2025, co_chairs=["Ecuador", "Malta"], council=["Ecuador", "Malta"])
    note = f.make_note(make_meeting(agenda_year, "Haiti", date=datetime.date(2025, 6, 3)))
    f.share(note, by=secretariat_user)
    assert expert_client.get(reverse("documents:note", args=[note.meeting_id])).status_code == 404
    assert expert_client.get(reverse("documents:note_pdf", args=[note.meeting_id])).status_code == 404


def test_an_invited_delegation_reads_the_shared_note(nonmember_client, note, secretariat_user):
    services.invite_delegation(note, make_state("Sweden"), by=secretariat_user, now=timezone.now())
    url = reverse("documents:note_pdf", args=[note.meeting_id])
    assert nonmember_client.get(url).status_code == 404  # invited, but still a draft
    f.share(note, by=secretariat_user)
    assert nonmember_client.get(url).status_code == 200


def test_published_notes_are_public(clients, note, secretariat_user):
    f.share(note, by=secretariat_user)
    services.publish_note(note, by=secretariat_user)
    response = clients["anonymous"].get(reverse("documents:public_note_pdf", args=[note.meeting_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_every_download_is_logged_and_the_secretariat_sees_the_log(
    note, secretariat_user, secretariat_client, expert_client, expert_user, cochair_client
):
    f.share(note, by=secretariat_user)
    url = reverse("documents:note_pdf", args=[note.meeting_id])
    before = timezone.now()
    for _ in range(2):
        response = expert_client.get(url, REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF-")
    assert DownloadLog.objects.count() == 2
    log = DownloadLog.objects.first()
    assert (log.user, log.note, log.ip) == (expert_user, note, "203.0.113.7")
    assert log.downloaded_at >= before

    page = secretariat_client.get(reverse("documents:note", args=[note.meeting_id])).content.decode()
    assert "203.0.113.7" in page
    assert "France" in page  # the expert's delegation
    # Experts and co-chairs do not see who downloaded.
    assert "203.0.113.7" not in expert_client.get(reverse("documents:note", args=[note.meeting_id])).content.decode()
    assert "203.0.113.7" not in cochair_client.get(reverse("documents:note", args=[note.meeting_id])).content.decode()
    log_url = reverse("documents:note_downloads", args=[note.meeting_id])
    assert secretariat_client.get(log_url).status_code == 200
    assert expert_client.get(log_url).status_code == 403
    assert cochair_client.get(log_url).status_code == 403


def test_pdf_download_headers(secretariat_client, note):
    response = secretariat_client.get(reverse("documents:note_pdf", args=[note.meeting_id]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="background-note-south-sudan-2026-12-10.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


# Summaries.


@pytest.fixture
def summary(meeting):
    f.hold(meeting)
    return f.make_summary(meeting)


def test_draft_summaries_are_invisible_to_experts_then_readable_once_approved(
    clients, summary, cochair_user, greek_user
):
    url = reverse("documents:summary", args=[summary.meeting_id])
    assert _statuses(clients, url) == _expect({"cochair", "secretariat"})
    assert _statuses(clients, reverse("documents:summary_pdf", args=[summary.meeting_id])) == _expect(
        {"cochair", "secretariat"}
    )
    for user in (cochair_user, greek_user):
        services.approve_summary(summary, by=user, now=timezone.now())
    assert _statuses(clients, url) == _expect({"expert", "cochair", "secretariat"})


def test_public_sees_only_the_published_summary(
    summary, cochair_user, greek_user, secretariat_user, client, django_assert_max_num_queries
):
    url = reverse("documents:public_summary_pdf", args=[summary.meeting_id])
    assert client.get(url).status_code == 404
    summary = f.issue(summary, approvers=[cochair_user, greek_user], by=secretariat_user)
    assert client.get(url).status_code == 404  # issued, not yet published
    services.publish_summary(summary, by=secretariat_user, now=timezone.now())
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Disposition"] == 'attachment; filename="S_2026_900.pdf"'
    log = DownloadLog.objects.get()
    assert (log.user, log.summary) == (None, summary)


def test_cochairs_approve_through_the_page_others_cannot(
    summary, cochair_client, secretariat_client, expert_client, other_cochair_user
):
    url = reverse("documents:summary_approve", args=[summary.meeting_id])
    data = {"version": summary.version}
    assert secretariat_client.post(url, data).status_code == 403
    assert expert_client.post(url, data).status_code == 404  # cannot even read the draft
    other = Client()
    other.force_login(other_cochair_user)
    assert other.post(url, data).status_code == 404
    assert not summary.approvals.exists()
    assert cochair_client.get(url).status_code == 405
    response = cochair_client.post(url, data)
    assert response.status_code == 302
    assert summary.approvals.get().member_state.name == "Denmark"


def test_approving_a_version_edited_meanwhile_is_refused_in_the_page(summary, cochair_client, secretariat_user):
    opened = summary.version
    summary.title = "Changed meanwhile"
    services.save_summary(summary, expected_version=opened, by=secretariat_user)
    response = cochair_client.post(
        reverse("documents:summary_approve", args=[summary.meeting_id]), {"version": opened}, follow=True
    )
    assert "changed since you opened it" in response.content.decode()
    assert not summary.approvals.exists()


# Attachments.


@pytest.fixture
def attachment(meeting, secretariat_user):
    upload = SimpleUploadedFile("Programme.pdf", PDF_BYTES)
    from documents import uploads

    return services.add_attachment(
        meeting, title="Programme", upload=upload, kind=uploads.PDF, by=secretariat_user, now=timezone.now()
    )


def test_attachments_are_restricted_like_their_meeting(clients, attachment):
    url = reverse("documents:attachment_download", args=[attachment.pk])
    assert _statuses(clients, url) == _expect({"expert", "cochair", "secretariat"})
    public = reverse("documents:public_attachment", args=[attachment.pk])
    assert clients["anonymous"].get(public).status_code == 404


def test_attachments_are_public_once_the_meeting_is_published(client, attachment):
    meeting = attachment.meeting
    meeting.status = "published"
    meeting.save()
    response = client.get(reverse("documents:public_attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Programme.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, no-cache"  # revalidated, so every download is logged
    assert DownloadLog.objects.get().attachment == attachment


def test_attachment_download_headers_and_log(expert_client, expert_user, attachment):
    response = expert_client.get(reverse("documents:attachment_download", args=[attachment.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="Programme.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    log = DownloadLog.objects.get()
    assert (log.user, log.attachment, log.ip) == (expert_user, attachment, "127.0.0.1")


def test_files_are_never_served_from_media_url(client, secretariat_client, attachment, settings):
    assert client.get(settings.MEDIA_URL + attachment.file.name).status_code == 404
    assert secretariat_client.get(settings.MEDIA_URL + attachment.file.name).status_code == 404


def test_state_changes_are_post_only(secretariat_client, note):
    for action in ("review", "share", "publish", "draft"):
        url = reverse("documents:note_action", args=[note.meeting_id, action])
        assert secretariat_client.get(url).status_code == 405
    assert secretariat_client.post(reverse("documents:note_action", args=[note.meeting_id, "nope"])).status_code == 404


@pytest.mark.parametrize("name", ["note_edit", "summary_edit", "attachment_upload"])
def test_editing_pages_are_for_the_secretariat(name, meeting, cochair_client, expert_client, client):
    url = reverse(f"documents:{name}", args=[meeting.pk])
    assert client.get(url).status_code == 302
    assert cochair_client.get(url).status_code == 403
    assert expert_client.get(url).status_code == 403

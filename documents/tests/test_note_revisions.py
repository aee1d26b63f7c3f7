"""A note already shared does not change under the experts' eyes: edits after sharing are a revised draft,
shared again on purpose (confirmed); readers are emailed that it is revised and which sections changed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from documents import services
from documents.tests import factories as f
from iegwps.celery import app as celery_app
from notifications.models import Notification

pytestmark = pytest.mark.django_db
ORIGINAL = "<p>Original participation text.</p>"
REVISED = "<p>Revised participation text.</p>"


def _edit(client, note, **areas):
    return client.post(reverse("documents:note_edit", args=[note.meeting_id]), f.note_post(note, **areas))


def _body(note, key: str) -> str:
    return next(s.body for s in note.sections if s.focus_area == key)


@pytest.fixture(autouse=True)
def _eager_celery():
    """The emails go out inline (as in notifications' tests): no broker, no worker."""
    previous = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = previous


@pytest.fixture
def shared_note(meeting, secretariat_user, expert_user, cochair_user):
    note = f.make_note(meeting, participation=ORIGINAL, early_warning="<p>Signals.</p>")
    with TestCase.captureOnCommitCallbacks(execute=True):
        f.share(note, by=secretariat_user)
    mail.outbox.clear()
    note.refresh_from_db()
    return note


def test_an_edit_after_sharing_does_not_reach_the_experts(secretariat_client, expert_client, shared_note):
    assert _edit(secretariat_client, shared_note, participation=REVISED).status_code == 302
    shared_note.refresh_from_db()
    assert _body(shared_note, "participation") == REVISED  # the working copy
    url = reverse("documents:note", args=[shared_note.meeting_id])
    expert_page = expert_client.get(url).content.decode()
    assert "Original participation text." in expert_page and "Revised participation text." not in expert_page
    staff_page = secretariat_client.get(url).content.decode()
    assert "Revised participation text." in staff_page
    assert "Revised draft, not shared yet." in staff_page and "Share the revised version" in staff_page


def test_the_expert_pdf_is_the_shared_text(secretariat_client, expert_user, shared_note):
    from documents import pdf

    _edit(secretariat_client, shared_note, participation=REVISED)
    shared_note.refresh_from_db()
    html = pdf.note_html(services.for_reader(shared_note, expert_user))
    assert "Original participation text." in html and "Revised participation text." not in html


def test_sharing_again_is_confirmed_then_experts_read_the_revision(
    secretariat_client, expert_client, shared_note, expert_user, cochair_user
):
    _edit(secretariat_client, shared_note, participation=REVISED)
    share = reverse("documents:note_action", args=[shared_note.meeting_id, "share"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = secretariat_client.post(share)
    page = response.content.decode()
    assert response.status_code == 200 and "read version 2" in page and "Women&#x27;s participation" in page
    assert shared_note.shared_versions.count() == 1 and mail.outbox == []  # not confirmed: nothing shared or sent

    with TestCase.captureOnCommitCallbacks(execute=True):
        secretariat_client.post(share, {"confirm": "1"})
    assert shared_note.shared_versions.count() == 2
    version = services.latest_shared_version(shared_note)
    assert version.changed_sections == ["Women's participation and leadership: data and trends"]
    expert_page = expert_client.get(reverse("documents:note", args=[shared_note.meeting_id])).content.decode()
    assert "Revised participation text." in expert_page
    assert "revised on" in expert_page and "What changed in version 2" in expert_page
    assert "Women&#x27;s participation and leadership" in expert_page.split("What changed in version 2")[1]

    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([expert_user.email, cochair_user.email])
    message = mail.outbox[0]
    assert message.subject.startswith("[IEG] Revised background note (version 2):")
    assert "Sections changed:" in message.body and "participation and leadership" in message.body
    html = message.alternatives[0][0]
    assert "revised version" in html and "participation and leadership" in html


def test_first_sharing_is_announced_not_as_a_revision(meeting, secretariat_user, expert_user):
    note = f.make_note(meeting)
    with TestCase.captureOnCommitCallbacks(execute=True):
        f.share(note, by=secretariat_user)
    subjects = {m.subject for m in mail.outbox}
    assert subjects == {"[IEG] Background note shared: South Sudan"}
    assert expert_user.email in {m.to[0] for m in mail.outbox}
    assert Notification.objects.filter(kind="note_shared").count() == len(mail.outbox)


def test_sharing_again_without_a_change_is_refused(secretariat_user, shared_note):
    with pytest.raises(services.InvalidTransition, match="Nothing changed since version 1"):
        services.share_note(shared_note, by=secretariat_user, now=timezone.now())
    assert shared_note.shared_versions.count() == 1


def test_publishing_waits_for_the_revision_to_be_shared(secretariat_client, secretariat_user, shared_note):
    _edit(secretariat_client, shared_note, participation=REVISED)
    shared_note.refresh_from_db()
    with pytest.raises(services.InvalidTransition, match="share the revised text first"):
        services.publish_note(shared_note, by=secretariat_user)


def test_publishing_the_note_is_confirmed(secretariat_client, client, shared_note):
    url = reverse("documents:note_action", args=[shared_note.meeting_id, "publish"])
    response = secretariat_client.post(url)
    assert response.status_code == 200 and "public website" in response.content.decode()
    shared_note.refresh_from_db()
    assert shared_note.status == "shared"
    secretariat_client.post(url, {"confirm": "1"})
    shared_note.refresh_from_db()
    assert shared_note.status == "published"


def test_a_note_shared_before_versions_were_kept_keeps_its_text_for_experts(secretariat_user, expert_user, meeting):
    note = f.make_note(meeting, participation=ORIGINAL, status="shared", shared_at=timezone.now())
    assert not note.shared_versions.exists()
    services.save_note(
        note, sections=f.edit_areas(note, participation=REVISED), expected_version=note.version, by=secretariat_user
    )
    note.refresh_from_db()
    shown = services.for_reader(note, expert_user)
    assert _body(shown, "participation") == ORIGINAL and _body(note, "participation") == REVISED


def test_the_revision_shows_in_the_note_history(secretariat_client, secretariat_user, shared_note):
    _edit(secretariat_client, shared_note, participation=REVISED)
    shared_note.refresh_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.share_note(shared_note, by=secretariat_user, now=timezone.now())
    reasons = [h.history_change_reason for h in shared_note.history.all()]
    assert "Revised text shared with Council members (version 2)" in reasons

"""Publishing a summary asks first; an issued summary cannot be stepped back past; a meeting with documents
cannot be deleted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from documents.models import Summary
from documents.tests import factories as f
from meetings import services as meeting_services
from meetings.models import Meeting
from meetings.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(meeting, cochair_user, secretariat_user):
    greek = make_user("greek", delegation="Greece")
    f.hold(meeting)
    return f.issue(f.make_summary(meeting), approvers=[cochair_user, greek], by=secretariat_user, symbol="S/2026/900")


def test_publishing_the_summary_is_confirmed(secretariat_client, client, issued):
    url = reverse("documents:summary_publish", args=[issued.meeting_id])
    response = secretariat_client.post(url)
    page = response.content.decode()
    assert response.status_code == 200 and "public website" in page and 'name="confirm" value="1"' in page
    issued.refresh_from_db()
    assert issued.status == "issued"
    assert client.get(reverse("documents:public_summary_pdf", args=[issued.meeting_id])).status_code == 404

    assert secretariat_client.post(url, {"confirm": "1"}).status_code == 302
    issued.refresh_from_db()
    assert issued.status == "published"


def test_publishing_a_summary_not_issued_is_refused_without_a_confirmation_page(secretariat_client, meeting):
    f.hold(meeting)
    summary = f.make_summary(meeting)
    response = secretariat_client.post(reverse("documents:summary_publish", args=[meeting.pk]))
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.status == Summary.Status.DRAFT


def test_an_issued_summary_cannot_be_stepped_back(secretariat_user, secretariat_client, issued):
    meeting = Meeting.objects.get(pk=issued.meeting_id)
    with pytest.raises(meeting_services.InvalidTransition, match="corrigendum"):
        meeting_services.change_status(meeting, "submitted", by=secretariat_user)
    response = secretariat_client.post(
        reverse("meetings:status", args=[meeting.pk]), {"status": "submitted", "confirm": "1"}, follow=True
    )
    assert "corrigendum" in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.status, meeting.symbol) == ("issued", "S/2026/900")


def test_a_meeting_with_a_note_cannot_be_deleted(secretariat_client, meeting):
    f.make_note(meeting)
    response = secretariat_client.post(reverse("meetings:delete", args=[meeting.pk]), {"confirm": "1"})
    assert response.status_code == 409 and "1 background note" in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists()

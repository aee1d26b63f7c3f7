"""Bad input on meeting pages: form errors next to the field with the text kept, bad filters ignored; never a 500."""

import pytest
from django.urls import reverse

from meetings.models import TimelineStep

pytestmark = pytest.mark.django_db

HUGE = "9" * 5000


def first_step(meeting):
    return meeting.steps.order_by("due").first()


@pytest.mark.parametrize("note", ["Sent\x00 by email", "n" * 501])
def test_marking_a_step_done_with_a_bad_note_is_refused_and_the_note_kept(secretariat_client, meeting, note):
    step = first_step(meeting)
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])
    response = secretariat_client.post(url, {"done-note": note})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Null characters are not allowed." in page or "at most 500 characters" in page
    assert note.replace("\x00", "")[:20] in page.replace("\x00", "")
    step.refresh_from_db()
    assert step.state == TimelineStep.State.OPEN and step.note == ""


def test_marking_a_step_done_with_a_bad_note_by_htmx_answers_with_the_reason(secretariat_client, meeting):
    step = first_step(meeting)
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "skip"])
    response = secretariat_client.post(url, {"note": "n" * 501}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "at most 500 characters" in response.content.decode()
    step.refresh_from_db()
    assert step.state == TimelineStep.State.OPEN


def test_marking_a_step_done_with_a_good_note_keeps_it(secretariat_client, meeting):
    step = first_step(meeting)
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])
    assert secretariat_client.post(url, {"done-note": "n" * 500, "version": step.version}).status_code == 302
    step.refresh_from_db()
    assert step.state == TimelineStep.State.DONE and step.note == "n" * 500


@pytest.mark.parametrize("note", ["Sent\x00 by email", "n" * 501])
def test_a_bad_step_note_on_the_edit_page_is_refused_and_kept(secretariat_client, meeting, note):
    step = first_step(meeting)
    response = secretariat_client.post(reverse("meetings:step_edit", args=[meeting.pk, step.pk]), {"note": note})
    assert response.status_code == 200
    step.refresh_from_db()
    assert step.note == ""


@pytest.mark.parametrize("value", [HUGE, "1" * 19, "²", "-5", "2026\x00"])
def test_a_bad_year_in_the_meeting_list_is_ignored(secretariat_client, meeting, value):
    response = secretariat_client.get(reverse("meetings:list"), {"year": value})
    assert response.status_code == 200
    assert meeting.situation.name in response.content.decode()  # the filter was not applied


@pytest.mark.parametrize("value", [HUGE, "1" * 19, "²", "2026\x00"])
def test_a_bad_year_or_country_on_the_new_meeting_page_is_ignored(secretariat_client, year, value):
    response = secretariat_client.get(reverse("meetings:create"), {"year": value, "situation": value})
    assert response.status_code == 200


def test_a_good_year_in_the_meeting_list_still_filters(secretariat_client, meeting, other_year):
    from meetings.tests import factories

    factories.make_meeting(other_year, "Colombia")
    page = secretariat_client.get(reverse("meetings:list"), {"year": "2019"}).content.decode()
    assert "Colombia" in page and "South Sudan" not in page

"""A summary's letter transmits the summary of a meeting already held: it cannot be dated before the meeting."""

import pytest
from django.urls import reverse

from documents.models import Summary
from documents.tests import factories as f

pytestmark = pytest.mark.django_db


def _data(**changes):
    # The meeting is on 10 Dec 2026; a new country summary has five sections, the first the introduction.
    data = f.summary_post("", ["An introduction typed by hand", "Points", "", "", ""], letter_date="2026-12-09")
    del data["version"]
    data.update(changes)
    return data


def test_a_letter_dated_before_the_meeting_is_refused_and_the_text_kept(secretariat_client, meeting):
    f.hold(meeting)
    response = secretariat_client.post(reverse("documents:summary_edit", args=[meeting.pk]), _data())
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["letter_date"] == ["The letter cannot be dated before the meeting (10 Dec 2026)."]
    html = response.content.decode()
    assert "An introduction typed by hand" in html and 'value="2026-12-09"' in html
    assert not Summary.objects.filter(meeting=meeting).exists()


def test_a_letter_dated_on_or_after_the_meeting_is_saved(secretariat_client, meeting):
    f.hold(meeting)
    response = secretariat_client.post(
        reverse("documents:summary_edit", args=[meeting.pk]), _data(letter_date="2026-12-10")
    )
    assert response.status_code == 302
    assert str(Summary.objects.get(meeting=meeting).letter_date) == "2026-12-10"

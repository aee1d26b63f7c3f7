"""A comment that cannot be saved is refused with a message next to its field, and the typed text is kept."""

import pytest
from django.urls import reverse

from approvals.models import Comment

pytestmark = pytest.mark.django_db


def post(client, meeting, text):
    url = reverse("approvals:comment_meeting", args=[meeting.agenda_year.year, meeting.pk])
    return client.post(url, {"text": text})


def test_a_nul_byte_in_a_comment_is_refused_and_the_text_kept(cochair_client, meeting):
    response = post(cochair_client, meeting, "Please check\x00 the figures.")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Null characters are not allowed." in page
    assert "Please check" in page and "the figures." in page
    assert not Comment.objects.exists()


def test_a_comment_over_4000_characters_is_refused_and_the_text_kept(cochair_client, meeting):
    text = "word " * 801  # 4,005 characters
    response = post(cochair_client, meeting, text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 4000 characters" in page
    assert text.strip() in page
    assert not Comment.objects.exists()


def test_a_comment_of_4000_characters_is_saved(cochair_client, meeting):
    response = post(cochair_client, meeting, "x" * 4000)
    assert response.status_code == 302
    assert len(Comment.objects.get().text) == 4000


def test_a_bad_comment_on_the_agenda_is_refused_too(cochair_client, year):
    response = cochair_client.post(reverse("approvals:comment_year", args=[2026]), {"text": "y" * 4001})
    assert response.status_code == 400
    assert not Comment.objects.exists()

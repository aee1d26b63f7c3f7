"""Co-chairs comment on meetings and on the agenda; Council experts never see the comments."""

import pytest
from django.urls import reverse

from approvals.models import Comment

pytestmark = pytest.mark.django_db


def post_comment(client, meeting, text):
    url = reverse("approvals:comment_meeting", args=[meeting.agenda_year.year, meeting.pk])
    return client.post(url, {"text": text})


def test_cochair_comments_on_a_meeting_and_it_shows_with_history(cochair_client, cochair_user, meeting):
    response = post_comment(cochair_client, meeting, "Please add the latest UNMISS figures on CRSV.")
    assert response.status_code == 302 and response["Location"].endswith("#comments")
    comment = Comment.objects.get()
    assert (comment.author, comment.meeting, comment.agenda_year) == (cochair_user, meeting, meeting.agenda_year)
    assert comment.history.count() == 1
    page = cochair_client.get(meeting.get_absolute_url()).content.decode()
    assert "Please add the latest UNMISS figures on CRSV." in page


def test_experts_cannot_comment_or_read_comments(expert_client, secretariat_client, meeting):
    post_comment(secretariat_client, meeting, "Internal: the note is late.")
    assert post_comment(expert_client, meeting, "Hello").status_code == 403
    assert Comment.objects.count() == 1
    page = expert_client.get(meeting.get_absolute_url()).content.decode()
    assert "Internal: the note is late." not in page
    assert "Review comments" not in page


@pytest.mark.parametrize("text", ["", "   ", " \n\t "])
def test_a_comment_of_only_spaces_is_refused_beside_the_field(cochair_client, meeting, text):
    """WCAG 3.3.1: the error sits next to the textarea, which points at it; the summary links to the field."""
    response = post_comment(cochair_client, meeting, text)
    assert response.status_code == 400
    assert not Comment.objects.exists()
    page = response.content.decode()
    assert "<title>Error: Add a comment · " in page
    assert 'aria-invalid="true"' in page and 'aria-describedby="id_text_error"' in page
    assert '<ul class="errorlist" id="id_text_error"><li>Write a comment first.</li></ul>' in page
    assert "data-error-summary" in page and 'href="#id_text"' in page


def test_comment_on_the_agenda(cochair_client, year):
    response = cochair_client.post(reverse("approvals:comment_year", args=[2026]), {"text": "Add Sudan?"})
    assert response.status_code == 302
    assert Comment.objects.get().meeting is None
    assert "Add Sudan?" in cochair_client.get(reverse("meetings:year", args=[2026])).content.decode()


def test_cochair_of_another_year_cannot_comment(other_cochair_user, meeting):
    from django.test import Client

    client = Client()
    client.force_login(other_cochair_user)
    assert post_comment(client, meeting, "x").status_code == 404

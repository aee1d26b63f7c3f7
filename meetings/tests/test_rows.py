"""The row builders (meetings.rows, the recommendations' and meetings' row tags) escape what people typed, as the
templates they replaced did, and give each row its own links and forms."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from recommendations.tests.factories import make_recommendation

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & co'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"


def test_timeline_rows_escape_notes_and_link_each_step(secretariat_client, meeting):
    steps = list(meeting.steps.order_by("pk")[:2])
    steps[0].note = HOSTILE
    steps[0].save()
    body = secretariat_client.get(meeting.get_absolute_url()).content.decode()
    assert HOSTILE not in body
    assert ESCAPED in body
    for step in steps:
        assert f'<tr id="step-{step.pk}"' in body
        assert reverse("meetings:step_edit", args=[meeting.pk, step.pk]) in body
        assert reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"]) in body


def test_the_row_htmx_swaps_in_is_the_page_row_with_its_status_message(secretariat_client, meeting):
    step = meeting.steps.filter(state="open").order_by("pk").first()
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])
    response = secretariat_client.post(url, {"version": step.version}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith(f'<tr id="step-{step.pk}" class="is-done">')
    assert 'name="csrfmiddlewaretoken"' in body
    assert reverse("meetings:step_action", args=[meeting.pk, step.pk, "reopen"]) in body
    assert f"{escape(step.get_key_display())}: done.</p></template>" in body


def test_recommendation_items_and_tables_escape_typed_text(secretariat_client, meeting):
    rec = make_recommendation(meeting, HOSTILE)
    for url in (meeting.get_absolute_url(), reverse("recommendations:tracker")):
        body = secretariat_client.get(url).content.decode()
        assert HOSTILE not in body, url
        assert ESCAPED in body, url
        assert rec.get_absolute_url() in body, url
    meeting.symbol = "<i>S/2026/1</i>&"  # a symbol holds 20 characters
    meeting.save()
    body = secretariat_client.get(reverse("meetings:year", args=[meeting.agenda_year.year])).content.decode()
    assert "<i>S/2026/1</i>" not in body
    assert "&lt;i&gt;S/2026/1&lt;/i&gt;&amp;" in body

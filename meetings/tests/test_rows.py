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


def test_the_timeline_reads_its_people_by_id_as_the_joins_did(meeting, django_assert_num_queries):
    """meetings.querysets.with_people (core.related.attach): each step's people and states are the rows the joins
    gave, in one query for the people and one for the states, and none for the states when no step names one."""
    import datetime

    from meetings.querysets import with_people
    from meetings.tests import factories

    done, helper = factories.make_user("done", delegation="Denmark"), factories.make_user("helper")
    steps = list(meeting.steps.order_by("pk"))
    steps[0].done_by, steps[0].assignee, steps[0].state = done, helper, "done"
    steps[0].done_at = datetime.datetime(2026, 11, 20, 15, 0, tzinfo=datetime.UTC)
    steps[0].save()
    steps[1].assignee = done
    steps[1].save()
    with django_assert_num_queries(2):
        read = {s.pk: s for s in with_people(meeting.steps.all())}
        assert read[steps[0].pk].done_by.delegation.name == "Denmark"
        assert (read[steps[0].pk].assignee, read[steps[1].pk].assignee, read[steps[1].pk].done_by) == (
            helper,
            done,
            None,
        )
        assert read[steps[2].pk].on_behalf_of is None
    steps[2].on_behalf_of, steps[2].recorded_by = factories.make_state("Greece"), helper
    steps[2].received_on = datetime.date(2026, 11, 2)
    steps[2].save()
    joined = {
        s.pk: s for s in meeting.steps.select_related("done_by__delegation", "assignee", "on_behalf_of", "recorded_by")
    }
    with django_assert_num_queries(3):
        read = {s.pk: s for s in with_people(meeting.steps.all())}
        assert {pk: s.done_credit for pk, s in read.items()} == {pk: s.done_credit for pk, s in joined.items()}
        assert read[steps[2].pk].on_behalf_of.name == "Greece" and read[steps[2].pk].recorded_by == helper

"""Two secretariat members record the same meeting's briefers, goals or follow-up outcomes (core.concurrency).

The second save, made on what the page showed before the first one, is refused with a clear message and keeps
what the second person typed. (Recommendations and questions: test_recommendation_views, test_meeting_record.)
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from recommendations.models import Briefer, FollowUpReview, Goal, Recommendation

from . import factories as f


def _page(response) -> str:
    return response.content.decode()


ITEMS = {
    "briefer": (
        f.make_briefer,
        Briefer,
        "name",
        lambda item: {"title": item.title, "entity": item.entity, "component": "civilian", "attendance": "in_person"},
    ),
    "goal": (f.make_goal, Goal, "text", lambda item: {"entity": item.entity, "status": "committed"}),
}


@pytest.mark.parametrize("kind", ITEMS)
def test_a_stale_edit_of_a_meeting_item_is_refused_and_keeps_the_text(
    secretariat_client, colleague_client, meeting, kind
):
    make, model, text_field, rest = ITEMS[kind]
    item = make(meeting)
    url = reverse(f"recommendations:{kind}_edit", args=[meeting.pk, item.pk])
    opened = secretariat_client.get(url).context["form"].initial["version"]
    assert colleague_client.get(url).context["form"].initial["version"] == opened
    first = secretariat_client.post(url, {**rest(item), text_field: "First wording", "version": opened})
    assert first.status_code == 302

    second = colleague_client.post(url, {**rest(item), text_field: "The colleague's wording", "version": opened})

    assert second.status_code == 200
    assert "while you were editing it" in _page(second)
    assert "The colleague&#x27;s wording" in _page(second)
    assert getattr(model.objects.get(pk=item.pk), text_field) == "First wording"


@pytest.fixture
def review_setup(meeting):
    rec = f.make_recommendation(meeting, "Open one", status=Recommendation.Status.PRESENTED)
    follow_up = f.make_follow_up(meeting, date=datetime.date(2027, 6, 10))
    return follow_up, rec


def _review_form(client, follow_up, key):
    response = client.get(reverse("recommendations:review", args=[follow_up.pk]))
    item = next(i for i in response.context["items"].recommendations if i.review_key == key)
    return item.form


def test_recording_an_outcome_a_colleague_recorded_meanwhile_is_refused_and_keeps_the_note(
    secretariat_client, colleague_client, review_setup
):
    follow_up, rec = review_setup
    key = f"recommendation-{rec.pk}"
    url = reverse("recommendations:review", args=[follow_up.pk])
    shown = _review_form(secretariat_client, follow_up, key).initial["version"]
    assert _review_form(colleague_client, follow_up, key).initial["version"] == shown
    first = secretariat_client.post(
        url, {"item": key, "outcome": "progress", "note": "Mission said so", "version": shown}
    )
    assert first.status_code == 302

    second = colleague_client.post(
        url, {"item": key, "outcome": "no_progress", "note": "The colleague's finding", "version": shown}
    )

    assert second.status_code == 200
    assert "created this follow-up review while you were writing" in _page(second)
    assert "The colleague&#x27;s finding" in _page(second)
    review = FollowUpReview.objects.get(recommendation=rec)
    assert (review.outcome, review.note) == ("progress", "Mission said so")


def test_a_stale_outcome_update_is_refused_and_keeps_the_note(secretariat_client, colleague_client, review_setup):
    follow_up, rec = review_setup
    key = f"recommendation-{rec.pk}"
    url = reverse("recommendations:review", args=[follow_up.pk])
    secretariat_client.post(url, {"item": key, "outcome": "progress", "note": "", "version": 0})
    shown = _review_form(secretariat_client, follow_up, key).initial["version"]
    assert _review_form(colleague_client, follow_up, key).initial["version"] == shown
    secretariat_client.post(url, {"item": key, "outcome": "resolved", "note": "Adopted", "version": shown})

    second = colleague_client.post(
        url, {"item": key, "outcome": "dropped", "note": "Colleague: moot", "version": shown}
    )

    assert second.status_code == 200
    assert "while you were editing it" in _page(second) and "Colleague: moot" in _page(second)
    review = FollowUpReview.objects.get(recommendation=rec)
    assert (review.outcome, review.note) == ("resolved", "Adopted")


def test_a_status_change_on_an_outdated_page_is_refused_and_keeps_the_input(
    clock, secretariat_client, colleague_client, meeting
):
    from recommendations.services import changes

    rec = f.make_recommendation(meeting)
    shown = secretariat_client.get(rec.get_absolute_url()).context["status_form"].initial["version"]
    changes.change_recommendation_status(rec, Recommendation.Status.PRESENTED, by=None, on=datetime.date(2026, 12, 10))

    response = secretariat_client.post(
        reverse("recommendations:status", args=[rec.pk]),
        {
            "to_status": "withdrawn",
            "changed_on": "2027-01-14",
            "note": "Typed before the colleague's move",
            "version": shown,
        },
    )

    assert response.status_code == 200
    assert "while you were editing it" in _page(response) and "Typed before the colleague&#x27;s move" in _page(
        response
    )
    rec.refresh_from_db()
    assert rec.status == Recommendation.Status.PRESENTED

"""The follow-up meeting lists what the earlier meeting left open and records an outcome for each item."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations.models import FollowUpReview, Goal, Recommendation
from recommendations.services import changes, reads
from recommendations.tests import factories as f

S = Recommendation.Status
NOW = datetime.datetime(2027, 6, 10, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def earlier(meeting):
    """The 10 Dec 2026 meeting with open and closed items of each kind."""
    items = {
        "open_rec": f.make_recommendation(meeting, "Open one", status=S.PRESENTED),
        "in_part_rec": f.make_recommendation(meeting, "Partly acted on", status=S.ACTED_ON_IN_PART),
        "closed_rec": f.make_recommendation(meeting, "Done", status=S.ACTED_ON),
        "withdrawn_rec": f.make_recommendation(meeting, "Withdrawn", status=S.WITHDRAWN),
        "owed": f.make_question(meeting, text="Owed?", answer_due=datetime.date(2027, 1, 10)),
        "received": f.make_question(
            meeting,
            text="Received?",
            answer_due=datetime.date(2027, 1, 10),
            answer="Yes.",
            answered_on=datetime.date(2027, 1, 5),
        ),
        "at_meeting": f.make_question(meeting, text="At the meeting?", answered_at_meeting=True),
        "open_goal": f.make_goal(meeting, "Open goal"),
        "done_goal": f.make_goal(meeting, "Done goal", status=Goal.Status.ACHIEVED),
    }
    return meeting, items


@pytest.fixture
def follow_up(earlier):
    return f.make_follow_up(earlier[0], date=datetime.date(2027, 6, 10))


def test_lists_open_recommendations_owed_answers_and_open_goals(earlier, follow_up, secretariat_user):
    _meeting, items = earlier
    listed = reads.follow_up_items(follow_up, user=secretariat_user)
    assert listed.applies
    assert [r.text for r in listed.recommendations] == ["Open one", "Partly acted on"]
    assert [q.text for q in listed.questions] == ["Owed?"]
    assert [g.text for g in listed.goals] == ["Open goal"]
    assert listed.count == 4 and listed.reviewed_count == 0
    assert all(item.review is None for item in listed.recommendations)


def test_not_a_follow_up_lists_nothing(earlier, secretariat_user):
    meeting, _items = earlier
    listed = reads.follow_up_items(meeting, user=secretariat_user)
    assert not listed.applies and listed.count == 0


def test_record_review_creates_then_revises_one_row(earlier, follow_up, secretariat_user):
    _meeting, items = earlier
    changes.record_review(
        follow_up=follow_up, item=items["open_rec"], outcome="progress", note=" Some ", by=secretariat_user, now=NOW
    )
    review = changes.record_review(
        follow_up=follow_up, item=items["open_rec"], outcome="resolved", note="Done", by=secretariat_user, now=NOW
    )
    assert FollowUpReview.objects.count() == 1
    assert (review.outcome, review.note, review.reviewed_by, review.reviewed_at) == (
        "resolved",
        "Done",
        secretariat_user,
        NOW,
    )
    assert review.history.count() == 2
    listed = reads.follow_up_items(follow_up, user=secretariat_user)
    assert listed.recommendations[0].review == review
    assert listed.reviewed_count == 1


def test_reviewed_item_stays_listed_once_closed(earlier, follow_up, secretariat_user):
    _meeting, items = earlier
    changes.record_review(follow_up=follow_up, item=items["owed"], outcome="resolved", by=None, now=NOW)
    changes.record_review(follow_up=follow_up, item=items["open_goal"], outcome="resolved", by=None, now=NOW)
    items["owed"].answer, items["owed"].answered_on = "Answered.", datetime.date(2027, 2, 1)
    items["owed"].save()
    Goal.objects.filter(pk=items["open_goal"].pk).update(status=Goal.Status.ACHIEVED)
    listed = reads.follow_up_items(follow_up, user=secretariat_user)
    assert [q.text for q in listed.questions] == ["Owed?"]
    assert [g.text for g in listed.goals] == ["Open goal"]


def test_a_later_follow_up_still_sees_what_the_chain_left_open(earlier, follow_up, secretariat_user):
    second = f.make_follow_up(follow_up, date=datetime.date(2027, 12, 10))
    new_rec = f.make_recommendation(follow_up, "From the first follow-up", status=S.PRESENTED)
    listed = reads.follow_up_items(second, user=secretariat_user)
    assert {r.text for r in listed.recommendations} == {"Open one", "Partly acted on", new_rec.text}


@pytest.mark.parametrize("bad", ["unknown", ""])
def test_unknown_outcome_is_refused(earlier, follow_up, bad):
    with pytest.raises(changes.ReviewError, match="Unknown outcome"):
        changes.record_review(follow_up=follow_up, item=earlier[1]["open_rec"], outcome=bad, by=None, now=NOW)
    assert not FollowUpReview.objects.exists()


def test_item_from_another_meeting_is_refused(earlier, follow_up, year):
    other = f.make_recommendation(follow_up, "Not earlier: made at the follow-up itself")
    with pytest.raises(changes.ReviewError, match="does not come from the meeting being followed up"):
        changes.record_review(follow_up=follow_up, item=other, outcome="progress", by=None, now=NOW)


def test_only_a_follow_up_meeting_reviews(earlier):
    meeting, items = earlier
    with pytest.raises(changes.ReviewError, match="Only a follow-up meeting"):
        changes.record_review(follow_up=meeting, item=items["open_rec"], outcome="progress", by=None, now=NOW)


# --- The review page -------------------------------------------------------------------------------------------


def _url(meeting):
    return reverse("recommendations:review", args=[meeting.pk])


def test_page_lists_items_with_forms_for_the_secretariat(secretariat_client, earlier, follow_up):
    response = secretariat_client.get(_url(follow_up))
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("Open one", "Partly acted on", "Owed?", "Open goal"):
        assert text in body
    for text in ("Received?", "Done goal", "At the meeting?"):
        assert text not in body
    assert body.count('name="outcome"') == 4
    assert f'id="id_recommendation-{earlier[1]["open_rec"].pk}_outcome"' in body  # ids unique per item


def test_page_is_read_only_for_a_council_expert(expert_client, earlier, follow_up):
    response = expert_client.get(_url(follow_up))
    assert response.status_code == 200
    assert 'name="outcome"' not in response.content.decode()
    assert "Not reviewed yet" in response.content.decode()


def test_page_is_hidden_from_others(nonmember_client, client, earlier, follow_up):
    assert nonmember_client.get(_url(follow_up)).status_code == 404
    assert client.get(_url(follow_up)).status_code == 302  # to sign in


def test_post_records_the_outcome(secretariat_client, secretariat_user, earlier, follow_up):
    rec = earlier[1]["open_rec"]
    response = secretariat_client.post(
        _url(follow_up), {"item": f"recommendation-{rec.pk}", "outcome": "progress", "note": "Mandate draft has it."}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-recommendation-{rec.pk}")
    review = FollowUpReview.objects.get()
    assert (review.recommendation, review.outcome, review.note, review.reviewed_by) == (
        rec,
        "progress",
        "Mandate draft has it.",
        secretariat_user,
    )
    assert review.history.get().history_user == secretariat_user


def test_post_without_outcome_keeps_the_note_and_saves_nothing(secretariat_client, earlier, follow_up):
    rec = earlier[1]["open_rec"]
    response = secretariat_client.post(
        _url(follow_up), {"item": f"recommendation-{rec.pk}", "outcome": "", "note": "My careful note"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose an outcome." in body
    assert "My careful note" in body
    assert not FollowUpReview.objects.exists()


def test_post_with_unknown_outcome_says_so(secretariat_client, earlier, follow_up):
    goal = earlier[1]["open_goal"]
    response = secretariat_client.post(_url(follow_up), {"item": f"goal-{goal.pk}", "outcome": "great"})
    assert "Unknown outcome “great”" in response.content.decode()
    assert not FollowUpReview.objects.exists()


@pytest.mark.parametrize("key", ["recommendation-999999", "meeting-1", "nonsense"])
def test_post_with_a_foreign_item_is_refused(secretariat_client, earlier, follow_up, key):
    response = secretariat_client.post(_url(follow_up), {"item": key, "outcome": "progress"})
    assert response.status_code == 200
    assert "Nothing was recorded." in response.content.decode()
    assert not FollowUpReview.objects.exists()


def test_post_by_a_cochair_is_forbidden(cochair_client, earlier, follow_up):
    rec = earlier[1]["open_rec"]
    response = cochair_client.post(_url(follow_up), {"item": f"recommendation-{rec.pk}", "outcome": "progress"})
    assert response.status_code == 403
    assert not FollowUpReview.objects.exists()


@pytest.mark.parametrize("rows", [10, 200])
def test_review_page_query_count_is_constant(secretariat_client, meeting, rows, django_assert_max_num_queries):
    follow_up = f.make_follow_up(meeting, date=datetime.date(2027, 6, 10))
    f.bulk_recommendations([meeting], rows, status=S.PRESENTED)
    for _ in range(3):
        f.make_question(meeting, answer_due=datetime.date(2027, 1, 10))
        f.make_goal(meeting)
    changes.record_review(
        follow_up=follow_up, item=meeting.recommendations.first(), outcome="progress", by=None, now=timezone.now()
    )
    # session, user, groups (secretariat), meeting, chain (1 per link), reviews, recommendations, questions, goals,
    # and the letters of the earlier meetings' recommendations (lettering: their groups, their recommendations)
    with django_assert_max_num_queries(11):
        response = secretariat_client.get(_url(follow_up))
    assert response.content.decode().count('name="outcome"') == rows + 6


@pytest.mark.parametrize("rows", [10, 200])
def test_meeting_page_panel_query_count_is_constant(secretariat_client, meeting, rows, django_assert_max_num_queries):
    follow_up = f.make_follow_up(meeting, date=datetime.date(2027, 6, 10))
    f.bulk_recommendations([meeting], rows, status=S.PRESENTED)
    f.bulk_recommendations([follow_up], rows)
    # The meeting page's own queries (about 11, with other apps' panels) plus this section's thirteen: briefers,
    # questions, goals, recommendations and their letters (groups, recommendations), the chain link, reviews, the
    # three kinds of open items and their letters (groups, recommendations).
    with django_assert_max_num_queries(28):
        response = secretariat_client.get(reverse("meetings:detail", args=[follow_up.pk]))
    body = response.content.decode()
    assert "Open items from the earlier meeting" in body
    assert f"0/{rows}" in body

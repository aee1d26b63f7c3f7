"""A meeting's briefing record (briefers, questions, goals) and its lettered recommendations on the meeting page."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.tests import factories as mf
from recommendations.lettering import letter_label
from recommendations.models import Briefer, CouncilQuestion, Goal
from recommendations.services import changes, reads
from recommendations.tests import factories as f

D = datetime.date


@pytest.mark.parametrize(
    ("index", "expected"), [(0, "(a)"), (1, "(b)"), (25, "(z)"), (26, "(aa)"), (27, "(bb)"), (52, "(aaa)")]
)
def test_letters(index, expected):
    """Council documents letter on from (z) with doubled letters: (aa), (bb) ..."""
    assert letter_label(index) == expected


def _detail(client, meeting):
    return client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()


def test_meeting_page_letters_recommendations_in_order(secretariat_client, meeting):
    second = f.make_recommendation(meeting, "Second one")
    first = f.make_recommendation(meeting, "First one")
    first.order, second.order = 1, 2
    first.save()
    second.save()
    body = _detail(secretariat_client, meeting)
    assert body.index("(a)") < body.index("First one") < body.index("(b)") < body.index("Second one")


def test_thematic_meeting_shows_its_source_note_with_the_recommendations(expert_client, year):
    thematic = mf.make_meeting(
        year,
        None,
        kind=Meeting.Kind.THEMATIC,
        date=D(2026, 11, 16),
        source_note="Suggestions from UN participants, not recommendations of the IEG as a whole.",
    )
    f.make_recommendation(thematic, "Fund protection advisers", status="presented")
    body = _detail(expert_client, thematic)
    assert f'aria-describedby="source-note-{thematic.pk}"' in body
    assert f'<p class="footnote" id="source-note-{thematic.pk}"><sup>*</sup> Suggestions from UN participants' in body


def test_meeting_page_empty_states_say_what_to_do(secretariat_client, expert_client, meeting):
    body = _detail(secretariat_client, meeting)
    assert "Add the first key recommendation" in body
    assert "Record briefers, questions and goals" in body
    expert_body = _detail(expert_client, meeting)
    assert "No recommendations recorded for this meeting." in expert_body
    assert "Add the first key recommendation" not in expert_body


def test_meeting_page_briefing_summary(expert_client, meeting):
    f.make_briefer(meeting, "Jane Example")
    f.make_question(meeting, answer_due=D(2027, 1, 10))
    f.make_goal(meeting)
    body = _detail(expert_client, meeting)
    assert "Jane Example, Deputy Special Representative (UNMISS)" in body
    assert "1 written answer owed" in body


# --- The briefing and outcomes page ----------------------------------------------------------------------------


def _outcomes(meeting):
    return reverse("recommendations:meeting", args=[meeting.pk])


def test_outcomes_page_by_role(secretariat_client, expert_client, nonmember_client, client, meeting):
    f.make_question(meeting, text="Who protects the protectors?")
    sec = secretariat_client.get(_outcomes(meeting))
    assert sec.status_code == 200
    assert "Who protects the protectors?" in sec.content.decode()
    assert reverse("recommendations:question_add", args=[meeting.pk]) in sec.content.decode()
    expert = expert_client.get(_outcomes(meeting))
    assert expert.status_code == 200
    assert reverse("recommendations:question_add", args=[meeting.pk]) not in expert.content.decode()
    assert nonmember_client.get(_outcomes(meeting)).status_code == 404
    assert client.get(_outcomes(meeting)).status_code == 302


@pytest.mark.parametrize("rows", [10, 200])
def test_outcomes_page_query_count_is_constant(secretariat_client, meeting, rows, django_assert_max_num_queries):
    f.bulk_recommendations([meeting], rows, target_mission=f.make_mission(), owner=mf.make_user("owner"))
    france = mf.make_state("France")
    CouncilQuestion.objects.bulk_create(
        CouncilQuestion(meeting=meeting, delegation=france, text=f"Q{i}", order=i) for i in range(rows)
    )
    Goal.objects.bulk_create(Goal(meeting=meeting, text=f"G{i}", entity="UNMISS", order=i) for i in range(rows))
    Briefer.objects.bulk_create(
        Briefer(meeting=meeting, name=f"B{i}", title="T", entity="E", order=i) for i in range(rows)
    )
    # session, user, groups, meeting; briefers, questions, goals, recommendations; their letters (lettering: the
    # meeting's groups of recommendations, its recommendations)
    with django_assert_max_num_queries(10):
        response = secretariat_client.get(_outcomes(meeting))
    assert response.content.decode().count("Bulk recommendation") == rows


# --- Adding and editing briefers, questions, goals -------------------------------------------------------------


def test_add_briefer(secretariat_client, secretariat_user, meeting):
    url = reverse("recommendations:briefer_add", args=[meeting.pk])
    data = {"name": "Ana Example", "title": "Force Commander", "entity": "UNMISS", "component": "military"}
    response = secretariat_client.post(url, {**data, "attendance": "in_person"})
    assert response.status_code == 302
    assert response["Location"].endswith("#briefing")
    briefer = meeting.briefers.get()
    assert (briefer.name, briefer.component, briefer.attendance, briefer.order) == (
        "Ana Example",
        "military",
        "in_person",
        1,
    )
    assert briefer.history.get().history_user == secretariat_user


def test_add_briefer_without_title_keeps_input(secretariat_client, meeting):
    url = reverse("recommendations:briefer_add", args=[meeting.pk])
    response = secretariat_client.post(
        url, {"name": "Ana Example", "title": " ", "entity": "UNMISS", "component": "police", "attendance": "x"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "This field is required." in body
    assert "Select a valid choice." in body
    assert 'value="Ana Example"' in body
    assert not Briefer.objects.exists()


def _question(**overrides):
    data = {
        "delegation": "",
        "text": "What is the mission doing about attacks on women human rights defenders?",
        "answer_due": "",
        "answer": "",
        "answered_on": "",
    }
    data.update(overrides)
    return data


def test_add_question_with_a_written_answer_owed(secretariat_client, meeting):
    france = mf.make_state("France")
    url = reverse("recommendations:question_add", args=[meeting.pk])
    response = secretariat_client.post(url, _question(delegation=france.pk, answer_due="2027-01-10"))
    assert response.status_code == 302
    question = meeting.questions.get()
    assert (question.delegation, question.answer_due, question.awaits_written_answer) == (
        france,
        D(2027, 1, 10),
        True,
    )


def test_question_delegations_are_the_council_members_of_the_year(secretariat_client, meeting):
    mf.make_state("Sweden")
    response = secretariat_client.get(reverse("recommendations:question_add", args=[meeting.pk]))
    names = {str(s) for s in response.context["form"].fields["delegation"].queryset}
    assert names == {"Denmark", "Greece", "France"}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": "   "}, "This field is required."),
        ({"answered_at_meeting": "on", "answer_due": "2027-01-10"}, "owes no written answer"),
        ({"answer_due": "2026-12-01"}, "cannot be due before the meeting (10 Dec 2026)"),
        ({"answer_due": "2027-01-10", "answered_on": "2027-01-05"}, "Enter the answer that was received."),
        ({"answer": "Yes", "answered_on": "2026-12-01"}, "cannot arrive before the meeting"),
        ({"answer_due": "10/01/2027x"}, "Enter a valid date."),
        ({"delegation": "999999"}, "Select a valid choice."),
    ],
)
def test_bad_question_input_gives_a_form_error_and_changes_nothing(secretariat_client, meeting, overrides, message):
    france = mf.make_state("France")
    url = reverse("recommendations:question_add", args=[meeting.pk])
    response = secretariat_client.post(url, _question(**{"delegation": france.pk, **overrides}))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "Nothing was saved yet; your input is kept." in body or "Please correct the problems below." in body
    if overrides.get("text") is None:
        assert "attacks on women human rights defenders" in body
    assert not CouncilQuestion.objects.exists()


def test_stale_edit_of_a_question_is_refused_and_keeps_the_text(secretariat_client, meeting):
    question = f.make_question(meeting, text="Original")
    url = reverse("recommendations:question_edit", args=[meeting.pk, question.pk])
    form_version = question.version
    changes.save_edit(question, expected_version=None, by=None)  # someone else saved meanwhile
    response = secretariat_client.post(
        url, _question(delegation=question.delegation_id, text="My rewrite", version=form_version)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else saved this" in body
    assert "My rewrite" in body
    assert CouncilQuestion.objects.get().text == "Original"


def test_edit_question_records_the_answer(secretariat_client, meeting):
    question = f.make_question(meeting, text="Owed", answer_due=D(2027, 1, 10))
    url = reverse("recommendations:question_edit", args=[meeting.pk, question.pk])
    response = secretariat_client.post(
        url,
        _question(
            delegation=question.delegation_id,
            text="Owed",
            answer_due="2027-01-10",
            answer="Here it is.",
            answered_on="2027-01-08",
            version=question.version,
        ),
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.answer, question.answered_on, question.version) == ("Here it is.", D(2027, 1, 8), 2)


def test_goal_reported_at_must_be_a_later_meeting(secretariat_client, meeting, year):
    earlier = mf.make_meeting(year, "South Sudan", date=D(2026, 6, 1))
    later = f.make_follow_up(meeting, date=D(2027, 6, 10))
    url = reverse("recommendations:goal_add", args=[meeting.pk])
    data = {"text": "Deploy advisers", "entity": "UNMISS", "status": "committed"}
    response = secretariat_client.post(url, {**data, "reported_at": earlier.pk})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not Goal.objects.exists()
    response = secretariat_client.post(url, {**data, "reported_at": later.pk, "status": "achieved"})
    assert response.status_code == 302
    assert Goal.objects.get().reported_at == later


def test_delete_briefer_and_protect_reviewed_goal(secretariat_client, meeting):
    briefer = f.make_briefer(meeting)
    goal = f.make_goal(meeting)
    follow_up = f.make_follow_up(meeting)
    changes.record_review(
        follow_up=follow_up, item=goal, outcome="progress", by=None, now=datetime.datetime.now(datetime.UTC)
    )
    secretariat_client.post(reverse("recommendations:briefer_delete", args=[meeting.pk, briefer.pk]))
    assert not Briefer.objects.exists()
    response = secretariat_client.post(reverse("recommendations:goal_delete", args=[meeting.pk, goal.pk]), follow=True)
    assert "It was reviewed at a follow-up meeting, so it stays on record." in response.content.decode()
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_delete_needs_post(secretariat_client, meeting):
    briefer = f.make_briefer(meeting)
    assert (
        secretariat_client.get(reverse("recommendations:briefer_delete", args=[meeting.pk, briefer.pk])).status_code
        == 405
    )


@pytest.mark.parametrize("name", ["briefer_add", "question_add", "goal_add", "add"])
def test_only_the_secretariat_edits(cochair_client, expert_client, client, meeting, name):
    url = reverse(f"recommendations:{name}", args=[meeting.pk])
    assert cochair_client.get(url).status_code == 403
    assert expert_client.post(url, {"text": "x"}).status_code == 403
    assert client.get(url).status_code == 302


def test_proposed_recommendations_stay_drafts_for_experts_until_the_note_is_shared(
    meeting, expert_user, cochair_user, secretariat_user
):
    """The meeting record and a follow-up's review list go through the permission layer: a recommendation
    still only proposed is a draft for Council experts until its meeting's background note is shared."""
    from documents.tests import factories as docs

    f.make_recommendation(meeting, "Presented one", status="presented")
    f.make_recommendation(meeting, "Proposed one")
    follow_up = f.make_follow_up(meeting, date=D(2027, 6, 10))
    note = docs.make_note(meeting, status="draft")

    def shown(user):
        record = [r.text for r in reads.meeting_record(meeting, user=user).recommendations]
        review = [r.text for r in reads.follow_up_items(follow_up, user=user).recommendations]
        return record, review

    assert shown(expert_user) == (["Presented one"], ["Presented one"])
    assert shown(cochair_user) == shown(secretariat_user) == (["Presented one", "Proposed one"],) * 2
    note.status, note.shared_at = "shared", datetime.datetime(2027, 1, 5, 15, tzinfo=datetime.UTC)
    note.save()
    assert shown(expert_user) == (["Presented one", "Proposed one"],) * 2


def test_visibility_column_agrees_with_the_visible_queryset_for_every_role(
    meeting, other_year, secretariat_user, cochair_user, other_cochair_user, expert_user, nonmember_user, plain_user
):
    """The meeting page reads a meeting's recommendations once, each marked ``shown`` (the document's letters need
    them all): for every role that mark is exactly ``visible_to``, drafts and other years' meetings included."""
    from recommendations.models import Recommendation

    older = mf.make_meeting(other_year, "Mali", date=D(2019, 5, 1))
    for m in (meeting, older):
        f.make_recommendation(m, "A draft")
        f.make_recommendation(m, "Presented", status=Recommendation.Status.PRESENTED)
        f.make_recommendation(m, "Withdrawn", status=Recommendation.Status.WITHDRAWN)
    seen = {}
    for user in (secretariat_user, cochair_user, other_cochair_user, expert_user, nonmember_user, plain_user):
        visible = set(Recommendation.objects.visible_to(user).values_list("pk", flat=True))
        shown = {rec.pk for rec in Recommendation.objects.with_visibility(user) if rec.shown}
        assert shown == visible, user.username
        record = reads.meeting_record(meeting, user=user)
        assert {rec.pk for rec in record.recommendations} == visible & {r.pk for r in meeting.recommendations.all()}
        seen[user.username] = sorted(Recommendation.objects.filter(pk__in=visible).values_list("text", flat=True))
    # The roles differ, so the agreement above is not the trivial one.
    assert seen["sec"] == ["A draft", "A draft", "Presented", "Presented", "Withdrawn", "Withdrawn"]
    # France sits on the Council in both years of the fixtures; drafts stay hidden (no note is shared).
    assert seen["expert"] == ["Presented", "Presented", "Withdrawn", "Withdrawn"]
    assert seen["visitor"] == []

"""Adding, editing and moving a recommendation through the pages; bad input gives form errors and changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from recommendations.models import Recommendation, StatusChange
from recommendations.services import changes
from recommendations.tests import factories as f

D = datetime.date
S = Recommendation.Status


def _form(**overrides):
    data = {
        "text": "Strengthen mandate language on women's participation in the ceasefire mechanisms.",
        "source": "background_note",
        "addressee": "security_council",
        "action_type": "mandate_language",
        "target_mission": "",
        "owner": "",
        "next_review": "",
    }
    data.update(overrides)
    return data


# --- Add and edit ----------------------------------------------------------------------------------------------


def test_add_recommendation(secretariat_client, secretariat_user, meeting):
    f.make_recommendation(meeting, "Already there")
    mission = f.make_mission()
    url = reverse("recommendations:add", args=[meeting.pk])
    response = secretariat_client.post(
        url, _form(target_mission=mission.pk, owner=secretariat_user.pk, next_review="2027-03-01")
    )
    assert response.status_code == 302
    rec = meeting.recommendations.get(order=2)
    assert response["Location"].endswith(f"#rec-{rec.pk}")
    assert (rec.status, rec.target_mission, rec.owner, rec.next_review) == (
        S.PROPOSED,
        mission,
        secretariat_user,
        D(2027, 3, 1),
    )
    assert rec.history.get().history_user == secretariat_user


def test_add_another(secretariat_client, meeting):
    url = reverse("recommendations:add", args=[meeting.pk])
    response = secretariat_client.post(url, _form(add_another="1"))
    assert response["Location"] == url


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": ""}, "Enter the recommendation&#x27;s text."),
        ({"text": "   \n "}, "Enter the recommendation&#x27;s text."),
        ({"next_review": "2026-12-01"}, "The next review cannot come before the meeting (10 Dec 2026)."),
        ({"next_review": "2026-13-45"}, "Enter a valid date."),
        ({"action_type": "declare_war"}, "Select a valid choice."),
        ({"status": "acted_on", "next_review": "2026-12-01"}, "cannot come before the meeting"),
    ],
)
def test_bad_input_keeps_what_was_typed_and_saves_nothing(secretariat_client, meeting, overrides, message):
    url = reverse("recommendations:add", args=[meeting.pk])
    data = _form(**overrides)
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    if data["text"].strip():
        assert "ceasefire mechanisms" in body
    if overrides.get("next_review"):
        assert f'value="{overrides["next_review"]}"' in body
    assert not Recommendation.objects.exists()


def test_edit_recommendation_and_its_position(secretariat_client, meeting):
    rec = f.make_recommendation(meeting, "Old text")
    url = reverse("recommendations:edit", args=[rec.pk])
    response = secretariat_client.post(url, _form(text="New text", order="3", version=rec.version))
    assert response.status_code == 302
    rec.refresh_from_db()
    assert (rec.text, rec.order, rec.version, rec.status) == ("New text", 3, 2, S.PROPOSED)
    assert rec.history.first().text == "New text"


def test_stale_edit_is_refused_and_keeps_the_text(secretariat_client, meeting):
    rec = f.make_recommendation(meeting, "Original")
    opened = rec.version
    changes.change_recommendation_status(rec, S.PRESENTED, by=None, on=D(2026, 12, 10))  # bumps the version
    response = secretariat_client.post(
        reverse("recommendations:edit", args=[rec.pk]), _form(text="My careful rewrite", order="1", version=opened)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else saved this recommendation" in body
    assert "My careful rewrite" in body
    rec.refresh_from_db()
    assert (rec.text, rec.status) == ("Original", S.PRESENTED)


# --- Detail and status -----------------------------------------------------------------------------------------


def test_detail_by_role(secretariat_client, expert_client, nonmember_client, client, meeting):
    f.make_recommendation(meeting, "First")
    rec = f.make_recommendation(meeting, "Second")
    url = rec.get_absolute_url()
    sec = secretariat_client.get(url)
    assert sec.status_code == 200
    body = sec.content.decode()
    assert "Recommendation (b)" in body
    assert 'action="{}"'.format(reverse("recommendations:status", args=[rec.pk])) in body
    options = [value for value, _label in sec.context["status_form"].fields["to_status"].widget.choices]
    assert options == ["", S.PRESENTED, S.WITHDRAWN]
    assert expert_client.get(url).status_code == 404  # still only proposed: a draft
    rec.status = S.PRESENTED
    rec.save()
    expert = expert_client.get(url)
    assert expert.status_code == 200
    assert reverse("recommendations:status", args=[rec.pk]) not in expert.content.decode()
    assert nonmember_client.get(url).status_code == 404
    assert client.get(url).status_code == 302


def _status(**overrides):
    data = {
        "to_status": "presented",
        "changed_on": "2026-12-10",
        "resolution_symbol": "",
        "operative_paragraph": "",
        "evidence_date": "",
        "link": "",
        "note": "",
    }
    data.update(overrides)
    return data


def test_status_change_through_the_page(clock, secretariat_client, secretariat_user, meeting):
    rec = f.make_recommendation(meeting, status=S.PRESENTED)
    response = secretariat_client.post(
        reverse("recommendations:status", args=[rec.pk]),
        _status(
            version=rec.version,
            to_status="acted_on_in_part",
            changed_on="2027-01-14",
            resolution_symbol="S/RES/2801 (2027)",
            operative_paragraph="OP 7",
            evidence_date="2027-01-13",
            link="https://press.un.org/en/2027/sc0000.doc.htm",
        ),
    )
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == S.ACTED_ON_IN_PART
    change = StatusChange.objects.get()
    assert (change.changed_by, change.changed_on, change.resolution_symbol, change.evidence_date) == (
        secretariat_user,
        D(2027, 1, 14),
        "S/RES/2801 (2027)",
        D(2027, 1, 13),
    )
    history = rec.history.first()
    assert (history.history_user, history.history_change_reason) == (
        secretariat_user,
        "Status: Presented → Acted on in part",
    )
    page = secretariat_client.get(rec.get_absolute_url()).content.decode()
    assert "S/RES/2801 (2027), OP 7" in page


@pytest.mark.parametrize(
    ("start", "overrides", "message"),
    [
        (S.PROPOSED, {"to_status": "acted_on", "note": "Keep me"}, "“Proposed” cannot become “Acted on”"),
        (S.ACTED_ON, {"to_status": "presented", "note": "Keep me"}, "“Acted on” is final"),
        (S.PROPOSED, {"to_status": "adopted", "note": "Keep me"}, "Unknown status “adopted”"),
        (S.PROPOSED, {"to_status": "", "note": "Keep me"}, "Choose the new status."),
        (S.PROPOSED, {"changed_on": "2027-02-01", "note": "Keep me"}, "The date cannot be in the future."),
        (S.PROPOSED, {"changed_on": "2026-12-01", "note": "Keep me"}, "is before the meeting of 10 Dec 2026"),
        (S.PROPOSED, {"changed_on": "yesterday", "note": "Keep me"}, "Enter a valid date."),
        (
            S.PROPOSED,
            {"evidence_date": "2026-12-11", "note": "Keep me"},
            "The evidence cannot be dated after the change it supports.",
        ),
        (S.PROPOSED, {"resolution_symbol": "Res 2801", "note": "Keep me"}, "Enter a resolution like S/RES/2800"),
        (S.PROPOSED, {"link": "javascript:alert(1)", "note": "Keep me"}, "Enter a valid URL."),
        (S.PRESENTED, {"to_status": "acted_on", "operative_paragraph": "Keep me"}, "give a resolution symbol"),
    ],
)
def test_bad_status_input_is_a_form_error_and_changes_nothing(
    clock, secretariat_client, meeting, start, overrides, message
):
    rec = f.make_recommendation(meeting, status=start)
    response = secretariat_client.post(
        reverse("recommendations:status", args=[rec.pk]), _status(version=rec.version, **overrides)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "Keep me" in body
    rec.refresh_from_db()
    assert rec.status == start
    assert not StatusChange.objects.exists()


def test_status_change_needs_post_and_the_secretariat(clock, secretariat_client, cochair_client, meeting):
    rec = f.make_recommendation(meeting)
    url = reverse("recommendations:status", args=[rec.pk])
    assert secretariat_client.get(url).status_code == 405
    assert cochair_client.post(url, _status()).status_code == 403
    assert Recommendation.objects.get().status == S.PROPOSED


def test_history_page(secretariat_client, cochair_client, meeting, secretariat_user):
    rec = f.make_recommendation(meeting, "Tracked")
    changes.change_recommendation_status(rec, S.PRESENTED, by=secretariat_user, on=D(2026, 12, 10))
    follow_up = f.make_follow_up(meeting)
    changes.record_review(
        follow_up=follow_up,
        item=rec,
        outcome="progress",
        by=None,
        now=datetime.datetime(2027, 6, 1, tzinfo=datetime.UTC),
    )
    url = reverse("recommendations:history", args=[rec.pk])
    response = secretariat_client.get(url)
    assert response.status_code == 200
    kinds = [entry.object_label.split(":")[0] for entry in response.context["entries"]]
    assert kinds.count("Recommendation") == 2
    assert "Status change" in kinds and "Follow-up review" in kinds
    assert "Status: Proposed → Presented" in response.content.decode()
    assert cochair_client.get(url).status_code == 403


@pytest.mark.parametrize("rows", [10, 200])
def test_detail_query_count_is_constant(secretariat_client, meeting, rows, django_assert_max_num_queries):
    rec = f.make_recommendation(meeting, status=S.PRESENTED, target_mission=f.make_mission())
    StatusChange.objects.bulk_create(
        StatusChange(recommendation=rec, from_status=S.PROPOSED, to_status=S.PRESENTED, changed_on=D(2026, 12, 10))
        for _ in range(rows)
    )
    # session, user, groups, recommendation (meeting, year, country, mission, owner), its letter (lettering: the
    # meeting's groups, its recommendations), changes, reviews
    with django_assert_max_num_queries(8):
        response = secretariat_client.get(rec.get_absolute_url())
    assert response.content.decode().count("Proposed → Presented") == rows


@pytest.mark.parametrize("rows", [10, 200])
def test_history_query_count_is_constant(
    secretariat_client, secretariat_user, meeting, rows, django_assert_max_num_queries
):
    rec = f.make_recommendation(meeting, status=S.PRESENTED, target_mission=f.make_mission())
    for i in range(rows):
        rec._history_user = secretariat_user
        rec.text = f"Revised text {i}"
        rec.owner = secretariat_user if i % 2 else None
        rec.save()
        StatusChange.objects.create(  # create(), not bulk_create(): each one a history record
            recommendation=rec,
            from_status=S.PROPOSED,
            to_status=S.PRESENTED,
            changed_on=D(2026, 12, 10),
            changed_by=secretariat_user,
        )
    # session, user, groups; the recommendation (meeting, year, country, mission, owner); its history, its status
    # changes' and its reviews', with who changed them; the users named in the changes
    with django_assert_max_num_queries(8):
        response = secretariat_client.get(reverse("recommendations:history", args=[rec.pk]))
    assert response.status_code == 200
    assert f"Revised text {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_form_pages_query_count_is_constant(secretariat_client, meeting, rows, django_assert_max_num_queries):
    from django.contrib.auth.models import Group

    from accounts.permissions import SECRETARIAT_GROUP
    from countries.models import CouncilMembership, MemberState, Mission
    from meetings.models import Meeting
    from meetings.tests import factories as mf

    # The rows the forms offer or show: missions and secretariat staff (a recommendation's target and owner),
    # Council members of the year (a question's delegation), later meetings on the country (a goal's report),
    # and the meeting's other recommendations, briefers, questions and goals.
    Mission.objects.bulk_create(
        Mission(acronym=f"M{i:03}", situation=meeting.situation, kind="pko") for i in range(rows)
    )
    staff = Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0]
    for i in range(rows):
        mf.make_user(f"staff{i}").groups.add(staff)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    states = MemberState.objects.bulk_create(
        MemberState(name=f"State {i}", iso3="Z" + letters[i // 26] + letters[i % 26]) for i in range(rows)
    )
    CouncilMembership.objects.bulk_create(CouncilMembership(member_state=s, year=2026) for s in states)
    Meeting.objects.bulk_create(
        Meeting(agenda_year=meeting.agenda_year, situation=meeting.situation, date=D(2027, 1, 1 + i % 28))
        for i in range(rows)
    )
    f.bulk_recommendations([meeting], rows)
    rec = meeting.recommendations.first()
    briefer, question, goal = f.make_briefer(meeting), f.make_question(meeting), f.make_goal(meeting)
    # session, user, groups; the meeting (year, country) or the item; then one query per choice field: missions
    # and owners; the meeting's groups of recommendations; the Council members (after checking the year has
    # some); the later meetings (country joined)
    pages = {
        reverse("recommendations:add", args=[meeting.pk]): 7,
        reverse("recommendations:edit", args=[rec.pk]): 7,
        reverse("recommendations:briefer_add", args=[meeting.pk]): 4,
        reverse("recommendations:briefer_edit", args=[meeting.pk, briefer.pk]): 5,
        reverse("recommendations:question_add", args=[meeting.pk]): 6,
        reverse("recommendations:question_edit", args=[meeting.pk, question.pk]): 7,
        reverse("recommendations:goal_add", args=[meeting.pk]): 5,
        reverse("recommendations:goal_edit", args=[meeting.pk, goal.pk]): 6,
    }
    for url, bound in pages.items():
        with django_assert_max_num_queries(bound):
            response = secretariat_client.get(url)
        assert response.status_code == 200, url

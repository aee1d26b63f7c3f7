"""Summaries often name neither the briefer nor the delegation that asked (non-attribution): both are optional,
and every page prints what is recorded ("a briefer from UNMISS", "A Council member asked ...")."""

from __future__ import annotations

import datetime

from django.urls import reverse

from recommendations.models import Briefer, CouncilQuestion
from recommendations.tests import factories as f

D = datetime.date


def _outcomes(meeting):
    return reverse("recommendations:meeting", args=[meeting.pk])


def test_a_briefer_without_a_name_saves_and_displays(secretariat_client, expert_client, secretariat_user, meeting):
    url = reverse("recommendations:briefer_add", args=[meeting.pk])
    data = {"name": "  ", "title": "Representative", "entity": "OSRSG-SVC", "component": "civilian"}
    response = secretariat_client.post(url, {**data, "attendance": "in_person"})
    assert response.status_code == 302
    briefer = meeting.briefers.get()
    assert briefer.name == ""
    assert briefer.history.get().history_user == secretariat_user
    assert (str(briefer), briefer.called) == ("Representative (OSRSG-SVC)", "a briefer from OSRSG-SVC")
    outcomes = secretariat_client.get(_outcomes(meeting)).content.decode()
    assert "Not named" in outcomes and "Representative" in outcomes
    panel = expert_client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "<li>Representative (OSRSG-SVC) · " in panel
    assert "None" not in panel.split('id="outcomes-heading"')[1].split("</section>")[0]


def test_a_named_briefer_still_prints_name_title_and_entity(meeting):
    briefer = f.make_briefer(meeting, "Ana Example", title="Force Commander", entity="UNMISS")
    assert (str(briefer), briefer.called) == ("Ana Example, Force Commander (UNMISS)", "Ana Example")


def test_a_question_without_a_delegation_saves_and_displays(secretariat_client, expert_client, meeting):
    url = reverse("recommendations:question_add", args=[meeting.pk])
    form = secretariat_client.get(url).content.decode()
    assert "Not attributed" in form
    data = {"delegation": "", "text": "Who funds the shelters?", "answer_due": "2027-01-10"}
    response = secretariat_client.post(url, data)
    assert response.status_code == 302
    question = meeting.questions.get()
    assert question.delegation is None
    assert (question.asked_by, str(question)) == ("A Council member", "A Council member: Who funds the shelters?")
    outcomes = secretariat_client.get(_outcomes(meeting)).content.decode()
    assert "A Council member (not attributed)" in outcomes
    panel = expert_client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "<li>A Council member: Who funds the shelters?</li>" in panel


def test_an_unattributed_question_owed_an_answer_in_the_follow_up(secretariat_client, meeting):
    f.make_question(meeting, delegation=None, text="Who protects the witnesses?", answer_due=D(2027, 1, 10))
    f.make_question(meeting, delegation="Ireland", text="Who trains the police?", answer_due=D(2027, 1, 10))
    follow_up = f.make_follow_up(meeting, date=D(2027, 6, 10))
    review = secretariat_client.get(reverse("recommendations:review", args=[follow_up.pk])).content.decode()
    assert " · A Council member · written answer due" in review
    assert " · Ireland · written answer due" in review
    panel = secretariat_client.get(reverse("meetings:detail", args=[follow_up.pk])).content.decode()
    assert "Written answer owed to a Council member:" in panel
    assert "Written answer owed to Ireland:" in panel


def test_the_database_accepts_unnamed_briefers_and_unattributed_questions(meeting):
    Briefer.objects.create(meeting=meeting, name="", title="Police Adviser", entity="UNMISS")
    CouncilQuestion.objects.create(meeting=meeting, text="How many women officers?")
    assert Briefer.objects.get().name == "" and CouncilQuestion.objects.get().delegation_id is None


def test_the_question_form_still_checks_the_delegation_it_is_given(secretariat_client, meeting):
    url = reverse("recommendations:question_add", args=[meeting.pk])
    response = secretariat_client.post(url, {"delegation": "999999", "text": "Kept text?"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert "Kept text?" in response.content.decode()
    assert not CouncilQuestion.objects.exists()

"""A new summary starts from the briefers, goals and questions recorded for the meeting; typed text always wins."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from documents import prefill
from documents.models import Summary
from documents.tests import factories as f
from meetings.tests import factories as mf
from recommendations.models import CouncilQuestion
from recommendations.tests import factories as rec

pytestmark = pytest.mark.django_db


def _record(meeting):
    rec.make_briefer(meeting, name="Anita Kiki Gbeho", title="Deputy Special Representative", entity="UNMISS")
    rec.make_briefer(meeting, name="Pramila <Patten>", title="Special Representative", entity="OSRSG-SVC")
    rec.make_goal(meeting, text="Deploy four women protection advisers by June.", entity="UNMISS")
    rec.make_question(meeting, delegation="Ireland", text="How many women sit on the ceasefire committee?")
    rec.make_question(
        meeting,
        delegation="Mexico",
        text="What support do women human rights defenders get?",
        answer_due=datetime.date(2026, 12, 20),
    )


# Rewritten with the annex's sections: the main points (second default section) start from the briefing; the
# questions section (kind "questions") prints the questions from the record instead of a copy of them.
HEADINGS = ["", "Main points raised", "Questions from Council members", "Recommendations", ""]


def _sections(client, meeting):
    return client.get(reverse("documents:summary_edit", args=[meeting.pk])).context["sections"]


def test_a_new_summary_starts_from_the_record(secretariat_client, meeting):
    _record(meeting)

    sections = _sections(secretariat_client, meeting)

    main_points = sections.forms[1]["body"].value()
    assert sections.forms[1]["heading"].value() == "Main points raised"
    assert "Anita Kiki Gbeho, Deputy Special Representative (UNMISS)" in main_points
    assert "Pramila &lt;Patten&gt;" in main_points  # typed text is text, never markup
    assert "Deploy four women protection advisers by June." in main_points
    assert [form["kind"].value() for form in sections.forms] == ["text", "text", "questions", "recommendations", "text"]
    assert not Summary.objects.filter(meeting=meeting).exists()  # nothing saved by opening the form


def test_prefilled_sections_are_saved_as_edited_and_questions_print_from_the_record(secretariat_client, meeting):
    _record(meeting)
    f.hold(meeting)
    sections = _sections(secretariat_client, meeting)
    edited = sections.forms[1]["body"].value().replace("by June", "by July")

    response = secretariat_client.post(
        reverse("documents:summary_edit", args=[meeting.pk]),
        f.summary_post("", ["", edited, "", "", ""], headings=HEADINGS),
    )

    assert response.status_code == 302
    summary = Summary.objects.get(meeting=meeting)
    main_points = f.section(summary, "Main points raised").body
    assert "by July" in main_points and "by June" not in main_points
    page = secretariat_client.get(reverse("documents:summary", args=[meeting.pk])).content.decode()
    assert "Ireland asked: How many women sit on the ceasefire committee?" in page
    assert "Mexico asked: What support do women human rights defenders get?" in page
    assert "A written answer is expected by 20 December 2026." in page


def test_typed_text_is_never_overwritten(secretariat_client, meeting):
    _record(meeting)
    f.hold(meeting)

    secretariat_client.post(
        reverse("documents:summary_edit", args=[meeting.pk]),
        f.summary_post("", ["", "My own points.", "", "", ""], headings=HEADINGS),
    )

    summary = Summary.objects.get(meeting=meeting)
    assert f.section(summary, "Main points raised").body == "<p>My own points.</p>"
    rec.make_briefer(meeting, name="A later briefer", title="Adviser", entity="UNMISS")
    sections = _sections(secretariat_client, meeting)
    assert sections.forms[1]["body"].value() == "<p>My own points.</p>"  # an existing summary is never refilled


def test_an_existing_summary_is_not_prefilled(secretariat_client, meeting):
    f.make_summary(meeting, main_points="")
    _record(meeting)

    sections = _sections(secretariat_client, meeting)

    assert [form["body"].value() for form in sections.forms] == [""]


def test_a_meeting_with_nothing_recorded_starts_empty(secretariat_client, meeting):
    sections = _sections(secretariat_client, meeting)

    assert all(form["body"].value() == "" for form in sections.forms)


def test_a_question_without_a_recorded_delegation_is_not_attributed(meeting):
    ireland = mf.make_state("Ireland")
    attributed = CouncilQuestion(meeting=meeting, delegation=ireland, text="Who funds the shelters?")
    unattributed = CouncilQuestion(meeting=meeting, text="Who protects the witnesses?", answer="The mission.")

    html = prefill.questions_section([attributed, unattributed])

    assert "<li>Ireland asked: Who funds the shelters?</li>" in html
    assert "<li>A Council member asked: Who protects the witnesses?<br>Answer: The mission.</li>" in html
    assert html.count("Ireland") == 1


def test_briefing_section_names_videoconference_and_joins_names():
    from recommendations.models import Briefer

    one = Briefer(name="A", title="T1", entity="E1", attendance=Briefer.Attendance.IN_PERSON)
    two = Briefer(name="B", title="T2", entity="E2", attendance=Briefer.Attendance.VIDEOCONFERENCE)

    html = prefill.briefing_section([one, two], [])

    assert html == "<p>The Informal Expert Group was briefed by A, T1 (E1) and B, T2 (E2) by videoconference.</p>"
    assert prefill.briefing_section([], []) == ""

"""Illustrative briefings, questions, goals and recommendations for the live demo year (load_demo calls it).

Idempotent: rows are found by meeting and text, and status moves are made only when a recommendation is new.
Touches only the year marked as the demo's (``DemoYear``), never a year entered for real.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta

from accounts.models import User
from countries.models import CouncilMembership, Mission
from meetings.models import Meeting
from recommendations.models import Briefer, CouncilQuestion, Goal, Recommendation, RecommendationGroup
from recommendations.services import changes

from .models import DemoYear

NOTE = "Illustrative demo entry, not the public record."
R = Recommendation


def load_demo_recommendations(today: datetime.date) -> None:
    demo_year = DemoYear.objects.filter(agenda_year__year=today.year).select_related("agenda_year").first()
    if demo_year is None:
        return  # no illustrative year (a real year was entered): leave it alone
    agenda_year = demo_year.agenda_year
    owner = User.objects.filter(username="secretariat").first()
    meetings = Meeting.objects.filter(agenda_year=agenda_year).select_related("situation")
    for meeting in meetings:
        if meeting.kind == Meeting.Kind.COUNTRY and meeting.status == Meeting.Status.HELD:
            _held_country_meeting(meeting, today, owner)
        elif meeting.kind == Meeting.Kind.COUNTRY and not meeting.is_past:
            _upcoming_country_meeting(meeting, owner)
        elif meeting.kind == Meeting.Kind.THEMATIC:
            _thematic_meeting(meeting, owner)


def _mission(meeting: Meeting) -> Mission | None:
    return Mission.objects.filter(situation=meeting.situation, active=True).order_by("acronym").first()


def _recommendation(meeting: Meeting, text: str, owner, **fields) -> tuple[Recommendation, bool]:
    existing = meeting.recommendations.filter(text=text).first()
    if existing:
        return existing, False
    return changes.add_recommendation(meeting=meeting, by=None, text=text, owner=owner, **fields), True


def _group(meeting: Meeting, heading: str, **fields) -> RecommendationGroup:
    existing = meeting.recommendation_groups.filter(heading=heading).first()
    if existing:
        return existing
    return changes.add_to_meeting(RecommendationGroup(heading=heading, **fields), meeting=meeting, by=None)


def _move(rec: Recommendation, steps: list[tuple[str, datetime.date]], today: datetime.date) -> None:
    for status, day in steps:
        changes.change_recommendation_status(rec, status, by=None, on=min(day, today), note=NOTE)


def _held_country_meeting(meeting: Meeting, today: datetime.date, owner) -> None:
    day = meeting.date
    mission = _mission(meeting)
    acronym = mission.acronym if mission else "the mission"
    for name, title, entity, component, attendance in [
        (
            "Example Briefer A",
            "Deputy Special Representative of the Secretary-General",
            acronym,
            "civilian",
            "videoconference",
        ),
        ("Example Briefer B", "Senior Gender Adviser", acronym, "civilian", "videoconference"),
        ("Example Briefer C", "Police Commissioner's Gender Focal Point", acronym, "police", "videoconference"),
        ("", "Representative", "OSRSG-SVC", "civilian", "in_person"),  # not named, as summaries often do
    ]:
        if not meeting.briefers.filter(name=name).exists():
            changes.add_to_meeting(
                Briefer(name=name, title=title, entity=entity, component=component, attendance=attendance),
                meeting=meeting,
                by=None,
            )
    # The first question is not attributed ("A Council member asked ..."), as summaries often report them.
    delegations = [None] + [
        m.member_state
        for m in CouncilMembership.objects.for_year(meeting.agenda_year.year).order_by("member_state__name")[:2]
    ]
    questions = [
        ("How many women serve in the ceasefire monitoring teams, and what is the target?", True, None, "", None),
        (
            "What support does the mission give to women's protection networks outside the protection sites?",
            False,
            day + datetime.timedelta(days=21),
            "",
            None,
        ),
        (
            "Which recommendations of the last sanctions panel report address sexual violence?",
            False,
            day + datetime.timedelta(days=14),
            "The panel's report lists two; the mission shared a note with the Council experts.",
            min(day + datetime.timedelta(days=12), today),
        ),
    ]
    for delegation, (text, at_meeting, due, answer, answered_on) in zip(delegations, questions, strict=False):
        if not meeting.questions.filter(text=text).exists():
            changes.add_to_meeting(
                CouncilQuestion(
                    delegation=delegation,
                    text=text,
                    answered_at_meeting=at_meeting,
                    answer_due=due,
                    answer=answer,
                    answered_on=answered_on,
                ),
                meeting=meeting,
                by=None,
            )
    for text, status in [
        ("Double the number of women protection advisers deployed to field offices.", Goal.Status.IN_PROGRESS),
        ("Hold quarterly consultations with women-led civil society in every state capital.", Goal.Status.COMMITTED),
    ]:
        if not meeting.goals.filter(text=text).exists():
            changes.add_to_meeting(Goal(text=text, entity=acronym, status=status), meeting=meeting, by=None)

    presented = (R.Status.PRESENTED, day)
    review = day + relativedelta(months=3)
    rec, new = _recommendation(
        meeting,
        f"Strengthen the language of {acronym}'s mandate on women's full, equal and meaningful participation in the "
        "peace process, with regular reporting on women's representation in its mechanisms.",
        owner,
        source=R.Source.BACKGROUND_NOTE,
        addressee=R.Addressee.SECURITY_COUNCIL,
        action_type=R.ActionType.MANDATE_LANGUAGE,
        target_mission=mission,
        next_review=review,
    )
    if new:
        _move(rec, [presented, (R.Status.UNDER_CONSIDERATION, day + datetime.timedelta(days=20))], today)
    rec, new = _recommendation(
        meeting,
        "Ask briefers in the Council's next meeting on the country about conflict-related sexual violence in "
        "displacement sites and the measures taken to prevent it.",
        owner,
        source=R.Source.UN_PARTICIPANTS,
        addressee=R.Addressee.COUNCIL_MEMBERS,
        action_type=R.ActionType.RAISE_IN_COUNCIL,
        next_review=review,
    )
    if new:
        _move(rec, [presented, (R.Status.ACTED_ON_IN_PART, day + datetime.timedelta(days=30))], today)
    rec, new = _recommendation(
        meeting,
        "Request a written update within three months on the funding of women protection advisers' posts.",
        owner,
        source=R.Source.CO_CHAIRS,
        addressee=R.Addressee.UN_ENTITIES,
        action_type=R.ActionType.REQUEST_INFORMATION,
        next_review=review,
    )
    if new:
        _move(rec, [presented], today)
    rec, new = _recommendation(
        meeting,
        "Encourage the host government to adopt and fund its national action plan on women, peace and security.",
        owner,
        source=R.Source.BACKGROUND_NOTE,
        addressee=R.Addressee.HOST_GOVERNMENT,
        action_type=R.ActionType.LETTER_DEMARCHE,
    )
    if new:
        _move(rec, [presented, (R.Status.NOT_TAKEN_UP, day + datetime.timedelta(days=40))], today)


def _upcoming_country_meeting(meeting: Meeting, owner) -> None:
    mission = _mission(meeting)
    acronym = mission.acronym if mission else "the mission"
    _recommendation(
        meeting,
        f"Include in the renewal of {acronym}'s mandate a request for sex-disaggregated reporting on violence "
        "against women and girls and on women's participation in the political process.",
        owner,
        source=R.Source.BACKGROUND_NOTE,
        addressee=R.Addressee.SECURITY_COUNCIL,
        action_type=R.ActionType.MANDATE_LANGUAGE,
        target_mission=mission,
        next_review=meeting.date + relativedelta(months=2) if meeting.date else None,
    )
    _recommendation(
        meeting,
        "Include a meeting with women human rights defenders in the terms of reference of any Council visiting "
        "mission.",
        owner,
        source=R.Source.BACKGROUND_NOTE,
        addressee=R.Addressee.COUNCIL_MEMBERS,
        action_type=R.ActionType.VISITING_MISSION,
    )


def _thematic_meeting(meeting: Meeting, owner) -> None:
    # As thematic summaries print them: the Council's recommendations lettered, then the members' as bullets.
    council = _group(
        meeting,
        "Recommendations to the Security Council",
        lead_in="Participants suggested that the Council:",
    )
    members = _group(meeting, "Suggestions to Council members", numbering=RecommendationGroup.Numbering.BULLETS)
    _recommendation(
        meeting,
        "Ensure women protection advisers' posts are funded from assessed budgets in every mission with a "
        "conflict-related sexual violence mandate.",
        owner,
        source=R.Source.UN_PARTICIPANTS,
        addressee=R.Addressee.SECURITY_COUNCIL,
        action_type=R.ActionType.OTHER,
        group=council,
    )
    _recommendation(
        meeting,
        "Align the listing criteria of sanctions regimes with conflict-related sexual violence as a stand-alone "
        "designation criterion.",
        owner,
        source=R.Source.UN_PARTICIPANTS,
        addressee=R.Addressee.COUNCIL_MEMBERS,
        action_type=R.ActionType.SUBSIDIARY_BODIES,
        group=members,
    )

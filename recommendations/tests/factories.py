"""Small factories for recommendations, briefings and follow-up reviews (tests and benches)."""

from __future__ import annotations

import datetime
import itertools

from countries.models import Mission
from meetings.models import Meeting
from meetings.tests import factories as mf
from recommendations.models import Briefer, CouncilQuestion, Goal, Recommendation, RecommendationGroup
from recommendations.services import changes

_texts = itertools.count(1)


def make_mission(
    acronym: str = "UNMISS",
    situation: str = "South Sudan",
    *,
    expiry: datetime.date | None = None,
    active: bool = True,
) -> Mission:
    mission, _ = Mission.objects.update_or_create(
        acronym=acronym,
        defaults={
            "situation": mf.make_situation(situation),
            "kind": Mission.Kind.PEACEKEEPING,
            "mandate_expiry": expiry,
            "active": active,
        },
    )
    return mission


def make_recommendation(meeting: Meeting, text: str | None = None, *, status: str | None = None, **fields):
    """A recommendation added through the service; ``status`` is forced (no StatusChange) for list tests."""
    text = text or f"Recommendation number {next(_texts)} on women's participation."
    rec = changes.add_recommendation(meeting=meeting, by=None, text=text, **fields)
    if status:
        Recommendation.objects.filter(pk=rec.pk).update(status=status)
        rec.status = status
    return rec


def bulk_recommendations(meetings: list[Meeting], n: int, **fields) -> list[Recommendation]:
    """``n`` recommendations spread over ``meetings`` (bulk insert: no history rows, fast)."""
    rows = [
        Recommendation(meeting=meetings[i % len(meetings)], order=i + 1, text=f"Bulk recommendation {i}", **fields)
        for i in range(n)
    ]
    return Recommendation.objects.bulk_create(rows)


def make_question(meeting: Meeting, delegation: str | None = "France", text: str | None = None, **fields):
    """A question asked by ``delegation`` (a state's name; None: not attributed, "A Council member asked ...")."""
    return changes.add_to_meeting(
        CouncilQuestion(
            delegation=mf.make_state(delegation) if delegation else None,
            text=text or f"Question {next(_texts)} about protection?",
            **fields,
        ),
        meeting=meeting,
        by=None,
    )


def make_goal(meeting: Meeting, text: str | None = None, entity: str = "UNMISS", **fields):
    return changes.add_to_meeting(
        Goal(text=text or f"Goal {next(_texts)}: deploy more women protection advisers.", entity=entity, **fields),
        meeting=meeting,
        by=None,
    )


def make_group(meeting: Meeting, heading: str = "", **fields) -> RecommendationGroup:
    """A group of the meeting's recommendations, after its others (``numbering="bullets"`` for bullets)."""
    return changes.add_to_meeting(RecommendationGroup(heading=heading, **fields), meeting=meeting, by=None)


def make_briefer(meeting: Meeting, name: str = "Jane Example", **fields):
    """A briefer (``name=""``: not named, as summaries often leave them)."""
    fields.setdefault("title", "Deputy Special Representative")
    fields.setdefault("entity", "UNMISS")
    return changes.add_to_meeting(Briefer(name=name, **fields), meeting=meeting, by=None)


def make_follow_up(meeting: Meeting, date: datetime.date | None = None, **fields) -> Meeting:
    return mf.make_meeting(
        meeting.agenda_year,
        meeting.situation,
        kind=Meeting.Kind.FOLLOW_UP,
        follows_up=meeting,
        date=date or (meeting.date + datetime.timedelta(days=182) if meeting.date else None),
        **fields,
    )

"""The demo loader adds illustrative recommendations, questions and goals to the live year, once."""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command

from meetings.models import Meeting
from recommendations.models import (
    Briefer,
    CouncilQuestion,
    Goal,
    Recommendation,
    RecommendationGroup,
    StatusChange,
)
from recommendations.services import reads


def _counts():
    models = (Recommendation, StatusChange, Briefer, CouncilQuestion, Goal, RecommendationGroup)
    return [m.objects.count() for m in models]


def test_demo_is_illustrative_and_idempotent(db, time_machine, secretariat_user):
    time_machine.move_to(datetime.datetime(2026, 11, 20, 15, 0, tzinfo=datetime.UTC), tick=False)
    call_command("load_demo", "--no-users", stdout=io.StringIO())
    first = _counts()
    assert all(first)
    call_command("load_demo", "--no-users", stdout=io.StringIO())
    assert _counts() == first
    # Only the live (illustrative) year gets them.
    assert not Recommendation.objects.exclude(meeting__agenda_year__year=2026).exists()
    # The held meeting's follow-up has open items to review.
    held = Meeting.objects.get(agenda_year__year=2026, kind="country", status="held")
    items = reads.follow_up_items(held.follow_ups.get(), user=secretariat_user)
    assert items.recommendations and items.goals and items.questions
    # Thematic recommendations carry the source note of their meeting.
    assert Recommendation.objects.filter(meeting__kind="thematic").exclude(meeting__source_note="").exists()
    # The thematic meeting's recommendations come in groups; briefers and questions include unattributed ones.
    assert Recommendation.objects.filter(meeting__kind="thematic", group__isnull=False).exists()
    assert Briefer.objects.filter(name="").exists() and CouncilQuestion.objects.filter(delegation=None).exists()

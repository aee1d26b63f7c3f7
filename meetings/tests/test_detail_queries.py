"""The meeting page reads what belongs to its meeting by the meeting's id, without joining the meetings table again
(the default orderings of briefers, questions, goals and files start with their meeting's date, and the meeting a
meeting follows up was joined for every meeting)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.tests.factories import make_briefer, make_follow_up, make_goal, make_question

pytestmark = pytest.mark.django_db

OWN_TABLES = (
    "recommendations_briefer",
    "recommendations_councilquestion",
    "recommendations_goal",
    "documents_attachment",
)


def _queries(client, meeting) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def _from(sql: str) -> str:
    return sql.split(" FROM ", 1)[1].split()[0].strip('"') if " FROM " in sql else ""


def test_a_meetings_briefers_questions_goals_and_files_are_read_without_joining_the_meeting(
    secretariat_client, meeting
):
    make_briefer(meeting)
    make_question(meeting)
    make_goal(meeting)
    read = {}
    for sql in _queries(secretariat_client, meeting):
        if _from(sql) in OWN_TABLES:
            read[_from(sql)] = sql
    assert sorted(read) == sorted(OWN_TABLES)
    for table, sql in read.items():
        assert '"meetings_meeting"' not in sql, table


def test_the_meeting_a_goal_was_reported_at_is_read_only_when_there_is_one(
    secretariat_client, meeting, django_assert_num_queries
):
    """The outcomes page shows where each goal was reported; the meetings for it come in one query, only if any."""
    url = reverse("recommendations:meeting", args=[meeting.pk])
    goal = make_goal(meeting, text="Monitor the ceasefire")
    with CaptureQueriesContext(connection) as unreported:
        assert secretariat_client.get(url).status_code == 200
    later = make_follow_up(meeting, date=datetime.date(2027, 6, 10))
    goal.reported_at = later
    goal.save()
    with CaptureQueriesContext(connection) as reported:
        body = secretariat_client.get(url).content.decode()
    assert f'<a href="{later.get_absolute_url()}">{later}</a>' in body
    assert len(reported.captured_queries) == len(unreported.captured_queries) + 1


def test_only_a_follow_up_reads_the_meeting_it_follows_up(secretariat_client, meeting):
    queries = _queries(secretariat_client, meeting)
    main = next(sql for sql in queries if _from(sql) == "meetings_meeting")
    assert 'JOIN "meetings_meeting"' not in main  # the meeting it follows up is not joined (it has none)

    follow_up = make_follow_up(meeting, date=datetime.date(2027, 6, 10))
    body = secretariat_client.get(follow_up.get_absolute_url()).content.decode()
    assert f'<dd><a href="{meeting.get_absolute_url()}">{meeting}</a></dd>' in body

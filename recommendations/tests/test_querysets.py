"""Named filters other apps rely on (the reminders scan): due-by scans include everything overdue."""

from __future__ import annotations

import datetime

from recommendations.models import CouncilQuestion, Recommendation
from recommendations.tests import factories as f

D = datetime.date
S = Recommendation.Status


def test_review_due_by_is_open_and_due_or_overdue(meeting):
    due = f.make_recommendation(meeting, "Due", next_review=D(2027, 1, 10), status=S.PRESENTED)
    overdue = f.make_recommendation(meeting, "Overdue", next_review=D(2026, 12, 20))
    f.make_recommendation(meeting, "Later", next_review=D(2027, 1, 11))
    f.make_recommendation(meeting, "Closed", next_review=D(2026, 12, 20), status=S.ACTED_ON)
    f.make_recommendation(meeting, "No date")
    assert set(Recommendation.objects.review_due_by(D(2027, 1, 10))) == {due, overdue}


def test_answer_due_by_is_owed_and_due_or_overdue(meeting):
    due = f.make_question(meeting, answer_due=D(2027, 1, 10))
    overdue = f.make_question(meeting, answer_due=D(2026, 12, 20))
    f.make_question(meeting, answer_due=D(2027, 1, 11))
    f.make_question(meeting, answer_due=D(2026, 12, 20), answer="Done", answered_on=D(2026, 12, 30))
    f.make_question(meeting, answered_at_meeting=True)
    assert set(CouncilQuestion.objects.answer_due_by(D(2027, 1, 10))) == {due, overdue}

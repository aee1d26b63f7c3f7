"""Recommendation status moves: only allowed transitions, each with date, who and evidence, with history."""

from __future__ import annotations

import datetime

import pytest

from core.exceptions import InvalidTransition
from recommendations.models import STATUS_TRANSITIONS, Recommendation, StatusChange
from recommendations.services import changes
from recommendations.tests.factories import make_recommendation

S = Recommendation.Status
DAY = datetime.date(2026, 12, 20)  # after the `meeting` fixture (10 Dec 2026)
# Sorted: the targets are frozensets, and every pytest-xdist worker must collect the tests in the same order.
ALLOWED = [(old, new) for old, targets in STATUS_TRANSITIONS.items() for new in sorted(targets)]
REFUSED = [(old, new) for old in S.values for new in S.values if new not in STATUS_TRANSITIONS[old]]


def test_every_status_has_an_entry_and_final_statuses_are_final():
    assert set(STATUS_TRANSITIONS) == set(S.values)
    assert STATUS_TRANSITIONS[S.ACTED_ON] == frozenset()
    assert STATUS_TRANSITIONS[S.WITHDRAWN] == frozenset()
    assert all(old not in targets for old, targets in STATUS_TRANSITIONS.items())


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_allowed_move_records_change_and_evidence(meeting, secretariat_user, old, new):
    rec = make_recommendation(meeting, status=old)
    change = changes.change_recommendation_status(
        rec,
        new,
        by=secretariat_user,
        on=DAY,
        resolution_symbol="S/RES/2800 (2025)",
        operative_paragraph="OP 12",
        evidence_date=DAY,
        link="https://press.un.org/example",
        note="Language adopted.",
    )
    rec.refresh_from_db()
    assert rec.status == new
    assert (change.from_status, change.to_status, change.changed_on, change.changed_by) == (
        old,
        new,
        DAY,
        secretariat_user,
    )
    assert (change.resolution_symbol, change.operative_paragraph, change.link) == (
        "S/RES/2800 (2025)",
        "OP 12",
        "https://press.un.org/example",
    )


@pytest.mark.parametrize(("old", "new"), REFUSED)
def test_refused_move_says_why_and_changes_nothing(meeting, secretariat_user, old, new):
    rec = make_recommendation(meeting, status=old)
    version = Recommendation.objects.get(pk=rec.pk).version
    with pytest.raises(InvalidTransition) as exc:
        changes.change_recommendation_status(rec, new, by=secretariat_user, on=DAY, note="x")
    assert f"“{S(old).label}” cannot become “{S(new).label}”" in str(exc.value)
    assert exc.value.field == "to_status"
    rec.refresh_from_db()
    assert (rec.status, rec.version) == (old, version)
    assert not StatusChange.objects.exists()


def test_refusal_lists_the_allowed_moves(meeting):
    rec = make_recommendation(meeting)
    with pytest.raises(InvalidTransition, match="It can become: “Presented”, “Withdrawn”"):
        changes.change_recommendation_status(rec, S.ACTED_ON, by=None, on=DAY, note="x")


def test_final_status_says_it_is_final(meeting):
    rec = make_recommendation(meeting, status=S.WITHDRAWN)
    with pytest.raises(InvalidTransition, match="“Withdrawn” is final"):
        changes.change_recommendation_status(rec, S.PRESENTED, by=None, on=DAY)


def test_unknown_status_is_refused(meeting):
    rec = make_recommendation(meeting)
    with pytest.raises(InvalidTransition, match="Unknown status “adopted”"):
        changes.change_recommendation_status(rec, "adopted", by=None, on=DAY)
    assert Recommendation.objects.get(pk=rec.pk).status == S.PROPOSED


def test_date_before_the_meeting_is_refused(meeting):
    rec = make_recommendation(meeting)
    with pytest.raises(InvalidTransition, match="before the meeting of 10 Dec 2026") as exc:
        changes.change_recommendation_status(rec, S.PRESENTED, by=None, on=datetime.date(2026, 12, 9))
    assert exc.value.field == "changed_on"
    assert not StatusChange.objects.exists()


def test_date_before_the_previous_change_is_refused(meeting):
    rec = make_recommendation(meeting)
    changes.change_recommendation_status(rec, S.PRESENTED, by=None, on=DAY)
    with pytest.raises(InvalidTransition, match="before the previous status change, on 20 Dec 2026"):
        changes.change_recommendation_status(rec, S.UNDER_CONSIDERATION, by=None, on=DAY - datetime.timedelta(1))
    assert Recommendation.objects.get(pk=rec.pk).status == S.PRESENTED


@pytest.mark.parametrize("to_status", [S.ACTED_ON, S.ACTED_ON_IN_PART])
def test_acted_on_needs_evidence(meeting, to_status):
    rec = make_recommendation(meeting, status=S.PRESENTED)
    with pytest.raises(InvalidTransition, match="give a resolution symbol, a link or a note"):
        changes.change_recommendation_status(rec, to_status, by=None, on=DAY, operative_paragraph="OP 3")
    assert Recommendation.objects.get(pk=rec.pk).status == S.PRESENTED
    changes.change_recommendation_status(rec, to_status, by=None, on=DAY, resolution_symbol="S/RES/2801 (2026)")
    assert Recommendation.objects.get(pk=rec.pk).status == to_status


def test_bad_evidence_link_is_refused_and_changes_nothing(meeting):
    rec = make_recommendation(meeting)
    with pytest.raises(InvalidTransition, match="valid URL"):
        changes.change_recommendation_status(rec, S.PRESENTED, by=None, on=DAY, link="not a link")
    assert not StatusChange.objects.exists()
    assert Recommendation.objects.get(pk=rec.pk).status == S.PROPOSED


def test_history_records_each_move_with_user_and_reason(meeting, secretariat_user):
    rec = make_recommendation(meeting)
    changes.change_recommendation_status(rec, S.PRESENTED, by=secretariat_user, on=DAY)
    changes.change_recommendation_status(rec, S.UNDER_CONSIDERATION, by=secretariat_user, on=DAY)
    records = list(rec.history.order_by("history_id"))
    assert [r.status for r in records] == [S.PROPOSED, S.PRESENTED, S.UNDER_CONSIDERATION]
    assert records[0].history_change_reason == "Added"
    assert records[1].history_change_reason == "Status: Proposed → Presented"
    assert records[2].history_change_reason == "Status: Presented → Under consideration"
    assert StatusChange.history.filter(recommendation_id=rec.pk).count() == 2
    assert [r.version for r in records] == [1, 2, 3]


def test_allowed_statuses_follow_the_choices_order(meeting):
    rec = make_recommendation(meeting, status=S.PRESENTED)
    assert [value for value, _label in changes.allowed_statuses(rec)] == [
        S.UNDER_CONSIDERATION,
        S.ACTED_ON_IN_PART,
        S.ACTED_ON,
        S.NOT_TAKEN_UP,
        S.WITHDRAWN,
    ]

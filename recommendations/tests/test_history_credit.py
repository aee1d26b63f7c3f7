"""Changes made by a service outside a request (a task, a command, the shell) are credited to its ``by``."""

from __future__ import annotations

from recommendations.models import RecommendationGroup
from recommendations.services import changes
from recommendations.tests import factories as f


def test_adding_and_editing_credit_by(meeting, secretariat_user):
    rec = changes.add_recommendation(meeting=meeting, by=secretariat_user, text="Brief the Council quarterly.")
    rec.text = "Brief the Council every quarter."
    changes.save_edit(rec, expected_version=None, by=secretariat_user)
    assert [h.history_user for h in rec.history.all()] == [secretariat_user, secretariat_user]


def test_renumbering_and_deleting_groups_credit_by(meeting, secretariat_user):
    first, second, third = (f.make_group(meeting, heading) for heading in ("One", "Two", "Three"))
    rec = f.make_recommendation(meeting, group=first)
    changes.move_group(third, up=True, by=secretariat_user)
    first_pk = first.pk
    changes.delete_group(first, by=secretariat_user)
    assert third.history.latest().history_user == secretariat_user
    assert RecommendationGroup.history.filter(id=first_pk, history_type="-").get().history_user == secretariat_user
    assert rec.history.latest().history_user == secretariat_user  # moved to the first group left
    assert second.history.latest().history_user == secretariat_user  # renumbered

"""History entries: who changed which field, old and new values, related objects by name."""

from __future__ import annotations

from core.history import history_entries
from meetings.tests import factories


def test_changes_show_related_objects_by_name_and_who(meeting, secretariat_user, django_assert_max_num_queries):
    meeting._history_user = secretariat_user
    meeting.situation = factories.make_situation("Haiti", region="americas")
    meeting.room = "CR 7"
    meeting.save()

    # history rows with their users, the meeting's name (once), the situations named in changes
    with django_assert_max_num_queries(3):
        entries = history_entries(meeting.history.select_related("situation"))

    latest = entries[0]
    assert latest.kind == "changed"
    assert latest.who == secretariat_user
    changes = {c.field: (c.old, c.new) for c in latest.changes}
    assert changes["country or situation"] == ("South Sudan", "Haiti")
    assert changes["room"] == ("", "CR 7")
    assert entries[-1].kind == "created"


def test_many_to_many_changes_are_listed_by_name(year):
    year.co_chairs.add(factories.make_state("Ireland"))

    entries = history_entries(year.history.all())

    change = next(c for e in entries for c in e.changes if c.field == "co-chairs")
    assert change.old == "Denmark, Greece"
    assert change.new == "Denmark, Greece, Ireland"

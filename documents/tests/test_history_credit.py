"""Summary changes made by a service outside a request are credited to its ``by``, rows renumbered included."""

from __future__ import annotations

from documents import services
from documents.models import SummarySection

from .factories import make_summary


def test_section_changes_credit_by(meeting, secretariat_user):
    summary = make_summary(meeting)
    added = services.add_section(summary, heading="Annex", kind="text", expected_version=None, by=secretariat_user)
    services.move_section(added, direction=-1, expected_version=None, by=secretariat_user)
    first = summary.sections.order_by("order").first()
    first_pk = first.pk
    services.remove_section(first, expected_version=None, by=secretariat_user)
    assert added.history.latest().history_user == secretariat_user
    assert SummarySection.history.filter(id=first_pk, history_type="-").get().history_user == secretariat_user
    assert summary.history.latest().history_user == secretariat_user

"""The read rules for notes and summaries: the per-object checks and the list filters agree."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from documents import access, services
from documents.models import BackgroundNote, Summary
from documents.tests import factories as f
from meetings.tests.factories import make_meeting, make_state, make_year

USERS = [
    "anonymous",
    "plain_user",
    "nonmember_user",
    "other_cochair_user",
    "expert_user",
    "cochair_user",
    "secretariat_user",
]


@pytest.fixture
def documents_in_every_state(year, secretariat_user):
    """One note and one summary per status, on meetings of 2026; Sweden is invited to two notes."""
    sweden = make_state("Sweden")
    notes, summaries = [], []
    for i, status in enumerate(BackgroundNote.Status.values):
        meeting = make_meeting(year, f"Situation N{i}", date=datetime.date(2026, 2, 2 + i))
        note = f.make_note(meeting, status=status, shared_at=timezone.now())
        if status in {"draft", "shared"}:
            services.invite_delegation(note, sweden, by=secretariat_user, now=timezone.now())
        notes.append(note)
    for i, status in enumerate(Summary.Status.values):
        meeting = make_meeting(year, f"Situation S{i}", date=datetime.date(2026, 3, 2 + i))
        summaries.append(f.make_summary(meeting, status=status, issue_date=datetime.date(2026, 4, 1)))
    return notes, summaries


@pytest.mark.parametrize("who", USERS)
def test_object_checks_and_list_filters_agree(who, request, documents_in_every_state):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    notes, summaries = documents_in_every_state
    readable_notes = set(BackgroundNote.objects.visible_to(user).values_list("pk", flat=True))
    assert readable_notes == {note.pk for note in notes if access.can_read_note(user, note)}
    readable_summaries = set(Summary.objects.visible_to(user).values_list("pk", flat=True))
    assert readable_summaries == {s.pk for s in summaries if access.can_read_summary(user, s)}


@pytest.mark.parametrize(
    ("who", "note_statuses", "summary_statuses"),
    [
        ("anonymous", {"published"}, {"published"}),
        ("plain_user", {"published"}, {"published"}),
        ("nonmember_user", {"shared", "published"}, {"published"}),  # shared: invited
        ("other_cochair_user", {"published"}, {"published"}),
        ("expert_user", {"shared", "published"}, {"approved", "submitted", "issued", "published"}),
        ("cochair_user", set(BackgroundNote.Status.values), set(Summary.Status.values)),
        ("secretariat_user", set(BackgroundNote.Status.values), set(Summary.Status.values)),
    ],
)
def test_who_reads_what(who, note_statuses, summary_statuses, request, documents_in_every_state):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    assert set(BackgroundNote.objects.visible_to(user).values_list("status", flat=True)) == note_statuses
    assert set(Summary.objects.visible_to(user).values_list("status", flat=True)) == summary_statuses


def test_council_membership_is_per_year(expert_user, db):
    """France is on the Council in 2026 (fixture) but not in 2024."""
    agenda_year = make_year(2024, co_chairs=["Malta", "Ecuador"], council=["Malta", "Ecuador"])
    note = f.make_note(make_meeting(agenda_year, "Sudan"), status="shared", shared_at=timezone.now())
    assert not access.can_read_note(expert_user, note)
    assert not BackgroundNote.objects.visible_to(expert_user).exists()

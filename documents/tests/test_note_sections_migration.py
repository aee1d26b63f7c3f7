"""Notes written with the nine focus-area fields, and the versions shared of them, become sections (migrations
0005-0007): what the secretariat wrote and what the experts read stay word for word."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

data_migration = importlib.import_module("documents.migrations.0009_notes_sections_data")

BEFORE = [("documents", "0007_compose_drop_fixed_sections")]
AFTER = [("documents", "0010_notes_drop_focus_fields")]
PARTICIPATION = "Women's participation and leadership: data and trends"


def test_the_fields_become_the_non_empty_sections_in_order_then_the_recommendations():
    sections = data_migration.fields_to_sections(
        {"early_warning": "<p>Signals</p>", "participation": "<p>Seats</p>", "un_plans": "  ", "mission_capacity": ""}
    )
    assert [(s["heading"], s["focus_area"], s["body"]) for s in sections[:2]] == [
        (PARTICIPATION, "participation", "<p>Seats</p>"),
        ("Early-warning indicators", "early_warning", "<p>Signals</p>"),
    ]
    assert sections[-1] == {
        "heading": "Key recommendations",
        "body": "",
        "part": "body",
        "kind": "recommendations",
        "focus_area": "",
    }
    assert len(sections) == 3


def test_changed_field_names_become_headings_and_back():
    assert data_migration.changed_names_to_headings(["early_warning", "participation", "gone"]) == [
        PARTICIPATION,
        "Early-warning indicators",
    ]
    values = data_migration.sections_to_fields(data_migration.fields_to_sections({"un_plans": "<p>Plans</p>"}))
    assert values["un_plans"] == "<p>Plans</p>" and values["participation"] == ""


def test_the_headings_frozen_in_the_migration_are_the_app_s():
    from documents.note_texts import FOCUS_AREAS

    assert data_migration.FOCUS_AREAS == tuple((key, str(heading)) for key, heading in FOCUS_AREAS)


@pytest.mark.django_db(transaction=True)
def test_old_notes_and_snapshots_migrate_to_sections_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = _state_before(executor)
    try:
        shared_at = timezone.make_aware(datetime.datetime(2021, 3, 1, 23, 30), datetime.UTC)
        note = _old_note(old, shared_at=shared_at)
        Version = old.get_model("documents", "SharedNoteVersion")
        Version.objects.create(
            note=note, number=1, shared_at=shared_at, participation="<p>As shared first</p>", un_plans="<p>Plans</p>"
        )
        Version.objects.create(
            note=note,
            number=2,
            shared_at=shared_at,
            participation="<p>As shared second</p>",
            un_plans="<p>Plans</p>",
            changed_sections=["participation"],
        )

        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(AFTER)

        from documents import services
        from documents.models import BackgroundNote

        migrated = BackgroundNote.objects.with_sections().get(pk=note.pk)
        assert [(s.heading, s.body, s.focus_area, s.kind) for s in migrated.sections] == [
            (PARTICIPATION, "<p>Working copy</p>", "participation", "text"),
            ("United Nations plans on women and peace and security", "<p>Plans</p>", "un_plans", "text"),
            ("Key recommendations", "", "", "recommendations"),
        ]
        from documents.models import NoteSection

        created = NoteSection.history.filter(note_id=note.pk, history_type="+")
        assert sorted(created.values_list("heading", flat=True)) == sorted(s.heading for s in migrated.sections)
        # Shared at 23:30 UTC on 1 March is 1 March in New York: the note's date is the day it was shared there.
        assert migrated.note_date == datetime.date(2021, 3, 1)
        latest = services.latest_shared_version(migrated)
        assert latest.number == 2 and latest.changed_headings == [PARTICIPATION]
        shown = latest.as_note()
        assert [s.body for s in shown.sections][:2] == ["<p>As shared second</p>", "<p>Plans</p>"]
        assert services.changed_sections(migrated, latest) == [PARTICIPATION]
        first = migrated.shared_versions.get(number=1)
        assert first.section_texts[0].body == "<p>As shared first</p>" and first.changed_headings == []

        # And back: the focus areas return to their fields.
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(BEFORE)
        old = _state_before(executor)
        again = old.get_model("documents", "BackgroundNote").objects.get(pk=note.pk)
        assert (again.participation, again.un_plans, again.early_warning) == ("<p>Working copy</p>", "<p>Plans</p>", "")
        version = old.get_model("documents", "SharedNoteVersion").objects.get(note_id=note.pk, number=2)
        assert (version.participation, version.changed_sections) == ("<p>As shared second</p>", ["participation"])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _state_before(executor):
    """The models as they were before the sections: documents at 0004, every other app as it is now."""
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in ("documents", "search")]
    return executor.loader.project_state([*others, *BEFORE]).apps


def _old_note(apps, *, shared_at):
    AgendaYear = apps.get_model("meetings", "AgendaYear")
    MemberState = apps.get_model("countries", "MemberState")
    Situation = apps.get_model("countries", "Situation")
    Meeting = apps.get_model("meetings", "Meeting")
    BackgroundNote = apps.get_model("documents", "BackgroundNote")
    uk = MemberState.objects.create(name="United Kingdom")
    year = AgendaYear.objects.create(year=2021, penholder=uk)
    libya = Situation.objects.create(name="Libya")
    meeting = Meeting.objects.create(agenda_year=year, situation=libya, date=datetime.date(2021, 3, 10))
    return BackgroundNote.objects.create(
        meeting=meeting,
        status="shared" if shared_at else "draft",
        shared_at=shared_at,
        participation="<p>Working copy</p>",
        un_plans="<p>Plans</p>",
    )

"""The demo year is found by its DemoYear row (data), not by the text of its notes (issue 15, item 3)."""

from __future__ import annotations

import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command

from demo.management.commands.load_demo import DEMO_NOTE
from demo.models import DemoYear
from meetings.models import AgendaYear, Meeting
from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 11, 20, 15, 0, tzinfo=datetime.UTC)


def load():
    call_command("load_demo", "--no-users", stdout=io.StringIO())


def test_the_demo_year_is_marked_by_a_row_and_stays_the_demo_year_when_its_notes_are_edited(time_machine):
    time_machine.move_to(TODAY, tick=False)
    load()
    demo_year = AgendaYear.objects.get(year=2026)
    assert DemoYear.objects.get().agenda_year == demo_year
    # The secretariat rewords the notes: the year is still the demo's, and a reload still fills it (the old
    # loader matched the text, took the year for a real one and left its recommendations out).
    AgendaYear.objects.filter(pk=demo_year.pk).update(notes="Training year, reworded by the secretariat.")
    Recommendation.objects.filter(meeting__agenda_year=demo_year).delete()
    load()
    assert Recommendation.objects.filter(meeting__agenda_year=demo_year).exists()


def test_a_year_entered_for_real_is_left_alone_even_with_the_demo_text_in_its_notes(time_machine):
    time_machine.move_to(TODAY, tick=False)
    AgendaYear.objects.create(year=2026, notes=DEMO_NOTE)  # entered by hand, its notes pasted from the demo
    load()
    assert not DemoYear.objects.exists()
    assert not Meeting.objects.filter(agenda_year__year=2026).exists()
    assert not Recommendation.objects.filter(meeting__agenda_year__year=2026).exists()


def test_the_migration_marks_the_demo_year_of_a_database_loaded_before():
    migration = importlib.import_module("demo.migrations.0002_synth_mark_demo_years")
    old = AgendaYear.objects.create(year=2026, notes=migration.OLD_MARKER)
    AgendaYear.objects.create(year=2025, notes="A real year.")
    migration.mark(apps, None)
    migration.mark(apps, None)  # twice: still one row
    assert list(DemoYear.objects.values_list("agenda_year", flat=True)) == [old.pk]

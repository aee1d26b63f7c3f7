"""Migration 0006 moves each summary's fixed sections into ordered rows and gives it its co-chairs as
signatories; 0007 then drops the fixed fields. The text prints as before: the sections that had text, in their
old order and headings, the recommendations block where it was."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("documents", "0005_compose_signatories_sections")]
AFTER = [("documents", "0007_compose_drop_fixed_sections")]


def _migrate(targets):
    """Documents at ``targets``, every other app at its latest migration (as the database is): the models'
    state to create rows with."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    # Every other app at its latest, but those whose latest needs documents' (search indexes its tables).
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in ("documents", "search")]
    executor.migrate([*others, *targets])
    return executor.loader.project_state([*others, *targets]).apps


@pytest.fixture(autouse=True)
def _back_to_the_latest():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_old_fields_become_sections_and_cochairs_signatories():
    apps = _migrate(BEFORE)
    MemberState = apps.get_model("countries", "MemberState")
    AgendaYear = apps.get_model("meetings", "AgendaYear")
    Meeting = apps.get_model("meetings", "Meeting")
    Summary = apps.get_model("documents", "Summary")
    spain = MemberState.objects.create(name="Spain", iso3="ESP")
    uk = MemberState.objects.create(name="United Kingdom", iso3="GBR")
    year = AgendaYear.objects.create(year=2016, penholder=uk)
    year.co_chairs.set([uk, spain])
    meeting = Meeting.objects.create(agenda_year=year, kind="thematic", theme="WPAs", date=datetime.date(2016, 11, 10))
    summary = Summary.objects.create(
        meeting=meeting,
        title="Summary",
        introduction="<p>Intro</p>",
        main_points="<p>Points</p>",
        council_questions="",
        closing="<p>Thanks</p>",
    )

    apps = _migrate(AFTER)

    Section = apps.get_model("documents", "SummarySection")
    Signatory = apps.get_model("documents", "SummarySignatory")
    rows = list(Section.objects.filter(summary_id=summary.pk).order_by("order").values_list("heading", "kind", "body"))
    assert rows == [
        ("", "text", "<p>Intro</p>"),
        ("Main points raised", "text", "<p>Points</p>"),
        ("Recommendations", "recommendations", ""),
        ("", "text", "<p>Thanks</p>"),
    ]
    signatories = Signatory.objects.filter(summary_id=summary.pk).order_by("order")
    assert [(s.member_state.name, s.role) for s in signatories] == [
        ("Spain", "co_chair"),
        ("United Kingdom", "co_chair"),
    ]
    assert "introduction" not in {f.name for f in apps.get_model("documents", "Summary")._meta.get_fields()}

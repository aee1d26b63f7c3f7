"""The GIN indexes: on PostgreSQL one per searched table, with the very expression the search's query builds (so
the planner uses it); on SQLite none (the fallback needs none)."""

from __future__ import annotations

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

from search.engine import PER_SOURCE
from search.sources import CONFIG, SOURCES

pytestmark = pytest.mark.django_db


def _indexes() -> dict[str, str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'search_%%'")
        else:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'search_%'")
        return dict(cursor.fetchall())


def test_each_source_has_its_index_on_postgresql_only():
    indexes = _indexes()
    if connection.vendor != "postgresql":
        assert indexes == {}
        return
    for source in SOURCES:
        assert source.index_name() in indexes, source.name
        definition = indexes[source.index_name()]
        assert " USING gin " in definition and source.model._meta.db_table in definition
        assert f"'{CONFIG}'::regconfig" in definition


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.name)
def test_the_planner_can_use_the_index_for_the_search_query(source):
    if connection.vendor != "postgresql":
        assert source.index_name() not in _indexes()  # SQLite: the fallback reads the columns, no index to use
        return
    query = SearchQuery("ceasefire monitors", search_type="websearch", config=CONFIG)
    rows = source.model._default_manager.all()
    if source.expressions:
        rows = rows.annotate(**source.expressions)
    # Ordered as the search orders (search.engine._postgresql), not by the model's default ordering: a section's
    # default ordering joins its document, and on a table whose size the planner only guesses (never analysed,
    # grown by earlier tests' rolled-back rows) it may then walk the documents' primary key instead.
    rows = (
        rows.annotate(search_vector=source.vector())
        .filter(search_vector=query)
        .annotate(search_rank=SearchRank(F("search_vector"), query))
        .order_by("-search_rank", "-pk")
        .values("pk")[:PER_SOURCE]
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = rows.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert source.index_name() in plan, plan

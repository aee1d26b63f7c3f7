"""A migration operation for the search's GIN indexes: PostgreSQL only, and no part of the models' state.

The indexes serve ``to_tsvector(...) @@ websearch_to_tsquery(...)`` on the domain apps' tables (search.sources):
on SQLite the fallback search reads the columns with ``icontains`` and needs none, and an index the models do not
declare must not enter the migration state, or makemigrations would try to drop it.
"""

from __future__ import annotations

from django.db.migrations.operations.base import Operation


class AddPostgresIndex(Operation):
    """Add ``index`` to ``app_label.model_name`` on PostgreSQL; on any other database do nothing."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, app_label: str, model_name: str, index):
        self.app_label = app_label
        self.model_name = model_name
        self.index = index

    def state_forwards(self, app_label, state):
        pass  # the index is the database's alone (see the module's docstring)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(to_state.apps.get_model(self.app_label, self.model_name), self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(from_state.apps.get_model(self.app_label, self.model_name), self.index)

    def describe(self) -> str:
        return f"Add the PostgreSQL index {self.index.name} on {self.app_label}.{self.model_name}"

    @property
    def migration_name_fragment(self) -> str:
        return f"{self.model_name}_{self.index.name}"

    def deconstruct(self):
        return (
            self.__class__.__qualname__,
            [],
            {"app_label": self.app_label, "model_name": self.model_name, "index": self.index},
        )

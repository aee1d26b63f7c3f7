"""The permission layer sits below the domain apps: it imports none of them (not even inside a function) and
spells none of their statuses; the rules of a kind of object live with it (documents.access)."""

from __future__ import annotations

import ast
from pathlib import Path

import accounts.permissions

DOMAIN_APPS = {"meetings", "documents", "recommendations", "approvals", "notifications", "public"}
OTHER_APPS_STATUSES = {"draft", "in_review", "shared", "published", "approved", "submitted", "issued", "co_chairs"}


def _tree():
    return ast.parse(Path(accounts.permissions.__file__).read_text())


def test_the_permission_layer_imports_no_domain_app():
    imported = set()
    for node in ast.walk(_tree()):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & DOMAIN_APPS


def test_the_permission_layer_spells_no_other_apps_status():
    constants = [node.value for node in ast.walk(_tree()) if isinstance(node, ast.Constant)]
    assert not {value for value in constants if isinstance(value, str)} & OTHER_APPS_STATUSES

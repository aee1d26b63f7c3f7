"""Imports point one way: core at the bottom, then reference data and accounts, then the domain apps, then the
public site. Every import counts, inside a function too; tests and migrations are left out (tests build whole
worlds, migrations are history)."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

LAYERS = {
    "core": 0,
    "countries": 1,
    "accounts": 1,
    "meetings": 2,
    "recommendations": 2,
    "documents": 2,
    "approvals": 2,
    "notifications": 2,
    "network": 2,
    "public": 3,
}


def _imported_apps(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & LAYERS.keys()


def _violations() -> list[str]:
    root = Path(settings.BASE_DIR)
    found = []
    for app, layer in LAYERS.items():
        for path in sorted((root / app).rglob("*.py")):
            parts = path.relative_to(root / app).parts
            if "tests" in parts or "migrations" in parts:
                continue
            for other in sorted(_imported_apps(path)):
                if LAYERS[other] > layer:
                    found.append(f"{path.relative_to(root)} imports {other}")
    return found


def test_imports_point_down_the_layers():
    assert _violations() == []


def test_the_check_sees_an_upward_import(tmp_path, settings):
    (tmp_path / "countries").mkdir()
    (tmp_path / "countries" / "views.py").write_text("def page():\n    from meetings.models import Meeting\n")
    for app in LAYERS.keys() - {"countries"}:
        (tmp_path / app).mkdir()
    settings.BASE_DIR = tmp_path
    assert _violations() == ["countries/views.py imports meetings"]

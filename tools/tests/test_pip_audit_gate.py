"""`make security` fails when pip-audit audited nothing, unless the audit service is unreachable on purpose."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.pip_audit_gate import judge

ROOT = Path(__file__).resolve().parents[2]
ALL_SKIPPED = json.dumps(
    {
        "dependencies": [
            {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited: django (5.2)"},
            {"name": "celery", "skip_reason": "Dependency not found on PyPI and could not be audited: celery (5.7)"},
        ],
        "fixes": [],
    }
)
CLEAN = json.dumps({"dependencies": [{"name": "django", "version": "5.2", "vulns": []}], "fixes": []})
VULNERABLE = json.dumps(
    {"dependencies": [{"name": "django", "version": "5.2", "vulns": [{"id": "PYSEC-2026-1", "fix_versions": []}]}]}
)


def test_nothing_audited_fails():
    verdict = judge(ALL_SKIPPED, 0, offline=False)
    assert verdict.exit_code == 1
    assert "audited nothing" in verdict.lines[0] and "PIP_AUDIT_OFFLINE=1" in verdict.lines[0]


def test_nothing_audited_on_purpose_passes_and_says_so_in_one_line():
    verdict = judge(ALL_SKIPPED, 0, offline=True)
    assert verdict.exit_code == 0
    assert len(verdict.lines) == 1
    assert "NOT audited" in verdict.lines[0] and "PIP_AUDIT_OFFLINE=1" in verdict.lines[0]


@pytest.mark.parametrize("output", ["", "Traceback (most recent call last): ...", "[]", '{"dependencies": 3}'])
def test_no_report_at_all_is_nothing_audited(output):
    assert judge(output, 1, offline=False).exit_code == 1
    assert judge(output, 1, offline=True).exit_code == 0


def test_a_real_audit_passes_or_fails_on_its_findings():
    assert judge(CLEAN, 0, offline=False) == judge(CLEAN, 0, offline=True)
    assert judge(CLEAN, 0, offline=False).exit_code == 0
    vulnerable = judge(VULNERABLE, 1, offline=True)
    assert vulnerable.exit_code == 1 and "PYSEC-2026-1" in vulnerable.lines[0]


def _gate(tmp_path, report: str, **env) -> subprocess.CompletedProcess:
    """Run the gate with a stand-in pip-audit that prints ``report`` (no network, no install)."""
    fake = tmp_path / "pip_audit"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(f"print({report!r})\nprint('No known vulnerabilities found')\n")
    environment = {k: v for k, v in os.environ.items() if k != "PIP_AUDIT_OFFLINE"}
    environment.update(PYTHONPATH=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "tools/pip_audit_gate.py", "-r", "requirements.txt"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_gate_fails_when_pip_audit_skipped_every_package(tmp_path):
    result = _gate(tmp_path, ALL_SKIPPED)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "audited nothing" in result.stdout


def test_the_gate_passes_offline_with_one_line(tmp_path):
    result = _gate(tmp_path, ALL_SKIPPED, PIP_AUDIT_OFFLINE="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_make_security_and_ci_use_the_gate():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nsecurity:", 1)[1].split("\n\n", 1)[0]
    assert "tools/pip_audit_gate.py" in recipe
    ci = (ROOT / ".ci" / "run").read_text()
    assert "PIP_AUDIT_OFFLINE=1" in ci.split("make security", 1)[0] or "PIP_AUDIT_OFFLINE=1 make security" in ci

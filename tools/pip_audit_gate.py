"""`make security`'s dependency audit: run pip-audit and fail unless it really audited something.

pip-audit says "No known vulnerabilities found" and exits 0 even when its vulnerability service could not be
reached and every package was skipped ("could not be audited"): nothing was checked. This gate reads its JSON
report and exits non-zero when nothing was audited, unless ``PIP_AUDIT_OFFLINE=1`` says the service is
unreachable on purpose (a machine without internet access); then it says so in one line and exits 0.

    python tools/pip_audit_gate.py -r requirements.txt     # extra arguments go to pip-audit
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass

OFFLINE_VARIABLE = "PIP_AUDIT_OFFLINE"


@dataclass(frozen=True)
class Verdict:
    exit_code: int
    lines: list[str]


def judge(report_text: str, returncode: int, *, offline: bool) -> Verdict:
    """What pip-audit's JSON report (and its exit code) means for the build. Pure: no process, no environment."""
    try:
        dependencies = json.loads(report_text).get("dependencies", [])
    except (ValueError, AttributeError):
        dependencies = None  # no report at all: pip-audit failed before auditing anything
    if not isinstance(dependencies, list):
        dependencies = []
    audited = [d for d in dependencies if isinstance(d, dict) and "skip_reason" not in d]
    skipped = [d for d in dependencies if isinstance(d, dict) and "skip_reason" in d]
    vulnerable = [d for d in audited if d.get("vulns")]
    lines = [
        f"{d.get('name')} {d.get('version')}: " + ", ".join(v.get("id", "?") for v in d["vulns"]) for d in vulnerable
    ]
    if vulnerable:
        return Verdict(1, [*lines, f"pip-audit: {len(vulnerable)} of {len(audited)} audited packages are vulnerable."])
    if not audited:
        if offline:
            return Verdict(
                0,
                [
                    f"pip-audit: NOT audited ({len(skipped)} packages skipped): the vulnerability service is "
                    f"unreachable on purpose ({OFFLINE_VARIABLE}=1)."
                ],
            )
        reason = f"all {len(skipped)} packages were skipped" if skipped else f"pip-audit exited {returncode}"
        return Verdict(
            1,
            [
                f"pip-audit audited nothing ({reason}; is its vulnerability service unreachable?). "
                f"Set {OFFLINE_VARIABLE}=1 if that is on purpose."
            ],
        )
    if returncode != 0:
        return Verdict(returncode, [f"pip-audit exited {returncode} after auditing {len(audited)} packages."])
    summary = f"pip-audit: {len(audited)} packages audited, no known vulnerabilities"
    if skipped:
        summary += f"; {len(skipped)} NOT audited: " + ", ".join(str(d.get("name")) for d in skipped)
    return Verdict(0, [summary + "."])


def main(argv: list[str]) -> int:
    command = [sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "--format", "json", *argv]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (our own argv)
    offline = os.environ.get(OFFLINE_VARIABLE, "") not in ("", "0")
    verdict = judge(result.stdout, result.returncode, offline=offline)
    if verdict.exit_code and not result.stdout.lstrip().startswith("{") and result.stderr.strip():
        print(result.stderr.strip(), file=sys.stderr)  # pip-audit failed before writing a report: show why
    for line in verdict.lines:
        print(line)
    return verdict.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

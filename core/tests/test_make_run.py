"""`make run` starts the web server, worker and beat, and a Ctrl-C stops every one of them within seconds.

The real Makefile target runs in its own process group, on a fresh SQLite database and the filesystem broker in
a temporary VAR_DIR, on a free port, with the virtualenv this test runs in (nothing is reinstalled: `-o` marks
the install stamps as up to date). SIGINT goes to the group, as a Ctrl-C in the terminal would.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent
STOP_SECONDS = 10

pytestmark = pytest.mark.skipif(
    shutil.which("make") is None or not Path("/proc").is_dir() or not (VENV / "bin" / "python").exists(),
    reason="needs make, /proc and a virtualenv",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes() -> dict[int, tuple[int, int, str]]:
    """pid -> (ppid, pgrp, state) of every process on the machine."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            table[int(entry.name)] = (int(fields[1]), int(fields[2]), fields[0])
    return table


def family(root: int) -> set[int]:
    """``root``, its descendants and the members of its process group (living, not zombies)."""
    table = processes()
    found = {root} | {pid for pid, (_, pgrp, _) in table.items() if pgrp == root}
    grew = True
    while grew:
        more = {pid for pid, (ppid, _, _) in table.items() if ppid in found} - found
        found |= more
        grew = bool(more)
    return {pid for pid in found if pid in table and table[pid][2] != "Z"}


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=2) as response:  # noqa: S310
            return response.status == 200
    except OSError:
        return False


def test_make_run_serves_then_stops_every_process_on_ctrl_c(tmp_path):
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SITE_URL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}
    }
    env.update(DEBUG="1", VAR_DIR=str(tmp_path / "var"))
    log = (tmp_path / "make-run.log").open("w+b")
    make = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "run",
            f"PORT={port}",
            f"VENV={VENV}",
            "-o",
            f"{VENV}/.installed",
            "-o",
            f"{VENV}/bin/activate",
        ],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, like a shell job
    )
    started: set[int] = set()
    try:
        deadline = time.monotonic() + 120  # a fresh database: migrate + load_demo (~25 s unloaded)
        while time.monotonic() < deadline and make.poll() is None:
            if answers(port) and b"Demo users" in Path(log.name).read_bytes():
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"make run did not answer on port {port}:\n{Path(log.name).read_text()[-3000:]}")
        started = family(make.pid)
        before = Path(log.name).read_text()
        os.killpg(make.pid, signal.SIGINT)
        stop_deadline = time.monotonic() + STOP_SECONDS
        while time.monotonic() < stop_deadline and (started & family_of(started)):
            time.sleep(0.2)
        left = started & family_of(started)
        make.wait(timeout=5)
        output = Path(log.name).read_text()
    finally:
        for pid in started | ({make.pid} if make.poll() is None else set()):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        log.close()

    after = output[len(before) :]
    assert not left, f"still running {STOP_SECONDS} s after Ctrl-C: {sorted(left)}\n{after}"
    assert len(started) >= 4, started  # make, the supervisor, the web server and the worker (at least)
    assert after.count("Warm shutdown") <= 1, after[:3000]
    assert len(after.splitlines()) <= 15, after[:3000]
    assert "Segmentation fault" not in output and make.returncode != -signal.SIGSEGV
    # Demo accounts come last, after the server's and the worker's start-up lines.
    accounts = before.rindex("Demo users")
    assert before.index("Quit the server with CONTROL-C") < accounts
    assert before.index(" ready.") < accounts
    assert "secretariat" in before[accounts:]
    # PORT sets the links in emails and iCal feeds.
    assert f"Links in emails and iCal feeds: http://127.0.0.1:{port}\n" in before
    assert (tmp_path / "var" / "demo-accounts.json").stat().st_mode & 0o777 == 0o600


def family_of(pids: set[int]) -> set[int]:
    table = processes()
    return {pid for pid in pids if pid in table and table[pid][2] != "Z"}

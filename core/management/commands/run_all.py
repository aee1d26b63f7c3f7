"""``make run``: the web server, a Celery worker and beat, started and stopped together.

Each child runs in its own process group, so a Ctrl-C in the terminal (or a signal to ``make run``'s process
group) reaches only this supervisor, which forwards it once to each child's group, waits up to
``--grace`` seconds, then kills what is left and returns 0. Children's output goes through this process;
the demo accounts (``core.demo_accounts``) are printed last, once the server answers and the worker is ready.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core import demo_accounts

READY_TIMEOUT_SECONDS = 60
POLL_SECONDS = 0.2


def group_alive(pgid: int) -> bool:
    """True while a process (not a zombie) of group ``pgid`` is left."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            return True
    return False


class Child:
    def __init__(
        self, name: str, args: list[str], *, env: dict[str, str], ready_text: str | None = None, whole_group: bool
    ):
        self.name = name
        self.whole_group = whole_group
        self.ready = threading.Event()
        self.popen = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            process_group=0,  # its own group: the terminal's Ctrl-C reaches only the supervisor
        )
        self.reader = threading.Thread(target=self._relay, args=(ready_text,), daemon=True)
        self.reader.start()

    def _relay(self, ready_text: str | None) -> None:
        for raw in self.popen.stdout:
            line = raw.decode("utf-8", "replace")
            sys.stdout.write(line)
            sys.stdout.flush()
            if ready_text and ready_text in line:
                self.ready.set()

    def signal(self, signum: int) -> None:
        """Stop it as a terminal would (the whole group), or through its main process when that one stops its
        own children: Celery's pool processes die at once on a SIGTERM of their own instead of finishing."""
        try:
            if self.whole_group or signum == signal.SIGKILL:
                os.killpg(self.popen.pid, signum)
            else:
                os.kill(self.popen.pid, signum)
        except ProcessLookupError:
            pass

    def alive(self) -> bool:
        self.popen.poll()
        return group_alive(self.popen.pid)


class Command(BaseCommand):
    help = "Run the web server, a Celery worker and beat together; Ctrl-C stops all three."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--grace", type=float, default=6.0, help="Seconds to wait before killing what is left.")

    def handle(self, *args, port: int, grace: float, **options):
        received: list[int] = []

        def on_signal(signum, frame):
            received.append(signum)

        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, on_signal)

        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        self.stdout.write(f"Serving IEG Workbench on http://127.0.0.1:{port} (worker and beat beside it)")
        self.stdout.write(f"Links in emails and iCal feeds: {settings.SITE_URL}")
        self.stdout.flush()
        children = [
            # The autoreloader's parent and its server child both stop on the signal.
            Child("web", [sys.executable, manage, "runserver", f"127.0.0.1:{port}"], env=env, whole_group=True),
            Child(
                "worker",
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "iegwps",
                    "worker",
                    "--beat",
                    "--loglevel=INFO",
                    "--concurrency=2",
                    f"--schedule={settings.CELERY_BEAT_SCHEDULE_FILENAME}",
                ],
                env=env,
                ready_text=" ready.",
                whole_group=False,  # the worker's warm shutdown stops its pool and the embedded beat
            ),
        ]
        web, worker = children
        started = time.monotonic()
        listed = False
        failed = None
        while not received:
            if not listed and (
                (self.answers(port) and worker.ready.is_set()) or time.monotonic() - started > READY_TIMEOUT_SECONDS
            ):
                self.list_accounts(port)
                listed = True
            for child in children:
                if child.popen.poll() is not None:
                    failed = child
                    break
            if failed:
                break
            time.sleep(POLL_SECONDS)

        if failed:
            self.stderr.write(f"The {failed.name} process stopped (exit {failed.popen.returncode}); stopping the rest.")
        else:
            self.stdout.write(f"Stopping (signal {signal.Signals(received[0]).name}) ...")
        self.stdout.flush()
        signum = received[0] if received else signal.SIGTERM
        for child in children:
            child.signal(signum)  # once: a second signal would make Celery's warm shutdown a cold one
        deadline = time.monotonic() + grace
        while any(child.alive() for child in children) and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
        for child in children:
            if child.alive():
                self.stderr.write(f"The {child.name} process did not stop within {grace:g} s: killed.")
                child.signal(signal.SIGKILL)
        for child in children:
            child.popen.wait()
            child.reader.join(timeout=2)
        self.stdout.write("Stopped.")
        if failed:
            sys.exit(1)

    @staticmethod
    def answers(port: int) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    def list_accounts(self, port: int) -> None:
        rows = demo_accounts.read_accounts()
        if not rows:
            return
        self.stdout.write("")
        self.stdout.write(f"Demo users (the same on every restart; kept in {demo_accounts.accounts_file()}):")
        self.stdout.write("\n".join(demo_accounts.format_accounts(rows)))
        self.stdout.write(f"Sign in at http://127.0.0.1:{port}/ ; Ctrl-C stops everything.")
        self.stdout.flush()

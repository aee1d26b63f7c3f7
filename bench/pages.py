"""Server time and query count of the main pages, in process, against a bare view (called by bench/run.py).

Each request goes through Django's WSGI handler with the whole middleware stack, a session cookie and the
database named by DATABASE_URL; the time is from the handler call to the end of the response (body and close),
so it is the server's own time without HTTP parsing or network (the Python process's CPU time is reported
too: on a machine shared with other work it varies less than wall time). Pages and the bare view are measured in
interleaved rounds (shuffled order each round) after a warm-up, so that machine load affects them alike.
Prints one JSON object on stdout.

    DEBUG=0 SECRET_KEY=... DATABASE_URL=postgres://... .venv/bin/python bench/pages.py --rounds 150
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def environ(path: str, cookie: str) -> dict:
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT": "text/html",
        "HTTP_COOKIE": cookie,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=150, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=10, help="unmeasured requests per page first")
    parser.add_argument("--counts-only", action="store_true", help="only count each page's queries")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench import targets
    from bench.urls import BARE_PATH, SIGNED_IN_BARE_PATH

    handler = WSGIHandler()
    db_seconds = [0.0]

    def timed_query(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            db_seconds[0] += time.perf_counter() - started

    last_body = [b""]

    def call(path: str, cookie: str) -> tuple[int, int, float, float]:
        statuses = []
        cpu = time.thread_time()
        started = time.perf_counter()
        result = handler(environ(path, cookie), lambda status, headers, exc_info=None: statuses.append(status))
        last_body[0] = b"".join(result)
        result.close()
        seconds, cpu_seconds = time.perf_counter() - started, time.thread_time() - cpu
        return int(statuses[0].split()[0]), len(last_body[0]), seconds, cpu_seconds

    s = targets.scene()
    targets.ensure_admin()
    every_page = (*targets.MAIN_PAGES, *targets.ADMIN_PAGES)
    cookies = {user: targets.session_cookie(user) for user in {p.user for p in every_page}}
    plan, skipped = [], []
    for page in every_page:
        path = targets.page_path(page, s)
        if path is None:
            skipped.append(page.label)
        else:
            item = {"label": page.label, "path": path, "cookie": cookies[page.user], "user": page.user}
            if page in targets.ADMIN_PAGES:
                item["admin"] = True  # compared with, not a main page of the app
            plan.append(item)
    # No page cache: every request renders its page anew.
    if not args.counts_only:
        plan.append(
            {
                "label": "signed-in bare view",
                "path": SIGNED_IN_BARE_PATH,
                "cookie": cookies[targets.SECRETARIAT],
                "user": targets.SECRETARIAT,
                "baseline": True,
            }
        )
    bare = {"label": "bare view", "path": BARE_PATH, "cookie": cookies[targets.SECRETARIAT], "user": "bare"}
    for item in [bare, *plan]:
        for _ in range(max(args.warmup, 2)):
            item["status"], item["bytes"], _wall, _cpu = call(item["path"], item["cookie"])
        item["rows"] = targets.table_rows(last_body[0])
        # Queries with an empty cache, then with what the cache holds (sessions, PDFs): equal with no page cache.
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            call(item["path"], item["cookie"])
        item["queries"] = len(queries.captured_queries)
        with CaptureQueriesContext(connection) as queries:
            call(item["path"], item["cookie"])
        item["queries_cached"] = len(queries.captured_queries)

    if not args.counts_only:
        # The counts above emptied the cache (sessions): warm every page again.
        for item in [bare, *plan]:
            call(item["path"], item["cookie"])
        rng = random.Random(1)
        times: dict[str, list[float]] = {item["label"]: [] for item in [bare, *plan]}
        cpu: dict[str, list[float]] = {item["label"]: [] for item in [bare, *plan]}
        db: dict[str, list[float]] = {item["label"]: [] for item in [bare, *plan]}
        for _ in range(args.rounds):
            order = [bare, *plan]
            rng.shuffle(order)
            for item in order:
                db_seconds[0] = 0.0
                with connection.execute_wrapper(timed_query):
                    status, _size, seconds, cpu_seconds = call(item["path"], item["cookie"])
                if status != item["status"]:
                    item["status"] = status
                times[item["label"]].append(seconds)
                cpu[item["label"]].append(cpu_seconds)
                db[item["label"]].append(db_seconds[0])
        for item in [bare, *plan]:
            values = times[item["label"]]
            item["median_ms"] = statistics.median(values) * 1000
            item["p95_ms"] = percentile(values, 0.95) * 1000
            item["rounds"] = len(values)
            # This process's own CPU time (not PostgreSQL's, not waiting for the CPU): steadier on a busy machine.
            item["cpu_median_ms"] = statistics.median(cpu[item["label"]]) * 1000
            # Time spent in database calls (round trips included), the rest being Python: views and templates.
            item["db_median_ms"] = statistics.median(db[item["label"]]) * 1000
            # Raw figures, so that a caller can merge runs made in turns (bench/run.py alternates scales).
            item["samples"] = {
                "wall": [round(v * 1000, 4) for v in values],
                "cpu": [round(v * 1000, 4) for v in cpu[item["label"]]],
                "db": [round(v * 1000, 4) for v in db[item["label"]]],
            }

    for item in [bare, *plan]:
        item.pop("cookie")
    print(json.dumps({"bare": bare, "pages": plan, "skipped": skipped, "scene": vars(s) | {"today": str(s.today)}}))


if __name__ == "__main__":
    main()

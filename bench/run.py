"""IEG Workbench benchmarks (``make bench``): one line per figure, each with the command that reproduces it.

Figures
  latency  median and p95 server time of the main pages at scale N (default 10), in the same run as a bare view
           returning a constant through the same middleware and the same once signed in; each signed-in page's
           ratio to the signed-in one (target: within 10x), the public list's to the bare view.
  queries  each page's query count at scale 1 and at scale N (target: equal).
  pdf      summary PDF through the app against WeasyPrint alone on the same HTML (bench/bench_pdf.py).
  sweep    the reminder sweep over 100,000 open steps: seconds and queries (bench/bench_sweep.py).
  load     gunicorn with the production settings on PostgreSQL, 20 wrk connections for 60 s over pages and
           note downloads: throughput, p50/p95/p99, errors (target: 0 errors, p95 under 300 ms).
  load-redis-cut  the same load with Redis (cache and broker) cut for the middle third of the run, through a TCP
           proxy (core/tests/tcpproxy.py): errors (target 0) and p95.

Data comes from ``manage.py generate_bulk`` into PostgreSQL databases this script creates and drops
(``ieg_bench_*``, from a migrated template; never the test suite's). Environment: BENCH_SCALE (default 10),
BENCH_LOAD_SECONDS (60), BENCH_ROUNDS (150 requests per page), BENCH_SCRIPT_TIMEOUT (900 s for bench_pdf.py and
bench_sweep.py each), BENCH_POSTGRES_URL
(postgres://postgres@127.0.0.1:5432), BENCH_REDIS_URL (redis://127.0.0.1:6379/13: cache and broker as in
production, flushed first; without Redis, each process caches in local memory).

    DEBUG=0 .venv/bin/python bench/run.py [--only latency,queries,pdf,sweep,load,load-redis-cut]
        [--scale 10] [--keep-dbs]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import secrets
import signal
import statistics
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = ".venv/bin/python"  # as printed in the commands that reproduce a figure
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
# Several people benchmarking on one server each take their own databases: BENCH_DB_PREFIX=ieg_bench_<name>.
DB_PREFIX = os.environ.get("BENCH_DB_PREFIX", "ieg_bench")
assert DB_PREFIX.startswith("ieg_bench"), DB_PREFIX  # the bench drops what it makes: never the suite's databases
TEMPLATE_DB = f"{DB_PREFIX}_template"
SEED = 2016
TARGET_RATIO = 10.0  # each page against the signed-in bare view (the public list: the bare view); no page cache
TARGET_P95_MS = 300
SCRIPT_TIMEOUT = float(os.environ.get("BENCH_SCRIPT_TIMEOUT", "900"))  # seconds for a teammate's bench script
PHASES = ("queries", "latency", "pdf", "sweep", "load", "load-redis-cut")
WORK = BASE_DIR / "var" / "bench"


def say(line: str = "") -> None:
    print(line, flush=True)


def figure(kind: str, label: str, text: str, command: str) -> None:
    say(f"[{kind}] {label:<36} {text}   $ {command}")


def db_name(scale: float) -> str:
    return f"{DB_PREFIX}_s" + format(scale, "g").replace(".", "_").replace("-", "")


def db_url(name: str) -> str:
    return f"{POSTGRES_URL}/{name}"


def admin(*statements: str, dbname: str = "postgres") -> None:
    """Run statements on the server's ``postgres`` database (CREATE/DROP DATABASE need autocommit)."""
    import psycopg2

    parts = urlsplit(POSTGRES_URL)
    conn = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname=dbname
    )
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
    finally:
        conn.close()


def drop(name: str) -> None:
    assert name.startswith(DB_PREFIX), name  # never anything else, above all not the test suite's database
    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_url() -> str | None:
    """The bench's own Redis database (production runs with REDIS_URL: cache and broker), emptied first; None
    when no Redis answers (then each process has its local-memory cache, as in development)."""
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=1)
        client.flushdb()  # only this database number: the bench's
    except Exception:  # noqa: BLE001 - any failure means: no Redis for the bench
        return None
    return url


def environment(database_url: str | None = None) -> dict[str, str]:
    """Production settings, relaxed only where plain HTTP on 127.0.0.1 needs it (as the issue says)."""
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    if REDIS_URL:
        env["REDIS_URL"] = REDIS_URL
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "STATIC_MANIFEST": "1",
            "STATIC_ROOT": str(WORK / "static"),
            "VAR_DIR": str(WORK / "var"),
            "MEDIA_ROOT": str(WORK / "media"),
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "iegwps.settings",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


class TimedOut(Exception):
    pass


def run(command: list[str], env: dict[str, str], what: str, timeout: float | None = None) -> str:
    process = subprocess.Popen(
        command,
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the script and anything it started, nothing else
        process.communicate()
        raise TimedOut(f"{what} did not finish within {timeout:.0f} s") from None
    done = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    if done.returncode != 0:
        say(f"FAILED: {what} (exit {done.returncode})")
        say(done.stdout[-3000:])
        say(done.stderr[-5000:])
        raise SystemExit(1)
    return done.stdout


def last_json(output: str) -> dict:
    for line in reversed(output.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError(f"no JSON in output: {output[-500:]}")


class Databases:
    """The bench's PostgreSQL databases: a migrated template, then one generated database per scale."""

    def __init__(self, reuse: bool):
        self.reuse = reuse
        self.made: list[str] = []
        self.template_ready = False
        self.summaries: dict[float, str] = {}
        self.ready: dict[float, str] = {}

    def exists(self, name: str) -> bool:
        import psycopg2

        try:
            psycopg2.connect(db_url(name)).close()
        except psycopg2.OperationalError:
            return False
        return True

    def template(self) -> None:
        if self.template_ready:
            return
        drop(TEMPLATE_DB)
        admin(f'CREATE DATABASE "{TEMPLATE_DB}"')
        self.made.append(TEMPLATE_DB)
        started = time.perf_counter()
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], environment(db_url(TEMPLATE_DB)), "migrate")
        say(f"  migrated the template database in {time.perf_counter() - started:.0f} s")
        self.template_ready = True

    def at_scale(self, scale: float) -> str:
        if scale in self.ready:
            return self.ready[scale]
        name = db_name(scale)
        if self.reuse and self.exists(name):
            say(f"  reusing {name} (migrated to the current code)")
            run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], environment(db_url(name)), "migrate")
            self.ready[scale] = db_url(name)
            return self.ready[scale]
        self.template()
        drop(name)
        admin(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DB}"')
        self.made.append(name)
        command = [PYTHON, "manage.py", "generate_bulk", "--scale", format(scale, "g"), "--seed", str(SEED)]
        started = time.perf_counter()
        out = run(command, environment(db_url(name)), f"generate_bulk --scale {scale:g}")
        admin("ANALYZE", dbname=name)  # fresh planner statistics, as a database in service has
        counts = dict(
            (parts[0], int(parts[1].replace(",", "")))
            for parts in (line.split() for line in out.splitlines())
            if len(parts) == 2 and parts[1].replace(",", "").isdigit()
        )
        self.summaries[scale] = (
            f"{counts.get('meetings.Meeting', 0):,} meetings, {counts.get('recommendations.Recommendation', 0):,} "
            f"recommendations, {counts.get('meetings.TimelineStep', 0):,} steps, {sum(counts.values()):,} rows"
        )
        say(
            f"  scale {scale:g}: {self.summaries[scale]}, generated in {time.perf_counter() - started:.0f} s "
            f"(DATABASE_URL={db_url(name)} {PYTHON} manage.py generate_bulk --scale {scale:g} --seed {SEED})"
        )
        self.ready[scale] = db_url(name)
        return self.ready[scale]

    def drop_all(self) -> None:
        for name in reversed(self.made):
            drop(name)


def collectstatic() -> None:
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], environment(), "collectstatic")


def pages(database_url: str, counts_only: bool, rounds: int | None = None) -> dict:
    rounds = rounds or int(os.environ.get("BENCH_ROUNDS", "150"))
    command = [PYTHON, "bench/pages.py", "--rounds", str(rounds)]
    if counts_only:
        command.append("--counts-only")
    return last_json(run(command, environment(database_url), "bench/pages.py"))


def merged(results: list[dict]) -> dict:
    """One result from runs made in turns: samples pooled, medians and p95 computed on the pool."""
    first = results[0]
    items = [first["bare"], *first["pages"]]
    for item in items:
        pool = {"wall": [], "cpu": [], "db": []}
        for result in results:
            match = next(i for i in [result["bare"], *result["pages"]] if i["label"] == item["label"])
            for key in pool:
                pool[key] += match["samples"][key]
            if match["status"] != 200:
                item["status"] = match["status"]
        item["median_ms"] = statistics.median(pool["wall"])
        item["p95_ms"] = percentile(pool["wall"], 0.95)
        item["cpu_median_ms"] = statistics.median(pool["cpu"])
        item["db_median_ms"] = statistics.median(pool["db"])
        item["rounds"] = len(pool["wall"])
    return first


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def timed_pages(dbs: Databases, scales: list[float], turns: int = 3) -> dict[float, dict]:
    """Each scale's pages measured in turns (scale 10, scale 1, scale 10, ...), so that the machine's other work
    weighs on both alike; BENCH_ROUNDS requests per page and scale in all."""
    rounds = int(os.environ.get("BENCH_ROUNDS", "150"))
    urls = {scale: dbs.at_scale(scale) for scale in scales}
    runs: dict[float, list[dict]] = {scale: [] for scale in scales}
    for _turn in range(turns):
        for scale in scales:
            runs[scale].append(pages(urls[scale], counts_only=False, rounds=max(1, rounds // turns)))
    return {scale: merged(results) for scale, results in runs.items()}


def small_scale(scale: float) -> float:
    """The scale compared with: 1 (one decade) for a run at 10, a tenth of a smaller one."""
    return 1.0 if scale > 1 else scale / 10


def latency(dbs: Databases, scale: float) -> None:
    command = f"DEBUG=0 {PYTHON} bench/run.py --only latency --scale {scale:g}"
    small = small_scale(scale)
    timed = timed_pages(dbs, [scale, small])
    result, few = timed[scale], timed[small]
    bare = result["bare"]
    figure(
        "latency",
        f"bare view (scale {scale:g})",
        f"median {bare['median_ms']:7.2f} ms   p95 {bare['p95_ms']:7.2f} ms   {bare['queries']:>2} queries   "
        f"(cpu {bare['cpu_median_ms']:.2f} ms)",
        command,
    )
    floor = next((p for p in result["pages"] if p.get("baseline")), None)
    if floor is not None:
        figure(
            "latency",
            f"signed-in bare view (scale {scale:g})",
            f"median {floor['median_ms']:7.2f} ms   p95 {floor['p95_ms']:7.2f} ms   {floor['queries']:>2} queries   "
            f"ratio {floor['median_ms'] / bare['median_ms']:5.1f}x: the session and user lookup every signed-in page "
            f"pays (cpu {floor['cpu_median_ms']:.2f} ms)",
            command,
        )
    for page in result["pages"]:
        if page.get("baseline") or page.get("admin"):
            continue
        # Signed-in pages against the signed-in floor, the (anonymous) public list against the bare view.
        base = floor if floor and page["user"] else bare
        ratio = page["median_ms"] / base["median_ms"]
        ratio95 = page["p95_ms"] / base["p95_ms"]
        verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
        status = "" if page["status"] == 200 else f"   HTTP {page['status']}!"
        figure(
            "latency",
            f"{page['label']} (scale {scale:g})",
            f"median {page['median_ms']:7.2f} ms   p95 {page['p95_ms']:7.2f} ms   {page['queries']:>2} queries   "
            f"{'floor' if base is floor else 'bare'} x{ratio:4.1f} (p95 {ratio95:4.1f}x), target <= "
            f"{TARGET_RATIO:g}x: {verdict}   (bare x{page['median_ms'] / bare['median_ms']:.1f}, "
            f"in queries {page['db_median_ms']:.1f} ms, cpu {page['cpu_median_ms']:.1f} ms, "
            f"{page['bytes'] // 1024} kB){status}",
            command,
        )
    tracker_vs_admin(result["pages"], scale, command)
    for label in result["skipped"]:
        say(f"skipped: {label} (URL not found)")
    # The same pages on a tenth of the history, measured in turns with the above: do pages slow down as years
    # pile up?
    by_label = {p["label"]: p for p in few["pages"]}
    for page in result["pages"]:
        other = by_label.get(page["label"])
        if other is None:
            continue
        figure(
            "latency",
            f"{page['label']} (scale {scale:g} / {small:g})",
            f"median {page['median_ms'] / other['median_ms']:4.2f}x ({page['median_ms']:.1f} / "
            f"{other['median_ms']:.1f} ms; bare view {result['bare']['median_ms']:.2f} / "
            f"{few['bare']['median_ms']:.2f} ms), {page['bytes'] // 1024} / {other['bytes'] // 1024} kB",
            command,
        )


def tracker_vs_admin(pages: list[dict], scale: float, command: str) -> None:
    """The tracker against the Django admin's changelist of recommendations, per row shown, in the same rounds."""
    by_label = {p["label"]: p for p in pages}
    tracker, admin_list = by_label.get("tracker"), by_label.get("admin: recommendations")
    if not (tracker and admin_list and tracker["rows"] and admin_list["rows"]):
        say("skipped: tracker against the admin changelist (a page is missing or shows no rows)")
        return
    per_row = {label: p["median_ms"] / p["rows"] for label, p in (("tracker", tracker), ("admin", admin_list))}
    ratio = per_row["tracker"] / per_row["admin"]
    figure(
        "latency",
        f"tracker per row against the admin changelist (scale {scale:g})",
        f"tracker {per_row['tracker']:.3f} ms/row ({tracker['median_ms']:.1f} ms, {tracker['rows']} rows)   "
        f"admin {per_row['admin']:.3f} ms/row ({admin_list['median_ms']:.1f} ms, {admin_list['rows']} rows)   "
        f"ratio {ratio:.2f}x, target <= 1x: {'met' if ratio <= 1 else 'NOT met'}",
        command,
    )


def queries(dbs: Databases, scale: float) -> None:
    small = small_scale(scale)
    command = f"DEBUG=0 {PYTHON} bench/run.py --only queries --scale {scale:g}"
    few = pages(dbs.at_scale(small), counts_only=True)
    many = pages(dbs.at_scale(scale), counts_only=True)
    by_label = {p["label"]: p for p in few["pages"]}
    for page in many["pages"]:
        other = by_label.get(page["label"])
        if other is None:
            continue
        same = "equal" if other["queries"] == page["queries"] else "NOT equal"
        cached = ""
        if (other["queries_cached"], page["queries_cached"]) != (other["queries"], page["queries"]):
            cached = f"   (from a warm cache: {other['queries_cached']} and {page['queries_cached']})"
        figure(
            "queries",
            page["label"],
            f"scale {small:g}: {other['queries']:>2}   scale {scale:g}: {page['queries']:>2}   {same}{cached}",
            command,
        )
    for label in sorted(set(few["skipped"]) | set(many["skipped"])):
        say(f"skipped: {label} (URL not found)")


def teammate_script(kind: str, label: str, script: str, env: dict[str, str], reproduce: str, cleanup=None) -> None:
    """Run a teammate's bench script and print each of its lines as a figure line."""
    if not (BASE_DIR / script).exists():
        say(f"skipped: {kind} ({script} not present yet)")
        return
    try:
        out = run([PYTHON, script], env, script, timeout=SCRIPT_TIMEOUT)
    except TimedOut as exc:
        figure(kind, label, f"NOT measured: {exc} (BENCH_SCRIPT_TIMEOUT)", reproduce)
        if cleanup:
            cleanup()
        return
    for line in out.strip().splitlines():
        if line.lower().startswith("reproduce"):
            continue  # the command is printed on every line
        figure(kind, label, line.strip(), reproduce)


def pdf() -> None:
    teammate_script("pdf", "summary PDF", "bench/bench_pdf.py", environment(), f"DEBUG=0 {PYTHON} bench/bench_pdf.py")


def sweep() -> None:
    # The sweep bench makes (and drops) its own test database next to this server's: test_<prefix>_sweep.
    url = db_url(f"{DB_PREFIX}_sweep")
    reproduce = f"DATABASE_URL={url} DEBUG=0 {PYTHON} bench/bench_sweep.py"

    def drop_test_database():
        # Killing the script leaves its query running in PostgreSQL: end it, then drop the database it made.
        admin(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'test_{DB_PREFIX}_sweep'",
            f'DROP DATABASE IF EXISTS "test_{DB_PREFIX}_sweep" WITH (FORCE)',
        )

    teammate_script(
        "sweep", "reminder sweep", "bench/bench_sweep.py", environment(url), reproduce, cleanup=drop_test_database
    )


def load(dbs: Databases, scale: float, seconds: int, cut_redis: int = 0) -> None:
    phase = "load-redis-cut" if cut_redis else "load"
    command = f"BENCH_LOAD_SECONDS={seconds} DEBUG=0 {PYTHON} bench/run.py --only {phase} --scale {scale:g}"
    if cut_redis and not REDIS_URL:
        say(f"skipped: {phase} (no Redis answered)")
        return
    out = run(
        [PYTHON, "bench/load.py", "--seconds", str(seconds), "--clients", "20", "--cut-redis", str(cut_redis)],
        environment(dbs.at_scale(scale)),
        "bench/load.py",
    )
    result = last_json(out)
    if "error" in result:
        say(f"skipped: load ({result['error']})")
        return
    for label in result["skipped"]:
        say(f"skipped: {label} (URL not found)")
    failing = [c for c in result["checks"] if c["status"] != 200]
    for check in failing:
        say(f"  load check: {check['label']} {check['path']} answered {check['status']} before the load")
    f = result["figures"]
    if f is None:
        say(f"FAILED: wrk printed no figures: {result['wrk_stdout'][-1000:]} {result['wrk_stderr']}")
        return
    seconds_run = f["duration_us"] / 1e6
    socket_errors = f["connect"] + f["read"] + f["write"] + f["timeout"]
    write_errors = result.get("write_errors", 0)
    errors = socket_errors + f["non2xx"] + len(failing) + write_errors
    writes = (
        f"{result['writes']} writes (one every {result['write_every']:g} s, each a step of the note's meeting "
        "marked done or opened again, "
        f"{write_errors} failed), "
        if result.get("writes")
        else "no writes, "
    )
    p95 = f["p95_us"] / 1000
    verdict = "met" if errors == 0 and p95 < TARGET_P95_MS else "NOT met"
    cut = result.get("redis_cut")
    figure(
        "load",
        f"{result['clients']} clients, {seconds_run:.0f} s (scale {scale:g})"
        + (f", Redis cut from {cut[0]:g} s to {cut[1]:g} s" if cut else ""),
        f"{f['requests']:,} requests, {f['requests'] / seconds_run:.1f} req/s, "
        f"p50 {f['p50_us'] / 1000:.0f} ms, p95 {p95:.0f} ms, p99 {f['p99_us'] / 1000:.0f} ms, "
        f"max {f['max_us'] / 1000:.0f} ms, errors {errors} ({f['non2xx']} non-2xx, {socket_errors} socket), "
        f"{result['distinct_urls']} URLs, {writes}{result['server']}; target 0 errors and p95 < {TARGET_P95_MS} ms: "
        f"{verdict}",
        command,
    )
    if result["after"]:
        say(f"  after the load these URLs no longer answered 200: {', '.join(result['after'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PHASES), help=f"comma-separated, of: {', '.join(PHASES)}")
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "10")))
    parser.add_argument("--load-seconds", type=int, default=int(os.environ.get("BENCH_LOAD_SECONDS", "60")))
    parser.add_argument("--keep-dbs", action="store_true", help="keep the generated databases afterwards")
    parser.add_argument("--reuse-dbs", action="store_true", help="use kept databases instead of generating")
    args = parser.parse_args()
    phases = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(phases) - set(PHASES)
    if unknown:
        parser.error(f"unknown phase(s): {', '.join(sorted(unknown))}")

    started = time.perf_counter()
    global REDIS_URL
    REDIS_URL = redis_url()
    cache = f"Redis ({REDIS_URL})" if REDIS_URL else "local memory per process (no Redis answered)"
    say(
        f"IEG Workbench bench: scale {args.scale:g}, phases {', '.join(phases)}; {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at start (other processes may be running on this machine); "
        f"cache and broker: {cache}"
    )
    WORK.mkdir(parents=True, exist_ok=True)
    dbs = Databases(reuse=args.reuse_dbs)
    try:
        if {"queries", "latency", "load", "load-redis-cut"} & set(phases):  # pages need the static manifest
            collectstatic()
        if "queries" in phases:
            queries(dbs, args.scale)
        if "latency" in phases:
            latency(dbs, args.scale)
        if "pdf" in phases:
            pdf()
        if "sweep" in phases:
            sweep()
        if "load" in phases:
            load(dbs, args.scale, args.load_seconds)
        if "load-redis-cut" in phases:
            # Redis (cache and broker) cut for a third of the run: errors must stay 0 (core/cache.py fails open).
            load(dbs, args.scale, args.load_seconds, cut_redis=args.load_seconds // 3)
    finally:
        if not args.keep_dbs:
            dbs.drop_all()
    say(f"done in {(time.perf_counter() - started) / 60:.1f} min; load average now {os.getloadavg()[0]:.1f}")


SECRET_KEY = os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50)
REDIS_URL: str | None = None

if __name__ == "__main__":
    main()

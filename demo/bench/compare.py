"""The side-by-side step of `make bench`: server CPU per request of this portal and of
Wagtail's bakerydemo on the same machine, in the same run (docs/bench.md).

Absolute times on a shared machine are noise; the ratio of two sites measured in turns is
not. For every target a bounded batch of GETs (N requests at concurrency C, one keep-alive
connection per client thread) is sent, and the CPU time the server side spent on it is read
from /proc before and after (demo/bench/proc.py): gunicorn master + workers + the
PostgreSQL backends of that site's database. The targets take turns, batch by batch, over
several rounds, so that other load on the machine falls on both sides alike. The portal
runs uncached (a session cookie that matches no session makes the page cache step aside):
bakerydemo has no page cache. Every worker of both servers is warmed on every URL first.

Set BAKERYDEMO_URL (its gunicorn must already run), BAKERYDEMO_PIDFILE (the gunicorn
master's pid file) and BAKERYDEMO_DB (its database name); without BAKERYDEMO_URL the step
prints how to set it up. The portal should run on PostgreSQL for a fair comparison
(DATABASE_URL=postgres://…).
"""

import http.client
import os
import statistics
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import connection

from demo.bench.checks import BenchError
from demo.bench.load import collectstatic
from demo.bench.proc import CpuMeter, admin_dsn, children, stat, timed_threads
from demo.bench.server import BYPASS_COOKIE, Server, free_port, server_env

REQUESTS = int(os.environ.get("COMPARE_REQUESTS", "48"))
CONCURRENCY = int(os.environ.get("COMPARE_CONCURRENCY", "16"))
BAKERY = {"home": "/", "blog page": "/blog/wild-yeast/", "blog index": "/blog/"}
# (portal page, bakerydemo page, target for the ratio of CPU per request or None)
PAIRS = [
    ("home", "home", 0.2),
    ("news article", "blog page", 0.2),
    ("event", "blog page", 0.2),
    ("news index", "blog index", None),
    ("calendar", "blog index", None),
]
PORTAL_MODELS = {
    "news article": "news.NewsPage",
    "event": "events.EventPage",
    "news index": "news.NewsIndexPage",
    "calendar": "events.EventIndexPage",
}


@dataclass
class Target:
    name: str  # "P home", "B blog page"
    url: str
    meter: CpuMeter
    headers: dict


def howto(out):
    out("")
    out(
        "Side-by-side with bakerydemo: skipped, BAKERYDEMO_URL is not set. Set up Wagtail's "
        "bakerydemo once outside this repository and serve it with gunicorn (docs/bench.md), "
        "then: DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal "
        "BAKERYDEMO_URL=http://127.0.0.1:18000 BAKERYDEMO_PIDFILE=$BENCH/bakery.pid "
        "BAKERYDEMO_DB=bakerydemo make bench"
    )


def portal_paths():
    paths = {"home": "/"}
    for label, model_label in PORTAL_MODELS.items():
        page = apps.get_model(model_label).objects.live().public().order_by("path").first()
        if page is None:
            raise BenchError(f"no live {model_label} to compare (load the demo content)")
        paths[label] = page.url
    return paths


def pg_dsn():
    """Where to ask for the backends' PIDs: the portal's PostgreSQL server (bakerydemo's
    database must be on the same one), or BENCH_PG_DSN."""
    if os.environ.get("BENCH_PG_DSN"):
        return os.environ["BENCH_PG_DSN"]
    if connection.vendor == "postgresql":
        return admin_dsn(os.environ["DATABASE_URL"])
    return "postgresql://postgres@127.0.0.1:5432/postgres"


def batch(url, headers, requests=REQUESTS, concurrency=CONCURRENCY):
    """(seconds, sorted latencies, {status: count}) of `requests` GETs."""
    parts = urlsplit(url)
    left, latencies, codes, lock = [requests], [], {}, threading.Lock()

    def client():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        try:
            while True:
                with lock:
                    if not left[0]:
                        return
                    left[0] -= 1
                began = time.perf_counter()
                try:
                    conn.request("GET", parts.path, headers=headers)
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except OSError as error:
                    status = f"error: {error.__class__.__name__}"
                    conn.close()
                with lock:
                    latencies.append(time.perf_counter() - began)
                    codes[status] = codes.get(status, 0) + 1
        finally:
            conn.close()

    return timed_threads(client, concurrency), sorted(latencies), codes


def warm_bakery(master, url, per_worker_ticks=2, timeout=120):
    """bakerydemo writes no access log we can read: request the URL until every worker
    spent CPU on it (a render costs several 10-ms ticks; an idle worker none)."""
    workers = children(master)
    start = {pid: sum(stat(pid)[:2]) for pid in workers}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _, _, codes = batch(url, {}, requests=4 * len(workers), concurrency=2 * len(workers))
        if set(codes) != {200}:
            raise BenchError(f"warming bakerydemo {url}: answers {codes}")
        spent = {pid: sum((stat(pid) or (0, 0))[:2]) - start[pid] for pid in workers}
        if all(ticks >= per_worker_ticks for ticks in spent.values()):
            return
    raise BenchError(f"warming bakerydemo {url}: some workers stayed idle ({spent})")


def measure(targets, rounds):
    rows = []
    for round_ in range(1, rounds + 1):
        for target in targets:
            time.sleep(1)
            before = target.meter.snapshot()
            seconds, latencies, codes = batch(target.url, target.headers)
            cpu = target.meter.between(before, target.meter.snapshot())
            if set(codes) != {200}:
                raise BenchError(f"{target.name} {target.url}: answers {codes}, not all 200")
            rows.append(
                {
                    "round": round_,
                    "name": target.name,
                    "per_second": REQUESTS / seconds,
                    "p50": 1000 * latencies[len(latencies) // 2],
                    "cpu": 1000 * cpu.total / REQUESTS,
                    "app": 1000 * cpu.app / REQUESTS,
                    "db": 1000 * cpu.db / REQUESTS,
                    "load": os.getloadavg()[0],
                }
            )
            if rows[-1]["cpu"] <= 0:
                raise BenchError(f"{target.name}: no CPU time measured; is the pid file right?")
    return rows


def spread(values, digits=1):
    return f"{statistics.median(values):.{digits}f} [{min(values):.{digits}f}–{max(values):.{digits}f}]"


def report(out, rows, paths, rounds, workers):
    out("")
    out(
        f"Side-by-side with bakerydemo: server CPU per request (gunicorn master + workers + "
        f"PostgreSQL backends of each site's database, from /proc); {REQUESTS} GETs at "
        f"concurrency {CONCURRENCY} per batch, {rounds} interleaved rounds, every worker "
        f"warmed; portal uncached (page cache bypassed by a session cookie; its fragment "
        f"cache works as configured). Workers: {workers}. Median [min–max] over rounds."
    )
    out("")
    out("| Site | Page | URL | CPU ms/request | app ms | DB ms | Requests/s | p50 ms |")
    out("|---|---|---|---|---|---|---|---|")
    for name, url in paths.items():
        rs = [r for r in rows if r["name"] == name]
        out(
            f"| {name[0]} | {name[2:]} | {url} | {spread([r['cpu'] for r in rs])} | "
            f"{statistics.median(r['app'] for r in rs):.1f} | "
            f"{statistics.median(r['db'] for r in rs):.1f} | "
            f"{spread([r['per_second'] for r in rs])} | {statistics.median(r['p50'] for r in rs):.0f} |"
        )
    out("")
    out("| Portal page / bakerydemo page | CPU ratio per round, median [min–max] | Target | |")
    out("|---|---|---|---|")
    for ours, theirs, target in PAIRS:
        ratios = []
        for round_ in range(1, rounds + 1):
            a = next(r for r in rows if r["name"] == "P " + ours and r["round"] == round_)
            b = next(r for r in rows if r["name"] == "B " + theirs and r["round"] == round_)
            ratios.append(a["cpu"] / b["cpu"])
        verdict = "" if target is None else ("MET" if max(ratios) <= target else "MISSED")
        if target is not None and statistics.median(ratios) <= target < max(ratios):
            verdict = "MET in the median, MISSED in a round"
        out(
            f"| {ours} / {theirs} | {spread(ratios, 2)} | "
            f"{'—' if target is None else f'≤ {target}'} | {verdict} |"
        )
    out("")
    loads = ", ".join(f"{r['load']:.1f}" for r in rows[:: len(paths)])
    out(f"Load average (1 min) at the first batch of each round: {loads}.")


def run(out, rounds=3):
    bakery_url = os.environ.get("BAKERYDEMO_URL", "").rstrip("/")
    if not bakery_url:
        howto(out)
        return
    pidfile, bakery_db = os.environ.get("BAKERYDEMO_PIDFILE"), os.environ.get("BAKERYDEMO_DB")
    if not pidfile or not bakery_db:
        raise BenchError("BAKERYDEMO_URL is set: set BAKERYDEMO_PIDFILE and BAKERYDEMO_DB too")
    bakery_master = int(Path(pidfile).read_text().strip())
    if stat(bakery_master) is None:
        raise BenchError(f"bakerydemo's gunicorn ({pidfile}: {bakery_master}) is not running")
    if connection.vendor != "postgresql":
        out("NOTE: the portal runs on SQLite here; compare on PostgreSQL (docs/bench.md).")
    dsn = pg_dsn()
    paths = portal_paths()
    portal_db = settings.DATABASES["default"]["NAME"] if connection.vendor == "postgresql" else None
    static_root = Path(settings.BASE_DIR) / "staticfiles"
    bypass = {"Cookie": BYPASS_COOKIE}
    env = server_env(free_port(), static_root)
    collectstatic(env)  # this step's own, whether or not the load step ran before it
    with Server(env) as server:
        portal = CpuMeter(server.pid, portal_db, dsn)
        bakery = CpuMeter(bakery_master, bakery_db, dsn)
        targets = [Target(f"P {k}", server.base + v, portal, bypass) for k, v in paths.items()]
        targets += [Target(f"B {k}", bakery_url + v, bakery, {}) for k, v in BAKERY.items()]
        for target in targets:
            if target.name.startswith("P "):
                server.warm(urlsplit(target.url).path, bypass)
            else:
                warm_bakery(bakery_master, target.url)
        workers = f"portal {len(server.workers())}, bakerydemo {len(children(bakery_master))}"
        rows = measure(targets, rounds)
    shown = {t.name: urlsplit(t.url).path for t in targets}
    report(out, rows, shown, rounds, workers)

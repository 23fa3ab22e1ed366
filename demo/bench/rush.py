"""`make rush`: the registration rush of issue 18 against gunicorn with the production
settings on PostgreSQL and Redis.

One event with PLACES places and a waiting list is created for the run (below the first
calendar) and removed afterwards with everything it caused (registrations, their mails in
the outbox and the task queue), and so are MEMBERS member accounts with a known password.
The members log in through the real log-in form first (/konto/anmelden/). Then locust
(demo/bench/locustfile.py) lets VISITORS visitors open the event page within SPAWN
seconds; REGISTRANTS of them open the form and register, a third of them as logged-in
members. Afterwards the database must hold exactly PLACES confirmed registrations and the
rest on the waiting list, and no request may have failed.

Then the CPU the server side spends per registration: a second throw-away event takes a
batch of registration POSTs only (nothing else runs), and the CPU time of gunicorn
(master + workers) and of the PostgreSQL backends of the site's database is read from
/proc before and after (demo/bench/proc.py).
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group, User
from django.contrib.sessions.models import Session
from django.db import connection
from django_tasks_db.models import DBTaskResult

from demo.bench.checks import BenchError
from demo.bench.clients import log_in, parallel, post_batch
from demo.bench.load import collectstatic
from demo.bench.proc import CpuMeter, admin_dsn
from demo.bench.server import BYPASS_COOKIE, Server, fetch, free_port, redis_reachable, server_env
from events import dates
from events.models import EventIndexPage, EventPage, Notification, Registration
from events.registration import MEMBERS_GROUP
from metropolregion import clock

PASSWORD = "rush-member-password-1"  # noqa: S105 (accounts of the run, deleted afterwards)
P99_TARGET_MS = 1000
CPU_TARGET_MS = 20


@dataclass
class Plan:
    visitors: int = 2000
    registrants: int = 500
    places: int = 300
    members: int = 170
    spawn_seconds: int = 60
    think: str = "2,8"  # seconds a registrant takes to fill in the form: min,max
    cpu_posts: int = 100  # registration POSTs of the CPU phase
    cpu_concurrency: int = 8
    workers: str = ""  # WEB_CONCURRENCY for the run; empty: gunicorn.conf.py's default


def database_url():
    """The URL of the database this process uses (in tests: the test database)."""
    db = settings.DATABASES["default"]
    login = quote(db["USER"]) + (":" + quote(db["PASSWORD"]) if db.get("PASSWORD") else "")
    return f"postgres://{login}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def new_event(title, capacity):
    calendar = EventIndexPage.objects.order_by("path").first()
    if calendar is None:
        raise BenchError("no calendar page: load the demo content first")
    start = dates.midnight(clock.today()) + dates.ONE_DAY * 30
    return calendar.add_child(
        instance=EventPage(
            title=title,
            slug=f"rush-{time.time_ns()}",
            start=start,
            end=start,
            city="Leipzig",
            teaser="Rush",
            registration_mode="intern",
            capacity=capacity,
            waiting_list=True,
            live=True,
        )
    )


def create_members(count):
    """`count` member accounts ("rush-member-N", PASSWORD), hashed once as production does."""
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    hasher = PBKDF2PasswordHasher()  # production's; a test's settings may hash faster
    hashed = hasher.encode(PASSWORD, hasher.salt())
    users = User.objects.bulk_create(
        User(
            username=f"rush-member-{n}",
            email=f"rush-member-{n}@example.org",
            first_name="Rush",
            last_name=f"Member {n}",
            password=hashed,
        )
        for n in range(count)
    )
    group.user_set.add(*users)
    return users


def percentile(times, count, share):
    """Locust's percentile of a {milliseconds: count} histogram (its own rounding)."""
    rank, seen = int(count * share), 0
    for ms in sorted(times, reverse=True):
        seen += times[ms]
        if count - seen <= rank:
            return ms
    return 0


def summarise(entries):
    """{request name: figures} from locust's final JSON statistics, with "All requests"."""
    rows, every = {}, {}
    for entry in entries:
        times = {int(ms): n for ms, n in entry["response_times"].items()}
        for ms, n in times.items():
            every[ms] = every.get(ms, 0) + n
        rows[entry["name"]] = figures_of(times, entry["num_requests"], entry["num_failures"])
        rows[entry["name"]]["max"] = entry["max_response_time"]
    count = sum(row["count"] for row in rows.values())
    rows["All requests"] = figures_of(every, count, sum(r["failures"] for r in rows.values()))
    rows["All requests"]["max"] = max((r["max"] for r in rows.values() if "max" in r), default=0)
    return rows


def figures_of(times, count, failures):
    row = {"count": count, "failures": failures}
    for share in (0.5, 0.95, 0.99):
        row[f"p{round(share * 100)}"] = percentile(times, count, share)
    return row


def run_locust(base, event_path, plan, sessions_file, workdir):
    """Run the rush; returns ({request name: figures}, locust's failure messages)."""
    env = {
        **os.environ,
        "RUSH_EVENT_PATH": event_path,
        "RUSH_VISITORS": str(plan.visitors),
        "RUSH_REGISTRANTS": str(plan.registrants),
        "RUSH_THINK_SECONDS": plan.think,
        "RUSH_SESSIONS": str(sessions_file),
    }
    limit = plan.spawn_seconds + 120 + int(float(plan.think.split(",")[-1]))
    command = [
        sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")),
        "--headless", "--host", base, "-u", str(plan.visitors),
        "-r", f"{plan.visitors / plan.spawn_seconds:.3f}", "-t", f"{limit}s",
        "--json-file", str(workdir / "rush"), "--csv", str(workdir / "rush"),
        "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=limit + 60)  # noqa: S603
    stats_file = workdir / "rush.json"
    if not stats_file.exists():
        raise BenchError(f"locust wrote no statistics:\n{done.stderr[-2000:]}")
    rows = summarise(json.loads(stats_file.read_text()))
    failures = workdir / "rush_failures.csv"
    failures = failures.read_text() if failures.exists() else ""
    unfinished = [x for x in done.stdout.splitlines() if x.startswith("RUSH UNFINISHED")]
    if unfinished:  # reported with the figures, then the run fails
        failures += f"{unfinished[0].removeprefix('RUSH UNFINISHED ')} within {limit} s\n"
    return rows, failures


def cleanup(events, started_at, sessions_before):
    """Remove what the run made: its events with their registrations and mails, the member
    accounts and their sessions (the server's own SECRET_KEY signed those, so they are
    told apart as the ones that are new), and the mail tasks queued since the start."""
    for event in events:
        Notification.objects.filter(registration__event=event).delete()
        Registration.objects.filter(event=event).delete()
        event.delete()
    Session.objects.exclude(session_key__in=sessions_before).delete()
    User.objects.filter(username__startswith="rush-member-").delete()
    DBTaskResult.objects.filter(enqueued_at__gte=started_at).delete()


def check_preconditions(redis_url):
    if connection.vendor != "postgresql":
        raise BenchError(
            "the rush needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal make rush"
        )
    if not redis_reachable(redis_url):
        raise BenchError(f"the rush needs Redis for the page cache; none at {redis_url}")


def run(out, plan=None, redis_url=None, static_root=None):
    """Run the rush and print Markdown; returns the figures; raises BenchError.
    `static_root`: collected static files to serve (default: collect into staticfiles/)."""
    from demo.bench.server import BENCH_REDIS_URL

    plan, redis_url = plan or Plan(), redis_url or BENCH_REDIS_URL
    check_preconditions(redis_url)
    started_at = clock.now()
    sessions_before = set(Session.objects.values_list("session_key", flat=True))
    events = []
    try:
        rush = new_event("Rush (wird gelöscht)", plan.places)
        events.append(rush)
        cpu_event = new_event("Rush CPU (wird gelöscht)", plan.cpu_posts)
        events.append(cpu_event)
        members = create_members(plan.members)
        extra = {
            "REDIS_URL": redis_url,
            "DATABASE_URL": database_url(),
            "TASK_BACKEND": "database",  # as in production: mails wait for the worker
            "TRUSTED_PROXY_COUNT": "1",  # the visitors' X-Forwarded-For, as behind nginx
        }
        if plan.workers:
            extra["WEB_CONCURRENCY"] = plan.workers
        static = Path(static_root or Path(settings.BASE_DIR) / "staticfiles")
        env = server_env(free_port(), static, **extra)
        if static_root is None:
            collectstatic(env)
        with Server(env) as server, tempfile.TemporaryDirectory(prefix="rush-") as tmp:
            figures = rush_with(server, rush, cpu_event, members, plan, Path(tmp))
        figures.update(counts(rush))
    finally:
        cleanup(events, started_at, sessions_before)
    report(out, plan, figures)
    return figures


def rush_with(server, rush, cpu_event, members, plan, workdir):
    base, bypass = server.base, {"Cookie": BYPASS_COOKIE}
    for path in (rush.url, rush.url + "anmeldung/", cpu_event.url + "anmeldung/"):
        server.warm(path, bypass, per_worker=2)
    began = time.perf_counter()
    needed = min(len(members), (plan.registrants + 2) // 3)
    sessions = parallel(lambda n, user: log_in(base, user, PASSWORD, n), members[:needed], 4)
    login_seconds = time.perf_counter() - began
    sessions_file = workdir / "sessions.json"
    sessions_file.write_text(json.dumps(sessions))
    if fetch(base + rush.url)[0] != 200:
        raise BenchError("the event page does not answer 200")
    rows, failures = run_locust(base, rush.url, plan, sessions_file, workdir)
    meter = CpuMeter(server.pid, settings.DATABASES["default"]["NAME"], admin_dsn(database_url()))
    before = meter.snapshot()
    seconds = post_batch(
        base, cpu_event.url + "anmeldung/", plan.cpu_posts, plan.cpu_concurrency, 0
    )
    cpu = meter.between(before, meter.snapshot())
    return {
        "rows": rows,
        "failures": failures,
        "logins": len(sessions),
        "login_seconds": login_seconds,
        "cpu_ms": 1000 * cpu.total / plan.cpu_posts,
        "cpu_app_ms": 1000 * cpu.app / plan.cpu_posts,
        "cpu_db_ms": 1000 * cpu.db / plan.cpu_posts,
        "cpu_seconds": seconds,
        "workers": len(server.workers()),
    }


def counts(event):
    statuses = Registration.objects.filter(event=event).values_list("status", flat=True)
    statuses = list(statuses)
    return {
        "confirmed": statuses.count("bestaetigt"),
        "waitlisted": statuses.count("warteliste"),
        "registrations": len(statuses),
    }


def report(out, plan, f):
    total = f["rows"]["All requests"]
    requests, errors = total["count"], total["failures"]
    out("")
    out(
        f"Registration rush ({f['workers']} gunicorn workers, production settings, PostgreSQL, "
        f"Redis): {plan.visitors} visitors open the event page within {plan.spawn_seconds} s, "
        f"{plan.registrants} register ({f['logins']} as members, logged in beforehand through "
        f"the log-in form in {f['login_seconds']:.1f} s) for {plan.places} places."
    )
    out("")
    out("| Request | Count | Errors | p50 ms | p95 ms | p99 ms | Max ms |")
    out("|---|---|---|---|---|---|---|")
    for name, row in sorted(f["rows"].items()):
        out(
            f"| {name} | {row['count']} | {row['failures']} | {row['p50']} | {row['p95']} | "
            f"{row['p99']} | {row['max']:.0f} |"
        )
    out("")
    posts = [row for name, row in f["rows"].items() if name.startswith("POST registration")]
    post_p99 = max((row["p99"] for row in posts), default=0)
    verdict = lambda ok: "met" if ok else "MISSED"  # noqa: E731
    out(f"- Requests: {requests}, errors: {errors} (target 0: {verdict(errors == 0)})")
    out(
        f"- Confirmed: {f['confirmed']} of {plan.places} places, waiting list: {f['waitlisted']}"
        f" (target: exactly {plan.places} confirmed, no overbooking: "
        f"{verdict(f['confirmed'] == plan.places)})"
    )
    out(
        f"- Registration POST p99: {post_p99} ms (target ≤ {P99_TARGET_MS} ms: "
        f"{verdict(post_p99 <= P99_TARGET_MS)})"
    )
    out(
        f"- App CPU per registration POST: {f['cpu_ms']:.1f} ms (gunicorn {f['cpu_app_ms']:.1f} + "
        f"PostgreSQL {f['cpu_db_ms']:.1f}; {plan.cpu_posts} POSTs at concurrency "
        f"{plan.cpu_concurrency} in {f['cpu_seconds']:.1f} s; target ≤ {CPU_TARGET_MS} ms: "
        f"{verdict(f['cpu_ms'] <= CPU_TARGET_MS)})"
    )
    if errors or "visitors done" in f["failures"]:
        raise BenchError(f"the rush had {errors} failed requests:\n{f['failures']}")
    if f["confirmed"] > plan.places:
        raise BenchError(f"OVERBOOKED: {f['confirmed']} confirmed for {plan.places} places")
    expected = min(plan.places, plan.registrants)
    if f["confirmed"] != expected or f["registrations"] != plan.registrants:
        raise BenchError(
            f"expected {expected} confirmed of {plan.registrants} registrations, found "
            f"{f['confirmed']} confirmed, {f['waitlisted']} waiting, {f['registrations']} in all"
        )
    sent = sum(row["count"] for row in posts)
    if sent != plan.registrants:
        raise BenchError(f"{sent} registration POSTs recorded, {plan.registrants} planned")

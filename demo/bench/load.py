"""The load half of `make bench`: gunicorn on 127.0.0.1 with the production settings, loaded
by wrk, for a cached page, the same page uncached, and a static file of the same size
through whitenoise, in one run; then the home page's weight as Chromium loads it.

Called by the `bench` management command (demo/management/commands/bench.py) after the
in-process table. Needs `wrk` (Debian package; `make bench` installs it) and, for the page
weight, Chromium (skipped with a note when missing).

Every step checks what it measured (demo/bench/checks.py): every worker answers the URL
before the clock starts (demo/bench/server.py), a run with no completed request or with
any error answer fails, the static copy must be served at its true size, and the page
weight counts 2xx answers only and fails on a picture that did not load.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from demo.bench.checks import BenchError, check_load, ratio, weigh
from demo.bench.server import (  # noqa: F401 (the API of this module for lighthouse.py, screenshots.py)
    BENCH_REDIS_URL,
    BYPASS_COOKIE,
    HOST,
    Server,
    free_port,
    redis_reachable,
    server_env,
)
from demo.bench.server import fetch as fetch_answer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Debian's Chromium kept off the network (no downloads, updates or sync); the browser tests
# launch it the same way.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STATIC_COPY = "bench/page-copy.html"
# wrk's own summary, exact: requests, status and socket errors, latency percentiles (µs).
WRK_REPORT = """done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect,
    e.read, e.write, e.timeout))
end
"""


@dataclass
class LoadResult:
    label: str
    url: str
    size: int
    per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int = 0


def fetch(url, headers=None):
    """(body, headers) of a 2xx answer; raises on anything else (lighthouse.py uses it)."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (our server)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310  # nosec B310
        return response.read(), dict(response.headers)


def wait_until_up(base, process, timeout=60):
    """Kept for callers of the old API; `Server` now waits on entering."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError("gunicorn exited during start-up")
        try:
            fetch(base + "/healthz/")
            return
        except OSError:
            time.sleep(0.3)
    raise BenchError("gunicorn did not answer within a minute")


def parse_wrk(output):
    """(requests, seconds, p50 ms, p99 ms, non-2xx, socket errors) from WRK_REPORT's line."""
    line = next((x for x in output.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise BenchError(f"wrk printed no result:\n{output[-500:]}")
    n, duration, p50, p99, status, *socket_errors = (int(v) for v in line.split()[1:])
    return n, duration / 1e6, p50 / 1000, p99 / 1000, status, sum(socket_errors)


def wrk(label, url, seconds, connections, headers=(), size=0):
    """One wrk run, checked: raises unless every request completed with a 2xx answer."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_REPORT)
        script.flush()
        command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
        command += ["-s", script.name]
        for header in headers:
            command += ["-H", header]
        output = subprocess.run(  # noqa: S603 (wrk with our own arguments)
            [*command, url], capture_output=True, text=True, check=True
        ).stdout
    n, duration, p50, p99, non_2xx, socket_errors = parse_wrk(output)
    check_load(label, n, non_2xx, socket_errors, seconds)
    return LoadResult(label, url, size, n / duration, p50, p99, n)


def collectstatic(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )


def write_static_copy(static_root, body):
    """The home page's HTML as a static file, before the measured server starts: whitenoise
    (autorefresh off in production) indexes STATIC_ROOT once, at start-up."""
    target = static_root / STATIC_COPY
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(target.name + ".*"):  # no old .gz/.br beside it
        stale.unlink()
    target.write_bytes(body)
    return target


def check_static_copy(base, size):
    """The server must serve the copy at its true size (HEAD Content-Length)."""
    status, _, headers = fetch_answer(base + "/static/" + STATIC_COPY, method="HEAD")
    length = {k.lower(): v for k, v in headers.items()}.get("content-length")
    if status != 200 or length != str(size):
        raise BenchError(
            f"static copy: HEAD answered {status} with Content-Length {length}, expected "
            f"200 and {size} (was it written after the server indexed the files?)"
        )


def page_weight(base):
    """Weight of the home page as Chromium loads it (cold cache, 1280 px), or None."""
    if not shutil.which(CHROMIUM):
        return None
    from playwright.sync_api import sync_playwright

    finished, failed = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("requestfinished", lambda request: finished.append(request))
        page.on("requestfailed", lambda request: failed.append(request))
        page.goto(base + "/", wait_until="networkidle")
        # Lazy images below the fold load when scrolled to; a first visit does not see them.
        responses = [
            {"url": r.url, "status": None, "headers": {}, "body_bytes": 0, "header_bytes": 0}
            for r in failed
        ]
        for request in finished:
            response, sizes = request.response(), request.sizes()
            responses.append(
                {
                    "url": request.url,
                    "status": response.status if response else None,
                    "headers": response.headers if response else {},
                    "body_bytes": sizes["responseBodySize"],
                    "header_bytes": sizes["responseHeadersSize"],
                }
            )
        browser.close()
    return weigh(responses, base)


def run(out, seconds=8, connections=16):
    """Start gunicorn, warm it, measure, print a Markdown table; raises BenchError."""
    if not shutil.which("wrk"):
        out("Load test skipped: `wrk` is missing (`sudo apt-get install wrk`; `make bench` does).")
        return
    static_root = Path(settings.BASE_DIR) / "staticfiles"
    env = server_env(free_port(), static_root)
    collectstatic(env)

    # One worker is enough to get the HTML for the static copy.
    with Server({**env, "WEB_CONCURRENCY": "1"}) as server:
        status, html, _ = fetch_answer(server.base + "/")
    if status != 200:
        raise BenchError(f"home page answered {status}, not 200")
    write_static_copy(static_root, html)

    rows = [
        ("cached page (home)", "/", ()),
        ("uncached page (home)", "/", (f"Cookie: {BYPASS_COOKIE}",)),
        ("static file, same size", "/static/" + STATIC_COPY, ()),
    ]
    results = []
    with Server(env) as server:
        base = server.base
        check_static_copy(base, len(html))
        for label, path, headers in rows:
            header_dict = dict(h.split(": ", 1) for h in headers)
            counts = server.warm(path, header_dict)
            status, body, answer = fetch_answer(base + path, header_dict)
            if status != 200:
                raise BenchError(f"{label}: {path} answered {status}")
            if label.startswith("cached") and answer.get("X-Page-Cache") != "hit":
                raise BenchError(
                    f"{label}: X-Page-Cache is {answer.get('X-Page-Cache')!r}, not hit"
                )
            wrk(label, base + path, 2, connections, headers, len(body))  # warm-up, checked
            results.append(wrk(label, base + path, seconds, connections, headers, len(body)))
        workers = len(counts)
        weight = page_weight(base)

    cache = "Redis" if "REDIS_URL" in env else "local memory (1 process, Redis unreachable)"
    out("")
    out(
        f"gunicorn (gunicorn.conf.py: {workers} workers × {env.get('GUNICORN_THREADS', '2')} "
        f"threads, every worker warmed on each URL first), production settings, page cache: "
        f"{cache}; wrk -t2 -c{connections} -d{seconds}s on the same machine; load average "
        f"{os.getloadavg()[0]:.1f} at the end."
    )
    out("")
    out("| Load | URL | Bytes | Requests | Requests/s | p50 ms | p99 ms | Errors |")
    out("|---|---|---|---|---|---|---|---|")
    for r in results:
        out(
            f"| {r.label} | {r.url.removeprefix(base)} | {r.size} | {r.requests} | "
            f"{r.per_second:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} | {r.errors} |"
        )
    cached, uncached, static = results
    out("")
    out(
        f"Cached / static: {ratio('cached / static', cached.per_second, static.per_second):.2f}; "
        f"cached / uncached: {ratio('cached / uncached', cached.per_second, uncached.per_second):.1f}×"
    )
    out("")
    if weight is None:
        out(f"Page weight: skipped (no Chromium at {CHROMIUM}).")
        return
    parts = ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in sorted(weight.by_type.items()))
    out(
        f"Home page weight (Chromium, 1280 px, first visit, 2xx answers only): "
        f"{weight.total / 1024:.1f} KiB in {weight.requests} requests ({parts} KiB); "
        f"redirects not counted: {weight.redirects}; requests to other origins: "
        f"{len(weight.foreign)}."
    )

"""The load half of `make bench`: gunicorn on 127.0.0.1 with the production settings, loaded
by wrk, for a cached page, the same page uncached, and a static file of the same size
through whitenoise, in one run; then the home page's weight as Chromium loads it.

Called by the `bench` management command (demo/management/commands/bench.py) after the
in-process table. Needs `wrk` (Debian package; `make bench` installs it) and, for the page
weight, Chromium (skipped with a note when missing)."""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

HOST = "127.0.0.1"
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
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
# A session cookie that matches no session: the page cache steps aside, the page is
# rendered for an anonymous visitor (the session store rejects the key without a query).
BYPASS_COOKIE = "sessionid=bench"


@dataclass
class LoadResult:
    label: str
    url: str
    size: int
    per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def redis_reachable(url):
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return True
    except Exception:
        return False


def server_env(port, static_root):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "metropolregion.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "SECURE_SSL_REDIRECT": "0",
            "STATIC_ROOT": str(static_root),
            "GUNICORN_BIND": f"{HOST}:{port}",
            "DATABASE_CONN_MAX_AGE": "600",
            "TASK_BACKEND": "immediate",
            "DEBUG": "0",
            # Production's nginx serves /media/ (docs/nginx.conf); here Django does, or the
            # page weight would count 404 pages where the pictures are.
            "SERVE_MEDIA": "1",
        }
    )
    if redis_reachable(BENCH_REDIS_URL):
        env["REDIS_URL"] = BENCH_REDIS_URL
    else:  # one process with its own memory cache: still correct, just not shared
        env["WEB_CONCURRENCY"] = "1"
        env["PAGE_CACHE_SECONDS"] = "300"
    return env


def wrk(url, seconds, connections, headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(  # noqa: S603 (wrk with our own arguments)
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*", output)
    count = int(errors.group(1)) if errors else 0
    if socket_errors:
        count += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(0)))
    return per_second, to_ms(percentiles["50"]), to_ms(percentiles["99"]), count


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (our server)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310  # nosec B310
        return response.read(), dict(response.headers)


def wait_until_up(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            fetch(base + "/healthz/")
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer within a minute")


class Server:
    """gunicorn with the production settings (and gunicorn.conf.py) in the background."""

    def __init__(self, env):
        self.env = env
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "metropolregion.wsgi"],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        return self

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def collectstatic(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )


def page_weight(base):
    """Bytes and requests of the home page as Chromium loads it (cold cache, 1280 px)."""
    if not shutil.which(CHROMIUM):
        return None
    from playwright.sync_api import sync_playwright

    requests = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(base + "/", wait_until="networkidle")
        # Lazy images below the fold load when scrolled to; a first visit does not see them.
        sizes = [(request.url, request.sizes()) for request in requests]
        failed = [
            f"{request.url} ({request.response().status})"
            for request in requests
            if request.response() is not None and request.response().status >= 400
        ]
        browser.close()
    if failed:
        raise RuntimeError(f"page weight: requests failed, the figure would be wrong: {failed}")
    total = sum(s["responseBodySize"] + s["responseHeadersSize"] for _, s in sizes)
    foreign = [url for url, _ in sizes if not url.startswith(base) and not url.startswith("data:")]
    by_type = {}
    for url, s in sizes:
        kind = Path(urlsplit(url).path).suffix.lstrip(".") or "html"
        by_type[kind] = by_type.get(kind, 0) + s["responseBodySize"] + s["responseHeadersSize"]
    return total, len(sizes), by_type, foreign


def run(out, seconds=8, connections=16):
    """Start gunicorn, measure, print a Markdown table."""
    if not shutil.which("wrk"):
        out("Load test skipped: `wrk` is missing (`sudo apt-get install wrk`; `make bench` does).")
        return
    static_root = Path(settings.BASE_DIR) / "staticfiles"
    port = free_port()
    base = f"http://{HOST}:{port}"
    env = server_env(port, static_root)
    collectstatic(env)

    # The static file: as large as the home page, written before whitenoise indexes files.
    with Server(env) as server:
        wait_until_up(base, server.process)
        html, _ = fetch(base + "/")
    bench_dir = static_root / "bench"
    bench_dir.mkdir(exist_ok=True)
    (bench_dir / "page-copy.html").write_bytes(html)

    with Server(env) as server:
        wait_until_up(base, server.process)
        fetch(base + "/")  # fill the cache
        _, headers = fetch(base + "/")
        cache_state = headers.get("X-Page-Cache")
        rows = [
            ("cached page (home)", "/", ()),
            ("uncached page (home)", "/", (f"Cookie: {BYPASS_COOKIE}",)),
            ("static file, same size", "/static/bench/page-copy.html", ()),
        ]
        results = []
        for label, path, headers in rows:
            wrk(base + path, 2, connections, headers)  # warm-up
            per_second, p50, p99, errors = wrk(base + path, seconds, connections, headers)
            results.append(LoadResult(label, path, len(html), per_second, p50, p99, errors))
        weight = page_weight(base)

    workers = env.get("WEB_CONCURRENCY") or f"{2 * (os.cpu_count() or 1) + 1} (2 × cores + 1)"
    cache = "Redis" if "REDIS_URL" in env else "local memory (1 process, Redis unreachable)"
    out("")
    out(
        f"gunicorn (gunicorn.conf.py: {workers} workers × "
        f"{env.get('GUNICORN_THREADS', '2')} threads), production settings, page cache: "
        f"{cache}; wrk -t2 -c{connections} -d{seconds}s on the same machine; second request "
        f"of the home page said X-Page-Cache: {cache_state}."
    )
    out("")
    out("| Load | URL | Bytes | Requests/s | p50 ms | p99 ms | Errors |")
    out("|---|---|---|---|---|---|---|")
    for r in results:
        out(
            f"| {r.label} | {r.url} | {r.size} | {r.per_second:,.0f} | {r.p50_ms:.2f} | "
            f"{r.p99_ms:.2f} | {r.errors} |"
        )
    cached, uncached, static = results
    out("")
    out(
        f"Cached / static: {cached.per_second / static.per_second:.2f}; "
        f"cached / uncached: {cached.per_second / uncached.per_second:.1f}×"
    )
    out("")
    if weight is None:
        out(f"Page weight: skipped (no Chromium at {CHROMIUM}).")
        return
    total, count, by_type, foreign = weight
    parts = ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in sorted(by_type.items()))
    out(
        f"Home page weight (Chromium, 1280 px, first visit): {total / 1024:.1f} KiB in "
        f"{count} requests ({parts} KiB); requests to other origins: {len(foreign)}."
    )

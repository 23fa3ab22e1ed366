"""gunicorn with the production settings for the benchmarks (`make bench`, `make rush`):
its environment, start and stop, and warming every worker before anything is measured.

The first request a fresh worker answers takes seconds (imports, templates, the first
database connection, renditions looked up): a measurement that starts with cold workers
measures start-up. `Server.warm` sends requests until every worker process has answered
the URL with a 200 at least `per_worker` times (gunicorn writes its PID into the access
log, `%(p)s`), and fails if one never does.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from demo.bench.checks import BenchError
from demo.bench.proc import children

HOST = "127.0.0.1"
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
# A session cookie that matches no session: the page cache steps aside, the page is
# rendered for an anonymous visitor (the session store rejects the key without a query).
BYPASS_COOKIE = "sessionid=bench"
# The access log of the bench's server: worker PID, status, path.
ACCESS_FORMAT = "%(p)s %(s)s %(U)s"


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


def server_env(port, static_root, **extra):
    """The environment of the bench's gunicorn: production settings on loopback."""
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
    env.update(extra)
    return env


def fetch(url, headers=None, method="GET"):
    """(status, body, headers) of one request; HTTP errors are answers, not exceptions."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  # nosec B310
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


class Server:
    """gunicorn (gunicorn.conf.py, production settings) in the background, in a process
    group of its own; stopped (and killed if need be) on leaving the `with` block."""

    def __init__(self, env, start_timeout=90):
        self.env = env
        self.start_timeout = start_timeout
        self.process = None
        self.base = f"http://{env['GUNICORN_BIND']}"
        self.log_dir = Path(tempfile.mkdtemp(prefix="bench-gunicorn-"))
        self.access_log = self.log_dir / "access.log"
        self.error_log = self.log_dir / "error.log"

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603 (our own gunicorn)
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                str(self.access_log),
                "--access-logformat",
                ACCESS_FORMAT,
                "--error-logfile",
                str(self.error_log),
                "metropolregion.wsgi",
            ],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            self.wait_until_up()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.log_dir, ignore_errors=True)

    @property
    def pid(self):
        return self.process.pid

    def workers(self):
        return children(self.process.pid)

    def log_tail(self, lines=20):
        try:
            return "\n".join(self.error_log.read_text().splitlines()[-lines:])
        except OSError:
            return ""

    def wait_until_up(self):
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited during start-up:\n{self.log_tail()}")
            try:
                if fetch(self.base + "/healthz/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise BenchError(f"gunicorn did not answer within {self.start_timeout} s")

    def log_size(self):
        try:
            return self.access_log.stat().st_size
        except OSError:
            return 0

    def answered(self, path, since=0):
        """{worker pid: number of 200 answers to `path`} from the access log, from byte
        `since` on."""
        counts = {}
        pattern = re.compile(r"^<(\d+)> (\d{3}) (\S+)$")
        with open(self.access_log) as log:
            log.seek(since)
            for line in log:
                match = pattern.match(line.strip())
                if match and match.group(2) == "200" and match.group(3) == path:
                    pid = int(match.group(1))
                    counts[pid] = counts.get(pid, 0) + 1
        return counts

    def warm(self, path, headers=None, per_worker=3, timeout=180, concurrency=None):
        """Request `path` until every worker answered it with a 200 `per_worker` times."""
        workers = set(self.workers())
        if not workers:
            raise BenchError("gunicorn has no workers to warm")
        concurrency = concurrency or 2 * len(workers)
        since = self.log_size()
        deadline = time.monotonic() + timeout
        failures = []
        done = threading.Event()

        def client():
            while not done.is_set() and time.monotonic() < deadline:
                try:
                    status = fetch(self.base + path, headers)[0]
                except OSError as error:
                    status = f"no answer ({error})"
                if status != 200:
                    failures.append(status)
                    done.set()

        threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        try:
            while time.monotonic() < deadline and not done.is_set():
                time.sleep(0.5)
                counts = self.answered(path, since)
                if all(counts.get(pid, 0) >= per_worker for pid in workers):
                    break
        finally:
            done.set()
            for thread in threads:
                thread.join(timeout=70)
        if failures:
            raise BenchError(
                f"warming {path}: the server answered {failures[0]}, not 200; gunicorn's log "
                f"ends:\n{self.log_tail(40)}"
            )
        counts = self.answered(path, since)
        cold = sorted(pid for pid in workers if counts.get(pid, 0) < per_worker)
        if cold:
            raise BenchError(
                f"warming {path}: workers {cold} did not answer {per_worker} times within "
                f"{timeout} s (answers per worker: {counts})"
            )
        if set(self.workers()) != workers:
            raise BenchError(f"warming {path}: workers were replaced while warming")
        return counts

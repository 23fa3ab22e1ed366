"""A real Varnish (deploy/varnish/default.vcl) in front of real app servers (gunicorn with
the production settings, on the PostgreSQL test database and a Redis database of their
own), started per test and stopped afterwards, also when the test fails.

- varnishd (Debian's package; /usr/sbin/varnishd, `make varnish` installs it) runs in the
  foreground (-F) with its own working directory (-n), on a free port, without a
  management port, with 64 MB of memory, and a copy of the VCL whose site.vcl names the
  test's app servers (and a quick probe).
- The app servers purge Varnish (VARNISH_URL), share the page cache in Redis (the app
  cache must be emptied too, or Varnish would fetch the old page from it) and run tasks
  immediately (TASK_BACKEND=immediate: the purge goes out right after the commit).
- The tests run in real transactions (`django_db(transaction=True)`): the servers read
  the database through their own connections. The demo fixtures are not for them.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from demo.bench.load import Server, collectstatic, free_port, server_env, wait_until_up
from tests.conftest import database_url_for_subprocess

HOST = "127.0.0.1"
VCL_DIR = Path(settings.BASE_DIR) / "deploy" / "varnish"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def varnishd_missing_reason():
    if os.access(VARNISHD, os.X_OK):
        return None
    return "needs Varnish (varnishd): `make varnish` or `sudo apt-get install varnish` (Debian)"


def site_vcl(backend_ports, probe_interval="1s"):
    """deploy/varnish/site.vcl with the given app servers (the lines between the probe
    and the ACL rewritten, the rest as shipped)."""
    backends = "".join(
        f'backend app{n} {{\n    .host = "{HOST}";\n    .port = "{port}";\n'
        f"    .probe = healthz;\n    .connect_timeout = 2s;\n"
        f"    .first_byte_timeout = 60s;\n}}\n\n"
        for n, port in enumerate(backend_ports, start=1)
    )
    adds = "".join(f"    app.add_backend(app{n});\n" for n in range(1, len(backend_ports) + 1))
    shipped = (VCL_DIR / "site.vcl").read_text()
    probe = shipped[shipped.index("probe healthz {") : shipped.index("backend app1")]
    probe = probe.replace(".interval = 5s;", f".interval = {probe_interval};")
    probe = probe.replace(".window = 5;", ".window = 2;").replace(
        ".threshold = 3;", ".threshold = 1;"
    )
    acl = shipped[shipped.index("acl purgers {") : shipped.index("sub vcl_init")]
    init = "sub vcl_init {\n    new app = directors.round_robin();\n" + adds + "}\n"
    return probe + backends + acl + init


class Varnish:
    """varnishd in the foreground with the shipped default.vcl and a generated site.vcl."""

    def __init__(self, backend_ports):
        self.workdir = Path(tempfile.mkdtemp(prefix="varnish-test-"))
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        shutil.copy(VCL_DIR / "default.vcl", self.workdir / "default.vcl")
        (self.workdir / "site.vcl").write_text(site_vcl(backend_ports))
        # Started as root, varnishd reads the VCL as its own unprivileged user.
        for path in (self.workdir, *self.workdir.iterdir()):
            path.chmod(0o755 if path.is_dir() else 0o644)
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [
                VARNISHD,
                "-F",
                "-n",
                str(self.workdir / "instance"),
                "-a",
                f"{HOST}:{self.port}",
                "-T",
                "none",
                "-s",
                "malloc,64m",
                "-f",
                str(self.workdir / "default.vcl"),
                "-p",
                "ban_lurker_sleep=0.01",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            self._wait_until_up()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd exited: {self.process.stderr.read().decode()}")
            try:
                urllib.request.urlopen(self.base + "/healthz/", timeout=5)  # noqa: S310  # nosec B310 - our own server
                return
            except urllib.error.HTTPError:
                return  # Varnish answers (the app may still be sick)
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("varnishd did not answer within a minute")

    def __exit__(self, *exc):
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        shutil.rmtree(self.workdir, ignore_errors=True)


class AppServer(Server):
    """demo.bench's Server with its error log in a file (a pipe nobody reads could fill
    up and stall the server)."""

    def __init__(self, env, log_path):
        super().__init__(env)
        self.log_path = log_path

    def __enter__(self):
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "metropolregion.wsgi"],
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
            )
        return self


def stop(server):
    """Stops a gunicorn Server (it may have been stopped by the test already)."""
    with contextlib.suppress(ProcessLookupError):
        server.__exit__(None, None, None)


def set_production_password(user, password):
    """The test settings hash with MD5, which production does not accept: hash the way
    the app servers check (Django's default hashers)."""
    from django.conf import global_settings

    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
        user.set_password(password)
    user.save(update_fields=["password"])
    return user


def redis_url(db):
    return f"redis://127.0.0.1:6379/{db}"


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic once per session (the production settings need its manifest)."""
    if varnishd_missing_reason():
        pytest.skip(varnishd_missing_reason())
    root = tmp_path_factory.mktemp("static")
    collectstatic(server_env(free_port(), root))
    return root


def app_env(port, static_root, redis, varnish_port):
    env = server_env(port, static_root)
    env.update(
        {
            "DATABASE_URL": database_url_for_subprocess(),
            "REDIS_URL": redis,
            "VARNISH_URL": f"http://{HOST}:{varnish_port}",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": "4",
            "PAGE_CACHE_SECONDS": "300",
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "CSRF_TRUSTED_ORIGINS": f"http://{HOST}:{varnish_port}",
            "SERVE_MEDIA": "0",
            "PYTHONUNBUFFERED": "1",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            # Every test request comes from 127.0.0.1: no rate limit for the rush.
            "REGISTRATION_RATE_LIMIT": "10000",
            "GUNICORN_GRACEFUL_TIMEOUT": "3",
        }
    )
    env.pop("DJANGO_CONFIGURATION", None)
    return env


class Stack:
    """Varnish in front of `servers` app servers; `base` is Varnish's address,
    `servers` the app servers' addresses."""

    def __init__(self, count, static_root, redis):
        self.redis = redis
        self.ports = [free_port() for _ in range(count)]
        self.servers = [f"http://{HOST}:{port}" for port in self.ports]
        self.static_root = static_root
        self.stack = contextlib.ExitStack()
        self.varnish = None
        self.processes = []  # the gunicorn masters

    def __enter__(self):
        flush_redis(self.redis)
        try:
            self.varnish = self.stack.enter_context(Varnish(self.ports))
            for port, base in zip(self.ports, self.servers, strict=True):
                env = app_env(port, self.static_root, self.redis, self.varnish.port)
                server = AppServer(env, self.varnish.workdir / f"gunicorn-{port}.log")
                server.__enter__()
                self.stack.callback(stop, server)
                self.processes.append(server.process)
                wait_until_up(base, server.process)
            self.wait_until_healthy()
        except BaseException:
            self.stack.close()
            raise
        return self

    def wait_until_healthy(self, timeout=30):
        """Until Varnish's probe found every app server healthy (a page comes through)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.varnish.base + "/robots.txt", timeout=5)  # noqa: S310  # nosec B310 - our own server
                time.sleep(1.5)  # one more probe round for the other servers
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("Varnish found no healthy app server")

    @property
    def base(self):
        return self.varnish.base

    def __exit__(self, *exc):
        self.stack.close()
        with contextlib.suppress(Exception):
            flush_redis(self.redis)


def shared_settings(stack):
    """The test process as one more app server: the same Redis page cache, and purges to
    the same Varnish (for changes the test makes itself)."""
    caches = {
        alias: {
            "BACKEND": "metropolregion.cache_backends.TolerantRedisCache",
            "LOCATION": stack.redis,
            "KEY_PREFIX": f"metropolregion-{alias}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        for alias in settings.CACHES  # as production builds them with REDIS_URL
    }
    return override_settings(
        CACHES=caches,
        PAGE_CACHE_SECONDS=300,
        WAGTAILFRONTENDCACHE={
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": stack.base,
            }
        },
    )


@pytest.fixture
def varnish_stack(static_root):
    """One app server behind Varnish; Redis DB 8. Use with django_db(transaction=True)."""
    with Stack(1, static_root, redis_url(8)) as stack, shared_settings(stack):
        yield stack


@pytest.fixture
def two_app_servers(static_root):
    """Two app servers behind one Varnish, one database, one Redis (DB 9)."""
    with Stack(2, static_root, redis_url(9)) as stack, shared_settings(stack):
        yield stack


# -- HTTP as a browser does it (urllib; cookies kept per Browser) --


class Response:
    def __init__(self, status, headers, body, url):
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def cache(self):
        """Varnish's X-Cache: HIT, MISS or PASS."""
        return self.headers.get("X-Cache")


class Browser:
    """A visitor with a cookie jar; never raises for 4xx/5xx."""

    def __init__(self):
        import http.cookiejar

        class BehindTls(http.cookiejar.DefaultCookiePolicy):
            """Sends Secure cookies over plain HTTP: production sets them Secure (TLS
            ends at nginx), the tests talk to Varnish and gunicorn without TLS."""

            def return_ok_secure(self, cookie, request):
                return True

        self.cookies = http.cookiejar.CookieJar(BehindTls())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, method, url, data=None, headers=None):
        from urllib.parse import urlencode, urlsplit

        body = urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310
        if body is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
            parts = urlsplit(url)
            request.add_header("Origin", f"{parts.scheme}://{parts.netloc}")
        try:
            with self.opener.open(request, timeout=60) as response:
                return Response(response.status, response.headers, response.read(), response.url)
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read(), url)

    def get(self, url, headers=None):
        return self.request("GET", url, headers=headers)

    def post(self, url, data, headers=None):
        return self.request("POST", url, data=data, headers=headers)

    def cookie(self, name):
        return next((c.value for c in self.cookies if c.name == name), None)

    def csrf_token(self, html):
        import re

        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token in the form"
        return match.group(1)

    def log_in(self, login_url, username, password):
        """Logs in through the form at login_url (member or admin log-in)."""
        page = self.get(login_url)
        assert page.status == 200, page.status
        answer = self.post(
            login_url,
            {
                "csrfmiddlewaretoken": self.csrf_token(page.text),
                "username": username,
                "password": password,
            },
        )
        assert self.cookie("sessionid"), (answer.status, answer.text[:500])
        return answer

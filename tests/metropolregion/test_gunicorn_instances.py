"""Issue 18: gunicorn.conf.py opens no control socket at gunicorn's shared default path
(~/.gunicorn/gunicorn.ctl), so two instances on one machine start side by side; a path
in GUNICORN_CONTROL_SOCKET turns it on. Worker recycling is off unless
GUNICORN_MAX_REQUESTS sets it (the measurement is in gunicorn.conf.py's docstring)."""

import os
import runpy
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

CONF = Path(settings.BASE_DIR) / "gunicorn.conf.py"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def start(tmp_path):
    """Start gunicorn from gunicorn.conf.py (production settings, one worker) with HOME in
    tmp_path; every instance is stopped at the end, even when the test fails."""
    home = tmp_path / "home"
    home.mkdir()
    started = []

    def run(**environ):
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "XDG_"))}
        env.update(
            HOME=str(home),
            DJANGO_SETTINGS_MODULE="metropolregion.settings.production",
            SECRET_KEY="x" * 50,
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
            GUNICORN_BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY="1",
            REDIS_URL="",
            **environ,
        )
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", str(CONF), "metropolregion.wsgi"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        started.append(process)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read().decode()[-2000:]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=5) as r:  # nosec B310
                    assert r.status == 200
                    return process
            except OSError:
                time.sleep(0.3)
        raise AssertionError("gunicorn did not answer within 60 s")

    yield run, home
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_two_instances_start_side_by_side_without_a_control_socket(start):
    run, home = start
    first, second = run(), run()
    assert first.poll() is None and second.poll() is None
    assert not (home / ".gunicorn").exists()
    assert list(home.iterdir()) == []


def test_a_control_socket_only_where_the_environment_asks(start, tmp_path):
    run, home = start
    path = tmp_path / "portal.ctl"
    run(GUNICORN_CONTROL_SOCKET=str(path))
    deadline = time.monotonic() + 10
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert path.is_socket()
    assert not (home / ".gunicorn").exists()


@pytest.fixture
def conf(monkeypatch):
    def load(**environ):
        for name in ("GUNICORN_MAX_REQUESTS", "GUNICORN_CONTROL_SOCKET"):
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(CONF))

    return load


def test_recycling_is_off_by_default_and_set_by_the_environment(conf):
    values = conf()
    assert values["max_requests"] == 0 and values["control_socket_disable"] is True
    values = conf(GUNICORN_MAX_REQUESTS="5000")
    assert (values["max_requests"], values["max_requests_jitter"]) == (5000, 500)

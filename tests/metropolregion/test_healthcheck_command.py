"""`manage.py healthcheck web|worker|scheduler` and its light twin `python -m
metropolregion.healthcheck …` (the health checks of compose.yaml and the Dockerfile):
exit 0 and one line when healthy, exit 1 and one line saying why when not."""

import datetime
import io
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from metropolregion import health
from metropolregion.healthcheck import local_url
from tests.conftest import database_url_for_subprocess

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@task()
def nothing():
    """A task for the queue tests."""


def healthcheck(*args):
    """(exit status, the line printed) of the command."""
    out = io.StringIO()
    try:
        call_command("healthcheck", *args, stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue().strip()
    return 0, out.getvalue().strip()


# ---- scheduler ---------------------------------------------------------------------------


def test_a_fresh_heartbeat_is_healthy(tmp_path):
    path = tmp_path / "heartbeat"
    assert health.beat(path) is True
    status, line = healthcheck("scheduler", "--file", str(path))
    assert status == 0
    assert line.startswith("scheduler: healthy: last heartbeat")


def test_a_scheduler_that_stopped_beating_is_unhealthy(tmp_path):
    path = tmp_path / "heartbeat"
    path.write_text(f"{time.time() - 200:.3f} 4242\n")  # the last beat 200 s ago
    status, line = healthcheck("scheduler", "--file", str(path), "--max-age", "90")
    assert status == 1
    assert line == "scheduler: unhealthy: last heartbeat 200 s ago (limit 90 s)"
    # The default limit is three beats.
    assert healthcheck("scheduler", "--file", str(path))[0] == 1
    path.write_text(f"{time.time() - 2 * settings.SCHEDULER_HEARTBEAT_SECONDS:.3f} 4242\n")
    assert healthcheck("scheduler", "--file", str(path))[0] == 0


def test_no_or_a_broken_heartbeat_file_is_unhealthy(tmp_path):
    status, line = healthcheck("scheduler", "--file", str(tmp_path / "none"))
    assert (status, line) == (1, f"scheduler: unhealthy: no heartbeat at {tmp_path / 'none'}")
    (tmp_path / "broken").write_text("")
    assert healthcheck("scheduler", "--file", str(tmp_path / "broken"))[0] == 1


def test_the_container_entry_point_checks_without_loading_the_apps(tmp_path):
    """`python -m metropolregion.healthcheck scheduler`, as compose.yaml runs it: its exit
    status, its one line, and no app loaded (a check runs every 30 s)."""
    path = tmp_path / "heartbeat"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "metropolregion.settings.test"}
    code = (
        "import sys; from metropolregion import healthcheck; status = healthcheck.main(sys.argv[1:]);"
        " from django.apps import apps; print('apps loaded' if apps.ready else 'no apps');"
        " sys.exit(status)"
    )

    def run():
        return subprocess.run(  # noqa: S603 - our own arguments
            [sys.executable, "-c", code, "scheduler", "--file", str(path), "--max-age", "60"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    missing = run()
    assert missing.returncode == 1
    assert missing.stdout.splitlines() == [
        f"scheduler: unhealthy: no heartbeat at {path}",
        "no apps",
    ]
    health.beat(path)
    fresh = run()
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout.startswith("scheduler: healthy: last heartbeat")


def test_an_unwritable_heartbeat_is_logged_and_the_scheduler_goes_on(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert health.beat(blocker / "heartbeat") is False  # its folder is a file
    assert "heartbeat file" in caplog.text


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_running_scheduler_beats_and_stops_beating_when_it_stops(tmp_path):
    """The real process: `run_scheduler` with a beat every second. Healthy while it runs,
    unhealthy once it has stopped."""
    path = tmp_path / "heartbeat"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "metropolregion.settings.test",
        "DATABASE_URL": database_url_for_subprocess(),
        "SCHEDULER_HEARTBEAT_FILE": str(path),
        "SCHEDULER_HEARTBEAT_SECONDS": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not path.exists() and time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read().decode()
            time.sleep(0.2)
        first = path.read_text()
        while path.read_text() == first and time.monotonic() < deadline:
            time.sleep(0.2)
        assert path.read_text() != first, "the clock did not beat again"
        assert healthcheck("scheduler", "--file", str(path), "--max-age", "3")[0] == 0
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    time.sleep(3.5)
    status, line = healthcheck("scheduler", "--file", str(path), "--max-age", "3")
    assert status == 1, line
    assert "last heartbeat" in line


# ---- worker ------------------------------------------------------------------------------


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS  # django-tasks re-reads it (setting_changed)


def wait_since(result, **moments):
    DBTaskResult.objects.filter(pk=result.id).update(**moments)


@pytest.mark.django_db
def test_an_empty_queue_and_a_fresh_task_are_healthy(database_tasks):
    assert healthcheck("worker") == (0, "worker: healthy: no task waiting")
    nothing.enqueue()
    status, line = healthcheck("worker")
    assert status == 0
    assert line.startswith("worker: healthy: oldest due task waiting")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_stuck_queue_is_unhealthy_until_a_worker_takes_the_task(database_tasks):
    """The worker commits its own transactions (as in tests/events/test_mail_worker.py)."""
    result = nothing.enqueue()
    wait_since(result, enqueued_at=timezone.now() - datetime.timedelta(minutes=20))
    status, line = healthcheck("worker", "--max-wait", "600")
    assert status == 1
    assert line.startswith("worker: unhealthy: a due task has waited 1200 s (limit 600 s)")

    # Control: once a worker has run the task, the queue is healthy again.
    call_command(
        "db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"
    assert healthcheck("worker", "--max-wait", "600")[0] == 0


@pytest.mark.django_db
def test_a_task_for_later_waits_from_its_time_not_from_when_it_was_queued(database_tasks):
    long_ago = timezone.now() - datetime.timedelta(hours=2)
    later = nothing.using(run_after=timezone.now() + datetime.timedelta(hours=1)).enqueue()
    wait_since(later, enqueued_at=long_ago)
    assert healthcheck("worker", "--max-wait", "600")[0] == 0  # not due yet

    wait_since(later, run_after=timezone.now() - datetime.timedelta(minutes=15))
    status, line = healthcheck("worker", "--max-wait", "600")
    assert status == 1
    assert "has waited 900 s" in line


@pytest.mark.django_db
def test_only_the_queues_the_worker_serves_count(settings):
    settings.TASKS = {"default": {**DATABASE_TASKS["default"], "QUEUES": ["default", "elsewhere"]}}
    other = nothing.using(queue_name="elsewhere").enqueue()
    wait_since(other, enqueued_at=timezone.now() - datetime.timedelta(hours=1))
    assert healthcheck("worker")[0] == 0
    assert healthcheck("worker", "--queue-name", "default,elsewhere")[0] == 1


# ---- web ---------------------------------------------------------------------------------


class Answer(BaseHTTPRequestHandler):
    """Stands in for gunicorn: answers /readyz/ with the class's status and body."""

    status = 200
    body = b'{"status": "ok"}'
    seen_hosts = []

    def do_GET(self):
        Answer.seen_hosts.append(self.headers["Host"])
        self.send_response(self.status if self.path == "/readyz/" else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/readyz/"
    finally:
        server.shutdown()
        server.server_close()
        Answer.status, Answer.body = 200, b'{"status": "ok"}'


def test_web_is_healthy_when_readyz_answers_200(web_server, settings):
    settings.ALLOWED_HOSTS = ["*.portal.example.org", "localhost"]
    status, line = healthcheck("web", "--url", web_server)
    assert status == 0
    assert line == f"web: healthy: ready (200 from {web_server})"
    assert Answer.seen_hosts[-1] == "portal.example.org"  # a host Django accepts


def test_web_is_unhealthy_naming_what_readyz_found_failing(web_server):
    Answer.status = 503
    Answer.body = b'{"status": "unavailable", "failing": ["database", "storage"]}'
    status, line = healthcheck("web", "--url", web_server)
    assert status == 1
    assert line == f"web: unhealthy: not ready (503 from {web_server}: database, storage)"


def test_web_is_unhealthy_when_nothing_listens():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    status, line = healthcheck("web", "--url", f"http://127.0.0.1:{port}/readyz/", "--timeout", "2")
    assert status == 1
    assert line.startswith(f"web: unhealthy: no answer from http://127.0.0.1:{port}/readyz/")


def test_web_probes_the_port_gunicorn_listens_on(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    assert local_url() == "http://127.0.0.1:8000/readyz/"
    assert local_url("0.0.0.0:8000") == "http://127.0.0.1:8000/readyz/"
    assert local_url("10.0.0.5:9000") == "http://10.0.0.5:9000/readyz/"
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:8123")
    assert local_url() == "http://127.0.0.1:8123/readyz/"

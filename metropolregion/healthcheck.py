"""The health checks of the site's processes as exit codes, for Docker/Compose HEALTHCHECK
and Kubernetes exec probes: 0 when healthy, 1 when not, and one line saying why.

    python -m metropolregion.healthcheck web         GET /readyz/ on this container's gunicorn
    python -m metropolregion.healthcheck worker      no due task waited over WORKER_MAX_QUEUE_WAIT
    python -m metropolregion.healthcheck scheduler   the heartbeat file is fresh

`python manage.py healthcheck …` runs the same checks. This entry point exists because a
check runs every 30 s in every container: `manage.py` loads every app first (about 3.8 s
of CPU on this machine), while `web` and `scheduler` here read only the settings (0.3 s).
`worker` queries the task table and loads the apps either way.
(metropolregion/health.py has the checks; docs/topology.md says which probe to use where.)
"""

import argparse
import json
import os
import sys
import urllib.error
import urllib.request

PROCESSES = ("web", "worker", "scheduler")
DEFAULT_BIND = "127.0.0.1:8000"  # as gunicorn.conf.py


def local_url(bind=None):
    """/readyz/ on the address gunicorn listens on (GUNICORN_BIND), reached through the
    loopback interface when it listens on every interface."""
    bind = (bind or os.environ.get("GUNICORN_BIND") or DEFAULT_BIND).split(",")[0].strip()
    if bind.startswith("unix:"):
        raise ValueError("gunicorn listens on a Unix socket: give --url")
    host, _, port = bind.rpartition(":")
    if host in ("", "0.0.0.0", "[::]", "*"):  # noqa: S104  # nosec B104 - read, not bound
        host = "127.0.0.1"
    return f"http://{host}:{port or '8000'}/readyz/"


def host_header(allowed_hosts):
    """A host Django accepts: the first of ALLOWED_HOSTS without its wildcard."""
    for host in allowed_hosts:
        host = host.lstrip("*").lstrip(".")
        if host:
            return host
    return "localhost"


def web_status(url, timeout, allowed_hosts):
    """(healthy, reason): /readyz/ answered 200."""
    request = urllib.request.Request(url, headers={"Host": host_header(allowed_hosts)})  # noqa: S310
    # Straight to the local port, never through a proxy from the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=timeout) as response:
            return True, f"ready ({response.status} from {url})"
    except urllib.error.HTTPError as error:
        try:
            failing = json.loads(error.read().decode()).get("failing") or []
        except (ValueError, AttributeError):
            failing = []
        what = ", ".join(str(name) for name in failing) or "no report"
        return False, f"not ready ({error.code} from {url}: {what})"
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        return False, f"no answer from {url} ({type(reason).__name__})"


def check(
    process,
    *,
    url=None,
    timeout=8.0,
    max_wait=None,
    queue_name="default",
    max_age=None,
    heartbeat=None,
    setup=True,
):
    """(healthy, line) for one process. `setup`: load Django's apps when the check needs
    the database (the worker's); manage.py has done that already."""
    from django.conf import settings

    if process == "web":
        try:
            target = url or local_url()
        except ValueError as error:
            return False, f"web: unhealthy: {error}"
        healthy, reason = web_status(target, timeout, settings.ALLOWED_HOSTS)
    elif process == "worker":
        if setup:
            import django

            django.setup()
        from metropolregion import health

        queues = tuple(name.strip() for name in queue_name.split(",") if name.strip())
        healthy, reason = health.worker_status(max_wait, queues)
    elif process == "scheduler":
        from metropolregion import health

        healthy, reason = health.scheduler_status(heartbeat, max_age)
    else:
        raise ValueError(f"unknown process {process!r}")
    return healthy, f"{process}: {'healthy' if healthy else 'unhealthy'}: {reason}"


def add_arguments(parser):
    parser.add_argument("process", choices=PROCESSES)
    parser.add_argument("--url", help="web: the readiness address (default: GUNICORN_BIND)")
    parser.add_argument("--timeout", type=float, default=8.0, help="web: seconds to wait")
    parser.add_argument(
        "--max-wait", type=int, help="worker: seconds a due task may wait (WORKER_MAX_QUEUE_WAIT)"
    )
    parser.add_argument(
        "--queue-name",
        default="default",
        help="worker: the queues its db_worker serves, comma-separated (as db_worker)",
    )
    parser.add_argument(
        "--max-age", type=int, help="scheduler: seconds since the last beat (three beats)"
    )
    parser.add_argument(
        "--file", dest="heartbeat", help="scheduler: the heartbeat file (SCHEDULER_HEARTBEAT_FILE)"
    )


def options(namespace):
    return {key: value for key, value in vars(namespace).items() if key != "process"}


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metropolregion.settings.dev")
    parser = argparse.ArgumentParser(prog="python -m metropolregion.healthcheck")
    add_arguments(parser)
    arguments = parser.parse_args(argv)
    healthy, line = check(arguments.process, **options(arguments))
    print(line)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())

"""Health of the processes (metropolregion/health.py): the readiness check's time limit,
the scheduler's heartbeat and how long a task may wait before the queue counts as stuck."""

import tempfile
from pathlib import Path

from .env import env_int, env_str

# /readyz/ checks the database, both caches and the media storage at once; a check that
# has not answered after this many seconds fails as "timed out".
READYZ_TIMEOUT = env_int("READYZ_TIMEOUT", 3)

# `manage.py run_scheduler` rewrites this file every SCHEDULER_HEARTBEAT_SECONDS;
# `manage.py healthcheck scheduler` fails once it is older than three beats. One file per
# scheduler process: keep it on the container's own file system, never on a shared volume.
SCHEDULER_HEARTBEAT_FILE = env_str(
    "SCHEDULER_HEARTBEAT_FILE",
    str(Path(tempfile.gettempdir()) / "metropolregion-scheduler.heartbeat"),
)
SCHEDULER_HEARTBEAT_SECONDS = env_int("SCHEDULER_HEARTBEAT_SECONDS", 30)

# `manage.py healthcheck worker` fails when a task that is due has waited longer than this
# (seconds) for a worker: the queue is stuck.
WORKER_MAX_QUEUE_WAIT = env_int("WORKER_MAX_QUEUE_WAIT", 600)

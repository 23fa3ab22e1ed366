"""Gunicorn settings for production: `gunicorn -c gunicorn.conf.py metropolregion.wsgi`.

Every value can be changed through an environment variable without rebuilding the image:

    GUNICORN_BIND               address to listen on                    127.0.0.1:8000
    WEB_CONCURRENCY             worker processes                        2 x cores + 1
    GUNICORN_THREADS            threads per worker                      2
    GUNICORN_TIMEOUT            seconds before a silent worker is killed  30
    GUNICORN_GRACEFUL_TIMEOUT   seconds to finish requests on shutdown  30
    GUNICORN_KEEPALIVE          seconds to keep an idle connection      5
    GUNICORN_MAX_REQUESTS       recycle a worker after this many        0 (off; see below)
                                requests (plus up to 10 % at random)
    GUNICORN_CONTROL_SOCKET     path of gunicorn's control socket       none (off)
                                (`gunicornc`)
    FORWARDED_ALLOW_IPS         proxies trusted for X-Forwarded-*       TRUSTED_PROXY_IPS, else
                                                                        127.0.0.1,::1

Where the app listens: only on the loopback interface unless told otherwise, so that the
only way in is the proxy on the same machine (nginx, docs/nginx.conf). A client that
reached the app port directly could otherwise send its own X-Forwarded-For; Django reads
that header only from TRUSTED_PROXY_IPS (metropolregion/security.py) and gunicorn its
X-Forwarded-Proto only from FORWARDED_ALLOW_IPS, which follows TRUSTED_PROXY_IPS unless set.
Inside a container the published port is the way in: run the image with
GUNICORN_BIND=0.0.0.0:8000, publish the port on the host's loopback only
(`-p 127.0.0.1:8000:8000`) and list the address the proxy connects from (the Docker
bridge gateway, e.g. 172.17.0.1) in TRUSTED_PROXY_IPS (README, Deployment).

The numbers: Django renders pages synchronously, so throughput is processes x threads.
The classic rule of 2 x cores + 1 processes keeps every core busy while some workers wait on
the database; on this machine's 2 cores that gives 5 workers x 2 threads = 10 requests in
flight. The threads (gthread worker) cover the time a request waits on PostgreSQL or the
disk without the memory of another process (each worker holds its own copy of Django and
Wagtail, roughly 100-150 MB). Memory, not CPU, is usually the limit: lower WEB_CONCURRENCY on
small containers. Note that os.cpu_count() reports the cores of the host, not a container's
CPU quota, so set WEB_CONCURRENCY explicitly where the container is limited.

Workers are not recycled (max_requests 0) unless GUNICORN_MAX_REQUESTS says so (plus up to
10 % at random, so that they do not all restart at once). Recycling costs more than it
saves here: with 1000 ± 100, the cached pages under load restarted workers 28 times in
2.5 minutes, and every new worker renders its first pages slowly (327 cached pages/s
against 614 with recycling off, issue 18). The workers do not grow: measured on
2026-11-30 with `manage.py bench --memory` (5 workers, production settings, PostgreSQL,
Redis; requests cycling through 18 pages of six types, 20 % rendered uncached, the rest
from the page cache), the resident memory per worker was 142-144 MiB after warming, and
after 2,000 / 5,000 / 10,000 / 20,000 requests the median was 144 / 145 / 147 / 148 MiB
(the largest worker 149 MiB): +5 MiB in the median and at most +7 MiB for one worker after
20,000 requests (about 4,000 per worker), most of it caches filling (templates,
renditions). At that rate a worker would need some 25,000 requests of its own to grow by
50 MB. Should a later version leak, set GUNICORN_MAX_REQUESTS (e.g. 20000) and measure
again with `manage.py bench --memory`.

The access log goes to stdout and contains no personal data: no client IP address, no query
string (search terms), no referrer, no user agent and no user name; only time, method, path,
status, size and duration. Errors go to stderr.
"""

import os


def _env_int(name: str, default: int) -> int:
    """An integer from the environment; empty or unset means the default."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, not {value!r}.") from exc


def _env_str(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


# Loopback by default: only a proxy on this machine reaches the app (see the docstring).
bind = _env_str("GUNICORN_BIND", "127.0.0.1:8000")

# Processes and threads (see the docstring for the numbers).
workers = _env_int("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1)
threads = _env_int("GUNICORN_THREADS", 2)
worker_class = "gthread" if threads > 1 else "sync"

# Timeouts in seconds. The graceful timeout lets requests in flight finish on SIGTERM (a
# deploy); keep the container runtime's stop timeout above it (docker run --stop-timeout).
timeout = _env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)

# Worker recycling: off unless GUNICORN_MAX_REQUESTS is set (measured in the docstring).
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 0)
max_requests_jitter = max_requests // 10

# gunicorn (25.1+) opens a control socket for `gunicornc` by default, at one path per user
# and host ($XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl): a second instance on
# the same machine (a test, a benchmark, a second site) takes the first one's socket over.
# Off unless GUNICORN_CONTROL_SOCKET names a path for this instance.
control_socket_disable = not _env_str("GUNICORN_CONTROL_SOCKET", "")
if not control_socket_disable:
    control_socket = _env_str("GUNICORN_CONTROL_SOCKET", "")

# The workers' heartbeat files: in memory where available, because the disk-backed overlay
# filesystem of a container can block the heartbeat and get healthy workers killed.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - heartbeat files only  # nosec B108

# Proxies whose X-Forwarded-Proto gunicorn trusts (comma-separated addresses or networks):
# the same as Django's TRUSTED_PROXY_IPS unless set on its own.
forwarded_allow_ips = _env_str(
    "FORWARDED_ALLOW_IPS", _env_str("TRUSTED_PROXY_IPS", "127.0.0.1,::1")
)

# Logging: access log to stdout, errors to stderr. %(U)s is the path without the query
# string; %(r)s would include it, and %(h)s, %(f)s, %(a)s and %(u)s are personal data.
# %(b)s is 0 for files whitenoise hands to sendfile: gunicorn does not count those bytes.
accesslog = "-"
errorlog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'

"""CPU time and memory of a gunicorn server and its PostgreSQL backends, read from /proc
(Linux): the figures of the benchmarks that survive a machine shared with other work.

CPU of a server = its gunicorn master (own time plus that of reaped children: a worker
that exits inside the window moves its whole lifetime into the master's cutime/cstime,
so the start value of such a worker is taken back) + its live workers + the PostgreSQL
backends connected to the site's database (a backend that ends inside the window is
lost; with persistent connections, DATABASE_CONN_MAX_AGE, none does).
"""

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

TICK = os.sysconf("SC_CLK_TCK")


def stat(pid):
    """(utime, stime, cutime, cstime) in ticks, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return tuple(int(x) for x in fields[11:15])
    except (OSError, IndexError, ValueError):
        return None


def children(pid):
    """The child processes of `pid` (gunicorn's workers of a master)."""
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                found += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return found


def rss_mib(pid):
    """Resident memory of one process in MiB (VmRSS), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def admin_dsn(database_url):
    """A connection string for the maintenance database of the server in `database_url`
    (its own backend then does not count towards the site's database)."""
    parts = urlsplit(database_url)
    return (
        parts._replace(path="/postgres", query="")
        .geturl()
        .replace("postgres://", "postgresql://", 1)
    )


def pg_backends(dsn, database):
    """PIDs of the PostgreSQL backends connected to `database` (same machine)."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", (database,)
        ).fetchall()
    return [pid for (pid,) in rows]


@dataclass
class Cpu:
    app: float  # seconds: gunicorn master + workers
    db: float  # seconds: PostgreSQL backends of the site's database

    @property
    def total(self):
        return self.app + self.db


class CpuMeter:
    """snapshot() before and after a batch; between(a, b) gives the Cpu spent."""

    def __init__(self, master_pid, database=None, dsn=None):
        self.master_pid = master_pid
        self.database = database
        self.dsn = dsn

    def snapshot(self):
        snap = {}
        master = stat(self.master_pid)
        if master is None:
            raise RuntimeError(f"gunicorn master {self.master_pid} is not running")
        snap["master"] = sum(master)
        for pid in children(self.master_pid):
            s = stat(pid)
            if s:
                snap[("worker", pid)] = s[0] + s[1]
        if self.database:
            for pid in pg_backends(self.dsn, self.database):
                s = stat(pid)
                if s:
                    snap[("pg", pid)] = s[0] + s[1]
        return snap

    @staticmethod
    def between(before, after):
        def is_pg(key):
            return isinstance(key, tuple) and key[0] == "pg"

        app = sum(after[k] - before.get(k, 0) for k in after if not is_pg(k))
        app -= sum(
            v for k, v in before.items() if k not in after and isinstance(k, tuple) and not is_pg(k)
        )
        db = sum(after[k] - before.get(k, 0) for k in after if is_pg(k))
        return Cpu(app / TICK, db / TICK)


def timed_threads(target, count):
    """Run `target` in `count` threads at once; the seconds until the last one ended."""
    import threading
    import time

    threads = [threading.Thread(target=target) for _ in range(count)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began

"""`manage.py bench --memory`: do gunicorn's workers grow? The measurement behind the
worker-recycling setting in gunicorn.conf.py (GUNICORN_MAX_REQUESTS).

gunicorn with the production settings and recycling off; after every worker has been
warmed, a mix of requests (cached pages, and pages of several types rendered uncached
through a session cookie that matches no session) is sent in steps, and the resident
memory (VmRSS) of every worker is read from /proc after 0, 2,000, 5,000, 10,000 and
20,000 requests. If a worker were replaced in between, the figures would be void: it
fails then.
"""

import http.client
import itertools
import statistics
import threading
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings

from demo.bench.checks import BenchError
from demo.bench.proc import rss_mib
from demo.bench.server import BYPASS_COOKIE, Server, free_port, server_env

CHECKPOINTS = (0, 2000, 5000, 10000, 20000)
PAGE_MODELS = (
    "news.NewsPage",
    "events.EventPage",
    "news.NewsIndexPage",
    "events.EventIndexPage",
    "projects.ProjectPage",
    "galleries.GalleryPage",
)
UNCACHED_SHARE = 5  # every 5th request renders (20 %); the rest come from the page cache


def paths():
    found = ["/", "/en/"]
    for label in PAGE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        found += [p.url for p in model.objects.live().public().order_by("path")[:3] if p.url]
    return found


def send(base, requests, pages, concurrency=8):
    """`requests` GETs cycling through `pages`; every UNCACHED_SHARE-th bypasses the cache."""
    parts = urlsplit(base)
    plan = itertools.islice(itertools.cycle(enumerate(pages)), requests)
    lock, bad = threading.Lock(), []
    counter = itertools.count()

    def client():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        while True:
            with lock:
                item = next(plan, None)
                n = next(counter)
            if item is None:
                break
            headers = {"Cookie": BYPASS_COOKIE} if n % UNCACHED_SHARE == 0 else {}
            conn.request("GET", item[1], headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                with lock:
                    bad.append((item[1], response.status))
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if bad:
        raise BenchError(f"memory: {len(bad)} answers were not 200, e.g. {bad[:3]}")


def run(out, checkpoints=CHECKPOINTS):
    pages = paths()
    env = server_env(
        free_port(), Path(settings.BASE_DIR) / "staticfiles", GUNICORN_MAX_REQUESTS="0"
    )
    table = []
    with Server(env) as server:
        for page in pages:
            server.warm(page, {"Cookie": BYPASS_COOKIE}, per_worker=1)
            server.warm(page, per_worker=1)
        workers = sorted(server.workers())
        done = 0
        for checkpoint in checkpoints:
            send(server.base, checkpoint - done, pages)
            done = checkpoint
            if sorted(server.workers()) != workers:
                raise BenchError("memory: a worker was replaced during the run; figures void")
            table.append((checkpoint, [rss_mib(pid) for pid in workers]))
    out("")
    out(
        f"Worker memory (VmRSS, MiB) of {len(workers)} gunicorn workers, recycling off; "
        f"requests cycle through {len(pages)} pages, {100 // UNCACHED_SHARE} % rendered "
        f"uncached, the rest from the page cache:"
    )
    out("")
    out(
        "| Requests | "
        + " | ".join(f"worker {n + 1}" for n in range(len(workers)))
        + " | median | growth |"
    )
    out("|---|" + "---|" * (len(workers) + 2))
    first = statistics.median(table[0][1])
    for checkpoint, sizes in table:
        median = statistics.median(sizes)
        out(
            f"| {checkpoint:,} | "
            + " | ".join(f"{s:.0f}" for s in sizes)
            + f" | {median:.0f} | {median - first:+.0f} |"
        )
    return table

"""`make bench`: SQL queries and in-process render time per page type.

Renders each page through the full middleware stack with Django's test client (no page
cache), after a warm-up, and prints a Markdown table for the README."""

import os
import platform
import statistics
import time

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from demo.bench import compare, load, memory
from demo.bench.checks import BenchError
from demo.bench.registrations import ATTEMPTS, THREADS, registration_throughput
from metropolregion.clock import today

HOME_QUERY_TARGET = 12
PAGE_QUERY_TARGET = 15

# Routes of routable index pages measured besides the page itself: (label, path below the
# page; {year} and {month} are today's in Berlin).
EXTRA_ROUTES = {
    "events.EventIndexPage": [
        ("month view", "monat/{year}/{month}/"),
        ("iCal feed", "ical/"),
    ],
    "news.NewsIndexPage": [("RSS feed", "feed/rss/")],
}


def machine():
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}".strip()
    )


def query_target(url, queries):
    """Issue 7's budget: the home page ≤ 12 queries, every other page type ≤ 15."""
    limit = HOME_QUERY_TARGET if url in ("/", "/en/") else PAGE_QUERY_TARGET
    return f"≤ {limit} {'met' if queries <= limit else 'MISSED'}"


class Command(BaseCommand):
    help = "Prints SQL queries and median render time per page type (uncached)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--warmup", type=int, default=5)
        parser.add_argument(
            "--no-load", action="store_true", help="Skip the gunicorn load test and page weight."
        )
        parser.add_argument("--seconds", type=int, default=8, help="Duration of each load test.")
        parser.add_argument(
            "--no-compare",
            action="store_true",
            help="Skip the side-by-side comparison with bakerydemo (BAKERYDEMO_URL).",
        )
        parser.add_argument(
            "--rounds", type=int, default=3, help="Interleaved rounds of the comparison."
        )
        parser.add_argument(
            "--memory",
            action="store_true",
            help="Only the workers' memory over 20,000 requests (gunicorn.conf.py's recycling).",
        )

    def handle(
        self,
        *args,
        requests=50,
        warmup=5,
        no_load=False,
        seconds=8,
        no_compare=False,
        rounds=3,
        **options,
    ):
        if options.get("memory"):
            try:
                memory.run(self.stdout.write)
            except BenchError as error:
                raise CommandError(str(error)) from error
            return
        client = Client(HTTP_HOST="localhost")
        with override_settings(PAGE_CACHE_SECONDS=0):  # in-process figures are uncached
            rows = self.render_all(client, requests, warmup)
        self.print_table(rows, requests, warmup)
        self.registrations()
        try:
            if not no_load:
                load.run(self.stdout.write, seconds=seconds)
            if not no_compare:
                compare.run(self.stdout.write, rounds=rounds)
        except BenchError as error:
            raise CommandError(str(error)) from error

    def render_all(self, client, requests, warmup):
        rows = []
        for name, url in self.urls():
            for _ in range(warmup):
                client.get(url)
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            queries = len(ctx.captured_queries)  # read now: the next request resets the log
            timings = []
            for _ in range(requests):
                start = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            rows.append(
                (
                    name,
                    url,
                    response.status_code,
                    queries,
                    statistics.median(timings),
                    timings[int(len(timings) * 0.95) - 1],
                    len(response.content) / 1024,
                )
            )
        return rows

    def print_table(self, rows, requests, warmup):
        self.stdout.write(f"Machine: {machine()}")
        fragments = getattr(settings, "FRAGMENT_CACHE_SECONDS", None)
        self.stdout.write(
            f"Requests per page: {requests} after {warmup} warm-up, page cache off "
            f"(fragment cache: {'off' if not fragments else f'{fragments} s, warm'})\n"
        )
        self.stdout.write(
            "| Page type | URL | Status | SQL queries | Query target | Median ms | p95 ms "
            "| HTML KiB |"
        )
        self.stdout.write("|---|---|---|---|---|---|---|---|")
        for name, url, status, queries, median, p95, size in rows:
            self.stdout.write(
                f"| {name} | {url} | {status} | {queries} | {query_target(url, queries)} | "
                f"{median:.1f} | {p95:.1f} | {size:.1f} |"
            )
        bad = [(name, url, status) for name, url, status, *_ in rows if status != 200]
        if bad:
            raise CommandError(f"pages that did not answer 200, figures void: {bad}")

    def registrations(self):
        self.stdout.write("")
        result = registration_throughput()
        if result is None:
            self.stdout.write(
                "Registrations: measured on PostgreSQL only (DATABASE_URL=postgres://… make bench)."
            )
            return
        per_second, confirmed, capacity, refused = result
        held = "held" if confirmed == capacity else "EXCEEDED"
        self.stdout.write(
            f"Registrations: {per_second:.0f} attempts/s ({THREADS} threads × {ATTEMPTS}, "
            f"row lock per event); {confirmed} confirmed of {capacity} places ({held}), "
            f"{refused} refused as full."
        )

    def urls(self):
        day = today()
        for model in self.page_models():
            page = model.objects.live().public().order_by("path").first()
            if page is None:
                continue
            yield model._meta.verbose_name, page.url
            for label, path in EXTRA_ROUTES.get(model._meta.label, []):
                url = page.url + path.format(year=day.year, month=day.month)
                yield f"{model._meta.verbose_name}: {label}", url

    @staticmethod
    def page_models():
        return [
            model
            for model in apps.get_models()
            if issubclass(model, Page) and model is not Page and not model._meta.abstract
        ]

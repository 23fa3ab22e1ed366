"""`make screenshots`: full-page PNGs of one page of every type at a phone's and a desktop's
width, so a reviewer sees the design without a browser of their own.

`page_types()` finds one page of each type in the database (the demo's, after
`load_demo_content`); `serve()` starts the site with `runserver` on a free port of
127.0.0.1; `capture()` loads each page in Debian's Chromium through Playwright (launched
like the browser tests: no download, off the network) and saves `NN-<type>-<width>.png`.
Called by the `screenshots` management command; the browser tests call `capture()` against
their own live server (tests/browser/test_screenshots.py)."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from demo.bench.load import CHROMIUM, CHROMIUM_ARGS, HOST, free_port
from events.choices import Audience, RegistrationMode
from events.models import EventIndexPage, EventPage
from galleries.models import GalleryIndexPage, GalleryPage
from metropolregion import clock
from news.models import NewsIndexPage, NewsPage
from projects.models import ProjectIndexPage, ProjectPage, WorkingGroupPage

WIDTHS = (390, 1366)  # a current phone, the most common laptop
HEIGHT = 900  # the first viewport; the PNG covers the whole page
SEARCH_TERM = "Wasserstoff"
MISSING_PATH = "/gibt-es-nicht/"
SERVER_START_SECONDS = 90
PAGE_TIMEOUT_MS = 90_000  # a page's renditions may be made on its first request

# Loading="lazy" pictures below the fold would be blank on a full-page shot: load them all
# and wait until every picture has arrived (or failed).
LOAD_ALL_IMAGES = """() => {
    document.querySelectorAll('img[loading="lazy"]').forEach((img) => { img.loading = "eager"; });
}"""
IMAGES_DONE = "() => [...document.images].every((img) => img.complete)"


@dataclass(frozen=True)
class Shot:
    """One page type: its place in the visitor's order and its name (together the file
    name), its path on the site, and the status it answers with."""

    number: int
    name: str
    path: str
    status: int = 200

    def file_name(self, width):
        return f"{self.number:02d}-{self.name}-{width}.png"


def _path(page):
    """A page's path on the site (its URL is absolute when there are several sites)."""
    return urlsplit(page.get_url()).path


def _first(queryset, locale):
    page = queryset.live().public().filter(locale=locale).order_by("path").first()
    if page is None:
        raise LookupError(f"no live {queryset.model.__name__}: run load_demo_content first")
    return page


def _event(locale):
    """An upcoming event that takes registrations here from everyone (the form shows), else
    the next event, else any."""
    events = EventPage.objects.live().public().filter(locale=locale)
    upcoming = events.filter(end__gt=clock.now()).order_by("start")
    open_to_all = upcoming.filter(
        registration_mode=RegistrationMode.INTERNAL, audience=Audience.PUBLIC
    )
    event = open_to_all.first() or upcoming.first()
    return event or _first(EventPage.objects, locale)


def _news_article(locale):
    """The newest news article, one with a picture if there is one."""
    news = NewsPage.objects.live().public().filter(locale=locale).order_by("-date", "path")
    return news.filter(image__isnull=False).first() or _first(NewsPage.objects, locale)


def page_types():
    """One page of every type, in the order a visitor meets them, as `Shot`s."""
    locale = Locale.get_default()
    with translation.override(settings.LANGUAGE_CODE):
        calendar = _first(EventIndexPage.objects, locale)
        event = _event(locale)
        today = clock.today()
        month = calendar.reverse_subpage("month", args=(today.year, today.month))
        register = event.reverse_subpage("register")
        types = [
            ("home", "/"),
            ("news-list", _path(_first(NewsIndexPage.objects, locale))),
            ("news-article", _path(_news_article(locale))),
            ("calendar", _path(calendar)),
            ("month-view", _path(calendar) + month),
            ("event", _path(event)),
            ("event-registration", _path(event) + register),
            ("project-list", _path(_first(ProjectIndexPage.objects, locale))),
            ("project", _path(_first(ProjectPage.objects, locale))),
            ("working-group", _path(_first(WorkingGroupPage.objects, locale))),
            ("gallery-list", _path(_first(GalleryIndexPage.objects, locale))),
            ("gallery", _path(_first(GalleryPage.objects, locale))),
            ("search-results", f"{reverse('search')}?q={SEARCH_TERM}"),
            ("account-login", reverse("membership:login")),
            ("not-found", MISSING_PATH, 404),
        ]
        return [Shot(number, *args) for number, args in enumerate(types, start=1)]


def capture(base_url, shots, out_dir, widths=WIDTHS, chromium=CHROMIUM):
    """Save a full-page PNG of every shot at every width into `out_dir` (created); returns
    the files. Raises if a page answers with another status than expected. Call it without
    the ORM in use: Playwright's event loop runs meanwhile."""
    from playwright.sync_api import sync_playwright

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for width in widths:
                context = browser.new_context(
                    viewport={"width": width, "height": HEIGHT},
                    locale="de-DE",
                    timezone_id="Europe/Berlin",
                    reduced_motion="reduce",
                )
                page = context.new_page()
                page.set_default_timeout(PAGE_TIMEOUT_MS)
                for shot in shots:
                    response = page.goto(base_url.rstrip("/") + shot.path)
                    if response is None or response.status != shot.status:
                        status = response.status if response else "no response"
                        raise RuntimeError(f"{shot.path}: {status}, expected {shot.status}")
                    page.evaluate(LOAD_ALL_IMAGES)
                    page.wait_for_function(IMAGES_DONE)
                    target = out_dir / shot.file_name(width)
                    page.screenshot(path=target, full_page=True, animations="disabled")
                    files.append(target)
                context.close()
        finally:
            browser.close()
    return files


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  # nosec B310
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def serve():
    """The site (the configured database and settings) served by `runserver` on a free
    port of 127.0.0.1 until the block ends; yields its base URL. DEBUG is off, so that the
    404 page is the site's own, not Django's debug page."""
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    env = {**os.environ, "DEBUG": "0"}
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "runserver"]
    command += [f"{HOST}:{port}", "--noreload", "--skip-checks"]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(  # noqa: S603 - our own manage.py, no shell
            command, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not _answers(base_url + "/healthz/"):
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    output = log.read().decode(errors="replace")
                    raise RuntimeError(f"runserver did not start on {base_url}:\n{output}")
                time.sleep(0.5)
            yield base_url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

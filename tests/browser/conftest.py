"""Playwright (Python) driving Debian's Chromium against a live server on the demo site.

No browser is ever downloaded: Playwright launches /usr/bin/chromium with flags that
keep it off the network (the machine has none beyond the package registries).

The demo content is loaded once per session and shared by every browser test (see
tests/conftest.py, also for the rule on tests that change data). The live server is our
own, session-wide: pytest-django's `live_server` would make each test transactional, and
the flush after each test would delete the shared demo."""

import os

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import connections
from django.test.utils import modify_settings, override_settings
from pytest_django.live_server_helper import LiveServer

from demo.bench.load import CHROMIUM_ARGS as LAUNCH_ARGS
from metropolregion.settings import base as base_settings
from tests.conftest import CHROMIUM


def pytest_collection_modifyitems(config, items):
    browser_dir = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(browser_dir):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def demo_server(demo_database, request):
    """A live server for the whole session, started once the demo is in the database.
    (With the in-memory SQLite test database it shares the test's connection.)"""
    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address)
    yield server
    server.stop()


@pytest.fixture
def demo_site(demo_db, demo_server):
    """The demo content served by the live server; returns the server's base URL.

    No transaction: the live server reads through its own connection (see tests/conftest.py
    for what that means for tests that change data). Every change commits, so the page
    cache and the rendered fragments are on, as in production: what a reader sees in these
    tests went through them (the caches start empty for every test, tests/conftest.py)."""
    with (
        modify_settings(ALLOWED_HOSTS={"append": demo_server.thread.host}),
        override_settings(PAGE_CACHE_SECONDS=300, FRAGMENT_CACHE_SECONDS=300),
    ):
        yield demo_server.url


@pytest.fixture
def browser(demo_site, monkeypatch):
    """Chromium, started after the database and the live server are ready.

    Playwright's sync API runs its event loop in greenlets with their own context, and
    Django keeps database connections per context: while Playwright runs, the ORM (in the
    test) sees fresh connection objects. Starting the browser after the database fixtures
    keeps the demo's set-up (and any reload) on the test's own connection; the connections
    opened while Playwright ran are closed with it, so none outlives the test (PostgreSQL
    refuses to drop a test database that still has sessions)."""
    yield from chromium(monkeypatch)


def chromium(monkeypatch):
    """Debian's Chromium under Playwright, closed with every connection the ORM opened
    meanwhile (a generator for fixtures; also tests/deploy/test_varnish_editor.py)."""
    # The ORM refuses to run while an event loop runs unless told the use is safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()
            connections.close_all()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: no cookies or cache carried over."""
    ctx = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    return pg


def axe_violations(page):
    """Run axe-core (shipped inside axe-playwright-python, loaded from disk) on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return results.response["violations"]


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )


EDITOR_PASSWORD = "sicher-editieren-2025"


@pytest.fixture
def editor(demo_site, settings):
    """An editor login of its own (with the lock-out on, as in production), removed again
    with its sessions afterwards (see tests/conftest.py)."""
    settings.AXES_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = base_settings.AUTHENTICATION_BACKENDS
    sessions_before = set(Session.objects.values_list("session_key", flat=True))
    user = get_user_model().objects.create_user(
        "csp-redaktion", "csp.redaktion@example.org", EDITOR_PASSWORD
    )
    user.groups.add(Group.objects.get(name="Redaktion"))
    yield user
    Session.objects.exclude(session_key__in=sessions_before).delete()
    user.delete()
    AccessAttempt.objects.all().delete()


def log_in_as_editor(page, base):
    """Log `editor` in through the admin's log-in form."""
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill("csp-redaktion")
    page.locator("#id_password").fill(EDITOR_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(base + "/admin/")

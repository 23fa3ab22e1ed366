"""Playwright (Python) driving Debian's Chromium against pytest-django's live server.

No browser is ever downloaded: Playwright launches /usr/bin/chromium with flags that
keep it off the network (the machine has none beyond the package registries)."""

import os

import pytest
from django.core.management import call_command

from tests.conftest import CHROMIUM

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    browser_dir = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(browser_dir):
            item.add_marker(pytest.mark.browser)
            # The live server reads through its own connection, so these tests run outside
            # a transaction; serialized rollback restores what the migrations created.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def browser(demo_site, monkeypatch):
    """Chromium, started after the database and the live server are ready.

    Playwright's sync API runs its event loop in greenlets with their own context, and
    Django keeps database connections per context: while Playwright runs, the ORM sees
    fresh connection objects. Starting the browser after the database fixtures and
    stopping it before their teardown keeps Django's set-up and rollback (serialized
    rollback restores what the migrations created) on the test's own connection."""
    # The ORM refuses to run while an event loop runs unless told the use is safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


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


@pytest.fixture
def demo_site(live_server):
    """The demo content served by the live server; returns the server's base URL."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server.url


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

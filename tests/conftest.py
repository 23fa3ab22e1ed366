"""Shared fixtures and the rules every test run follows.

- Tests marked `postgres` need PostgreSQL; on SQLite they are skipped *with a reason*.
- Tests marked `browser` need Debian's Chromium; without it they are skipped with a reason.
- Tests marked `validator` need Java and vnu.jar (`make test` installs it); likewise.
- With PYTEST_FAIL_ON_SKIP=1 (set by .ci/run) any skipped test fails the run: in CI
  everything runs.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from wagtail.models import Page, Site

from metropolregion.navigation import forget_locales
from tests import html_validator
from tests.factories import HomePageFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def is_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_collection_modifyitems(config, items):
    no_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
    no_browser = pytest.mark.skip(
        reason=f"needs Chromium at {CHROMIUM}: `sudo apt-get install chromium` (Debian)"
    )
    have_browser = shutil.which(CHROMIUM) is not None
    validator_missing = html_validator.unavailable_reason()
    no_validator = pytest.mark.skip(reason=validator_missing or "")
    for item in items:
        if "validator" in item.keywords and validator_missing:
            item.add_marker(no_validator)
        if "postgres" in item.keywords and not is_postgres():
            item.add_marker(no_pg)
        if "browser" in item.keywords and not have_browser:
            item.add_marker(no_browser)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped and os.environ.get("PYTEST_FAIL_ON_SKIP"):
        terminalreporter.write_line(
            f"PYTEST_FAIL_ON_SKIP: {len(skipped)} test(s) skipped; CI runs every test.",
            red=True,
        )


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and os.environ.get("PYTEST_FAIL_ON_SKIP") and session.exitstatus == 0:
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Renditions, site root paths and locales are cached per process; tests roll back
    the database, so every test starts with empty caches."""
    for alias in settings.CACHES:
        caches[alias].clear()
    forget_locales()
    yield


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(root_page, site):
    """A home page as the root of the default site (with the usual blocks)."""
    home = HomePageFactory(
        parent=root_page,
        body__0="hero",
        body__1="section",
        body__2="call_to_action",
    )
    site.root_page = home
    site.save()
    return home

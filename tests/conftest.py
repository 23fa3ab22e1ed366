"""Shared fixtures and the rules every test run follows.

- Tests marked `postgres` need PostgreSQL; on SQLite they are skipped *with a reason*.
- Tests marked `browser` need Debian's Chromium; without it they are skipped with a reason.
- Tests marked `validator` need Java and vnu.jar (`make test` installs it); likewise.
- Tests marked `redis` need a Redis server at TEST_REDIS_URL (default
  redis://127.0.0.1:6379/15, a database of its own); likewise.
- With PYTEST_FAIL_ON_SKIP=1 (set by .ci/run) any skipped test fails the run: in CI
  everything runs.

The demo site, loaded once per session
--------------------------------------
`load_demo_content` takes about 50 s (German and English trees, every page's renditions),
so the tests that need the demo site (the browser tests, the HTML validator test, the
query budgets on the demo) share one copy: the session fixture `demo_database` loads it
once, commits it and copies every table into a table of its own (demo_snapshot_N, dropped
at the end). Whenever the demo is needed again after a change, it comes back from that
copy in a second or two instead of being loaded afresh. Every other test sees only what
the migrations create:

- The demo-site tests run last (`pytest_collection_modifyitems`), after all other tests.
  Should another test still come after one of them, `pytest_runtest_setup` empties the
  database first (flush, then the rows the migrations made, serialized when the test
  database was set up) and restores the demo before the next demo-site test.
- Tests reach the demo through one of two fixtures, never through `demo_database` itself:
  `demo_site` (tests/browser/conftest.py; built on `demo_db`) for the browser: no
  transaction, since the live server and Playwright read through their own connections,
  so whatever such a test writes is committed and stays. `demo_content` for tests that
  use Django's test client: the test runs in a transaction that is rolled back (`db`), so
  it may change anything.
- Neither may be combined with `transactional_db`, `live_server` or
  `django_db(transaction=True)`: their flush would delete the demo (a usage error).

RULE for a browser test that changes data (an editor publishes a page, a visitor
registers for an event): the other tests must not see the change. Either
  1. it adds only rows of its own and removes them again in its teardown (a fixture with
     `yield`), leaving every table with as many rows as before; or
  2. it requests the fixture `demo_changes`: such tests run after all the others, and the
     demo is restored from its copy before the next test that needs it.
Prefer 1. After every browser test without `demo_changes`, `demo_db` counts the rows of
every table and fails the test if a count changed (the demo is then restored for the
next test; from the copy, not loaded). Caches that visitors fill are exempt: image renditions, search query logs.
The count does not see a row changed in place (a page retitled without a new revision):
a test that does that needs `demo_changes` all the same.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.test import Client
from django.test.utils import setup_databases, teardown_databases
from django.utils import translation
from wagtail.models import Page, Site

from metropolregion import route_memo, site_lookup
from metropolregion.navigation import forget_locales
from tests import html_validator
from tests.factories import HomePageFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

# The tables that hold the copy of the loaded demo (DemoDatabase._take_snapshot).
SNAPSHOT_PREFIX = "demo_snapshot_"

# The database named in the settings, before pytest-django swaps in the test database.
CONFIGURED_DB_NAME = settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"]


def is_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def redis_unavailable_reason():
    """Why the Redis tests cannot run here, or None (Redis at TEST_REDIS_URL answers)."""
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as exc:
        return (
            f"needs Redis at {REDIS_URL} (TEST_REDIS_URL): `sudo apt-get install redis-server` "
            f"(Debian) ({exc.__class__.__name__})"
        )
    return None


def uses_demo(item):
    return "demo_database" in getattr(item, "fixturenames", ())


def changes_demo(item):
    return "demo_changes" in getattr(item, "fixturenames", ())


def uses_db(item):
    return item.get_closest_marker("django_db") is not None or "django_db_setup" in getattr(
        item, "fixturenames", ()
    )


def flushes_db(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


@pytest.hookimpl(trylast=True)  # after pytest-django's own reordering
def pytest_collection_modifyitems(config, items):
    no_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
    no_browser = pytest.mark.skip(
        reason=f"needs Chromium at {CHROMIUM}: `sudo apt-get install chromium` (Debian)"
    )
    have_browser = shutil.which(CHROMIUM) is not None
    validator_missing = html_validator.unavailable_reason()
    no_validator = pytest.mark.skip(reason=validator_missing or "")
    redis_missing = (
        redis_unavailable_reason()
        if "redis" in {mark.name for item in items for mark in item.iter_markers()}
        else None
    )
    no_redis = pytest.mark.skip(reason=redis_missing or "")
    for item in items:
        if "redis" in item.keywords and redis_missing:
            item.add_marker(no_redis)
        if "validator" in item.keywords and validator_missing:
            item.add_marker(no_validator)
        if "postgres" in item.keywords and not is_postgres():
            item.add_marker(no_pg)
        if "browser" in item.keywords and not have_browser:
            item.add_marker(no_browser)
        if uses_demo(item) and flushes_db(item):
            raise pytest.UsageError(
                f"{item.nodeid}: a demo-site test cannot be transactional (transactional_db, "
                "live_server, django_db(transaction=True)): the flush would delete the shared "
                "demo. Use demo_site or demo_content (see tests/conftest.py)."
            )
    # The shared demo last, the tests that change it at the very end (stable sort).
    items.sort(key=lambda item: uses_demo(item) + changes_demo(item))


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


class DemoDatabase:
    """The state of the shared demo database: "empty" (only what the migrations made),
    "loaded" (the demo, as load_demo_content made it) or "changed"."""

    def __init__(self):
        self.blocker = None  # pytest-django's django_db_blocker, once the demo was loaded
        self.migrated = None  # the rows the migrations made, serialized
        self.row_counts = None
        self.state = "empty"
        self.snapshot = {}  # {table: its copy}, taken after the first load

    def load(self):
        with self.blocker.unblock():
            if self.snapshot:
                # A test changed the demo (or a test without it emptied the database):
                # the copy taken after the first load comes back in a second or two.
                self._flush()
                self._restore()
            else:
                if self.state != "empty":
                    self._reset()
                # Restores what a transactional test may have flushed (else rewrites the
                # same rows).
                connection.creation.deserialize_db_from_string(self.migrated)
                # The load makes every live page's renditions (as `make run` does), once
                # for every test that renders the demo.
                with open(os.devnull, "w") as devnull:
                    call_command("load_demo_content", stdout=devnull)
                # No browser test spends its page timeout on the home page's renditions.
                assert Client().get("/").status_code == 200
                self._take_snapshot()
            self.row_counts = row_counts()
        self.state = "loaded"

    def _take_snapshot(self):
        """Copies every table of the loaded demo into a table of its own
        (demo_snapshot_N), on SQLite and PostgreSQL alike."""
        quote = connection.ops.quote_name  # the names come from Django's introspection
        tables = sorted(
            connection.introspection.django_table_names(only_existing=True, include_views=False)
        )
        snapshot = {table: f"{SNAPSHOT_PREFIX}{n}" for n, table in enumerate(tables)}
        with transaction.atomic(), connection.cursor() as cursor:
            for table, copy in snapshot.items():
                cursor.execute(f"DROP TABLE IF EXISTS {quote(copy)}")
                cursor.execute(f"CREATE TABLE {quote(copy)} AS SELECT * FROM {quote(table)}")  # noqa: S608  # nosec B608
        self.snapshot = snapshot

    def _restore(self):
        """Fills the emptied tables from the snapshot. The foreign keys are checked at the
        commit (Django creates them deferrable), so the order does not matter; the
        sequences go on, as after serialized rollback."""
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table, copy in self.snapshot.items():
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(copy)}")  # noqa: S608  # nosec B608

    def drop_snapshot(self):
        quote = connection.ops.quote_name
        with self.blocker.unblock(), connection.cursor() as cursor:
            for copy in self.snapshot.values():
                cursor.execute(f"DROP TABLE IF EXISTS {quote(copy)}")
        self.snapshot = {}

    def reset(self):
        with self.blocker.unblock():
            self._reset()

    def _reset(self):
        self._flush()
        connection.creation.deserialize_db_from_string(self.migrated)
        self.state = "empty"

    def _flush(self):
        # As serialized rollback does it: the sequences go on, so that no new row takes
        # the key of one of the restored rows.
        call_command(
            "flush",
            interactive=False,
            verbosity=0,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )


demo = DemoDatabase()


def cache_tables():
    """Tables that visitors fill as a side effect of reading: image renditions and the
    search query log (wagtail.contrib.search_promotions)."""
    from django.apps import apps
    from wagtail.images.models import AbstractRendition

    tables = {
        model._meta.db_table for model in apps.get_models() if issubclass(model, AbstractRendition)
    }
    if apps.is_installed("wagtail.contrib.search_promotions"):
        from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

        tables |= {Query._meta.db_table, QueryDailyHits._meta.db_table}
    return tables


def row_counts():
    """{table: number of rows} for every table of the project's models (one query)."""
    skip = cache_tables()
    tables = sorted(
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table not in skip
    )
    quote = connection.ops.quote_name  # the names come from Django's introspection
    sql = " UNION ALL ".join(
        f"SELECT %s, COUNT(*) FROM {quote(table)}"  # noqa: S608 - quoted table names  # nosec B608
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, tables)
        return dict(cursor.fetchall())


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup, django_db_blocker, django_db_keepdb, django_db_createdb, request
):
    """pytest-django's test database, plus what the shared demo needs when demo-site tests
    were collected: the test database even when no other test asked for one, and the rows
    the migrations made (to empty the database again)."""
    created = None
    if any(uses_demo(item) for item in request.session.items):
        with django_db_blocker.unblock():
            if connection.settings_dict["NAME"] == CONFIGURED_DB_NAME:
                # No collected test uses `db` or a django_db marker (only browser tests):
                # pytest-django set up no test database.
                created = setup_databases(
                    verbosity=request.config.option.verbose,
                    interactive=False,
                    aliases={DEFAULT_DB_ALIAS},
                    keepdb=django_db_keepdb and not django_db_createdb,
                )
            demo.migrated = connection.creation.serialize_db_to_string()
    yield
    if created is not None and not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=request.config.option.verbose)


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker, django_db_keepdb):
    """The demo content, loaded once per session and committed. Not for tests: they use
    `demo_site` (browser) or `demo_content` (test client); see the module docstring."""
    demo.blocker = django_db_blocker
    demo.load()
    yield
    if django_db_keepdb:  # a kept test database holds only what the migrations made
        demo.reset()
    demo.drop_snapshot()
    demo.blocker = None
    demo.state = "empty"


def pytest_runtest_setup(item):
    """Before any fixture of the test: load the demo afresh if a test changed it, or empty
    the database if a test that is no demo-site test comes after one that was."""
    if demo.blocker is None:  # the demo was not loaded in this session (yet)
        return
    if uses_demo(item):
        if demo.state != "loaded":
            demo.load()
    elif demo.state != "empty" and uses_db(item):
        demo.reset()


@pytest.fixture
def demo_db(demo_database, django_db_blocker):
    """Access to the shared demo database outside any transaction, for browser tests: what
    the test writes is committed. Afterwards the row counts must be as before, unless the
    test requested `demo_changes` (see the module docstring)."""
    with django_db_blocker.unblock():
        yield
        if demo.state == "loaded":
            after = row_counts()
            changed = {
                table: f"{count} → {after.get(table)}"
                for table, count in demo.row_counts.items()
                if after.get(table) != count
            }
            if changed:
                demo.state = "changed"  # the next demo-site test gets a fresh demo
                pytest.fail(
                    "the test changed the shared demo data (rows per table: "
                    f"{changed}); remove what it adds in its teardown, or request the "
                    "`demo_changes` fixture (see tests/conftest.py)",
                    pytrace=False,
                )


@pytest.fixture
def demo_changes(demo_database):
    """Request this in a demo-site test that changes the demo data: it runs after the
    other demo-site tests, and the demo is loaded afresh before the next one."""
    demo.state = "changed"
    return


@pytest.fixture
def demo_content(demo_database, db):
    """The shared demo site for tests that use Django's test client: the test runs in a
    transaction that is rolled back, so it may change anything."""
    return


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Renditions, site root paths, locales and the sites per host are cached per process;
    tests roll back the database, so every test starts with empty caches. And in German: a request to an
    English page leaves English active in the thread (LocaleMiddleware activates, nothing
    deactivates), and a test after it would reverse() English URLs."""
    for alias in settings.CACHES:
        caches[alias].clear()
    forget_locales()
    site_lookup.forget()
    route_memo.forget()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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


@pytest.fixture
def no_server_errors(caplog):
    """Fails the test if anything logged an error (a 500 logs one on django.request; the
    live server of the browser tests runs in this process, so its errors count too)."""
    import logging

    caplog.set_level(logging.WARNING)
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


def database_url_for_subprocess():
    """DATABASE_URL of the (PostgreSQL) test database, for a second process such as the
    scheduler: it sees what the test committed."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"

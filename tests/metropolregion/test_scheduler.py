"""The clock (metropolregion/scheduler.py, `manage.py run_scheduler`) and the page cache
shared between processes: what the scheduler publishes is fresh for visitors at once."""

import datetime
import logging
import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from metropolregion import scheduler
from news.models import NewsPage
from tests.conftest import database_url_for_subprocess
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory


def test_the_schedule_runs_publishing_every_minute_and_the_purges_daily():
    clock = scheduler.build_scheduler(
        scheduler_class=__import__(
            "apscheduler.schedulers.background", fromlist=["BackgroundScheduler"]
        ).BackgroundScheduler
    )
    jobs = {job.id: job for job in clock.get_jobs()}
    assert set(jobs) == {
        "publish_scheduled",
        "send_pending_mail",
        "send_reminders",
        "import_partner_feeds",
        "purge_personal_data",
        "clearsessions",
        "extend_series",
    }
    assert jobs["publish_scheduled"].trigger.interval == datetime.timedelta(
        seconds=settings.PUBLISH_SCHEDULED_SECONDS
    )
    assert settings.PUBLISH_SCHEDULED_SECONDS == 60
    assert str(jobs["purge_personal_data"].trigger.timezone) == "Europe/Berlin"
    assert all(job.max_instances == 1 and job.coalesce for job in jobs.values())


@pytest.mark.django_db
def test_a_failing_job_is_logged_and_the_schedule_goes_on(caplog):
    caplog.set_level(logging.ERROR)
    broken = scheduler.Job("kaputt", "no_such_command", seconds=60)
    assert scheduler.run_job(broken) is False
    assert "no_such_command failed" in caplog.text


def test_sigterm_during_the_first_run_ends_the_process(monkeypatch):
    """`terminate()` while publish_scheduled runs before the clock has started: the job in
    hand finishes, and the clock stops as it starts instead of running on."""
    import contextlib

    from metropolregion.management.commands.run_scheduler import stop_handler

    clock = scheduler.build_scheduler()
    stop = stop_handler(clock)
    finished = []

    def publish(*args, **kwargs):
        stop()  # the signal arrives in the middle of the job
        finished.append(True)

    monkeypatch.setattr(scheduler, "close_old_connections", lambda: None)
    monkeypatch.setattr(scheduler, "exclusive", lambda name: contextlib.nullcontext(True))
    monkeypatch.setattr(scheduler, "call_command", publish)
    job = scheduler.Job("Geplante Seiten", "publish_scheduled", seconds=60)
    assert scheduler.run_job(job) is True
    assert finished == [True] and stop.requested.is_set() and not clock.running
    done = threading.Event()
    runner = threading.Thread(target=lambda: (clock.start(), done.set()), daemon=True)
    runner.start()
    assert done.wait(10), "the clock started and ran on after SIGTERM"
    assert not clock.running


def test_sigterm_while_the_clock_runs_stops_it():
    from metropolregion.management.commands.run_scheduler import stop_handler

    clock = scheduler.build_scheduler()
    stop = stop_handler(clock)
    runner = threading.Thread(target=clock.start, daemon=True)
    runner.start()
    for _ in range(100):
        if clock.running:
            break
        threading.Event().wait(0.05)
    assert clock.running
    stop()
    runner.join(10)
    assert not runner.is_alive() and not clock.running


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_running_elsewhere_is_skipped():
    job = scheduler.Job("Geplante Seiten", "publish_scheduled", seconds=60)
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            import zlib

            key = zlib.crc32(b"metropolregion-scheduler:publish_scheduled")
            cursor.execute("SELECT pg_advisory_lock(%s)", [key])
        assert scheduler.run_job(job) is False
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        assert scheduler.run_job(job) is True
    finally:
        other.close()


def _file_cache(location):
    return {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(location),
        },
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("shared", [True, False], ids=["shared-cache", "control-local-cache"])
def test_a_page_published_by_another_process_is_fresh_at_once(tmp_path, shared):
    """The scheduler is another process. With the page cache in files that both share (as
    `make run` sets it up without Redis), the web process serves the new page at once; the
    control shows the stale page a per-process cache would keep."""
    from wagtail.models import Page, Site

    from tests.factories import HomePageFactory

    caches = _file_cache(tmp_path / "pages")
    if not shared:
        caches["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=300):
        home = HomePageFactory(parent=Page.get_first_root_node())
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
        index = NewsIndexPageFactory(parent=home)
        NewsPageFactory(parent=index, title="Schon bekannt")
        news = NewsPageFactory(parent=index, title="Geplant für gleich", live=False)
        revision = news.save_revision()
        revision.approved_go_live_at = timezone.now() - datetime.timedelta(seconds=1)
        revision.save(update_fields=["approved_go_live_at"])
        NewsPage.objects.filter(pk=news.pk).update(live=False)

        client = Client()
        # The first render creates the site's settings rows (a change: a new generation).
        client.get(index.url)
        assert client.get(index.url).headers["X-Page-Cache"] == "miss"
        cached = client.get(index.url)
        assert cached.headers["X-Page-Cache"] == "hit"
        assert "Geplant für gleich" not in cached.content.decode()

        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "metropolregion.settings.test",
            "DATABASE_URL": database_url_for_subprocess(),
            "CACHE_DIR": str(tmp_path / "pages"),
            "PAGE_CACHE_SECONDS": "300",
        }
        subprocess.run(
            [sys.executable, "manage.py", "run_scheduler", "--once"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        news.refresh_from_db()
        assert news.live
        after = client.get(index.url)
        assert ("Geplant für gleich" in after.content.decode()) is shared

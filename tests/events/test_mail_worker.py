"""Mails through the real task queue: the database backend stores the task, the worker
(`db_worker`) runs it; while the mail server is down the task comes back later (retry
with a pause) and the mail goes out once the server answers again."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from events import registration as rules
from events.models import Notification
from tests.factories.events import EventPageFactory, berlin

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS  # django-tasks re-reads it (setting_changed)


def mail_tasks():
    return DBTaskResult.objects.filter(task_path="metropolregion.outbox.send_from_outbox")


def work():
    call_command(
        "db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO()
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_retries_until_the_mail_server_is_back(
    calendar_page, frozen, settings, database_tasks
):
    frozen(berlin(2025, 6, 1, 12, 0))
    event = EventPageFactory(
        parent=calendar_page, registration_mode="intern", capacity=5, price=Decimal("5")
    )
    settings.EMAIL_BACKEND = "tests.events.mail_backends.BrokenBackend"

    result = rules.register(event.pk, rules.Applicant(name="Erika", email="erika@example.org"))
    assert result.outcome == "confirmed"  # stored, whatever happens to the mail
    assert mail_tasks().count() == 1  # queued after the commit, not yet run

    work()  # the server is down: the attempt fails, a retry is queued for later
    notification = Notification.objects.get()
    assert (notification.status, notification.attempts) == ("offen", 1)
    retry = mail_tasks().filter(status="READY").get()
    assert retry.run_after > datetime.datetime.now(datetime.UTC)  # later, not now

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(
        run_after=datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=1)
    )
    work()
    notification.refresh_from_db()
    assert notification.status == "gesendet"
    assert [m.to for m in mail.outbox] == [["erika@example.org"]]

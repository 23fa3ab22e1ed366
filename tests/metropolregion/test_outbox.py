"""The shared mail outbox (metropolregion.outbox): registration mails and feedback reports
are rows of one abstract model and go through one deliver-and-retry task; a mail server
that is down costs retries with growing pauses up to MAIL_ATTEMPTS, and the row keeps
the error. (tests/events/test_mail_worker.py runs the same task through the real
database queue and its worker.)"""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from events import registration as rules
from events.models import Notification
from events.submissions.models import SubmissionMail
from metropolregion import feedback, outbox
from metropolregion.feedback.models import FeedbackSubmission
from tests.factories.events import EventPageFactory
from tests.factories.pages import FeedbackFormPageFactory

pytestmark = pytest.mark.django_db

REPORT = {
    "barrier": "Das Menü lässt sich mit der Tastatur nicht öffnen.",
    "page_url": "https://example.org/projekte/",
    "name": "Max Beispiel",
    "email": "max@example.org",
    "consent": "on",
}


@pytest.fixture
def queue(settings):
    """A task backend that keeps what is queued (with its pauses) and runs nothing."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = outbox.send_from_outbox.get_backend()
    backend.clear()
    return backend


@pytest.fixture
def rows(queue, calendar_page, home_page, django_capture_on_commit_callbacks):
    """A registration mail and a feedback report's mail, stored and queued as the site
    does it (the task is queued once the transaction commits)."""
    start = timezone.now() + datetime.timedelta(days=20)
    event = EventPageFactory(
        parent=calendar_page,
        registration_mode="intern",
        capacity=5,
        price=Decimal("0"),
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    page = FeedbackFormPageFactory(parent=home_page)
    form = feedback.FeedbackForm(REPORT, page=page)
    assert form.is_valid()
    with django_capture_on_commit_callbacks(execute=True):
        applicant = rules.Applicant(name="Erika Beispiel", email="erika@example.org")
        registration = rules.register(event.pk, applicant).registration
        submission = feedback.store(page, form)
    return registration.notifications.get(), submission


def mail_tasks(queue):
    """The outbox's tasks among what was queued (Wagtail queues index updates too)."""
    return [result for result in queue.results if result.task.func is outbox.send_from_outbox.func]


def queued(queue, row):
    """The tasks queued for this outbox row, oldest first."""
    return [
        result for result in mail_tasks(queue) if list(result.args) == [row._meta.label, row.pk]
    ]


def test_registration_and_feedback_mails_go_through_the_one_outbox(rows, queue):
    notification, submission = rows
    assert isinstance(notification, outbox.OutboxMixin)
    assert isinstance(submission, outbox.OutboxMixin)
    assert {box.model for box in outbox.outboxes()} == {
        Notification,
        FeedbackSubmission,
        SubmissionMail,
    }
    assert len(mail_tasks(queue)) == 2
    for row in rows:
        (task,) = queued(queue, row)
        assert task.task.call(*task.args) is True
        row.refresh_from_db()
        assert (row.status, row.attempts, row.last_error) == (outbox.OutboxStatus.SENT, 1, "")
        assert row.sent_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == [
        "barrierefreiheit@example.org",
        "erika@example.org",
    ]
    assert len(mail_tasks(queue)) == 2  # nothing to retry
    assert outbox.deliver(Notification, notification.pk) is None  # never twice


@pytest.mark.parametrize("which", ["registration mail", "feedback mail"])
def test_a_failing_mail_is_retried_with_growing_pauses_up_to_the_limit(
    rows, queue, settings, which
):
    settings.EMAIL_BACKEND = "tests.events.mail_backends.BrokenBackend"
    settings.MAIL_ATTEMPTS = 3
    row = rows[0] if which == "registration mail" else rows[1]
    (task,) = queued(queue, row)
    pauses = []
    while task is not None:
        assert task.task.call(*task.args) is False
        row.refresh_from_db()
        assert row.last_error == "ConnectionRefusedError"  # the class only, no address
        retries = queued(queue, row)[len(pauses) + 1 :]
        task = retries[0] if retries else None
        if task is not None:
            pauses.append(round((task.task.run_after - task.enqueued_at).total_seconds() / 60))
    assert pauses == [1, 2]  # minutes: 1, then 2, …
    assert (row.status, row.attempts) == (outbox.OutboxStatus.FAILED, 3)
    assert row.sent_at is None and not mail.outbox
    assert outbox.deliver(type(row), row.pk) is None  # given up; staff see it in the admin


def test_what_the_worker_lost_is_sent_by_the_sweep_of_every_outbox(rows):
    """Queued, but say the worker lost the tasks: `send_pending_mail` (hourly) sends
    what waits in every outbox, once."""
    assert outbox.pending_count() == 2
    assert outbox.send_pending() == 2
    assert outbox.pending_count() == 0 and len(mail.outbox) == 2
    assert outbox.send_pending() == 0 and len(mail.outbox) == 2  # never twice
    for row in rows:
        row.refresh_from_db()
        assert row.status == outbox.OutboxStatus.SENT

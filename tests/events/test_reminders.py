"""Reminder mails (issue 17): confirmed participants get one reminder `reminder_days`
before their event or their date of a series, with the .ics (current SEQUENCE), the place
or the join link and the link to cancel; sent exactly once, also when the command runs
twice, two schedulers race, or the worker dies between sending and recording it."""

import datetime
import io

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction

from events import registration as rules
from events import reminders
from events.models import EventPage, Notification, NotificationKind, Registration
from metropolregion import outbox
from metropolregion.scheduler import jobs
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db
NOW = berlin(2026, 11, 2, 12, 0)
START = berlin(2026, 11, 4, 10, 0)  # in 46 hours: inside the two days


@pytest.fixture
def event(calendar_page, frozen):
    frozen(NOW)
    return EventPageFactory(
        parent=calendar_page,
        title="Wasserstoffkongress",
        slug="wasserstoffkongress",
        start=START,
        end=START + datetime.timedelta(hours=6),
        registration_mode="intern",
        capacity=1,
        waiting_list=True,
    )


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run the command as the scheduler does; the outbox sends after the commit."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", stdout=io.StringIO())

    return run


def register(event, n, **kwargs):
    applicant = rules.Applicant(name=f"Person {n}", email=f"person{n}@example.org")
    return rules.register(event.pk, applicant, **kwargs).registration


@pytest.fixture
def confirmed(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person = register(event, 1)
        register(event, 2)  # the waiting list: no reminder
    mail.outbox.clear()
    return person


def reminders_sent():
    return [message for message in mail.outbox if message.subject.startswith("Erinnerung")]


def attachment(message):
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar" and name.endswith(".ics")
    return icalendar.Calendar.from_ical(content)


def test_a_confirmed_person_is_reminded_once_with_the_ics(send, event, confirmed):
    EventPage.objects.filter(pk=event.pk).update(sequence=3)
    send()
    send()  # the next hour: nothing new
    (message,) = mail.outbox
    assert message.to == ["person1@example.org"]
    assert message.subject == f"Erinnerung: {event.title}"
    assert "Mi., 4. November 2026, 10:00–16:00 Uhr" in message.body
    assert "Beispielstraße 1, 08056 Zwickau" in message.body  # the place
    assert "/abmelden/?code=" in message.body  # the link to cancel
    calendar = attachment(message)
    assert str(calendar["method"]) == "PUBLISH"
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == START
    assert vevent["sequence"] == 3
    assert str(vevent["uid"]) == f"{event.translation_key}@testserver"  # the page .ics UID
    row = Notification.objects.get(kind=NotificationKind.REMINDER)
    assert (row.registration_id, row.starts_at, row.status) == (confirmed.pk, START, "gesendet")


def test_online_participants_get_the_join_link(send, event, confirmed):
    EventPage.objects.filter(pk=event.pk).update(
        format="hybrid", online_url="https://example.org/raum"
    )
    send()
    (message,) = mail.outbox
    assert "https://example.org/raum" in message.body
    (vevent,) = attachment(message).walk("VEVENT")
    assert "https://example.org/raum" in str(vevent["location"])


@pytest.mark.parametrize(
    "when, days, status, due",
    [
        (NOW, 2, "geplant", True),
        (START - datetime.timedelta(days=2, minutes=1), 2, "geplant", False),  # not yet
        (START + datetime.timedelta(minutes=1), 2, "geplant", False),  # started
        (NOW, None, "geplant", False),  # no reminder for this event
        (NOW, 0, "geplant", False),
        (NOW, 2, "abgesagt", False),
        (NOW, 7, "verschoben", True),
    ],
)
def test_only_what_is_due(send, frozen, event, confirmed, when, days, status, due):
    EventPage.objects.filter(pk=event.pk).update(reminder_days=days, status=status)
    frozen(when)
    send()
    assert len(mail.outbox) == (1 if due else 0)


def test_not_for_cancelled_registrations_or_unpublished_events(send, event, confirmed):
    rules.cancel(confirmed.pk, notify=False)  # person 2 moves up and is confirmed now
    event.unpublish()
    send()
    assert mail.outbox == []
    event.save_revision().publish()
    send()
    assert [message.to for message in reminders_sent()] == [["person2@example.org"]]


def test_english_registrations_are_reminded_in_english(send, event, confirmed):
    Registration.objects.filter(pk=confirmed.pk).update(language="en")
    send()
    (message,) = mail.outbox
    assert message.subject == f"Reminder: {event.title}"
    assert message.body.startswith("Dear Person 1,")


def test_a_date_of_a_series_is_reminded_for_that_date(send, calendar_page, frozen):
    frozen(NOW)
    series = EventPageFactory(
        parent=calendar_page,
        title="Stammtisch",
        start=berlin(2026, 10, 27, 19, 0),
        end=berlin(2026, 10, 27, 21, 0),
        recurrence="FREQ=WEEKLY;COUNT=6",
        registration_mode="intern",
    )
    dates = {row.start.astimezone(START.tzinfo).day: row for row in series.occurrences.all()}
    soon, later = dates[3], dates[10]  # 3 and 10 November
    for n, occurrence in enumerate((soon, later)):
        Registration.objects.create(
            event=series,
            occurrence_start=occurrence.original_start,
            name=f"Person {n}",
            email=f"person{n}@example.org",
        )
    send()
    send()
    (message,) = mail.outbox
    assert message.to == ["person0@example.org"]
    assert "3. November 2026, 19:00–21:00 Uhr" in message.body
    (vevent,) = attachment(message).walk("VEVENT")
    assert vevent.decoded("dtstart") == soon.start
    assert vevent.decoded("dtend") == soon.end
    assert "rrule" not in vevent  # this date, not the series


def test_a_moved_event_is_reminded_again_for_its_new_start(send, frozen, event, confirmed):
    send()
    new_start = START + datetime.timedelta(days=1)
    EventPage.objects.filter(pk=event.pk).update(
        start=new_start, end=new_start + datetime.timedelta(hours=2)
    )
    frozen(NOW + datetime.timedelta(days=1))
    send()
    assert [row.starts_at for row in Notification.objects.filter(kind="erinnerung")] == [
        START,
        new_start,
    ]
    assert len(mail.outbox) == 2


def test_the_database_refuses_a_second_reminder_for_the_same_date(event, confirmed):
    """The guarantee under two schedulers racing: the constraint, not the query."""
    Notification.objects.create(registration=confirmed, kind="erinnerung", starts_at=START)
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(registration=confirmed, kind="erinnerung", starts_at=START)
    # Other kinds may repeat (a second change of the same event).
    Notification.objects.create(registration=confirmed, kind="geaendert")
    Notification.objects.create(registration=confirmed, kind="geaendert")


def test_a_race_between_two_runs_queues_one_reminder(event, confirmed, monkeypatch):
    """Both runs found the reminder due before either wrote it: the second insert is
    refused by the constraint and skipped."""
    found = reminders.due()
    monkeypatch.setattr(reminders, "due", lambda at=None: found)
    assert reminders.queue_due() == 1
    assert reminders.queue_due() == 0
    assert Notification.objects.filter(kind="erinnerung").count() == 1


class WorkerDied(BaseException):
    """The worker process ends (killed, restarted) right after the mail server took the
    mail: no `except Exception` catches it."""


def test_a_worker_that_dies_after_sending_does_not_send_again(
    event, confirmed, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = outbox.send_from_outbox.get_backend()
    backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.queue_due() == 1
    (task,) = [r for r in backend.results if r.task.func is outbox.send_from_outbox.func]

    real_send = mail.EmailMessage.send

    def send_then_die(message, *args, **kwargs):
        real_send(message, *args, **kwargs)
        raise WorkerDied

    monkeypatch.setattr(mail.EmailMessage, "send", send_then_die)
    with pytest.raises(WorkerDied):
        task.task.call(*task.args)
    monkeypatch.undo()
    assert len(mail.outbox) == 1
    row = Notification.objects.get(kind="erinnerung")
    assert (row.status, row.sent_at) == ("gesendet", None)  # claimed, outcome unknown

    # The restarted worker runs the task again, the hourly sweep and the scheduler too.
    assert task.task.call(*task.args) is None
    call_command("send_pending_mail", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_a_task_run_twice_sends_once(event, confirmed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reminders.queue_due()
    row = Notification.objects.get(kind="erinnerung")
    assert outbox.send_from_outbox.call("events.Notification", row.pk) is None  # sent already
    assert outbox.send_pending() == 0
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.sent_at is not None and row.attempts == 1


def test_the_scheduler_runs_it_hourly():
    (job,) = [job for job in jobs() if job.command == "send_reminders"]
    assert (job.hour, job.minute) == ("*", "20")

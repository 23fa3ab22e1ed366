"""The retention registry (metropolregion.retention): every holder of personal data is in
it, one daily purge (`manage.py purge_personal_data`, the scheduler's job) covers them
all, and `manage.py erase_person` erases one person from every holder and nobody else;
`--dry-run` only counts."""

import datetime
import io
from decimal import Decimal

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from events import registration as rules
from events.models import Notification, Registration
from events.submissions.models import EventSubmission
from metropolregion import retention
from metropolregion.feedback.models import FeedbackSubmission, MailStatus
from metropolregion.scheduler import jobs
from tests.factories.events import EventPageFactory
from tests.factories.membership import MemberFactory
from tests.factories.pages import FeedbackFormPageFactory

pytestmark = pytest.mark.django_db

HOLDERS = [
    "feedback",
    "login_attempts",
    "registration_mails",
    "registrations",
    "event_submissions",
]


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().splitlines()


def register_for(event, email, name="Erika Beispiel"):
    return rules.register(event.pk, rules.Applicant(name=name, email=email)).registration


def report(page, email, name, days_ago=0):
    submission = FeedbackSubmission.objects.create(
        page=page,
        form_data={"barrier": "Kein Kontrast", "page_url": "/", "name": name, "email": email},
        status=MailStatus.SENT,
    )
    if days_ago:
        FeedbackSubmission.objects.filter(pk=submission.pk).update(
            submit_time=timezone.now() - datetime.timedelta(days=days_ago)
        )
    return submission


def event_report(email, name, days_ago=0):
    """A report through "Veranstaltung melden" (events.submissions)."""
    created = timezone.now() - datetime.timedelta(days=days_ago)
    return EventSubmission.objects.create(name=name, email=email, consent=True, created_at=created)


def failed_log_in(username, minutes_ago=0):
    attempt = AccessAttempt.objects.create(
        username=username,
        ip_address="192.0.2.10",
        user_agent="Test",
        http_accept="*/*",
        path_info="/konto/anmelden/",
        get_data="",
        post_data="",
        failures_since_start=1,
    )
    if minutes_ago:
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=timezone.now() - datetime.timedelta(minutes=minutes_ago)
        )
    return attempt


@pytest.fixture
def events(calendar_page, frozen):
    """An event that ended 200 days ago and one still to come, each with Erika and Max
    registered (their confirmations waiting in the outbox)."""
    now = timezone.now()
    made = {}
    for key, start in (
        ("old", now - datetime.timedelta(days=200)),
        ("upcoming", now + datetime.timedelta(days=20)),
    ):
        made[key] = EventPageFactory(
            parent=calendar_page,
            registration_mode="intern",
            capacity=5,
            price=Decimal("0"),
            start=start,
            end=start + datetime.timedelta(hours=2),
        )
    frozen(now - datetime.timedelta(days=210))
    for email in ("erika@example.org", "max@example.org"):
        register_for(made["old"], email)
    frozen(now)
    for email in ("erika@example.org", "max@example.org"):
        register_for(made["upcoming"], email)
    return made


@pytest.fixture
def feedback_page(home_page):
    return FeedbackFormPageFactory(parent=home_page)


def test_every_holder_of_personal_data_is_registered_in_order():
    """A new holder must be added here (and to the tests below) on purpose. The core's
    holders register first (its AppConfig comes first); the registration mails come before the
    registrations, whose address they are found by."""
    assert [holder.key for holder in retention.holders()] == HOLDERS
    for holder in retention.holders():
        assert holder.label and holder.effect in ("gelöscht", "anonymisiert")


def test_the_scheduler_runs_the_one_purge_daily():
    (job,) = [job for job in jobs() if job.command == "purge_personal_data"]
    assert (job.hour, job.minute) == ("3", "15")
    assert not {job.command for job in jobs()} & {
        "purge_registrations",
        "purge_feedback",
        "purge_login_attempts",
    }


def test_the_one_purge_covers_every_holder(events, feedback_page):
    report(feedback_page, "alt@example.org", "Alt", days_ago=181)
    report(feedback_page, "neu@example.org", "Neu", days_ago=10)
    event_report("alt@example.org", "Alt", days_ago=181)
    event_report("neu@example.org", "Neu", days_ago=10)
    failed_log_in("alt", minutes_ago=16)
    failed_log_in("neu")
    old, upcoming = events["old"], events["upcoming"]
    assert Notification.objects.filter(registration__event=old).count() == 2

    assert run("purge_personal_data") == [
        "Barriere-Meldungen: 1 anonymisiert",
        "Fehlgeschlagene Log-ins: 1 gelöscht",
        "Anmelde-Mails: 2 gelöscht",
        "Anmeldungen: 2 anonymisiert",
        "Veranstaltungsmeldungen: 1 anonymisiert",
    ]
    # Every holder purged what had had its time, and only that.
    assert not Notification.objects.filter(registration__event=old).exists()
    assert Notification.objects.filter(registration__event=upcoming).count() == 2
    assert set(Registration.objects.filter(event=old).values_list("email", "name")) == {(None, "")}
    assert Registration.objects.filter(event=upcoming, anonymised_at=None).count() == 2
    emails = sorted(s.form_data["email"] for s in FeedbackSubmission.objects.all())
    assert emails == ["", "neu@example.org"]
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["neu"]
    assert sorted(EventSubmission.objects.values_list("email", flat=True)) == [
        "",
        "neu@example.org",
    ]
    # Nothing twice.
    assert run("purge_personal_data") == [
        "Barriere-Meldungen: 0 anonymisiert",
        "Fehlgeschlagene Log-ins: 0 gelöscht",
        "Anmelde-Mails: 0 gelöscht",
        "Anmeldungen: 0 anonymisiert",
        "Veranstaltungsmeldungen: 0 anonymisiert",
    ]


def personal_data_of(email):
    """Everything any holder keeps under this address (by holder key)."""
    logins = get_user_model().objects.filter(email=email).values_list("username", flat=True)
    login_names = [email, *logins]
    return {
        "registration_mails": Notification.objects.filter(registration__email=email).count(),
        "registrations": Registration.objects.filter(email=email).count(),
        "feedback": sum(
            1 for s in FeedbackSubmission.objects.all() if s.form_data["email"] == email
        ),
        "login_attempts": AccessAttempt.objects.filter(username__in=login_names).count(),
        "event_submissions": EventSubmission.objects.filter(email=email).count(),
    }


@pytest.fixture
def two_people(events, feedback_page):
    """Erika and Max: each registered twice (with mails), a feedback report, and failed
    log-ins, under the address and under the user name of a login with the address."""
    MemberFactory(username="erika", email="erika@example.org")
    for email, name in (("erika@example.org", "Erika"), ("max@example.org", "Max")):
        report(feedback_page, email, name)
        event_report(email, name)
        failed_log_in(email)
    failed_log_in("erika")
    return events


def test_erase_person_erases_one_person_from_every_holder(two_people):
    before = personal_data_of("erika@example.org")
    assert before == {
        "registration_mails": 2,
        "registrations": 2,
        "feedback": 1,
        "login_attempts": 2,
        "event_submissions": 1,
    }
    others = personal_data_of("max@example.org")

    lines = run("erase_person", " Erika@Example.org ")
    assert lines[:5] == [
        "Barriere-Meldungen: 1 anonymisiert",
        "Fehlgeschlagene Log-ins: 2 gelöscht",
        "Anmelde-Mails: 2 gelöscht",
        "Anmeldungen: 2 anonymisiert",
        "Veranstaltungsmeldungen: 1 anonymisiert",
    ]
    assert lines[5] == "Zusammen: 8 Einträge."
    assert lines[6].startswith("Hinweis: Ein Login mit dieser Adresse besteht weiter")
    assert set(personal_data_of("erika@example.org").values()) == {0}
    assert personal_data_of("max@example.org") == others  # nobody else touched
    # Her upcoming place was cancelled (and freed) before her details went.
    erased = Registration.objects.get(event=two_people["upcoming"], email=None)
    assert (erased.status, erased.name) == (rules.CANCELLED, "")


def test_dry_run_counts_and_changes_nothing(two_people):
    def snapshot():
        return (
            list(Registration.objects.order_by("pk").values()),
            list(Notification.objects.order_by("pk").values()),
            list(FeedbackSubmission.objects.order_by("pk").values()),
            list(AccessAttempt.objects.order_by("pk").values()),
            list(EventSubmission.objects.order_by("pk").values()),
        )

    before = snapshot()
    lines = run("erase_person", "erika@example.org", "--dry-run")
    assert lines[:6] == [
        "Probelauf: Es wird nichts geändert.",
        "Barriere-Meldungen: 1 betroffen",
        "Fehlgeschlagene Log-ins: 2 betroffen",
        "Anmelde-Mails: 2 betroffen",
        "Anmeldungen: 2 betroffen",
        "Veranstaltungsmeldungen: 1 betroffen",
    ]
    assert lines[6] == "Zusammen: 8 Einträge betroffen."
    assert snapshot() == before


def test_erase_person_refuses_what_is_not_an_address(two_people):
    with pytest.raises(CommandError, match="keine gültige E-Mail-Adresse"):
        run("erase_person", "erika")
    assert personal_data_of("erika@example.org")["registrations"] == 2


@pytest.fixture
def broken_holder(monkeypatch):
    """A holder that fails, registered first (the registry restored afterwards)."""

    def fail(*args):
        raise RuntimeError("kaputt")

    broken = retention.Holder("broken", "Kaputt", "gelöscht", fail, fail, fail)
    monkeypatch.setattr(retention, "_holders", {"broken": broken, **retention._holders})


def test_a_failing_holder_does_not_keep_the_others_from_their_work(
    broken_holder, two_people, feedback_page
):
    report(feedback_page, "alt@example.org", "Alt", days_ago=181)
    out = io.StringIO()
    with pytest.raises(CommandError, match="Nicht bereinigt: Kaputt"):
        call_command("purge_personal_data", stdout=out)
    assert out.getvalue().splitlines() == [
        "Kaputt: Fehler (RuntimeError)",
        "Barriere-Meldungen: 1 anonymisiert",
        "Fehlgeschlagene Log-ins: 0 gelöscht",
        "Anmelde-Mails: 2 gelöscht",
        "Anmeldungen: 2 anonymisiert",
        "Veranstaltungsmeldungen: 0 anonymisiert",
    ]
    with pytest.raises(CommandError, match="Nicht gelöscht: Kaputt"):
        run("erase_person", "max@example.org")
    assert set(personal_data_of("max@example.org").values()) == {0}

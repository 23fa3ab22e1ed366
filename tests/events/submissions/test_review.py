"""After a report: the Redaktion sees it in the real admin (dashboard panel, page
explorer) and publishes it; the reporter is told once; the reporter's details go after
EVENT_SUBMISSION_RETENTION_DAYS or on request; a report through the English calendar
lands in the German tree and keeps English for its mails."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage
from events.submissions import retention
from events.submissions.models import EventSubmission, MailKind, MailStatus, SubmissionMail
from metropolregion import retention as registry
from metropolregion import roles

from .conftest import VALID

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(post, form_url, redaktion):
    post(form_url, VALID)
    mail.outbox.clear()
    return EventSubmission.objects.get()


def publish(page, capture):
    with capture(execute=True):
        page.refresh_from_db()
        page.save_revision().publish()


def test_the_redaktion_sees_the_report_on_the_dashboard(client, reported, redaktion):
    client.force_login(redaktion)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="event-submissions' in html
    edit = reverse("wagtailadmin_pages:edit", args=[reported.page_id])
    assert f'<a href="{edit}">{VALID["title"]}</a>' in html
    explorer = client.get(reverse("wagtailadmin_explore", args=[reported.page.get_parent().pk]))
    assert VALID["title"] in explorer.content.decode()  # the draft, among the events
    assert client.get(edit).status_code == 200


def test_staff_who_may_not_publish_see_no_notice(client, reported):
    user = get_user_model().objects.create_user("anmeldungen", "a@example.org", "x-2031")
    user.groups.add(Group.objects.get(name=roles.ANMELDUNGEN))
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert 'id="event-submissions' not in response.content.decode()


def test_publishing_tells_the_reporter_once(
    client, reported, redaktion, django_capture_on_commit_callbacks
):
    page = reported.page
    publish(page, django_capture_on_commit_callbacks)
    (notice,) = mail.outbox
    assert notice.to == ["erika@example.org"]
    assert VALID["title"] in notice.subject
    assert page.full_url in notice.body
    reported.refresh_from_db()
    assert reported.published_notice_sent

    publish(page, django_capture_on_commit_callbacks)  # a correction, published again
    assert len(mail.outbox) == 1
    assert SubmissionMail.objects.filter(kind=MailKind.PUBLISHED).count() == 1

    client.force_login(redaktion)  # nothing left to review
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="event-submissions' not in html


def test_publishing_an_event_nobody_reported_sends_nothing(
    calendar, django_capture_on_commit_callbacks
):
    page = EventPage.objects.child_of(calendar).first()
    publish(page, django_capture_on_commit_callbacks)
    assert not mail.outbox and not SubmissionMail.objects.exists()


def test_a_deleted_draft_is_no_longer_open(client, reported, redaktion):
    reported.page.delete()
    reported.refresh_from_db()
    assert reported.page is None
    client.force_login(redaktion)
    assert 'id="event-submissions' not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_retention_deletes_the_reporters_details_and_keeps_the_event(
    post, form_url, settings, redaktion, django_capture_on_commit_callbacks
):
    settings.EVENT_SUBMISSION_RETENTION_DAYS = 30
    post(form_url, VALID)
    post(form_url, {**VALID, "email": "neu@example.org"})
    old, new = EventSubmission.objects.order_by("pk")
    EventSubmission.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "Veranstaltungsmeldungen" in out.getvalue()
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.name, old.email, old.phone) == ("", "", "")
    assert old.organisation == "Stadt Halle (Saale)" and old.anonymised_at is not None
    assert old.page is not None  # the event stays
    assert new.email == "neu@example.org" and new.anonymised_at is None
    assert retention.purge_due() == 0  # nothing twice

    mail.outbox.clear()
    publish(old.page, django_capture_on_commit_callbacks)
    assert not mail.outbox  # no address any more: nobody to tell


def test_one_person_is_erased_on_request(post, form_url):
    post(form_url, VALID)
    post(form_url, {**VALID, "email": "andere@example.org", "name": "Max"})
    assert registry.holder("event_submissions").find("ERIKA@example.org") == 1
    results = {
        each.key: number for each, number, _error in registry.erase_person("Erika@Example.org")
    }
    assert results["event_submissions"] == 1
    assert sorted(EventSubmission.objects.values_list("email", flat=True)) == [
        "",
        "andere@example.org",
    ]


def test_a_pending_confirmation_after_erasure_is_not_sent(post, form_url, monkeypatch):
    class BrokenQueue:
        def enqueue(self, *args, **kwargs):
            raise ConnectionError("queue down")

    monkeypatch.setattr("metropolregion.outbox.send_from_outbox", BrokenQueue())
    post(form_url, VALID)
    retention.erase_person("erika@example.org")
    from metropolregion import outbox

    outbox.send_pending()
    assert not mail.outbox
    statuses = set(SubmissionMail.objects.values_list("status", flat=True))
    assert statuses == {MailStatus.NONE}


def test_a_report_through_the_english_calendar_lands_in_the_german_tree(
    post, calendar, home_page, redaktion
):
    from tests.factories.translations import translate

    translate(home_page, lambda text: None, slug="home")
    english = translate(calendar, {"Termine": "Events"}, slug="events").instance
    response = post("/en/events/melden/", VALID)
    assert response.status_code == 200
    assert "Your report has arrived" in response.content.decode()
    page = EventPage.objects.get(title=VALID["title"])
    assert page.get_parent().pk == calendar.pk != english.pk  # the German calendar
    submission = EventSubmission.objects.get()
    assert submission.language == "en"
    confirmation, editors = sorted(mail.outbox, key=lambda m: m.to != ["erika@example.org"])
    assert confirmation.subject.startswith("Your event report")  # the reporter's language
    assert editors.to == ["redaktion@example.org"]

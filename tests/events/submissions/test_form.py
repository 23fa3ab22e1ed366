"""The form "Veranstaltung melden" through HTTP: the link on the calendar, the form (no
cookie, every field labelled), a valid report (draft page, report, two mails through
the outbox), every error named at its field with the entries kept, the image (type,
size, credit, rights), honeypot, rate limit, and a mail server or task queue that is
down."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.images import get_image_model

from events.models import EventPage
from events.submissions.models import EventSubmission, MailKind, MailStatus, SubmissionMail
from metropolregion import outbox

from .conftest import VALID, png

pytestmark = pytest.mark.django_db


def de(msgid):
    """A UI string in German (as translated, or the English msgid until it is)."""
    with translation.override("de"):
        return gettext(msgid)


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def summary(response):
    html = main(response)
    return html[html.index('id="form-errors"') : html.index("</ul>")]


def test_the_calendar_links_the_form(client, calendar, form_url):
    html = main(client.get(calendar.url))
    assert f'href="{form_url}">{de("Report an event")}</a>' in html


def test_the_form_sets_no_cookie_and_labels_every_field_in_groups(client, form_url):
    response = client.get(form_url)
    assert response.status_code == 200
    assert not response.cookies  # no CSRF cookie, no session: cacheable, private
    html = main(response)
    assert "csrfmiddlewaretoken" not in html
    assert 'enctype="multipart/form-data"' in html
    assert html.count("<fieldset") == html.count("<legend") == 5
    for name in (*VALID, "image", "image_credit", "image_rights"):
        assert f'name="{name}"' in html
        assert f'for="id_{name}"' in html
    assert '<option value="wasserstoff">Wasserstoff</option>' in html  # topics of events
    assert 'type="datetime-local"' in html and 'autocomplete="email"' in html


def test_a_valid_report_becomes_a_draft_with_two_mails(post, form_url, calendar, redaktion):
    response = post(form_url, VALID)
    assert response.status_code == 200
    assert de("Your report has arrived") in main(response)
    assert "erika@example.org" in main(response)
    assert not response.cookies

    page = EventPage.objects.get(title=VALID["title"])
    assert page.get_parent().pk == calendar.pk
    assert not page.live and page.has_unpublished_changes and page.first_published_at is None
    assert page.latest_revision is not None  # a draft in the admin, like any other
    assert (page.own_event, page.organiser_name) == (False, "Stadt Halle (Saale)")
    assert (page.city, page.venue, page.format) == ("Halle (Saale)", "Stadthaus", "vor-ort")
    assert page.start.isoformat() == "2031-03-10T09:00:00+00:00"  # Berlin, stored in UTC
    assert list(page.topics.values_list("slug", flat=True)) == ["wasserstoff"]
    assert page.teaser.startswith("Unternehmen zeigen ihre Projekte.")
    text = page.body[0].value["text"].source
    assert "&lt;Workshops&gt; &amp; Führungen" in text  # escaped, never markup
    assert 'href="https://partner.example.org/wasserstofftag"' in text

    submission = EventSubmission.objects.get()
    assert (submission.page_id, submission.email, submission.language) == (
        page.pk,
        "erika@example.org",
        "de",
    )
    assert sorted(submission.mails.values_list("kind", "status")) == [
        (MailKind.CONFIRMATION, MailStatus.SENT),
        (MailKind.EDITORS, MailStatus.SENT),
    ]
    editors, confirmation = sorted(mail.outbox, key=lambda m: m.to != ["redaktion@example.org"])
    assert editors.to == ["redaktion@example.org"]
    assert editors.reply_to == ["erika@example.org"]
    assert f"/admin/pages/{page.pk}/edit/" in editors.body
    assert "0345 123456" in editors.body and VALID["title"] in editors.subject
    assert confirmation.to == ["erika@example.org"]
    assert VALID["title"] in confirmation.subject and "Halle (Saale)" in confirmation.body


def test_a_second_report_with_the_same_title_gets_its_own_address(post, form_url):
    post(form_url, VALID)
    post(form_url, VALID)
    slugs = sorted(EventPage.objects.filter(title=VALID["title"]).values_list("slug", flat=True))
    assert slugs == ["wasserstofftag-halle-2031", "wasserstofftag-halle-2031-1"]


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("title", "Title of the event"),
        ("start", "Start"),
        ("end", "End"),
        ("description", "Description"),
        ("organiser_name", "Name of the organiser"),
        ("city", "Town or city"),
        ("name", "Your name"),
        ("email", "Your email address"),
        ("consent", "I agree that my details are stored to deal with my report of the event."),
    ],
)
def test_a_missing_entry_is_named_and_the_rest_is_kept(post, form_url, field, label):
    response = post(form_url, {**VALID, field: ""})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert f'<a href="#id_{field}">{de(label)}' in summary(response)
    html = main(response)
    assert 'aria-invalid="true"' in html
    kept = "Wasserstofftag Halle 2031" if field != "title" else "Stadthaus"
    assert f'value="{kept}"' in html
    assert not EventSubmission.objects.exists() and not EventPage.objects.filter(live=False)
    assert not mail.outbox


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "erika@"}, "email", None),
        ({"link": "nicht eine adresse"}, "link", None),
        ({"start": "morgen"}, "start", None),
        (
            {"end": "2031-03-09T10:00"},
            "end",
            "The event ends before it starts: the end must be on or after the start.",
        ),
        ({"start": "2020-03-10T10:00"}, "start", "The event must start in the future."),
        ({"title": "Tag\x07"}, "title", "Please enter this without control characters."),
        ({"format": "irgendwo"}, "format", None),
        ({"topic": "gibt-es-nicht"}, "topic", None),
    ],
)
def test_a_wrong_entry_is_named_at_its_field(post, form_url, changes, field, message):
    response = post(form_url, {**VALID, **changes})
    errors = response.context["form"].errors
    assert list(errors) == [field]
    if message:
        assert errors[field] == [de(message)]
    assert f'<a href="#id_{field}">' in summary(response)
    assert not EventSubmission.objects.exists()


def test_an_online_event_needs_no_town(post, form_url):
    data = {**VALID, "format": "online", "city": "", "online_url": "https://meet.example.org/x"}
    assert post(form_url, data).status_code == 200
    page = EventPage.objects.get(title=VALID["title"])
    assert (page.format, page.city, page.online_url) == ("online", "", data["online_url"])


def test_an_image_comes_with_its_credit(post, form_url):
    data = {**VALID, "image": png(), "image_credit": "Foto: Max Muster", "image_rights": "on"}
    assert post(form_url, data).status_code == 200
    page = EventPage.objects.get(title=VALID["title"])
    assert page.image.credit == "Max Muster"  # "Foto:" typed once, shown once
    assert page.image.file_size > 0 and page.image.width == 40


def test_an_image_needs_credit_and_rights(post, form_url):
    images = get_image_model().objects.count()  # the home page's
    response = post(form_url, {**VALID, "image": png()})
    assert set(response.context["form"].errors) == {"image_credit", "image_rights"}
    html = main(response)
    assert (
        de(
            "Your entries are kept, but a browser does not keep a chosen file: please choose the "
            "image again."
        )
        in html
    )
    assert get_image_model().objects.count() == images


def test_an_image_too_big_or_not_an_image_is_refused(post, form_url, settings):
    images = get_image_model().objects.count()  # the home page's
    settings.EVENT_SUBMISSION_MAX_IMAGE_SIZE = 1000
    big = {**VALID, "image": png(60, 60, noise=True), "image_credit": "X", "image_rights": "on"}
    response = post(form_url, big)
    assert list(response.context["form"].errors) == ["image"]
    assert "1000" in str(response.context["form"].errors["image"][0]).replace(".", "")
    settings.EVENT_SUBMISSION_MAX_IMAGE_SIZE = 5 * 1024 * 1024
    text = png(name="bild.pdf")
    response = post(form_url, {**big, "image": text})
    assert list(response.context["form"].errors) == ["image"]
    fake = SimpleUploadedFile("bild.png", b"%PDF-1.4 kein Bild", content_type="image/png")
    response = post(form_url, {**big, "image": fake})
    assert list(response.context["form"].errors) == ["image"]
    assert not EventSubmission.objects.exists() and get_image_model().objects.count() == images


def test_an_image_bigger_than_other_public_forms_allow_gets_through(post, form_url, client):
    """The body limit of public forms (256 KB) would refuse a photo; this form's path
    allows PUBLIC_MAX_UPLOAD_BODY, every other public path keeps the small limit."""
    data = {**VALID, "image": png(400, 400, noise=True), "image_credit": "X", "image_rights": "on"}
    response = post(form_url, data)
    assert response.status_code == 200
    assert EventPage.objects.get(title=VALID["title"]).image.file_size > 256 * 1024
    refused = client.post("/termine/", {"x": "y" * 300_000})
    assert refused.status_code == 413


def test_honeypot_is_thanked_but_nothing_is_stored_or_sent(post, form_url):
    response = post(form_url, {**VALID, "homepage": "https://spam.example"})
    assert response.status_code == 200
    assert de("Your report has arrived") in main(response)
    assert not EventSubmission.objects.exists() and not mail.outbox
    assert not EventPage.objects.filter(title=VALID["title"]).exists()


def test_rate_limit_per_address_and_apart_from_other_forms(post, form_url, settings):
    settings.REGISTRATION_RATE_LIMIT = 2
    for _ in range(2):
        assert post(form_url, VALID, REMOTE_ADDR="192.0.2.7").status_code == 200
    response = post(form_url, VALID, REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 429
    assert de(
        "Too many reports from your connection in a short time. Please wait ten minutes and "
        "try again; nothing you entered was stored."
    ) in main(response)
    assert 'value="Wasserstofftag Halle 2031"' in main(response)  # entries kept
    assert EventSubmission.objects.count() == 2
    assert post(form_url, VALID, REMOTE_ADDR="192.0.2.8").status_code == 200  # someone else


def test_mail_server_down_keeps_the_report_and_sends_later(post, form_url, settings, redaktion):
    settings.EMAIL_BACKEND = "tests.events.mail_backends.BrokenBackend"
    response = post(form_url, VALID)
    assert response.status_code == 200 and de("Your report has arrived") in main(response)
    submission = EventSubmission.objects.get()
    assert set(submission.mails.values_list("status", flat=True)) == {MailStatus.PENDING}
    assert not mail.outbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # server is back
    assert outbox.send_pending() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["erika@example.org", "redaktion@example.org"]
    assert outbox.send_pending() == 0  # never twice


def test_a_broken_task_queue_loses_no_report(post, form_url, monkeypatch):
    class BrokenQueue:
        def enqueue(self, *args, **kwargs):
            raise ConnectionError("queue down")

    monkeypatch.setattr("metropolregion.outbox.send_from_outbox", BrokenQueue())
    response = post(form_url, VALID)
    assert response.status_code == 200
    assert EventSubmission.objects.get().mails.filter(status=MailStatus.PENDING).count() == 2


def test_a_failing_thank_you_page_still_says_that_the_report_arrived(post, form_url, monkeypatch):
    from events.submissions import views

    def broken(*args, **kwargs):
        raise ConnectionError("database gone")

    monkeypatch.setattr(views, "render_landing", broken)
    response = post(form_url, VALID)
    assert response.status_code == 200
    assert de("Your report has arrived") in response.content.decode()
    assert EventSubmission.objects.count() == 1


def test_without_editors_the_notice_is_marked_no_recipient(post, form_url):
    post(form_url, VALID)
    notice = SubmissionMail.objects.get(kind=MailKind.EDITORS)
    assert notice.status == MailStatus.NONE
    assert [m.to for m in mail.outbox] == [["erika@example.org"]]


def test_the_recipients_setting_wins_over_the_group(post, form_url, settings, redaktion):
    settings.EVENT_SUBMISSION_RECIPIENTS = ["termine@example.org"]
    post(form_url, VALID)
    assert ["termine@example.org"] in [m.to for m in mail.outbox]
    assert ["redaktion@example.org"] not in [m.to for m in mail.outbox]


def test_a_topic_offered_is_one_events_have(client, form_url):
    Tag.objects.create(name="Nur bei News", slug="nur-bei-news")
    html = main(client.get(form_url))
    assert "nur-bei-news" not in html and 'value="wasserstoff"' in html


def test_what_the_event_page_refuses_is_named_at_the_field(post, form_url, monkeypatch):
    from django.core.exceptions import ValidationError

    def refuse(page):
        raise ValidationError({"city": "Diesen Ort gibt es nicht.", "teaser": "Zu lang."})

    monkeypatch.setattr(EventPage, "clean", refuse)
    response = post(form_url, VALID)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["city"] == ["Diesen Ort gibt es nicht."]
    assert form.non_field_errors() == ["Zu lang."]
    assert not EventSubmission.objects.exists() and not mail.outbox
    assert not EventPage.objects.filter(title=VALID["title"]).exists()

"""A report is stored and mailed to the page's recipients through the shared outbox.

`store()` stores a report as a Wagtail form submission (`FeedbackSubmission`, staff see
it under Forms in the admin), in the same transaction marked as a pending mail; the
outbox's task sends it after the commit (`compose()` writes it) and retries it with
growing pauses like the registration mails. A mail server that is down delays the mail
but never loses the report; `manage.py send_pending_mail` sends what is still waiting.

The mail to staff is German whatever the page's language; a report through a translated
page (English) names the German page and says in which language to answer.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from metropolregion import outbox
from metropolregion.navigation import in_first_language

from .forms import FeedbackForm
from .models import FeedbackSubmission, MailStatus


def recipients(page):
    return [address.strip() for address in page.to_address.split(",") if address.strip()]


def store(page, form):
    """Store a valid report and queue its mail to the page's recipients."""
    data = {name: form.cleaned_data.get(name) for name, _label in FeedbackForm.data_fields()}
    with transaction.atomic():
        submission = FeedbackSubmission.objects.create(
            page=page,
            form_data=data,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            status=MailStatus.PENDING if recipients(page) else MailStatus.NONE,
        )
        if submission.status == MailStatus.PENDING:
            outbox.queue(submission)
    return submission


def compose(submission):
    """The mail to staff (German): every field, a link to the report in the admin, and
    the sender's address as Reply-To when given."""
    page = submission.page.specific
    data = submission.form_data
    with translation.override(settings.LANGUAGE_CODE):
        german = in_first_language(page)
        lines = [
            _("A report has arrived through the form on “%(title)s”.") % {"title": german.title},
            "",
        ]
        for name, label in FeedbackForm.data_fields():
            value = data.get(name)
            if name == "consent":
                value = _("yes") if value else _("no")
            lines.append(f"{label}: {value or '–'}")
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailforms:list_submissions", args=[page.pk]
        )
        if submission.language != settings.LANGUAGE_CODE:
            language = translation.get_language_info(submission.language)["name_translated"]
            note = _("Sent through the page in %(language)s; please answer in that language.")
            lines += ["", note % {"language": language}]
        lines += ["", _("All reports in the administration:") + " " + admin_url]
        subject = german.subject or _("Report of a barrier")
        return EmailMessage(
            subject=f"{subject}: {german.title}",
            body="\n".join(str(line) for line in lines) + "\n",
            from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
            to=recipients(page),
            reply_to=[data["email"]] if data.get("email") else None,
        )


def compose_for_outbox(submission):
    """What the outbox sends for a report: its mail, or nothing when the page has no
    recipient any more (the report is then marked so)."""
    if not recipients(submission.page.specific):
        submission.status = MailStatus.NONE
        submission.save(update_fields=["status"])
        return None
    return compose(submission)


def register():
    outbox.register(
        FeedbackSubmission, compose=compose_for_outbox, noun="Feedback mail", related=["page"]
    )

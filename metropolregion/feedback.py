"""Feedback on accessibility (BITV 2.0 § 7: a way to report barriers), the rules.

- `FeedbackForm`: the fixed fields of the form (what, where, optional name and address,
  consent) and a honeypot field.
- `store()`: a report is stored as a Wagtail form submission (`FeedbackSubmission`, staff
  see it under Forms in the admin) and, in the same transaction, marked as a pending mail;
  a task sends it to the page's recipients after the commit (`send()`, retried with
  growing pauses like the registration mails). A mail server that is down delays the mail
  but never loses the report; `manage.py send_pending_mail` sends what is still waiting.
- `purge_due()`: FEEDBACK_RETENTION_DAYS after a report arrived its name and address are
  deleted; what the barrier was and where stay, so the statement can be kept up to date.
  `erase_person(email)` deletes one person's details on request.

Logs name the submission's id, never an address.
"""

import datetime
import logging

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

HONEYPOT = "website"
PERSONAL_FIELDS = ("name", "email")


class FeedbackForm(forms.Form):
    barrier = forms.CharField(
        label=gettext_lazy("What is the barrier?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Please describe what did not work or was hard to use."),
    )
    page_url = forms.CharField(
        label=gettext_lazy("On which page?"),
        max_length=500,
        help_text=gettext_lazy("The address (URL) or the title of the page."),
    )
    name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy("Only if you would like an answer."),
    )
    consent = forms.BooleanField(
        label=gettext_lazy("I agree that my details are stored to deal with my report."),
        error_messages={
            "required": gettext_lazy(
                "Please agree to the storage of your details, or we cannot take your report."
            )
        },
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(required=False, label=gettext_lazy("Leave this field empty"))

    def __init__(self, *args, page=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        for name in ("barrier", "page_url", "name"):
            self.fields[name].strip = True

    def clean(self):
        cleaned = super().clean()
        for name in ("page_url", "name"):
            if any(ord(ch) < 32 for ch in cleaned.get(name) or ""):
                self.add_error(name, _("Please enter this without control characters."))
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))

    @classmethod
    def data_fields(cls):
        """(name, label) of the stored fields, in the form's order."""
        return [(name, field.label) for name, field in cls.base_fields.items() if name != HONEYPOT]


def recipients(page):
    return [address.strip() for address in page.to_address.split(",") if address.strip()]


def store(page, form):
    """Store a valid report and queue its mail to the page's recipients."""
    from .models import FeedbackSubmission, MailStatus

    data = {name: form.cleaned_data.get(name) for name, _label in FeedbackForm.data_fields()}
    with transaction.atomic():
        submission = FeedbackSubmission.objects.create(
            page=page,
            form_data=data,
            mail_status=MailStatus.PENDING if recipients(page) else MailStatus.NONE,
        )
        if submission.mail_status == MailStatus.PENDING:
            transaction.on_commit(lambda: enqueue(submission.pk))
    return submission


def enqueue(submission_id):
    from .tasks import send_feedback_mail

    try:
        send_feedback_mail.enqueue(submission_id)
    except Exception:
        logger.exception("Could not queue feedback mail %s; it stays pending", submission_id)


def compose(submission):
    """The mail to staff (German): every field, a link to the report in the admin, and
    the sender's address as Reply-To when given."""
    page = submission.page.specific
    data = submission.form_data
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("A report has arrived through the form on “%(title)s”.") % {"title": page.title},
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
        lines += ["", _("All reports in the administration:") + " " + admin_url]
        subject = page.subject or _("Report of a barrier")
        return EmailMessage(
            subject=f"{subject}: {page.title}",
            body="\n".join(str(line) for line in lines) + "\n",
            from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
            to=recipients(page),
            reply_to=[data["email"]] if data.get("email") else None,
        )


def send(submission_id):
    """Send the mail of one report. True when sent, False when the mail server failed
    (it stays pending, or is marked failed after the last attempt), None when there was
    nothing to do (sent already, no recipient, or another worker has it)."""
    from .models import FeedbackSubmission, MailStatus

    with transaction.atomic():
        submission = (
            FeedbackSubmission.objects.select_for_update(skip_locked=True)
            .filter(pk=submission_id, mail_status=MailStatus.PENDING)
            .select_related("page")
            .first()
        )
        if submission is None:
            return None
        if not recipients(submission.page.specific):
            submission.mail_status = MailStatus.NONE
            submission.save(update_fields=["mail_status"])
            return None
        try:
            compose(submission).send()
        except Exception as error:
            submission.mail_attempts += 1
            submission.mail_error = type(error).__name__[:200]
            if submission.mail_attempts >= settings.REGISTRATION_MAIL_ATTEMPTS:
                submission.mail_status = MailStatus.FAILED
            submission.save(update_fields=["mail_attempts", "mail_error", "mail_status"])
            logger.warning(
                "Feedback mail %s not sent (attempt %s): %s",
                submission.pk,
                submission.mail_attempts,
                submission.mail_error,
            )
            return False
        submission.mail_status = MailStatus.SENT
        submission.mail_attempts += 1
        submission.save(update_fields=["mail_status", "mail_attempts"])
        return True


def send_pending():
    """Send every feedback mail still waiting (oldest first); the number sent."""
    from .models import FeedbackSubmission, MailStatus

    ids = FeedbackSubmission.objects.filter(mail_status=MailStatus.PENDING).order_by("pk")
    return sum(1 for pk in list(ids.values_list("pk", flat=True)) if send(pk))


# -- retention --


def retention_cutoff(at=None, days=None):
    """Reports that arrived before this instant have had their time."""
    days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
    return (at or timezone.now()) - datetime.timedelta(days=days)


def anonymise(submissions, at=None):
    """Delete name and address from `submissions` (a queryset); the number changed."""
    moment = at or timezone.now()
    count = 0
    with transaction.atomic():
        for submission in submissions.filter(anonymised_at=None).select_for_update():
            for name in PERSONAL_FIELDS:
                submission.form_data[name] = ""
            submission.anonymised_at = moment
            submission.save(update_fields=["form_data", "anonymised_at"])
            count += 1
    return count


def purge_due(at=None, days=None):
    """Anonymise the reports older than FEEDBACK_RETENTION_DAYS."""
    from .models import FeedbackSubmission

    cutoff = retention_cutoff(at, days)
    count = anonymise(FeedbackSubmission.objects.filter(submit_time__lt=cutoff), at=at)
    logger.info("Retention: personal data of %s feedback report(s) deleted", count)
    return count


def erase_person(email, at=None):
    """Delete name and address from every report sent with this address."""
    from .models import FeedbackSubmission

    address = (email or "").strip()
    if not address:
        return 0
    matches = [
        submission.pk
        for submission in FeedbackSubmission.objects.filter(anonymised_at=None).only("form_data")
        if (submission.form_data.get("email") or "").lower() == address.lower()
    ]
    count = anonymise(FeedbackSubmission.objects.filter(pk__in=matches), at=at)
    logger.info("Erasure on request: %s feedback report(s) anonymised", count)
    return count

"""The three mails of a report, sent through the shared outbox (metropolregion.outbox):

- to the Redaktion (German): what was reported, who sent it, and the link to the draft
  in the admin; Reply-To the reporter;
- to the reporter, in the form's language: the confirmation, and once the event is
  published, the notice with its address.

A mail with nobody to send it to (no editor with an address; a reporter whose details
were deleted) is marked "no recipient" instead of waiting for ever.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from metropolregion import outbox, roles

from .models import MailKind, MailStatus, SubmissionMail


def editor_addresses():
    """EVENT_SUBMISSION_RECIPIENTS, or else the active members of the Redaktion."""
    if settings.EVENT_SUBMISSION_RECIPIENTS:
        return list(settings.EVENT_SUBMISSION_RECIPIENTS)
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.REDAKTION)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def admin_url(page):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[page.pk])


def event_lines(page):
    """What the reporter said about the event, one line each."""
    lines = [
        f"{_('Title of the event')}: {page.title}",
        f"{_('When')}: {page.when}",
        f"{_('Where')}: {page.place or '–'}",
        f"{_('Organiser')}: {page.organiser_name}",
    ]
    if page.online_url:
        lines.append(f"{_('Online link')}: {page.online_url}")
    return lines


def compose_for_editors(submission):
    page = submission.page
    recipients = editor_addresses()
    if page is None or not recipients:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        language = translation.get_language_info(submission.language)["name_translated"]
        lines = [
            _("An event was reported through the form “Report an event”."),
            _("It waits as a draft for your review; publish it or delete it."),
            "",
            *event_lines(page),
            "",
            f"{_('Sent by')}: {submission.name or '–'}",
            f"{_('Organisation')}: {submission.organisation or '–'}",
            f"{_('Email address')}: {submission.email or '–'}",
            f"{_('Phone')}: {submission.phone or '–'}",
            f"{_('Language of the form')}: {language}",
            "",
            _("Edit the draft:") + " " + admin_url(page),
        ]
        return EmailMessage(
            subject=_("Event reported: %(title)s") % {"title": page.title},
            body="\n".join(str(line) for line in lines) + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
            reply_to=[submission.email] if submission.email else None,
        )


def compose_confirmation(submission):
    page = submission.page
    if page is None or not submission.email:
        return None
    with translation.override(submission.language):
        days = settings.EVENT_SUBMISSION_RETENTION_DAYS
        lines = [
            _("Hello %(name)s,") % {"name": submission.name} if submission.name else _("Hello,"),
            "",
            _(
                "Thank you for reporting your event. Our editors will check it and publish "
                "it in the calendar; we will tell you by mail when it is online."
            ),
            "",
            *event_lines(page),
            "",
            _("We delete your name, address and phone number %(days)s days after your report.")
            % {"days": days},
        ]
        return EmailMessage(
            subject=_("Your event report: %(title)s") % {"title": page.title},
            body="\n".join(str(line) for line in lines) + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[submission.email],
        )


def compose_published(submission):
    page = submission.page
    if page is None or not submission.email or not page.live:
        return None
    with translation.override(submission.language):
        lines = [
            _("Hello %(name)s,") % {"name": submission.name} if submission.name else _("Hello,"),
            "",
            _("the event you reported is now published in our calendar:"),
            "",
            page.title,
            page.full_url or "",
            "",
            _("Thank you!"),
        ]
        return EmailMessage(
            subject=_("Your event is published: %(title)s") % {"title": page.title},
            body="\n".join(str(line) for line in lines) + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[submission.email],
        )


COMPOSERS = {
    MailKind.EDITORS: compose_for_editors,
    MailKind.CONFIRMATION: compose_confirmation,
    MailKind.PUBLISHED: compose_published,
}


def compose(mail):
    """The mail of an outbox row, or None (the row is then marked "no recipient")."""
    message = COMPOSERS[mail.kind](mail.submission)
    if message is None:
        mail.status = MailStatus.NONE
        mail.save(update_fields=["status"])
    return message


def register():
    outbox.register(
        SubmissionMail,
        compose=compose,
        noun="Event report mail",
        # Not the page: it may be gone (a nullable join), and the outbox locks the rows
        # it loads, which PostgreSQL refuses on the nullable side of an outer join.
        related=["submission"],
    )

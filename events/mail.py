"""Registration mails: written to the outbox (`Notification`) in the registration's own
transaction, sent by a task after the commit, retried until the mail server answers.

The mails are German (the site's default language), as plain text with an HTML
alternative; confirmations and promotions carry the event as an .ics attachment and every
mail a signed link to cancel; for a confirmed place they also carry the online join link
(which no public page shows when people register here). Links start with the configured
base URL (metropolregion.site_urls): mails are sent outside any request. Logs name the
notification's id, never an address.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from metropolregion.site_urls import page_url

from . import dates, ical
from .models import Notification, NotificationKind, NotificationStatus

logger = logging.getLogger(__name__)

ATTACH_ICS = {NotificationKind.CONFIRMATION, NotificationKind.PROMOTION}
# Mails that give a confirmed person the online join link (a reminder would be one more).
JOIN_LINK_KINDS = {NotificationKind.CONFIRMATION, NotificationKind.PROMOTION}


def queue(registration, kind):
    """Put a mail for `registration` in the outbox; it is sent once the transaction
    commits. If the task queue cannot take it, the outbox keeps it for `send_pending`."""
    notification = Notification.objects.create(registration=registration, kind=kind)
    transaction.on_commit(lambda: enqueue(notification.pk))
    return notification


def enqueue(notification_id):
    from .tasks import send_notification

    try:
        send_notification.enqueue(notification_id)
    except Exception:
        logger.exception(
            "Could not queue registration mail %s; it stays in the outbox", notification_id
        )


def texts(kind):
    """(subject, opening paragraphs) of a mail, in the active language."""
    return {
        NotificationKind.CONFIRMATION: (
            _("Registration confirmed"),
            [_("thank you for registering. Your place is confirmed.")],
        ),
        NotificationKind.WAITLIST: (
            _("You are on the waiting list"),
            [
                _(
                    "thank you for registering. All places are taken at the moment, so you are on the waiting list."
                ),
                _("When a place becomes free you move up automatically, and we write to you."),
            ],
        ),
        NotificationKind.PROMOTION: (
            _("A place has become free for you"),
            [
                _(
                    "good news: a place has become free and you have moved up from the waiting list. Your place is confirmed."
                )
            ],
        ),
        NotificationKind.CANCELLATION: (
            _("Registration cancelled"),
            [
                _(
                    "your registration has been cancelled. If this was a mistake, you are welcome to register again."
                )
            ],
        ),
        NotificationKind.DUPLICATE: (
            _("You are already registered"),
            [
                _(
                    "someone tried to register this address for the event again. You are already registered; nothing has changed."
                )
            ],
        ),
    }[kind]


def compose(notification):
    """The EmailMultiAlternatives for a notification (German)."""
    from .registration import cancel_url, join_link_for

    registration = notification.registration
    event = registration.event.specific
    join_url = join_link_for(registration) if notification.kind in JOIN_LINK_KINDS else ""
    with translation.override(settings.LANGUAGE_CODE):
        subject, paragraphs = texts(notification.kind)
        context = {
            "registration": registration,
            "event": event,
            "paragraphs": paragraphs,
            "cancel_url": cancel_url(registration) if registration.is_active else "",
            "event_url": page_url(event),
            "join_url": join_url,
            "is_active": registration.is_active,
            "sender": sender_name(event),
        }
        text = render_to_string("events/mail/message.txt", context)
        html = render_to_string("events/mail/message.html", context)
        message = EmailMultiAlternatives(
            subject=f"{subject}: {event.title}",
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
        )
        message.attach_alternative(html, "text/html")
        if notification.kind in ATTACH_ICS:
            message.attach(
                f"{event.slug}.ics",
                ical.build_calendar([event], None, name=event.title, join_url=join_url),
                "text/calendar",
            )
    return message


def sender_name(event):
    from metropolregion.models import SiteSettings

    site = event.get_site()
    return SiteSettings.for_site(site).organisation_name if site else settings.WAGTAIL_SITE_NAME


def send(notification_id):
    """Send one pending mail. True when sent, False when the mail server failed (the
    mail stays pending, or is marked failed after the last attempt), None when there was
    nothing to do (sent already, or another worker has it)."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .select_related("registration__event")
            .filter(pk=notification_id, status=NotificationStatus.PENDING)
            .first()
        )
        if notification is None or not notification.registration.email:
            return None
        try:
            compose(notification).send()
        except Exception as error:
            notification.attempts += 1
            notification.last_error = type(error).__name__[:200]
            if notification.attempts >= settings.REGISTRATION_MAIL_ATTEMPTS:
                notification.status = NotificationStatus.FAILED
            notification.save(update_fields=["attempts", "last_error", "status"])
            logger.warning(
                "Registration mail %s not sent (attempt %s): %s",
                notification.pk,
                notification.attempts,
                notification.last_error,
            )
            return False
        notification.status = NotificationStatus.SENT
        notification.sent_at = dates.now()
        notification.attempts += 1
        notification.save(update_fields=["status", "sent_at", "attempts"])
        return True


def send_pending():
    """Send every mail still waiting in the outbox (oldest first); the number sent."""
    ids = Notification.objects.filter(status=NotificationStatus.PENDING).values_list(
        "pk", flat=True
    )
    return sum(1 for pk in list(ids) if send(pk))

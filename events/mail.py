"""Registration mails: written to the shared outbox (`Notification`, metropolregion.outbox)
in the registration's own transaction, sent by the outbox's task after the commit,
retried until the mail server answers.

The mails are written in the language of the page the person registered on
(`Registration.language`) and name and link to the event's page in that language, as
plain text with an HTML alternative; confirmations and promotions carry the event as an
.ics attachment and every mail a signed link to cancel; for a confirmed place they also
carry the online join link (which no public page shows when people register here,
events.join_links). The cancel link comes from the rules (events.registration), passed in
when the events app registers its outbox (`register_outbox`, from EventsConfig.ready):
the rules queue mails here, so this module never imports them. Links start with the
configured base URL (metropolregion.site_urls): mails are sent outside any request. Logs
name the notification's id, never an address.

Reminders (events.reminders) and the mails about a changed or cancelled event
(events.changes) describe the date the person registered for (one date of a series as
that date) and attach its .ics with the event's current SEQUENCE, METHOD:CANCEL for a
cancellation (which carries no link to cancel: there is nothing left to cancel).
"""

from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from metropolregion import outbox
from metropolregion.site_settings import SiteSettings
from metropolregion.site_urls import page_url

from . import ical, recurrence
from .join_links import join_link_for
from .models.notification import Notification, NotificationKind
from .models.occurrence import EventOccurrence

ATTACH_ICS = {NotificationKind.CONFIRMATION, NotificationKind.PROMOTION}
# Mails about the event itself (events.reminders, events.changes): the date the person
# registered for, with an .ics that carries the event's current SEQUENCE.
NOTICE_KINDS = {
    NotificationKind.REMINDER,
    NotificationKind.CHANGE,
    NotificationKind.EVENT_CANCELLED,
}
# Mails that give a confirmed person the online join link.
JOIN_LINK_KINDS = {
    NotificationKind.CONFIRMATION,
    NotificationKind.PROMOTION,
    NotificationKind.REMINDER,
    NotificationKind.CHANGE,
}


def queue(registration, kind, **fields):
    """Put a mail for `registration` in the outbox; it is sent once the transaction
    commits. If the task queue cannot take it, the outbox keeps it for `send_pending_mail`."""
    return outbox.queue(Notification.objects.create(registration=registration, kind=kind, **fields))


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
        NotificationKind.REMINDER: (
            _("Reminder"),
            [
                _(
                    "the event you registered for is coming up soon. Here are the details once more; the attached calendar file brings your calendar up to date."
                )
            ],
        ),
        NotificationKind.CHANGE: (
            _("Event changed"),
            [
                _(
                    "the event you registered for has changed. Please note the new details below; the attached calendar file updates the entry in your calendar."
                )
            ],
        ),
        NotificationKind.EVENT_CANCELLED: (
            _("Event cancelled"),
            [
                _(
                    "we are sorry to tell you that the event you registered for has been cancelled. The attached calendar file removes it from your calendar."
                )
            ],
        ),
    }[kind]


def as_registered(event, registration):
    """`event` shown as the date of its series the person registered for (its start,
    end and status become the date's); the event itself for a one-off event."""
    if registration.occurrence_start is None:
        return event
    found = EventOccurrence.objects.filter(
        event_id=registration.event_id, original_start=registration.occurrence_start
    ).first()
    return recurrence.apply_occurrence(event, found) if found is not None else event


def notice_ics(notification, event, join_url):
    """The .ics of a reminder, change or cancellation mail: the event's current SEQUENCE;
    METHOD:CANCEL for a cancellation."""
    cancelled = notification.kind == NotificationKind.EVENT_CANCELLED
    return ical.build_notice(
        event,
        sequence=notification.registration.event.sequence,
        method="CANCEL" if cancelled else "PUBLISH",
        join_url=join_url,
    )


def compose(notification, *, cancel_url):
    """The EmailMultiAlternatives for a notification, in the person's language;
    `cancel_url(registration)` is the rules' signed link to cancel
    (events.registration.cancel_url)."""
    registration = notification.registration
    join_url = join_link_for(registration) if notification.kind in JOIN_LINK_KINDS else ""
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        event = registration.localized_event()
        notice = notification.kind in NOTICE_KINDS
        if notice:
            event = as_registered(event, registration)
        cancelled = notification.kind == NotificationKind.EVENT_CANCELLED
        subject, paragraphs = texts(notification.kind)
        context = {
            "registration": registration,
            "event": event,
            "paragraphs": paragraphs,
            "cancel_url": cancel_url(registration)
            if registration.is_active and not cancelled
            else "",
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
        if notice:
            message.attach(
                f"{event.slug}.ics", notice_ics(notification, event, join_url), "text/calendar"
            )
        elif notification.kind in ATTACH_ICS:
            message.attach(
                f"{event.slug}.ics",
                ical.build_calendar([event], None, name=event.title, join_url=join_url),
                "text/calendar",
            )
    return message


def sender_name(event):
    site = event.get_site()
    return SiteSettings.for_site(site).organisation_name if site else settings.WAGTAIL_SITE_NAME


def compose_for_outbox(notification, *, cancel_url):
    """What the outbox sends for a notification: its mail, or nothing while the
    registration has no address (it was erased)."""
    if not notification.registration.email:
        return None
    return compose(notification, cancel_url=cancel_url)


def register_outbox(*, cancel_url):
    """Let the shared outbox send registration mails, with the rules' link to cancel
    (called from EventsConfig.ready)."""
    outbox.register(
        Notification,
        compose=partial(compose_for_outbox, cancel_url=cancel_url),
        noun="Registration mail",
        related=["registration__event"],
    )

"""Who sees an event's online join link. The link of an event people register for on
this site is for confirmed participants only: it goes into their mails and their own
calendar attachment, never onto a public page or feed. Kept apart from the registration
rules, so that the iCal export and the mails (which the rules call) can use it."""

from .choices import EventFormat, RegistrationMode, RegistrationStatus


def public_join_link(event):
    """The join link everyone may see (event page, feeds, schema.org data): none for an
    event people register for on this site; there it is for confirmed participants."""
    if (
        event.registration_mode == RegistrationMode.INTERNAL
        or event.format == EventFormat.IN_PERSON
    ):
        return ""
    return event.online_url


def join_link_for(registration):
    """The join link for the person of `registration`: only while their place is
    confirmed (not on the waiting list, not cancelled)."""
    event = registration.event
    if registration.status != RegistrationStatus.CONFIRMED or event.format == EventFormat.IN_PERSON:
        return ""
    return event.online_url

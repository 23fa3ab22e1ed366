"""The signed link to cancel a registration, in every registration mail: a timestamped
code naming the registration by its random token (REGISTRATION_CANCEL_LINK_DAYS valid)."""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing

from metropolregion.site_urls import page_url

from .models.registration import Registration

CANCEL_SALT = "events.registration.cancel"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def cancel_code(registration):
    """A signed, timestamped code naming the registration (by its random token)."""
    return signing.dumps(registration.token, salt=CANCEL_SALT, compress=True)


def registration_for_code(code):
    """The registration a cancel code names; LinkExpired or LinkInvalid otherwise."""
    max_age = settings.REGISTRATION_CANCEL_LINK_DAYS * 24 * 3600
    try:
        token = signing.loads(code, salt=CANCEL_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    found = Registration.objects.select_related("event").filter(token=token).first()
    if found is None:
        raise LinkInvalid
    return found


def cancel_url(registration):
    """The absolute address of the page to cancel `registration`, in the person's
    language (for mails: on the configured base URL, see metropolregion.site_urls)."""
    event = registration.localized_event()
    query = urlencode({"code": cancel_code(registration)})
    return f"{page_url(event)}{event.reverse_subpage('cancel')}?{query}"

"""Member accounts: the logins of the people at member organisations, kept by the
Mitgliederverwaltung in the admin ("Mitgliedskonten") without any right on users.

A member login is a plain one: in the group Mitglieder and no other, neither staff nor
superuser, no permissions of its own. Only such logins are created, linked, renamed or
closed here. A login of the Geschäftsstelle (any other group, a permission of its own,
staff or superuser) is refused, so that keeping member accounts never takes over, renames
or switches off a staff login; those stay with the Administration.

- `login_to_link(email)`: the existing member login to link for an address, None when a
  new one is to be made, or `AddressRefused` with the reason.
- `open_login(email, first_name, last_name)`: makes (or links) the login, in Mitglieder;
  a new one has no password until the person chooses one through `send_access_mail`.
- `close_login(user_id)`: once its member account is deleted, the login is deactivated and
  leaves Mitglieder (the row stays: registrations keep their person).
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q

from metropolregion.roles import MITGLIEDER
from metropolregion.site_urls import base_url

from .models import MemberProfile

logger = logging.getLogger(__name__)

# Why an address cannot get a member account here.
STAFF_LOGIN = "staff_login"  # it belongs to a login of the Geschäftsstelle
HAS_MEMBER_ACCOUNT = "has_member_account"  # its login is a member account already
SEVERAL_LOGINS = "several_logins"  # more than one login answers to it

ACCESS_MAIL_SUBJECT = "membership/account_created_subject.txt"
ACCESS_MAIL_BODY = "membership/account_created_email.txt"


class AddressRefused(Exception):
    """The address cannot get a member account here; `reason` says why, `login` is the
    login found for it (if one)."""

    def __init__(self, reason, login=None):
        super().__init__(reason)
        self.reason = reason
        self.login = login


def normalise_email(email):
    """The address as logins store it: no surrounding spaces, lower case."""
    return (email or "").strip().lower()


def is_staff_login(user):
    """Whether `user` is more than a member: staff, superuser, in any group but Mitglieder
    or holding a permission of its own."""
    return (
        user.is_staff
        or user.is_superuser
        or user.groups.exclude(name=MITGLIEDER).exists()
        or user.user_permissions.exists()
    )


def has_member_account(user):
    return MemberProfile.objects.filter(user=user).exists()


def logins_for(email):
    """The logins whose address or user name is `email` (in any case)."""
    email = normalise_email(email)
    return list(
        get_user_model()
        ._default_manager.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .order_by("pk")
    )


def login_to_link(email):
    """The member login without a member account that `email` belongs to, or None when
    no login has this address. AddressRefused when it is a staff login (whatever else is
    true), when two or more logins have it, or when its login has a member account."""
    logins = logins_for(email)
    if any(is_staff_login(login) for login in logins):
        raise AddressRefused(STAFF_LOGIN)
    if len(logins) > 1:
        raise AddressRefused(SEVERAL_LOGINS)
    if not logins:
        return None
    login = logins[0]
    if has_member_account(login):
        raise AddressRefused(HAS_MEMBER_ACCOUNT, login)
    return login


def members_group():
    return Group.objects.get_or_create(name=MITGLIEDER)[0]


@transaction.atomic
def open_login(email, first_name, last_name):
    """The login for a new member account and whether it was made now: a new one (user
    name and address `email` in lower case, no usable password yet), or the existing
    member login of this address, active again and renamed. Either is in Mitglieder.
    The address is checked again here (AddressRefused); a login made at the same moment
    by someone else ends in an IntegrityError (the user name is unique)."""
    email = normalise_email(email)
    login = login_to_link(email)
    created = login is None
    if created:
        login = get_user_model()(
            username=email, email=email, first_name=first_name, last_name=last_name
        )
        login.set_unusable_password()
        login.save()
    else:
        login.first_name, login.last_name, login.is_active = first_name, last_name, True
        login.email = login.email or email  # found by its user name
        login.save(update_fields=["first_name", "last_name", "is_active", "email"])
    login.groups.add(members_group())
    return login, created


def rename_login(user, first_name, last_name):
    """Sets the name of a member login; a staff login keeps its name (False)."""
    if is_staff_login(user):
        return False
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])
    return True


def may_get_access_mail(user):
    """Whether the access mail may go to `user`: a member login that is active and has no
    password yet (one with a password uses "Passwort vergessen?")."""
    return user.is_active and not user.has_usable_password() and not is_staff_login(user)


def access_mail_options():
    """The options of the password-reset task for the access mail: links on the configured
    base URL (metropolregion.site_urls), in the site's language."""
    address = urlsplit(base_url())
    return {
        "domain": address.netloc,
        "use_https": address.scheme == "https",
        "subject_template_name": ACCESS_MAIL_SUBJECT,
        "email_template_name": ACCESS_MAIL_BODY,
        "html_email_template_name": None,
        "from_email": None,
        "extra_email_context": {
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        },
        "language": settings.LANGUAGE_CODE,
        "new_account": True,  # the login has no usable password yet
    }


def send_access_mail(user):
    """Queue the mail "Ihr Zugang zum Mitgliederbereich" with a link to choose a password,
    sent by the password-reset task once the transaction commits (the task looks the
    login up by its id). If the queue cannot take it, the error is logged and the
    Mitgliederverwaltung can send it again from the member account."""
    from .tasks import send_password_reset_mail

    user_id, options = user.pk, access_mail_options()

    def enqueue():
        try:
            send_password_reset_mail.enqueue([user_id], options)
        except Exception:
            logger.exception("Could not queue the access mail of login %s", user_id)

    transaction.on_commit(enqueue)


def close_login(user_id):
    """After the member account of login `user_id` is deleted: a member login is
    deactivated (it can no longer log in; the row stays, so registrations keep their
    person) and leaves Mitglieder, which gives member prices. A staff login is left as it
    is. Whether the login was closed."""
    user = get_user_model()._default_manager.filter(pk=user_id).first()
    if user is None or is_staff_login(user):
        return False
    user.groups.remove(*Group.objects.filter(name=MITGLIEDER))
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    return True


def member_account_deleted(sender, instance, **kwargs):
    """post_delete of MemberProfile (apps.py): however a member account goes (the admin's
    delete, its bulk delete, with its organisation), its login is closed."""
    close_login(instance.user_id)

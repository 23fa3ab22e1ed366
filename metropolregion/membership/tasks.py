"""Background tasks of the member accounts (django-tasks): the password reset mail (also
sent as the access mail of a new member account).

The password reset forms (auth_forms) queue the task with the ids of the accounts they
found; the task makes and sends the mails here, as Django's PasswordResetForm would have
in the request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django_tasks import task

from metropolregion.site_urls import base_url


@task()
def send_password_reset_mail(user_ids, options):
    """Send the password reset mail to these accounts (none for an unknown address):
    queued by both password reset forms (auth_forms.QueuedPasswordResetMixin), and as the
    access mail of a member account made in the admin (accounts.send_access_mail)."""
    return send_reset_mails(user_ids, options)


class _ChosenAccounts(PasswordResetForm):
    """Django's PasswordResetForm for accounts already looked up: its save() makes the
    token and the link and sends the mail exactly as it would have in the request."""

    def __init__(self, users):
        super().__init__()
        self.cleaned_data = {"email": ""}
        self.users = users

    def get_users(self, email):
        return iter(self.users)


def send_reset_mails(user_ids, options):
    """The work of the task: the mail to every account in `user_ids` that may still reset
    its password, with the options the request captured. The number of mails.

    With the option `new_account` (the access mail of a member account made in the admin,
    accounts.send_access_mail) an account without a usable password gets the mail too:
    that is how a new member chooses the first password. The templates also get
    `base_url`, the configured address of the site (metropolregion.site_urls)."""
    new_account = options.get("new_account", False)
    users = [
        user
        for user in get_user_model()._default_manager.filter(pk__in=user_ids, is_active=True)
        if new_account or user.has_usable_password()
    ]
    if not users:
        return 0
    with translation.override(options.get("language")):
        _ChosenAccounts(users).save(
            domain_override=options["domain"],
            subject_template_name=options["subject_template_name"],
            email_template_name=options["email_template_name"],
            use_https=options["use_https"],
            from_email=options["from_email"],
            html_email_template_name=options["html_email_template_name"],
            extra_email_context={"base_url": base_url(), **options["extra_email_context"]},
        )
    return len(users)

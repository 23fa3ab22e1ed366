"""Background tasks of the member accounts (django-tasks): the password reset mail (also
sent as the access mail of a new member account)."""

from django_tasks import task

from . import auth_forms


@task()
def send_password_reset_mail(user_ids, options):
    """Send the password reset mail to these accounts (none for an unknown address):
    queued by both password reset forms (auth_forms.QueuedPasswordResetMixin), and as the
    access mail of a member account made in the admin (accounts.send_access_mail)."""
    return auth_forms.send_reset_mails(user_ids, options)

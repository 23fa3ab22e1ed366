"""The log-in and password-reset forms of both log-ins: the members' (/konto/) and Wagtail's
admin (/admin/, through WAGTAILADMIN_USER_LOGIN_FORM and
WAGTAILADMIN_USER_PASSWORD_RESET_FORM).

- Log-in: a user name longer than any account's is refused by the form, before anyone
  looks it up. Django's AuthenticationForm only sets `maxlength` on the widget, so a long
  name went on to the authentication backends, and django-axes wrote it into a column of
  255 characters (a 500 on PostgreSQL).
- Password reset: the request looks up the accounts (one query, known address or not)
  and queues one task with their ids, an empty list for an unknown address; the task
  sends the mails (`tasks.send_password_reset_mail`, which makes them as Django's
  PasswordResetForm does). Before, the mail was sent inside
  the request, so a known address took visibly longer than an unknown one. The queue
  keeps ids, never the address that was asked for.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.core.validators import MaxLengthValidator
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from .tasks import send_password_reset_mail


def username_max_length():
    """The longest user name an account can have (User.username: 150)."""
    user_model = get_user_model()
    return user_model._meta.get_field(user_model.USERNAME_FIELD).max_length or 150


class LimitedUsernameMixin:
    """Refuses a user name longer than any account's, with an error that names the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = username_max_length()
        field = self.fields["username"]
        field.max_length = limit
        field.widget.attrs["maxlength"] = limit
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        field.validators.append(
            MaxLengthValidator(
                limit,
                message=_(
                    "The user name can have at most %(limit_value)d characters "
                    "(it has %(show_value)d)."
                ),
            )
        )


class MemberLoginForm(LimitedUsernameMixin, AuthenticationForm):
    """The members' log-in (/konto/anmelden/)."""


class AdminLoginForm(LimitedUsernameMixin, WagtailLoginForm):
    """Wagtail's admin log-in (/admin/login/)."""


class QueuedPasswordResetMixin:
    """Django's password reset with the mail in a task: the request does the same work
    for every address (one query, one task queued)."""

    def save(
        self,
        domain_override=None,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
        use_https=False,
        token_generator=default_token_generator,
        from_email=None,
        request=None,
        html_email_template_name=None,
        extra_email_context=None,
    ):
        if token_generator is not default_token_generator:
            raise ValueError("The queued password reset uses Django's default token generator.")
        user_ids = [user.pk for user in self.get_users(self.cleaned_data["email"])]
        send_password_reset_mail.enqueue(
            user_ids,
            {
                "domain": domain_override or get_current_site(request).domain,
                "use_https": use_https,
                "subject_template_name": subject_template_name,
                "email_template_name": email_template_name,
                "html_email_template_name": html_email_template_name,
                "from_email": from_email,
                "extra_email_context": extra_email_context or {},
                "language": translation.get_language(),
            },
        )


class MemberPasswordResetForm(QueuedPasswordResetMixin, PasswordResetForm):
    """The members' "Passwort vergessen?" (/konto/passwort-vergessen/)."""


class AdminPasswordResetForm(QueuedPasswordResetMixin, WagtailPasswordResetForm):
    """Wagtail's admin password reset (/admin/password_reset/)."""

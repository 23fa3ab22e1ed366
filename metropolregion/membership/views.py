"""The member's account: log in and out, reset the password (Django's auth views with our
templates), and "Mein Konto" with the person's registrations and a cancel button.

These pages use the session; the public pages never do (no cookies for anonymous readers).
"""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from events import registration as rules
from events.models import Registration

from .members import member_organisation


class LoginView(auth_views.LoginView):
    template_name = "membership/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Logs out on POST (a link cannot log anyone out) and returns to the home page, with
    no message: a message would set a cookie for the now anonymous reader."""

    next_page = "/"


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for the address. Known and unknown addresses get the same answer; only a known
    one gets a mail (Django's PasswordResetForm)."""

    template_name = "membership/password_reset_form.html"
    email_template_name = "membership/password_reset_email.txt"
    subject_template_name = "membership/password_reset_subject.txt"
    success_url = reverse_lazy("membership:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "membership/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "membership/password_reset_confirm.html"
    success_url = reverse_lazy("membership:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "membership/password_reset_complete.html"


def my_registrations(user):
    """The registrations of `user`, the latest event first (one query)."""
    return (
        Registration.objects.filter(user=user)
        .select_related("event")
        .order_by("-event__start", "-pk")
    )


@never_cache
@login_required
def account(request):
    """ "Mein Konto": the member organisation and the person's registrations."""
    return render(
        request,
        "membership/account.html",
        {
            "organisation": member_organisation(request.user),
            "registrations": my_registrations(request.user),
        },
    )


@require_POST
@login_required
def cancel_registration(request, pk):
    """Cancel one of the person's own registrations (404 for anyone else's)."""
    registration = get_object_or_404(Registration.objects.only("pk"), pk=pk, user=request.user)
    result = rules.cancel(registration.pk)
    event_title = result.registration.event.title
    messages.success(
        request, _("Your registration for “%(event)s” is cancelled.") % {"event": event_title}
    )
    return redirect("membership:account")

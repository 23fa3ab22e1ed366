"""The member's account: log in and out, reset the password (Django's auth views with our
templates), and "Mein Konto" with the person's name ("Meine Daten") and what other apps
add to it through the "account" hub (the events app: the person's registrations).

These pages use the session; the public pages never do (no cookies for anonymous readers).
"""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from metropolregion import hubs

from .auth_forms import MemberLoginForm, MemberPasswordResetForm
from .forms import PersonalDataForm
from .members import member_organisation


class LoginView(auth_views.LoginView):
    template_name = "membership/login.html"
    form_class = MemberLoginForm  # refuses over-long user names
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Logs out on POST (a link cannot log anyone out) and returns to the home page, with
    no message: a message would set a cookie for the now anonymous reader."""

    next_page = "/"


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for the address. Known and unknown addresses get the same answer, in the same
    time; only a known one gets a mail, sent by a task (auth_forms)."""

    form_class = MemberPasswordResetForm
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


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """ "Mein Konto": the member organisation, the person's name (a form: POST saves it)
    and the sections other apps contribute to the "account" hub (their registrations)."""
    form = PersonalDataForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details are saved."))
        return redirect("membership:account")
    return render(
        request,
        "membership/account.html",
        {
            "organisation": member_organisation(request.user),
            "form": form,
            "sections": hubs.sections("account", request.user, request),
        },
    )

"""Wagtail views with a guard in front, routed in metropolregion/urls.py ahead of Wagtail's
own URL of the same name.

- Page and document passwords (Wagtail's view restrictions): after AXES_FAILURE_LIMIT wrong
  passwords from one address for one restriction, further tries are refused for
  AXES_COOLOFF_TIME (429, the form with a German error on the password field), like the
  log-ins (metropolregion.security). The refused try is not checked at all.
- The admin's log-out: Wagtail's view answers a GET with 405 but still deletes the session
  cookie, so a link or an image on any site could log editors out. Only a POST gets there.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail import views as wagtail_views
from wagtail.admin.views import account
from wagtail.documents.views import serve as document_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from .security import forget_guesses, guess_refused, record_failed_guess

_wagtail_logout = account.LogoutView.as_view()


def admin_logout(request):
    """POST logs out (Wagtail's view); anything else is refused without touching the
    session."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return _wagtail_logout(request)


def _too_many_guesses_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many wrong passwords from your connection. Please wait %(minutes)d minute "
        "before you try again.",
        "Too many wrong passwords from your connection. Please wait %(minutes)d minutes "
        "before you try again.",
        minutes,
    ) % {"minutes": minutes}


def _refused_form(request, restriction):
    """The password form with the refusal on its password field; the password sent is
    not looked at."""
    form = PasswordViewRestrictionForm(
        {"return_url": request.POST.get("return_url", "")}, instance=restriction
    )
    form.errors["password"] = form.error_class([_too_many_guesses_message()])
    return form


def _guarded(request, scope, view, refused):
    if request.method != "POST":
        return view()
    if guess_refused(request, scope):
        response = refused()
        response.status_code = 429
        return response
    response = view()
    if response.status_code == 200:  # the form again: a wrong password
        record_failed_guess(request, scope)
    elif 300 <= response.status_code < 400:  # on to the page: the right one
        forget_guesses(request, scope)
    return response


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's /_util/authenticate_with_password/… with the guessing limit."""

    def refused():
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        return page.serve_password_required_response(
            request, _refused_form(request, restriction), action_url
        )

    return _guarded(
        request,
        f"page-password:{page_view_restriction_id}",
        lambda: wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        ),
        refused,
    )


def document_password(request, restriction_id):
    """Wagtail's /documents/authenticate_with_password/… with the guessing limit."""

    def refused():
        restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
        template = getattr(
            settings,
            "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE",
            "wagtaildocs/password_required.html",
        )
        context = {
            "form": _refused_form(request, restriction),
            "action_url": reverse("wagtaildocs_authenticate_with_password", args=[restriction.id]),
        }
        return TemplateResponse(request, template, context)

    return _guarded(
        request,
        f"document-password:{restriction_id}",
        lambda: document_views.authenticate_with_password(request, restriction_id),
        refused,
    )

"""The form "Veranstaltung melden" as a route of the calendar (`melden/`, see
events.models.index), shaped like the registration: `get_form`, `process_submission`,
`render_landing`.

GET shows the form; the page carries no CSRF token for anonymous visitors, so it sets no
cookie and may come from the page cache (their POST is checked by its origin:
metropolregion.csrf). POST: rate limit, honeypot, then the rules store the report
(events.submissions.rules). Once it is stored nothing may turn it into an error page:
the thank-you page is rendered at once, and should that fail a plain page says that the
report arrived.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from metropolregion.navigation import privacy_url
from metropolregion.security import rate_limited

from . import rules
from .forms import EventSubmissionForm

logger = logging.getLogger(__name__)

RATE_LIMIT_KEY = "event_submission"
FORM_TEMPLATE = "events/submission_form.html"
LANDING_TEMPLATE = "events/submission_landing.html"
STORED_TEMPLATE = "events/submission_stored.html"


def get_form(request):
    if request.method == "POST":
        return EventSubmissionForm(request.POST, request.FILES)
    return EventSubmissionForm()


def process_submission(index, form):
    return rules.store(index, form, language=translation.get_language() or settings.LANGUAGE_CODE)


def page_context(index, request):
    context = index.get_context(request)
    context.update(
        {
            "submit_url": index.url_for("submit", request=request),
            "upcoming_url": index.url_for("upcoming", request=request),
            "privacy_url": privacy_url(request),
            "retention_days": settings.EVENT_SUBMISSION_RETENTION_DAYS,
        }
    )
    return context


def serve(index, request):
    """GET: the form. POST: check (rate limit, honeypot), store, thank."""
    context = page_context(index, request)
    form = get_form(request)
    status = 200
    if request.method == "POST":
        if rate_limited(request, RATE_LIMIT_KEY):
            context["rate_limited"] = True
            status = 429
        elif form.is_valid():
            if form.is_spam:  # answered like a success; nothing stored
                return stored_response(request, context, form)
            try:
                process_submission(index, form)
            except ValidationError as error:  # the page refused what the form let through
                logger.warning("Event report refused by the page's checks: %s", error.messages)
                add_page_errors(form, error)
            else:
                return stored_response(request, context, form)
        # A browser never sends a chosen file back: say so when one was chosen.
        context["choose_image_again"] = bool(request.FILES.get("image"))
    context["form"] = form
    return TemplateResponse(request, FORM_TEMPLATE, context, status=status)


def add_page_errors(form, error):
    """The event page's own checks (EventPage.clean), at the form's fields of the same
    name, or above the form."""
    errors = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
    for name, messages in errors.items():
        field = name if name in form.fields else None
        for message in messages:
            form.add_error(field, message)


def render_landing(request, context, form):
    context = {**context, "email": form.cleaned_data.get("email", "")}
    return TemplateResponse(request, LANDING_TEMPLATE, context)


def stored_response(request, context, form):
    """The answer once a report is stored (committed): rendered at once, from the
    context read before; a plain page without database or session if that fails."""
    try:
        response = render_landing(request, context, form)
        response.render()
    except Exception:
        logger.exception("Event report stored, but its thank-you page failed")
        body = render_to_string(STORED_TEMPLATE, {"email": form.cleaned_data.get("email", "")})
        response = HttpResponse(body)
    add_never_cache_headers(response)
    return response

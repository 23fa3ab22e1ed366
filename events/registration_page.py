"""Registration on a page, shaped like Wagtail's `contrib.forms` (`FormMixin`): a mixin
with small methods to override, and routes for the form (anmeldung/) and the link in
every mail (abmelden/). The rules (places, waiting list, prices) are in
`events.registration`; this module turns them into pages.

    class EventPage(RegistrationPageMixin, RoutablePageMixin, Page): ...

Override `get_registration_form_class` for another form, `process_registration` to store
differently, `render_registration_landing` for another thank-you page. Editors preview
the form and both thank-you pages in the admin (`preview_modes`).

A translated event page (the English one) takes registrations for the event in the site's
first language (`registration_event`): one list of places, one waiting list, whichever
language people read; the registration keeps the page's language for its mails.
"""

import logging
from types import SimpleNamespace

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.models import path

from metropolregion import clock
from metropolregion.navigation import in_first_language, privacy_url
from metropolregion.security import rate_limited

from . import dates
from . import registration as rules
from .choices import RegistrationMode
from .forms import RegistrationForm
from .recurrence import apply as apply_dates

logger = logging.getLogger(__name__)

REFUSAL_MESSAGES = {
    rules.Outcome.NO_REGISTRATION: gettext_lazy(
        "Registration for this event is not possible on this website."
    ),
    rules.Outcome.NOT_OPEN_YET: gettext_lazy("Registration for this event has not opened yet."),
    rules.Outcome.CLOSED: gettext_lazy("Registration for this event has closed."),
    rules.Outcome.FULL: gettext_lazy("This event is fully booked, and it has no waiting list."),
    rules.Outcome.MEMBERS_ONLY: gettext_lazy(
        "This event is for members only. Please log in with your member account."
    ),
}


def refusal_message(outcome):
    return str(REFUSAL_MESSAGES.get(outcome, ""))


def landing_kind(event, result, context=None):
    """Which thank-you page to show. A duplicate sees what a newcomer would see now, so
    the page never tells whether an address is registered. The free places come from
    `context` when it has them (read before the attempt, which took no place)."""
    if result.outcome in (rules.Outcome.CONFIRMED, rules.Outcome.WAITLISTED):
        return result.outcome
    if context is not None and "free_places" in context:
        places = context["free_places"]
    else:
        places = rules.free_places(event)
    return "confirmed" if places is None or places > 0 else "waitlisted"


class RegistrationPageMixin:
    """Registration for the page's event: the form, its landing pages and cancelling."""

    registration_form_class = RegistrationForm
    registration_template = "events/registration_page.html"
    registration_landing_template = "events/registration_landing.html"
    registration_stored_template = "events/registration_stored.html"
    cancel_template = "events/cancel_page.html"

    preview_modes = [
        ("", gettext_lazy("Event page")),
        ("registration", gettext_lazy("Registration form")),
        ("confirmed", gettext_lazy("Thank-you page: place confirmed")),
        ("waitlisted", gettext_lazy("Thank-you page: waiting list")),
    ]

    # -- the settings editors give (checked in the page's clean()) --

    def registration_errors(self):
        """What is wrong with the registration settings, by field."""
        errors = {}
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the address where people register.")
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.capacity == 0:
            errors["capacity"] = _("Give at least one place, or leave the field empty.")
        price, member_price = self.price, self.member_price
        if member_price is not None and price is not None and member_price > price:
            errors["member_price"] = _("The member price is higher than the price.")
        if member_price is not None and price is None:
            errors["price"] = _("Give the price for non-members as well.")
        return errors

    @cached_property
    def registration_event(self):
        """The event whose places people take: this page in the site's first language
        (this page itself when it is that one, or has no such translation); shown as the
        same date of its series as this page."""
        event = in_first_language(self)
        original = getattr(self, "occurrence_start", None)
        if event is not self and original is not None:
            apply_dates(
                event,
                original_start=original,
                start=self.start,
                end=self.end,
                cancelled=self.status != getattr(self, "series_status", self.status),
            )
        return event

    @property
    def registration_closes_at(self):
        """When registration closes: as set, else when the event starts (for a date of a
        series: when that date starts, the setting applies to one-off events only)."""
        if getattr(self, "occurrence_start", None) is not None:
            return self.start
        return self.registration_closes or self.start

    # -- routes --

    @path("anmeldung/", name="register")
    def register_route(self, request):
        return self.serve_registration(request)

    @path("abmelden/", name="cancel")
    def cancel_route(self, request):
        return self.serve_cancel(request)

    # -- the form --

    def get_registration_form_class(self):
        return self.registration_form_class

    def get_registration_form(self, request, data=None):
        """The registration form; pre-filled for a logged-in person."""
        form_class = self.get_registration_form_class()
        return form_class(data, event=self, initial=rules.initial_data(request.user))

    def process_registration(self, request, form):
        """Store the registration (rules in events.registration); returns its Result."""
        data = form.cleaned_data
        applicant = rules.Applicant(
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            notes=data.get("notes", ""),
            dietary_needs=data.get("dietary_needs", ""),
            accessibility_needs=data.get("accessibility_needs", ""),
        )
        return rules.register(
            self.registration_event.pk,
            applicant,
            user=request.user,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            occurrence_start=getattr(self, "occurrence_start", None),
        )

    def registration_summary(self, request):
        """What the event page and the form page say about registration, with the
        deadline ("Anmeldung bis Di., 24. Juni 2025, 10:00 Uhr"), or that it has passed."""
        internal = self.registration_mode == RegistrationMode.INTERNAL
        event = self.registration_event if self.pk else self
        places = rules.free_places(event) if internal and self.pk else None
        refusal = rules.availability(event, user=request.user, places=places)
        deadline = self.registration_closes_at if internal and self.start else None
        deadline_state = ""
        if deadline is not None and not self.is_cancelled and not self.is_past():
            deadline_state = "passed" if clock.now() >= deadline else "ahead"
        return {
            "registration_deadline": deadline,
            "registration_deadline_text": dates.format_moment(deadline) if deadline else "",
            "registration_deadline_state": deadline_state,
            "registration_refusal": refusal_message(refusal) if refusal else "",
            "registration_open": refusal is None,
            "free_places": places,
            "waiting_list_only": places == 0 and refusal is None,
            "member_price_applies": rules.is_member(request.user) and self.member_price is not None,
        }

    def registration_context(self, request):
        """What the form and thank-you pages show: the page and the registration's state,
        not the event page's lists, hubs and feeds (a registration rush posts this page
        hundreds of times a minute)."""
        from wagtail.models import Page

        context = Page.get_context(self, request)
        context.update(self.registration_summary(request))
        context["register_url"] = self.route_url("register", request) + self.occurrence_query
        return context

    def serve_registration(self, request):
        """GET: the form (or why there is none). POST: check, store, thank."""
        context = self.registration_context(request)
        if context["registration_refusal"]:
            return TemplateResponse(request, self.registration_template, context)
        data = request.POST if request.method == "POST" else None
        form = self.get_registration_form(request, data)
        status = 200
        if request.method == "POST":
            if rate_limited(request, "registration"):
                context["rate_limited"] = True
                status = 429
            elif form.is_valid():
                if form.is_spam:  # answered like a success; nothing stored
                    result = rules.Result(rules.Outcome.CONFIRMED)
                    return self.registration_stored_response(request, result, form, context)
                result = self.process_registration(request, form)
                if not result.refused:
                    return self.registration_stored_response(request, result, form, context)
                context.update(self.registration_summary(request))
        context["form"] = form
        context["privacy_url"] = privacy_url(request)
        return TemplateResponse(request, self.registration_template, context, status=status)

    # -- after the registration is stored --

    def render_registration_landing(self, request, result, form=None, context=None):
        """The thank-you page (the same for a duplicate address as for a new one). With
        `context` (the page's, read before the registration) it makes no query of its
        own: after the commit, a failing database must not turn success into an error."""
        context = dict(context) if context is not None else self.registration_context(request)
        context.update(
            {
                "landing": landing_kind(self.registration_event, result, context),
                "email": form.cleaned_data["email"] if form else "",
            }
        )
        return TemplateResponse(request, self.registration_landing_template, context)

    def registration_stored_response(self, request, result, form, context):
        """The answer once a registration is stored (committed): nothing that fails from
        here on may turn it into an error page. The thank-you page is rendered at once,
        from the context read before the registration (no query of its own); should that
        still fail (the database went away right after the commit, and the layout reads
        menus and settings), a plain page says that the registration is stored and the
        mail follows."""
        try:
            response = self.render_registration_landing(request, result, form, context=context)
            response.render()
        except Exception:
            registration = result.registration
            logger.exception(
                "Registration %s stored, but its thank-you page failed; the plain page was sent",
                registration.pk if registration is not None else "(honeypot)",
            )
            return self.plain_stored_response(result, form)
        return response

    def plain_stored_response(self, result, form):
        """The plain page after a stored registration: German layout of the error pages,
        no database, no session, no context processors."""
        body = render_to_string(
            self.registration_stored_template,
            {
                "event_title": self.title,
                "email": form.cleaned_data.get("email", ""),
                "waitlisted": result.outcome == rules.Outcome.WAITLISTED,
            },
        )
        response = HttpResponse(body)
        add_never_cache_headers(response)
        return response

    # -- the link in every mail --

    def serve_cancel(self, request):
        """The page behind the link in every mail: GET asks, POST cancels (mail scanners
        that follow links must not cancel anything). About one person: never cached."""
        response = self.cancel_response(request)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    def cancel_response(self, request):
        code = request.POST.get("code") or request.GET.get("code") or ""
        context = self.get_context(request)
        try:
            registration = rules.registration_for_code(code)
        except rules.LinkExpired:
            context["link_problem"] = "expired"
            return TemplateResponse(request, self.cancel_template, context, status=410)
        except rules.LinkInvalid:
            context["link_problem"] = "invalid"
            return TemplateResponse(request, self.cancel_template, context, status=404)
        if registration.event_id != self.registration_event.pk:
            context["link_problem"] = "invalid"
            return TemplateResponse(request, self.cancel_template, context, status=404)
        if registration.occurrence_start is not None:  # the page shows the person's date
            self.select_occurrence(clock.local_date(registration.occurrence_start).isoformat())
            context = self.get_context(request)
        context.update({"registration": registration, "code": code})
        if registration.status == rules.CANCELLED:
            context["already_cancelled"] = True
        elif request.method == "POST":
            rules.cancel(registration.pk)
            context["cancelled_now"] = True
        return TemplateResponse(request, self.cancel_template, context)

    # -- previews for editors --

    def serve_preview(self, request, mode_name):
        """The admin's preview: the page, its registration form, or one of its two
        thank-you pages, as a visitor would see them (nothing is stored)."""
        if mode_name == "registration":
            context = self.get_context(request)
            context["form"] = self.get_registration_form(request)
            context["privacy_url"] = privacy_url(request)
            return TemplateResponse(request, self.registration_template, context)
        if mode_name in ("confirmed", "waitlisted"):
            form = SimpleNamespace(cleaned_data={"email": _("name@example.org")})
            result = rules.Result(mode_name)
            return self.render_registration_landing(request, result, form)
        return super().serve_preview(request, mode_name)

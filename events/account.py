"""The member's registrations in "Mein Konto" (/konto/): the list on the account page
(events/hubs.py contributes it to the membership app's "account" hub) and the page
that cancels one of them after asking (the cancelling itself is `registration.cancel`).
These pages use the session; the public pages never do."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from metropolregion.navigation import localize_pages

from . import registration as rules
from .models.registration import Registration


def my_registrations(user):
    """The registrations of `user`, the latest event first (one query)."""
    return (
        Registration.objects.filter(user=user)
        .select_related("event")
        .order_by("-event__start", "-pk")
    )


def in_reader_language(registrations):
    """Gives each registration `shown_event`: its event as the reader reads it, the live
    translation in the active language where there is one (a registration made on the
    English page belongs to the German event, whose places it shares). One query."""
    from .models import EventPage

    events = localize_pages(
        [registration.event for registration in registrations], None, EventPage.objects.live()
    )
    for registration, event in zip(registrations, events, strict=True):
        registration.shown_event = event
    return registrations


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def cancel_registration(request, pk):
    """One of the person's own registrations (404 for anyone else's): GET asks "really
    cancel?" with the event, date and price; POST cancels. A second POST cancels nothing
    more and says so."""
    registration = get_object_or_404(
        Registration.objects.select_related("event"), pk=pk, user=request.user
    )
    event = in_reader_language([registration])[0].shown_event
    over = event.is_past()
    if request.method == "POST" and not over:
        result = rules.cancel(registration.pk)
        if result.changed:
            message = _("Your registration for “%(event)s” is cancelled.")
        else:
            message = _("Your registration for “%(event)s” was already cancelled.")
        messages.success(request, message % {"event": event.title})
        return redirect("membership:account")
    return render(
        request,
        "events/account/cancel_registration.html",
        {"registration": registration, "event": event, "event_over": over},
        status=409 if request.method == "POST" else 200,
    )

"""Staff views in the Wagtail admin for the registrations of one event: the list with
search, filters and actions, adding a person by hand, the CSV export, a printable list
and a check-in view for a phone at the door.

Only users with the permission to view registrations (group "Anmeldungen") see these
views and any personal data; other editors see the counts on the event's edit page.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import registration as rules
from . import staff
from .choices import RegistrationStatus
from .models import EventPage
from .permissions import VIEW

CHANGE = "events.change_registration"
ADD = "events.add_registration"


def event_or_404(event_id):
    """The event whose registrations these are: a translated page (English) shares the
    places of its German page."""
    return get_object_or_404(EventPage, pk=event_id).registration_event


@permission_required(VIEW, raise_exception=True)
def registration_overview(request):
    """The events that take registrations on this site, the next first, then those of the
    last 60 days: the starting point of the group Anmeldungen (menu item "Anmeldungen")."""
    events = staff.events_with_registration()
    return render(request, "events/admin/registration_overview.html", {"events": events})


@permission_required(VIEW, raise_exception=True)
def registration_list(request, event_id):
    event = event_or_404(event_id)
    query = (request.GET.get("q") or "").strip()[:100]
    status = request.GET.get("status") or ""
    if status not in RegistrationStatus.values:
        status = ""
    rows = staff.registrations(event, query=query, status=status)
    page = Paginator(rows, 100).get_page(request.GET.get("p"))
    return render(
        request,
        "events/admin/registration_list.html",
        {
            "event": event,
            "counts": rules.counts(event),
            "registrations": page,
            "query": query,
            "status": status,
            "statuses": RegistrationStatus.choices,
            "can_change": request.user.has_perm(CHANGE),
            "can_add": request.user.has_perm(ADD),
        },
    )


ACTIONS = {
    "cancel": (lambda pk: rules.cancel(pk).registration is not None, gettext_lazy("Cancelled.")),
    "promote": (rules.promote, gettext_lazy("Moved up from the waiting list.")),
    "check_in": (rules.check_in, gettext_lazy("Checked in.")),
    "undo_check_in": (lambda pk: rules.check_in(pk, undo=True), gettext_lazy("Check-in undone.")),
}


@require_POST
@permission_required(CHANGE, raise_exception=True)
def registration_action(request, event_id):
    event = event_or_404(event_id)
    action = ACTIONS.get(request.POST.get("action"))
    registration = event.registrations.filter(pk=request.POST.get("registration") or 0).first()
    if action is None or registration is None:
        messages.error(request, _("Nothing was changed: the request was incomplete."))
    elif action[0](registration.pk):
        messages.success(request, f"{registration.name}: {action[1]}")
    else:
        messages.warning(
            request,
            _("Nothing was changed (no free place, or the registration is not in that state)."),
        )
    back = request.POST.get("next") or ""
    if not back.startswith("/admin/"):
        back = reverse("events_registrations", args=[event.pk])
    return redirect(back)


class StaffAddForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("Email"))
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"), max_length=200, required=False
    )


@permission_required(ADD, raise_exception=True)
def registration_add(request, event_id):
    event = event_or_404(event_id)
    form = StaffAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = rules.register_by_staff(event.pk, rules.Applicant(**form.cleaned_data))
        if result.outcome == rules.Outcome.DUPLICATE:
            messages.warning(request, _("This address is already registered."))
        else:
            messages.success(request, _("Added: %(name)s.") % {"name": result.registration.name})
        return redirect("events_registrations", event.pk)
    return render(request, "events/admin/registration_add.html", {"event": event, "form": form})


@permission_required(VIEW, raise_exception=True)
def registration_csv(request, event_id):
    event = event_or_404(event_id)
    response = HttpResponse(
        staff.csv_bytes(staff.registrations(event)), content_type="text/csv; charset=utf-8"
    )
    filename = f"anmeldungen-{slugify(event.slug)[:60]}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@permission_required(VIEW, raise_exception=True)
def registration_print(request, event_id):
    event = event_or_404(event_id)
    rows = staff.registrations(event, status=RegistrationStatus.CONFIRMED).order_by("name", "pk")
    return render(
        request,
        "events/admin/registration_print.html",
        {"event": event, "registrations": rows, "counts": rules.counts(event)},
    )


@permission_required(VIEW, raise_exception=True)
def check_in_view(request, event_id):
    """A page for a phone at the door: find a person, tap "arrived"."""
    event = event_or_404(event_id)
    query = (request.GET.get("q") or "").strip()[:100]
    rows = staff.registrations(event, query=query, status=RegistrationStatus.CONFIRMED)
    return render(
        request,
        "events/admin/check_in.html",
        {
            "event": event,
            "query": query,
            "registrations": rows.order_by("name", "pk")[:200],
            "counts": rules.counts(event),
            "can_change": request.user.has_perm(CHANGE),
        },
    )

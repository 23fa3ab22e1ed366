"""What the staff lists show and export: the registrations of an event, searched and
filtered, and as CSV that opens correctly in a German Excel (UTF-8 with byte order mark,
semicolons, German dates and decimal commas)."""

import csv
import datetime
import io

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format, number_format

from metropolregion.navigation import default_locale
from metropolregion.spreadsheets import defuse

from .models import Registration

CSV_COLUMNS = [
    ("Name", lambda r: r.name),
    ("E-Mail", lambda r: r.email or ""),
    ("Organisation", lambda r: r.organisation),
    ("Status", lambda r: r.get_status_display()),
    ("Mitglied", lambda r: "ja" if r.is_member else "nein"),
    ("Preis (EUR)", lambda r: number_format(r.price, 2) if r.price is not None else ""),
    ("Angemeldet am", lambda r: local(r.created_at)),
    ("Eingecheckt", lambda r: local(r.checked_in_at)),
    ("Anmerkungen", lambda r: r.notes),
    ("Ernährung", lambda r: r.dietary_needs),
    ("Barrierefreiheit", lambda r: r.accessibility_needs),
    ("Termin", lambda r: local(r.occurrence_start)),  # the date of a series, else empty
]


def local(moment):
    return date_format(timezone.localtime(moment), "d.m.Y H:i") if moment else ""


def registrations(event, query="", status=""):
    """The event's registrations, searched by name, address or organisation, filtered by
    status; by date (of a series), then confirmed first, then the waiting list in its
    order, then cancelled."""
    rows = Registration.objects.filter(event=event)
    if query:
        rows = rows.filter(
            Q(name__icontains=query) | Q(email__icontains=query) | Q(organisation__icontains=query)
        )
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("occurrence_start", "status", "created_at", "pk")


def csv_bytes(rows):
    """CSV for Excel with German settings: BOM, semicolon, CRLF; cells that a
    spreadsheet would run as a formula are defused with a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([title for title, _value in CSV_COLUMNS])
    for row in rows:
        writer.writerow([defuse(str(value(row))) for _title, value in CSV_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def events_with_registration(past_days=60):
    """Events that take registrations on this site, with their counts: upcoming ones
    soonest first, then those that ended in the last `past_days` days (check-in, lists).
    Translations (English pages) are left out: they share their German page's places."""
    from django.db.models import Count

    from .choices import RegistrationMode, RegistrationStatus
    from .models import EventPage

    since = timezone.now() - datetime.timedelta(days=past_days)
    first = default_locale()
    originals = EventPage.objects.filter(locale=first).values("translation_key")
    return (
        EventPage.objects.filter(registration_mode=RegistrationMode.INTERNAL, end__gte=since)
        .filter(Q(locale=first) | ~Q(translation_key__in=originals))
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
            ),
        )
        .order_by("start")
    )

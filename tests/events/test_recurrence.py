"""Recurring events: the rule's dates across the end of daylight-saving time, extra,
skipped, cancelled and moved dates; every date in the lists, the month view, the hub
and home blocks; the feeds read back with icalendar and recurring-ical-events give the
dates the site shows."""

import datetime
import io

import icalendar
import pytest
import recurring_ical_events
from django.core.management import call_command

from events import queries, recurrence
from events.models import EventOccurrence, OccurrenceChange
from metropolregion.clock import BERLIN
from tests.factories.events import EventPageFactory, berlin
from tests.news.helpers import make_working_group

pytestmark = pytest.mark.django_db


def series(calendar_page, **kwargs):
    """A monthly Stammtisch on the second Tuesday, 19:00-21:00, from October 2026."""
    values = {
        "title": "Stammtisch Wasserstoff",
        "start": berlin(2026, 10, 13, 19, 0),
        "end": berlin(2026, 10, 13, 21, 0),
        "recurrence": "FREQ=MONTHLY;BYDAY=2TU;COUNT=6",
    }
    values.update(kwargs)
    return EventPageFactory(parent=calendar_page, **values)


def local(moment):
    return moment.astimezone(BERLIN)


def test_monthly_rule_keeps_the_clock_time_across_the_end_of_dst(calendar_page):
    page = series(calendar_page)
    rows = list(EventOccurrence.objects.filter(event=page).order_by("start"))
    assert [local(row.start).date() for row in rows] == [
        datetime.date(2026, 10, 13),
        datetime.date(2026, 11, 10),
        datetime.date(2026, 12, 8),
        datetime.date(2027, 1, 12),
        datetime.date(2027, 2, 9),
        datetime.date(2027, 3, 9),
    ]
    # 19:00 in Berlin before (CEST, UTC+2) and after (CET, UTC+1) the clocks go back.
    assert {local(row.start).strftime("%H:%M") for row in rows} == {"19:00"}
    assert rows[0].start.utcoffset() is not None
    assert local(rows[0].start).utcoffset() == datetime.timedelta(hours=2)
    assert local(rows[1].start).utcoffset() == datetime.timedelta(hours=1)
    assert {row.end - row.start for row in rows} == {datetime.timedelta(hours=2)}


def test_weekly_rule_with_until_across_the_start_of_dst(calendar_page):
    page = series(
        calendar_page,
        start=berlin(2027, 3, 16, 18, 0),
        end=berlin(2027, 3, 16, 19, 0),
        recurrence=f"FREQ=WEEKLY;BYDAY=TU;UNTIL={recurrence.until_value(datetime.date(2027, 4, 6))}",
    )
    starts = [local(row.start) for row in page.occurrences.order_by("start")]
    assert [start.day for start in starts] == [16, 23, 30, 6]
    assert {start.hour for start in starts} == {18}
    assert starts[1].utcoffset() == datetime.timedelta(hours=1)
    assert starts[2].utcoffset() == datetime.timedelta(hours=2)


def test_yearly_rule(calendar_page):
    page = series(
        calendar_page,
        start=berlin(2026, 6, 24, 10, 0),
        end=berlin(2026, 6, 24, 16, 0),
        recurrence="FREQ=YEARLY;COUNT=3",
    )
    assert [row.start.year for row in page.occurrences.order_by("start")] == [2026, 2027, 2028]


def test_extra_skipped_cancelled_and_moved_dates(calendar_page):
    page = series(
        calendar_page,
        extra_dates=["2026-12-22"],
        skipped_dates=["2027-01-12"],
        cancelled_dates=["2026-11-10"],
    )
    OccurrenceChange.objects.create(
        page=page,
        original_date=datetime.date(2026, 12, 8),
        start=berlin(2026, 12, 9, 18, 0),
        end=berlin(2026, 12, 9, 20, 0),
        note="Im Raum 2.14",
    )
    page.save()
    rows = list(page.occurrences.order_by("original_start"))
    days = [local(row.original_start).date().isoformat() for row in rows]
    assert "2027-01-12" not in days
    assert "2026-12-22" in days
    by_day = dict(zip(days, rows, strict=True))
    assert by_day["2026-11-10"].cancelled
    assert not by_day["2026-10-13"].cancelled
    moved = by_day["2026-12-08"]
    assert local(moved.start) == berlin(2026, 12, 9, 18, 0)
    assert moved.note == "Im Raum 2.14"
    assert local(by_day["2026-12-22"].start).hour == 19


def test_changing_the_rule_keeps_the_rows_of_dates_that_stay(calendar_page):
    page = series(calendar_page)
    first = page.occurrences.order_by("start").first()
    page.recurrence = "FREQ=MONTHLY;BYDAY=2TU;COUNT=3"
    page.save()
    assert page.occurrences.count() == 3
    assert page.occurrences.order_by("start").first().pk == first.pk
    page.recurrence = ""
    page.save()
    assert not page.occurrences.exists()


def test_a_draft_revision_does_not_change_the_live_dates(calendar_page):
    page = series(calendar_page)
    page.recurrence = "FREQ=MONTHLY;BYDAY=2TU;COUNT=2"
    page.save_revision()
    assert page.occurrences.count() == 6
    page.get_latest_revision().publish()
    assert page.occurrences.count() == 2


def test_upcoming_lists_every_date_in_order_with_one_query(
    calendar_page, frozen, django_assert_num_queries
):
    frozen(berlin(2026, 11, 1, 12, 0))
    page = series(calendar_page, cancelled_dates=["2026-12-08"])
    single = EventPageFactory(
        parent=calendar_page, start=berlin(2026, 11, 20, 9, 0), end=berlin(2026, 11, 20, 12, 0)
    )
    with django_assert_num_queries(1):
        found = list(queries.upcoming(queries.public_events()))
    assert [(item.pk, local(item.start).date().isoformat()) for item in found] == [
        (page.pk, "2026-11-10"),
        (single.pk, "2026-11-20"),
        (page.pk, "2026-12-08"),
        (page.pk, "2027-01-12"),
        (page.pk, "2027-02-09"),
        (page.pk, "2027-03-09"),
    ]
    assert found[2].is_cancelled and not found[0].is_cancelled
    assert found[0].occurrence_query == "?termin=2026-11-10"
    assert single.occurrence_query == "" and found[1].occurrence_query == ""
    past = list(queries.past(queries.public_events()))
    assert [local(item.start).date().isoformat() for item in past] == ["2026-10-13"]


def test_month_view_calendar_list_and_page_show_the_dates(client, calendar_page, frozen):
    frozen(berlin(2026, 11, 1, 12, 0))
    page = series(calendar_page, cancelled_dates=["2026-12-08"])
    month = client.get(calendar_page.url + "monat/2026/12/")
    html = month.content.decode()
    assert f"{page.url}?termin=2026-12-08" in html
    assert "Stammtisch Wasserstoff" in html
    listing = client.get(calendar_page.url).content.decode()
    for day in ("2026-11-10", "2026-12-08", "2027-01-12"):
        assert f"{page.url}?termin={day}" in listing
    shown = client.get(page.url + "?termin=2026-12-08").content.decode()
    assert "8. Dezember 2026" in shown
    assert "Abgesagt" in shown
    assert "Jeden zweiten Dienstag im Monat, 6 Termine" in shown
    next_date = client.get(page.url).content.decode()
    assert "10. November 2026" in next_date


def feed_dates(body, first, last):
    calendar = icalendar.Calendar.from_ical(body)
    found = recurring_ical_events.of(calendar).between(first, last)
    return sorted(
        (
            component.decoded("dtstart").astimezone(BERLIN),
            str(component.get("status")),
        )
        for component in found
    )


def test_feed_carries_the_rule_and_reads_back_as_the_site_shows(client, calendar_page, frozen):
    frozen(berlin(2026, 11, 1, 12, 0))
    page = series(
        calendar_page,
        extra_dates=["2026-12-22"],
        skipped_dates=["2027-01-12"],
        cancelled_dates=["2026-11-10"],
    )
    OccurrenceChange.objects.create(
        page=page,
        original_date=datetime.date(2026, 12, 8),
        start=berlin(2026, 12, 9, 18, 0),
        end=berlin(2026, 12, 9, 20, 0),
    )
    page.save()
    body = client.get(calendar_page.url + "ical/").content
    calendar = icalendar.Calendar.from_ical(body)
    masters = [c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" not in c]
    assert len(masters) == 1
    assert "FREQ=MONTHLY" in masters[0]["RRULE"].to_ical().decode()
    assert "EXDATE" in masters[0] and "RDATE" in masters[0]
    overrides = [c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" in c]
    assert len(overrides) == 2
    read_back = feed_dates(body, datetime.date(2026, 10, 1), datetime.date(2027, 12, 31))
    site = sorted(
        (local(row.start), "CANCELLED" if row.cancelled else "CONFIRMED")
        for row in page.occurrences.all()
    )
    assert read_back == site
    assert (berlin(2026, 12, 9, 18, 0), "CONFIRMED") in read_back
    assert (berlin(2026, 11, 10, 19, 0), "CANCELLED") in read_back


def test_all_day_series_reads_back_with_dates(client, calendar_page, frozen):
    frozen(berlin(2026, 11, 1, 12, 0))
    page = series(
        calendar_page,
        start=berlin(2026, 11, 2, 0, 0),
        end=berlin(2026, 11, 3, 0, 0),
        all_day=True,
        recurrence=f"FREQ=WEEKLY;UNTIL={recurrence.until_value(datetime.date(2026, 11, 30))}",
        cancelled_dates=["2026-11-16"],
    )
    body = client.get(page.url + "ical/").content
    calendar = icalendar.Calendar.from_ical(body)
    found = recurring_ical_events.of(calendar).between(
        datetime.date(2026, 11, 1), datetime.date(2026, 12, 31)
    )
    days = sorted((c.decoded("dtstart"), c.decoded("dtend"), str(c["status"])) for c in found)
    assert [day for day, _end, _status in days] == [
        datetime.date(2026, 11, 2),
        datetime.date(2026, 11, 9),
        datetime.date(2026, 11, 16),
        datetime.date(2026, 11, 23),
        datetime.date(2026, 11, 30),
    ]
    assert {end - day for day, end, _status in days} == {datetime.timedelta(days=2)}
    assert [status for *_rest, status in days].count("CANCELLED") == 1
    assert page.occurrences.count() == 5


def test_an_open_ended_series_is_written_to_the_horizon_and_extended_daily(
    calendar_page, frozen, settings
):
    settings.RECURRENCE_HORIZON_DAYS = 60
    frozen(berlin(2026, 11, 1, 12, 0))
    page = series(calendar_page, recurrence="FREQ=WEEKLY")  # no end
    first = set(page.occurrences.values_list("original_start", flat=True))
    assert max(first) < berlin(2027, 1, 1, 0, 0)
    frozen(berlin(2027, 2, 1, 12, 0))
    call_command("extend_series", stdout=io.StringIO())
    later = set(page.occurrences.values_list("original_start", flat=True))
    assert first < later  # the dates written before stay (registrations keep theirs)
    assert max(later) > berlin(2027, 3, 20, 0, 0)
    assert {local(start).strftime("%a %H:%M") for start in later} == {"Tue 19:00"}


def test_a_rule_that_cannot_be_read_shows_the_event_once(client, calendar_page, frozen, caplog):
    frozen(berlin(2026, 11, 1, 12, 0))
    page = series(calendar_page, recurrence="<script>alert(1)</script>")
    assert page.occurrences.count() == 1  # its first date only
    assert "cannot be read" in caplog.text
    assert client.get(page.url).status_code == 200
    body = client.get(calendar_page.url + "ical/").content
    (vevent,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert "RRULE" not in vevent


def test_hub_and_home_blocks_show_the_next_dates_of_a_series(
    client, home_page, calendar_page, frozen
):
    frozen(berlin(2026, 11, 1, 12, 0))
    group = make_working_group(home_page)
    page = series(calendar_page, working_group=group)
    coming = queries.next_events(3)  # the home page's "Nächste Termine"
    assert [local(item.start).date().isoformat() for item in coming] == [
        "2026-11-10",
        "2026-12-08",
        "2027-01-12",
    ]
    assert {item.pk for item in coming} == {page.pk}
    of_group = queries.next_events(4, working_group=group)  # the group's hub
    assert len(of_group) == 4 and of_group[0].occurrence_query == "?termin=2026-11-10"
    hub = client.get(group.url).content.decode()
    assert f"{page.url}?termin=2026-11-10" in hub
    assert f"{page.url}?termin=2027-01-12" in hub

"""The calendar's time rules without HTTP: how dates read, which days an event covers,
and the upcoming/past split with a frozen clock at the boundary (Europe/Berlin)."""

import datetime

import pytest
from django.utils import translation

from events import dates, queries
from events.listing import month_grid
from tests.factories.events import EventPageFactory, berlin


@pytest.fixture
def german():
    with translation.override("de"):
        yield


class TestHowDatesRead:
    def test_one_afternoon(self, german):
        text = dates.format_when(berlin(2025, 6, 24, 10, 0), berlin(2025, 6, 24, 16, 30), False)
        assert text == "Di., 24. Juni 2025, 10:00–16:30 Uhr"

    def test_point_in_time(self, german):
        moment = berlin(2025, 6, 24, 18, 0)
        assert dates.format_when(moment, moment, False) == "Di., 24. Juni 2025, 18:00 Uhr"

    def test_two_days_with_times(self, german):
        text = dates.format_when(berlin(2025, 9, 23, 9, 0), berlin(2025, 9, 24, 15, 0), False)
        assert text == "Di., 23. September 2025, 09:00 Uhr – Mi., 24. September 2025, 15:00 Uhr"

    def test_all_day_single_and_multi_day(self, german):
        day = berlin(2025, 9, 2, 0, 0)
        assert dates.format_when(day, day, True) == "Di., 2. September 2025"
        text = dates.format_when(berlin(2025, 9, 1, 0, 0), berlin(2025, 9, 30, 0, 0), True)
        assert text == "Mo., 1. September – Di., 30. September 2025"

    def test_all_day_across_new_year_names_both_years(self, german):
        text = dates.format_when(berlin(2025, 12, 30, 0, 0), berlin(2026, 1, 2, 0, 0), True)
        assert text == "Di., 30. Dezember 2025 – Fr., 2. Januar 2026"

    def test_times_are_shown_in_berlin_whatever_the_stored_zone(self, german):
        start = datetime.datetime(2025, 6, 24, 8, 0, tzinfo=datetime.UTC)  # 10:00 in Berlin
        assert dates.format_when(start, start, False) == "Di., 24. Juni 2025, 10:00 Uhr"

    def test_english(self):
        with translation.override("en"):
            text = dates.format_when(berlin(2025, 6, 24, 10, 0), berlin(2025, 6, 24, 16, 30), False)
        assert text == "Tue, 24 June 2025, 10:00–16:30 CEST"


class TestDaysCovered:
    def test_multi_day_event_covers_every_day(self):
        days = dates.days_covered(berlin(2025, 9, 23, 9, 0), berlin(2025, 9, 25, 12, 0), False)
        assert days == [datetime.date(2025, 9, d) for d in (23, 24, 25)]

    def test_event_ending_at_midnight_does_not_cover_the_next_day(self):
        days = dates.days_covered(berlin(2025, 6, 24, 19, 0), berlin(2025, 6, 25, 0, 0), False)
        assert days == [datetime.date(2025, 6, 24)]

    def test_all_day_end_date_is_inclusive(self):
        days = dates.days_covered(berlin(2025, 6, 28, 0, 0), berlin(2025, 6, 30, 0, 0), True)
        assert days == [datetime.date(2025, 6, d) for d in (28, 29, 30)]

    def test_night_across_the_end_of_daylight_saving_time(self):
        # 26 October 2025: clocks go back from 03:00 CEST to 02:00 CET.
        start, end = berlin(2025, 10, 25, 22, 0), berlin(2025, 10, 26, 4, 0)
        elapsed = end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC)
        assert elapsed == datetime.timedelta(hours=7)  # one hour longer than the clock says
        assert dates.days_covered(start, end, False) == [
            datetime.date(2025, 10, 25),
            datetime.date(2025, 10, 26),
        ]

    def test_midnight_is_local_on_the_day_of_a_change(self):
        assert dates.midnight(datetime.date(2025, 3, 30)).utcoffset() == datetime.timedelta(hours=1)
        assert dates.midnight(datetime.date(2025, 3, 31)).utcoffset() == datetime.timedelta(hours=2)


@pytest.mark.django_db
class TestUpcomingAndPast:
    @pytest.fixture
    def events(self, calendar_page):
        index = calendar_page
        return {
            "ends_now": EventPageFactory(
                parent=index, start=berlin(2025, 6, 24, 10, 0), end=berlin(2025, 6, 24, 16, 30)
            ),
            "ends_in_a_minute": EventPageFactory(
                parent=index, start=berlin(2025, 6, 24, 10, 0), end=berlin(2025, 6, 24, 16, 31)
            ),
            "all_day_today": EventPageFactory(
                parent=index,
                all_day=True,
                start=berlin(2025, 6, 20, 0, 0),
                end=berlin(2025, 6, 24, 0, 0),
            ),
            "all_day_yesterday": EventPageFactory(
                parent=index,
                all_day=True,
                start=berlin(2025, 6, 23, 0, 0),
                end=berlin(2025, 6, 23, 0, 0),
            ),
            "tomorrow": EventPageFactory(
                parent=index, start=berlin(2025, 6, 25, 9, 0), end=berlin(2025, 6, 25, 12, 0)
            ),
        }

    def split(self, at):
        pages = queries.public_events()
        return (
            {page.slug for page in queries.upcoming(pages, at)},
            {page.slug for page in queries.past(pages, at)},
        )

    def test_split_at_the_boundary(self, events, frozen):
        at = frozen(berlin(2025, 6, 24, 16, 30))
        upcoming, past = self.split(at)
        slugs = {name: page.slug for name, page in events.items()}
        assert upcoming == {slugs["ends_in_a_minute"], slugs["all_day_today"], slugs["tomorrow"]}
        assert past == {slugs["ends_now"], slugs["all_day_yesterday"]}
        assert events["ends_now"].is_past(at) and not events["ends_in_a_minute"].is_past(at)

    def test_all_day_event_is_over_at_midnight_in_berlin_not_utc(self, events):
        slug = events["all_day_today"].slug
        # 23:59 in Berlin on its last day (21:59 UTC): still on.
        upcoming, _past = self.split(berlin(2025, 6, 24, 23, 59))
        assert slug in upcoming
        # 00:00 in Berlin the next day is still 22:00 UTC on the 24th: but it is over.
        upcoming, past = self.split(berlin(2025, 6, 25, 0, 0))
        assert slug in past and slug not in upcoming

    def test_upcoming_is_soonest_first_and_past_most_recent_first(self, events):
        pages = queries.public_events()
        at = berlin(2025, 6, 24, 12, 0)
        starts = [page.start for page in queries.upcoming(pages, at)]
        assert starts == sorted(starts)
        starts = [page.start for page in queries.past(pages, at)]
        assert starts == sorted(starts, reverse=True)

    def test_the_index_uses_berlin_now(self, events, frozen, client):
        frozen(berlin(2025, 6, 24, 16, 30))
        response = client.get("/termine/")
        shown = {page.slug for page in response.context["events"].object_list}
        assert events["ends_now"].slug not in shown
        assert events["ends_in_a_minute"].slug in shown
        response = client.get("/termine/archiv/")
        shown = {page.slug for page in response.context["events"].object_list}
        assert shown == {events["ends_now"].slug, events["all_day_yesterday"].slug}


@pytest.mark.django_db
def test_month_grid_places_multi_day_events_on_every_day(calendar_page):
    fair = EventPageFactory(
        parent=calendar_page,
        all_day=True,
        start=berlin(2025, 9, 29, 0, 0),
        end=berlin(2025, 10, 2, 0, 0),
    )
    weeks = month_grid(2025, 10, [fair], today=datetime.date(2025, 10, 1))
    days_with_fair = [day.date for week in weeks for day in week if fair in day.events]
    # Shown on the days of September in the first row too, and never after its last day.
    assert days_with_fair == [
        datetime.date(2025, 9, 29),
        datetime.date(2025, 9, 30),
        datetime.date(2025, 10, 1),
        datetime.date(2025, 10, 2),
    ]
    assert all(len(week) == 7 and week[0].date.weekday() == 0 for week in weeks)

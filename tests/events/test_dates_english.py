"""English dates and times (issue 16): "Tue, 1 December 2026, 10:00-16:30 CET", the day
before the month, a 24-hour clock, times in Berlin with their zone (CET in winter, CEST in
summer); dates alone read "1 December 2026". German reads as before
(tests/events/test_dates.py holds its cases; a few are repeated here side by side)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from events import dates
from events.listing import Day
from tests.factories.events import berlin


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def when(start, end, all_day=False):
    return dates.format_when(start, end, all_day)


class TestEnglishEventDates:
    def test_one_day_in_winter_is_cet(self, english):
        text = when(berlin(2026, 12, 1, 10, 0), berlin(2026, 12, 1, 16, 30))
        assert text == "Tue, 1 December 2026, 10:00–16:30 CET"

    def test_one_day_in_summer_is_cest(self, english):
        text = when(berlin(2026, 6, 23, 9, 0), berlin(2026, 6, 23, 13, 15))
        assert text == "Tue, 23 June 2026, 09:00–13:15 CEST"

    def test_a_point_in_time(self, english):
        moment = berlin(2026, 12, 1, 18, 0)
        assert when(moment, moment) == "Tue, 1 December 2026, 18:00 CET"

    def test_several_days_with_times(self, english):
        text = when(berlin(2026, 9, 22, 9, 0), berlin(2026, 9, 24, 15, 0))
        assert text == "Tue, 22 September 2026, 09:00 CEST – Thu, 24 September 2026, 15:00 CEST"

    def test_across_midnight(self, english):
        text = when(berlin(2026, 12, 1, 22, 0), berlin(2026, 12, 2, 2, 0))
        assert text == "Tue, 1 December 2026, 22:00 CET – Wed, 2 December 2026, 02:00 CET"

    def test_ending_at_midnight_stays_on_its_day(self, english):
        text = when(berlin(2026, 12, 1, 19, 0), berlin(2026, 12, 2, 0, 0))
        assert text == "Tue, 1 December 2026, 19:00–00:00 CET"

    def test_clocks_going_back_during_the_event_name_both_zones(self, english):
        # 25 October 2026: 03:00 CEST becomes 02:00 CET.
        text = when(berlin(2026, 10, 25, 1, 0), berlin(2026, 10, 25, 4, 0))
        assert text == "Sun, 25 October 2026, 01:00 CEST–04:00 CET"

    def test_stored_in_utc_shown_in_berlin(self, english):
        start = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
        assert when(start, start) == "Tue, 1 December 2026, 10:00 CET"

    def test_all_day_one_and_several_days(self, english):
        day = berlin(2026, 12, 1, 0, 0)
        assert when(day, day, True) == "Tue, 1 December 2026"
        text = when(berlin(2026, 9, 1, 0, 0), berlin(2026, 9, 30, 0, 0), True)
        assert text == "Tue, 1 September – Wed, 30 September 2026"
        text = when(berlin(2026, 12, 30, 0, 0), berlin(2027, 1, 2, 0, 0), True)
        assert text == "Wed, 30 December 2026 – Sat, 2 January 2027"

    def test_a_deadline_and_a_programme_day(self, english):
        assert dates.format_moment(berlin(2026, 3, 29, 12, 0)) == "Sun, 29 March 2026, 12:00 CEST"
        assert dates.format_day(datetime.date(2026, 12, 1), with_year=False) == "Tue, 1 December"


class TestDatesAlone:
    def test_english_date_alone_and_for_screen_readers(self, english):
        day = datetime.date(2026, 12, 1)
        assert date_format(day) == "1 December 2026"
        assert Day(day, True, False).label == "Tuesday, 1 December 2026"
        markup = Template('{{ day|date:"DATE_FORMAT" }} {{ at|time:"TIME_FORMAT" }}')
        context = Context({"day": day, "at": datetime.time(16, 30)})
        assert markup.render(context) == "1 December 2026 16:30"

    def test_german_date_alone_is_unchanged(self):
        day = datetime.date(2026, 12, 1)
        with translation.override("de"):
            assert date_format(day) == "1. Dezember 2026"
            assert Day(day, True, False).label == "Dienstag, 1. Dezember 2026"


class TestGermanUnchanged:
    """The same events in German: "Uhr" once, no zone, as before."""

    @pytest.fixture(autouse=True)
    def german(self):
        with translation.override("de"):
            yield

    def test_one_day(self):
        text = when(berlin(2026, 12, 1, 10, 0), berlin(2026, 12, 1, 16, 30))
        assert text == "Di., 1. Dezember 2026, 10:00–16:30 Uhr"

    def test_across_midnight(self):
        text = when(berlin(2026, 12, 1, 22, 0), berlin(2026, 12, 2, 2, 0))
        assert text == "Di., 1. Dezember 2026, 22:00 Uhr – Mi., 2. Dezember 2026, 02:00 Uhr"

    def test_clocks_going_back(self):
        text = when(berlin(2026, 10, 25, 1, 0), berlin(2026, 10, 25, 4, 0))
        assert text == "So., 25. Oktober 2026, 01:00–04:00 Uhr"

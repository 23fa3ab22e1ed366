"""The site's clock (metropolregion/clock.py): today is the calendar day in Berlin, and a
test that freezes `clock.now` freezes every "now" and "today" of the site."""

import datetime

from metropolregion import clock
from tests.factories.events import berlin


def test_today_is_the_calendar_day_in_berlin():
    # 22:30 UTC on 24 June is already 00:30 on 25 June in Berlin (summer time).
    late = datetime.datetime(2025, 6, 24, 22, 30, tzinfo=datetime.UTC)
    assert clock.today(late) == datetime.date(2025, 6, 25)
    # 22:30 UTC in winter is 23:30 in Berlin: still the same day.
    winter = datetime.datetime(2025, 1, 14, 22, 30, tzinfo=datetime.UTC)
    assert clock.today(winter) == datetime.date(2025, 1, 14)


def test_now_is_aware_and_today_follows_it(monkeypatch):
    assert clock.now().tzinfo is not None
    monkeypatch.setattr(
        clock, "now", lambda: datetime.datetime(2025, 6, 24, 22, 30, tzinfo=datetime.UTC)
    )
    assert clock.today() == datetime.date(2025, 6, 25)


def test_freezing_the_clock_reaches_the_calendar_and_the_news(frozen):
    from news.models import NewsPage

    moment = frozen(berlin(2025, 12, 31, 23, 30))
    assert (clock.now(), clock.today()) == (moment, datetime.date(2025, 12, 31))
    assert NewsPage._meta.get_field("date").get_default() == datetime.date(2025, 12, 31)

"""The demo's partner feeds (imported from files, inactive) and the scheduler's command."""

import io

import pytest
from django.core.management import call_command

from demo import partner_feeds as demo_feeds
from events.choices import EventStatus
from events.models import EventPage
from events.partner_feeds.models import PartnerFeed
from tests.factories.events import berlin

from .conftest import calendar, vevent

pytestmark = pytest.mark.django_db


def test_the_demo_imports_its_feeds_from_files_without_network(calendar_page, frozen):
    frozen(berlin(2026, 11, 30, 9, 0))
    output = io.StringIO()
    demo_feeds.create(output, calendar_page.get_parent())
    assert PartnerFeed.objects.count() == 2
    assert not PartnerFeed.objects.filter(active=True).exists()  # the scheduler fetches nothing
    lecture = EventPage.objects.get(title__startswith="Ringvorlesung")
    assert lecture.recurrence and len(lecture.skipped_dates) == 1
    assert len(lecture.cancelled_dates) == 1 and not lecture.own_event
    assert lecture.start > berlin(2026, 11, 30, 9, 0)
    cancelled = EventPage.objects.get(title="Gründerabend im Kornhaus")
    assert cancelled.status == EventStatus.CANCELLED
    assert EventPage.objects.get(title="Interkulturelle Wochen Zwickau").all_day
    assert EventPage.objects.filter(own_event=False, live=True).count() == 5
    # A second load updates the same pages.
    demo_feeds.create(io.StringIO(), calendar_page.get_parent())
    assert EventPage.objects.filter(own_event=False).count() == 5
    assert "Partnerkalender" in output.getvalue()


def test_the_command_imports_the_active_feeds_only(feed_server, make_feed, calendar_page, now):
    event = vevent("a@example.org", "Vortrag", LOCATION="Leipzig")
    active = make_feed(feed_server.serve("/a.ics", calendar(event)), name="Aktiv")
    inactive = make_feed(feed_server.serve("/b.ics", calendar()), name="Ruht", active=False)
    output = io.StringIO()
    call_command("import_partner_feeds", stdout=output)
    assert "Aktiv: 1 neu" in output.getvalue()
    assert active.runs.count() == 1 and not inactive.runs.exists()

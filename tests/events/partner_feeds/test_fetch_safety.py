"""Outgoing requests go only to public http(s) addresses: with the default settings the
local server is refused by its address, and so is a redirect to it. The local server of
these tests is allowed only under the name "localhost" (feed_server)."""

import pytest

from events.partner_feeds import fetch, importer
from events.partner_feeds.models import ImportRun

from .conftest import calendar, vevent

EVENT = calendar(vevent("a@example.org", "Vortrag", LOCATION="Leipzig"))


def test_default_settings_refuse_loopback_and_private_addresses(http_server, settings):
    assert not getattr(settings, "PARTNER_FEEDS_ALLOWED_PRIVATE_HOSTS", [])
    http_server.serve("/feed.ics", EVENT)
    for url in (
        http_server.url("/feed.ics", host="127.0.0.1"),
        http_server.url("/feed.ics", host="localhost"),
        "http://10.0.0.1/feed.ics",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/feed.ics",
    ):
        with pytest.raises(fetch.FetchError, match="internen Adresse"):
            fetch.fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.ics", "gopher://x/"])
def test_only_http_and_https(url):
    with pytest.raises(fetch.FetchError, match="Nur http- und https-Adressen"):
        fetch.fetch(url)


def test_a_redirect_to_an_internal_address_is_refused(feed_server):
    target = feed_server.serve("/feed.ics", EVENT).replace("localhost", "127.0.0.1")
    url = feed_server.redirect("/weiter", target)
    with pytest.raises(fetch.FetchError, match=r"127\.0\.0\.1 führt zu einer internen Adresse"):
        fetch.fetch(url)


def test_allowed_redirects_are_followed_up_to_the_limit(feed_server):
    feed_server.serve("/feed.ics", EVENT)
    url = feed_server.redirect("/eins", "/feed.ics")
    assert fetch.fetch(url).text.startswith("BEGIN:VCALENDAR")
    for hop in range(4):
        feed_server.redirect(f"/kette{hop}", f"/kette{hop + 1}")
    with pytest.raises(fetch.FetchError, match="mehr als 3-mal"):
        fetch.fetch(feed_server.url("/kette0"))


@pytest.mark.django_db
def test_a_refused_feed_is_logged_and_changes_nothing(http_server, make_feed, calendar_page):
    feed = make_feed(http_server.url("/feed.ics", host="127.0.0.1"))
    run = importer.import_feed(feed)
    assert run.outcome == ImportRun.Outcome.FAILED
    assert "internen Adresse (127.0.0.1)" in run.messages.get().text
    assert not feed.events.exists()

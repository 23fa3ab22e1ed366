"""Absolute URLs follow the address the site is reached at, not the Site record's hostname
and port (issue 12, item 12): in a request, the request's host and port (canonical,
og:url, JSON-LD, news feeds, iCal, sitemap); outside a request (mails), the configured
base URL, WAGTAILADMIN_BASE_URL. The Site record below stays on port 8000, as after
`make run` on the default port, while the site is served on 8401."""

import datetime
import json
import re
from urllib.parse import urlsplit

import icalendar
import pytest
from defusedxml import ElementTree
from django.core import mail
from django.test import override_settings
from wagtail.models import Page, Site

from events import registration as rules
from metropolregion.site_urls import page_url, rebase
from tests.factories import HomePageFactory, StandardPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

SERVED = "127.0.0.1:8401"
ORIGIN = f"http://{SERVED}"
BASE_URL = "http://example.test:8401"


@pytest.fixture
def old_site(site, home_page):
    site.hostname, site.port = "127.0.0.1", 8000
    site.save()
    return site


@pytest.fixture
def pages(old_site, home_page):
    calendar = EventIndexPageFactory(parent=home_page)
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=14)
    event = EventPageFactory(
        parent=calendar,
        slug="konferenz",
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_mode="intern",
        topics=["Wasserstoff"],
    )
    news = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news, slug="meldung", date=datetime.date(2025, 6, 24))
    about = StandardPageFactory(parent=home_page, slug="ueber-uns")
    return {"calendar": calendar, "event": event, "news": news, "about": about}


def absolute_urls(text):
    return re.findall(r"(?:https?|webcal)://[^\s\"'<>\\]+", text)


def get(client, path):
    response = client.get(path, HTTP_HOST=SERVED)
    assert response.status_code == 200, path
    return response.content.decode()


def test_pages_link_themselves_on_the_address_of_the_request(client, pages):
    html = get(client, "/ueber-uns/")
    assert f'<link rel="canonical" href="{ORIGIN}/ueber-uns/">' in html
    assert f'<meta property="og:url" content="{ORIGIN}/ueber-uns/">' in html

    event_html = get(client, pages["event"].url)
    event_url = f"{ORIGIN}{pages['event'].url}"
    assert f'<link rel="canonical" href="{event_url}">' in event_html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', event_html, re.S).group(1)
    )
    assert data["url"] == event_url
    for html in (get(client, "/"), event_html, get(client, pages["news"].url)):
        assert ":8000" not in html
        # Links to this site (a link to another site, such as "Add to calendar" to Google
        # Calendar, may carry this site's address in its query: that is not a link here).
        urls = [url for url in absolute_urls(html) if urlsplit(url).hostname == "127.0.0.1"]
        assert urls and all(url.startswith((ORIGIN, "webcal://" + SERVED)) for url in urls)


def test_feeds_ical_and_sitemap_follow_the_request(client, pages):
    for path in ("feed/rss/", "feed/atom/"):
        feed = get(client, pages["news"].url + path)
        assert ":8000" not in feed
        assert f"{ORIGIN}/news/meldung/" in feed
    for path in (pages["calendar"].url + "ical/", pages["event"].url + "ical/"):
        body = get(client, path)
        (vevent,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
        assert str(vevent["URL"]) == f"{ORIGIN}{pages['event'].url}"
        assert ":8000" not in body
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml", HTTP_HOST=SERVED).content)
    locations = [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert f"{ORIGIN}/ueber-uns/" in locations
    assert all(location.startswith(ORIGIN + "/") for location in locations)


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
def test_mail_links_start_with_the_configured_base_url(pages, django_capture_on_commit_callbacks):
    event = pages["event"]
    with django_capture_on_commit_callbacks(execute=True):
        rules.register(event.pk, rules.Applicant(name="Erika Beispiel", email="e@example.org"))
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    links = absolute_urls(message.body) + re.findall(r'href="([^"]+)"', html)
    assert f"{BASE_URL}{event.url}" in links  # the event page
    assert any(link.startswith(f"{BASE_URL}{event.url}abmelden/?code=") for link in links)
    assert all(link.startswith(BASE_URL + "/") for link in links), links
    _name, ics, _type = message.attachments[0]
    (vevent,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert str(vevent["URL"]) == f"{BASE_URL}{event.url}"
    assert str(vevent["UID"]).endswith("@example.test")
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert ":8000" not in message.body + html + ics


def test_a_page_of_another_site_keeps_that_sites_address(rf, old_site, home_page):
    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="andere")
    Site.objects.create(hostname="andere.example", port=443, root_page=other_home)
    page = StandardPageFactory(parent=other_home, slug="seite")
    request = rf.get("/", HTTP_HOST=SERVED)
    assert page_url(page, request) == "https://andere.example/seite/"
    with override_settings(WAGTAILADMIN_BASE_URL=BASE_URL + "/"):
        assert page_url(page) == "https://andere.example/seite/"
        assert rebase("http://127.0.0.1:8000/x/") == f"{BASE_URL}/x/"
        assert rebase("http://127.0.0.1:80001/x/") == "http://127.0.0.1:80001/x/"
        assert rebase("https://elsewhere.example/") == "https://elsewhere.example/"

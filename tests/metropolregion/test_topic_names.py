"""Topics in English (metropolregion.topics.TopicName): topics are tags shared by every
page, so their English names are kept beside them and shown wherever an English page, list
filter, feed or calendar names a topic; German pages keep the tag's own name; a topic
without an English name keeps its German one."""

import feedparser
import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from metropolregion import roles
from metropolregion.topics import TopicName
from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


def same(text):
    return text


@pytest.fixture
def site(home_page, frozen):
    frozen(berlin(2026, 11, 2, 12, 0))
    projects = ProjectIndexPageFactory(parent=home_page)
    project = ProjectPageFactory(
        parent=projects, logo=None, topics=["Wasserstoff", "Strukturwandel"]
    )
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=news_index, topics=["Wasserstoff"])
    calendar = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=calendar, topics=["Wasserstoff"], start=berlin(2026, 12, 1, 10))
    pages = {"home": home_page, "projects": projects, "project": project}
    pages |= {"news_index": news_index, "news": news, "calendar": calendar, "event": event}
    english = {
        name: translate(page, same, slug=f"{page.slug}-en").instance for name, page in pages.items()
    }
    TopicName.objects.create(
        tag=Tag.objects.get(name="Wasserstoff"), language="en", name="Hydrogen"
    )
    return pages, english


def test_english_pages_name_the_topics_in_english(client, site):
    german, english = site
    for name in ("project", "news", "event"):
        html = client.get(english[name].url).content.decode()
        assert ">Hydrogen<" in html, name
        assert ">Wasserstoff<" not in html, name
        assert ">Wasserstoff<" in client.get(german[name].url).content.decode(), name
    # Without an English name: the German one (no empty label).
    assert ">Strukturwandel<" in client.get(english["project"].url).content.decode()


def test_the_list_filters_offer_the_english_names(client, site):
    german, english = site
    html = client.get(english["projects"].url).content.decode()
    assert '<option value="wasserstoff">Hydrogen</option>' in html
    assert '<span class="project-topic">Hydrogen</span>' in html
    chosen = client.get(english["projects"].url + "?thema=wasserstoff").content.decode()
    assert "Hydrogen" in chosen
    german_html = client.get(german["projects"].url).content.decode()
    assert '<option value="wasserstoff">Wasserstoff</option>' in german_html


def test_feeds_and_calendars_in_english_name_the_topics_in_english(client, site):
    german, english = site
    feed = feedparser.parse(client.get(english["news_index"].url + "feed/rss/").content)
    assert [tag.term for tag in feed.entries[0].tags] == ["Hydrogen"]
    ics = icalendar.Calendar.from_ical(client.get(english["event"].url + "ical/").content)
    (vevent,) = ics.walk("VEVENT")
    assert "Hydrogen" in vevent.get("categories").to_ical().decode()
    german_feed = feedparser.parse(client.get(german["news_index"].url + "feed/rss/").content)
    assert [tag.term for tag in german_feed.entries[0].tags] == ["Wasserstoff"]


def test_a_changed_name_shows_at_once_and_costs_no_query_when_warm(client, site):
    _german, english = site
    url = english["projects"].url
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    assert not [q for q in warm.captured_queries if "topicname" in q["sql"]]
    name = TopicName.objects.get(name="Hydrogen")
    name.name = "Hydrogen economy"
    name.save()
    assert '<span class="project-topic">Hydrogen economy</span>' in client.get(url).content.decode()


def test_the_redaktion_names_a_topic_in_the_admin(client, site):
    user = get_user_model().objects.create_user("r", "", "pw")
    user.groups.add(Group.objects.get(name=roles.REDAKTION))
    client.force_login(user)
    tag = Tag.objects.get(name="Strukturwandel")
    response = client.post(
        "/admin/snippets/metropolregion/topicname/add/",
        {"tag": tag.pk, "language": "en", "name": "Structural change"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert TopicName.objects.get(tag=tag, language="en").name == "Structural change"
    # One name per topic and language: a second one is refused with a message.
    again = client.post(
        "/admin/snippets/metropolregion/topicname/add/",
        {"tag": tag.pk, "language": "en", "name": "Change"},
    )
    assert again.status_code == 200 and TopicName.objects.filter(tag=tag).count() == 1

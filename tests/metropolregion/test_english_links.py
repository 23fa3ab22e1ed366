"""Links that a foreign key makes (a news item's, an event's or a project's working group;
a gallery's event) lead to the page in the reader's language. wagtail-localize keeps such
a key pointing at the German page, so the English page must find the translation itself."""

import pytest

from tests.factories.events import EventIndexPageFactory, EventPageFactory, berlin
from tests.factories.galleries import GalleryIndexPageFactory, GalleryPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


def english(page, title):
    return translate(page, {page.title: title}, slug=f"{page.slug}-en").instance


@pytest.fixture
def pages(home_page, frozen):
    frozen(berlin(2026, 11, 2, 12, 0))
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=groups, title="Wasserstoff und Energie")
    events = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=events, title="Wasserstofftag", working_group=group, start=berlin(2026, 12, 1, 10)
    )
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=news_index, title="Neue Leitungen", working_group=group)
    projects = ProjectIndexPageFactory(parent=home_page)
    project = ProjectPageFactory(
        parent=projects, title="Wasserstoffnetz", working_group=group, logo=None
    )
    galleries = GalleryIndexPageFactory(parent=home_page)
    gallery = GalleryPageFactory(parent=galleries, title="Bilder vom Tag", event=event)
    return {
        "home": home_page,
        "groups": groups,
        "group": group,
        "events": events,
        "event": event,
        "news_index": news_index,
        "news": news,
        "projects": projects,
        "project": project,
        "galleries": galleries,
        "gallery": gallery,
    }


TITLES = {
    "group": "Hydrogen and energy",
    "event": "Hydrogen day",
    "news": "New pipelines",
    "project": "Hydrogen network",
    "gallery": "Pictures of the day",
}


@pytest.fixture
def translated(pages):
    return {
        name: english(page, TITLES.get(name, f"{page.title} (en)")) for name, page in pages.items()
    }


@pytest.mark.parametrize("name", ["news", "event", "project"])
def test_an_english_page_links_the_english_working_group(client, pages, translated, name):
    assert translated[name].working_group_id == pages["group"].pk  # as wagtail-localize keeps it
    html = client.get(translated[name].url).content.decode()
    assert f'href="{translated["group"].url}"' in html and "Hydrogen and energy" in html
    assert f'href="{pages["group"].url}"' not in html
    german = client.get(pages[name].url).content.decode()
    assert f'href="{pages["group"].url}"' in german and "Wasserstoff und Energie" in german


def test_an_english_gallery_links_the_english_event(client, pages, translated):
    html = client.get(translated["gallery"].url).content.decode()
    assert f'href="{translated["event"].url}"' in html
    assert f'href="{pages["event"].url}"' not in html


def test_without_a_translation_the_link_is_left_out(client, pages, translated):
    """An English reader gets no link into a German page without warning."""
    translated["group"].unpublish()
    html = client.get(translated["news"].url).content.decode()
    assert f'href="{pages["group"].url}"' not in html
    assert "Wasserstoff und Energie" not in html

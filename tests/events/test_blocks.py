"""The home page's "upcoming events" and "featured event" blocks: next N (optionally on
one topic), a link to the calendar, never a draft, private or past event; the editor's
topic choice; the featured event disappears when it is unpublished."""

import json

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import PageViewRestriction

from events.blocks import FeaturedEventBlock, UpcomingEventsBlock
from tests.factories.events import EventPageFactory, berlin

NOW = berlin(2025, 6, 1, 9, 0)


def put_blocks(home, *blocks):
    home.body = json.dumps(
        [{"type": kind, "value": value, "id": f"b{n}"} for n, (kind, value) in enumerate(blocks)]
    )
    home.save_revision().publish()


def upcoming(**value):
    return (
        "events",
        {"heading": "Nächste Termine", "count": 3, "topic": "", "index": None, **value},
    )


def section(html, css_class):
    return html.split(f'<section class="{css_class} container">', 1)[1].split("</section>")[0]


def card_titles(html):
    part = section(html, "upcoming-events")
    return [
        chunk.split(">", 1)[1].split("</a>")[0] for chunk in part.split('<a class="card__link"')[1:]
    ]


@pytest.fixture
def events(calendar_page, frozen):
    frozen(NOW)
    made = {}
    for day, title, topics in [
        (20, "Sommerfest", ["Fachkräfte"]),
        (3, "Wasserstofftag", ["Wasserstoff"]),
        (10, "Netzwerktreffen", ["Wasserstoff"]),
        (5, "Gründerabend", ["Startups"]),
    ]:
        made[title] = EventPageFactory(
            parent=calendar_page, title=title, start=berlin(2025, 6, day, 18, 0), topics=topics
        )
    EventPageFactory(parent=calendar_page, title="Vorbei", start=berlin(2025, 5, 2, 10, 0))
    draft = EventPageFactory(parent=calendar_page, title="Entwurf", start=berlin(2025, 6, 2, 10))
    draft.unpublish()
    private = EventPageFactory(parent=calendar_page, title="Intern", start=berlin(2025, 6, 2, 11))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return made


@pytest.mark.django_db
def test_upcoming_block_shows_the_next_events_and_links_the_calendar(
    client, home_page, calendar_page, events
):
    put_blocks(home_page, upcoming(count=3))
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Wasserstofftag", "Gründerabend", "Netzwerktreffen"]
    assert f'<a class="button" href="{calendar_page.url}">' in html


@pytest.mark.django_db
def test_upcoming_block_on_one_topic_links_the_filtered_calendar(
    client, home_page, calendar_page, events
):
    put_blocks(home_page, upcoming(count=12, topic="wasserstoff"))
    html = client.get("/").content.decode()
    assert card_titles(html) == ["Wasserstofftag", "Netzwerktreffen"]
    assert f'href="{calendar_page.url}?thema=wasserstoff"' in html


@pytest.mark.django_db
def test_topic_choices_are_the_topics_of_events(events):
    choices = dict(UpcomingEventsBlock().child_blocks["topic"].field.choices)
    choices.pop("")  # the empty choice: every topic
    assert choices == {
        "fachkräfte": "Fachkräfte",
        "startups": "Startups",
        "wasserstoff": "Wasserstoff",
    }


@pytest.mark.django_db
def test_featured_event_block_shows_the_event_until_it_is_unpublished(client, home_page, events):
    event = events["Netzwerktreffen"]
    put_blocks(
        home_page, ("featured_event", {"heading": "Save the date", "event": event.pk, "text": ""})
    )
    html = client.get("/").content.decode()
    part = section(html, "featured-event")
    assert "Save the date" in part and event.title in part and event.when in part
    assert f'href="{event.url}"' in part
    event.unpublish()
    html = client.get("/").content.decode()
    assert '<section class="featured-event' not in html and "Save the date" not in html


def test_featured_event_block_requires_an_event():
    with pytest.raises(StructBlockValidationError) as error:
        FeaturedEventBlock().clean(
            FeaturedEventBlock().to_python({"heading": "X", "event": None, "text": ""})
        )
    assert "event" in error.value.block_errors

"""prefetch_stream(): one query for all pages and one (plus renditions) for all images."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from metropolregion.models import HomePage
from metropolregion.streamfield import prefetch_stream, referenced_ids
from tests.metropolregion.test_queries import home_with_cards


@pytest.fixture
def body(home_page):
    home_with_cards(home_page, 5)
    return HomePage.objects.get(pk=home_page.pk).body


@pytest.mark.django_db
def test_referenced_ids_walk_structs_and_lists(body):
    found = referenced_ids(body)
    assert len(found["image"]) == 6  # hero + five cards
    assert len(found["page"]) == 5  # hero, cards and call to action share the five targets


@pytest.mark.django_db
def test_prefetch_converts_the_whole_stream_in_three_queries(body):
    with CaptureQueriesContext(connection) as ctx:
        prefetch_stream(body)
    tables = sorted(q["sql"].split(" FROM ")[1].split()[0] for q in ctx.captured_queries)
    assert tables == ['"images_image"', '"images_rendition"', '"wagtailcore_page"']

    with CaptureQueriesContext(connection) as ctx:
        cards = body[1].value["items"]
        titles = [card["link"]["page"].title for card in cards]
        images = [card["image"].title for card in cards]
        hero_page = body[0].value["link"]["page"].title
    assert len(ctx.captured_queries) == 0
    assert len(titles) == len(images) == 5 and hero_page == titles[0]


@pytest.mark.django_db
def test_without_prefetch_each_block_type_queries_on_its_own(body):
    """The control: Wagtail alone converts block type by block type."""
    with CaptureQueriesContext(connection) as ctx:
        for child in body:
            child.value  # noqa: B018
    assert len(ctx.captured_queries) > 3


@pytest.mark.django_db
def test_same_object_twice_gives_distinct_instances(home_page):
    target = home_page
    home_page.body = (
        '[{"type": "call_to_action", "value": {"heading": "A", "text": "", "link": '
        f'{{"page": {target.pk}, "url": "", "label": ""}}}}}},'
        '{"type": "call_to_action", "value": {"heading": "B", "text": "", "link": '
        f'{{"page": {target.pk}, "url": "", "label": ""}}}}}}]'
    )
    home_page.save()
    body = HomePage.objects.get(pk=home_page.pk).body
    prefetch_stream(body)
    first, second = body[0].value["link"]["page"], body[1].value["link"]["page"]
    assert first.pk == second.pk == target.pk
    assert first is not second

"""The testimonials block on the home page: chosen or a daily rotation, never an inactive
testimonial, accessible markup, and a constant number of queries."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from metropolregion import clock
from testimonials import blocks, rotation
from tests.factories import ImageFactory
from tests.factories import testimonials as factories

BERLIN = clock.BERLIN


def clean(**value):
    block = blocks.TestimonialsBlock()
    return block.clean(block.to_python({"heading": "Stimmen", "count": 3, **value}))


def test_chosen_mode_needs_testimonials():
    with pytest.raises(ValidationError) as error:
        clean(mode="chosen", testimonials=[])
    assert "testimonials" in error.value.block_errors


def test_rotating_mode_needs_no_choice():
    assert clean(mode="rotating", testimonials=[])["mode"] == "rotating"


def set_block(home, **value):
    home.body = json.dumps(
        [{"type": "testimonials", "id": "q", "value": {"heading": "Stimmen", **value}}]
    )
    home.save_revision().publish()


def chosen(*testimonials):
    return [{"type": "item", "id": str(t.pk), "value": t.pk} for t in testimonials]


def names(html):
    return re.findall(r'<span class="testimonial__name">([^<]+)</span>', html)


def at(monkeypatch, day, hour=12):
    """Let the site believe it is `hour` o'clock in Berlin on `day`."""
    moment = datetime.datetime.combine(day, datetime.time(hour), tzinfo=BERLIN)
    monkeypatch.setattr(clock, "now", lambda: moment.astimezone(datetime.UTC))


@pytest.fixture
def people(db):
    return [factories.TestimonialFactory(name=f"Person {n}") for n in range(6)]


@pytest.mark.django_db
def test_chosen_testimonials_in_order_without_inactive_ones(client, home_page, people):
    people[2].is_active = False
    people[2].save()
    set_block(
        home_page, mode="chosen", testimonials=chosen(people[4], people[2], people[0]), count=6
    )
    assert names(client.get("/").content.decode()) == ["Person 4", "Person 0"]


@pytest.mark.django_db
def test_markup_is_a_figure_with_quote_and_attribution(client, home_page):
    person = factories.TestimonialFactory(
        name="Dr. Erika Beispiel",
        role="Geschäftsführerin",
        organisation="Beispiel GmbH",
        quote="Gemeinsam sind wir stärker.\n\nUnd schneller.",
        portrait=ImageFactory(file__width=400, file__height=400, credit="Jan Muster"),
    )
    set_block(home_page, mode="chosen", testimonials=chosen(person), count=1)
    html = client.get("/").content.decode()
    figure = re.search(r'<figure class="testimonial">(.*?)</figure>', html, re.S).group(1)
    quote = re.search(r"<blockquote[^>]*>(.*?)</blockquote>", figure, re.S).group(1)
    assert "<p>Gemeinsam sind wir stärker.</p>" in quote and "<p>Und schneller.</p>" in quote
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.S).group(1)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", caption)).strip()
    # the portrait's photographer, small, after the person
    assert text == "Dr. Erika Beispiel, Geschäftsführerin, Beispiel GmbH, Foto: Jan Muster"
    assert re.search(r'<img alt="" [^>]*class="testimonial__portrait"', caption)
    assert "<picture>" in caption and 'type="image/avif"' in caption


@pytest.mark.django_db
def test_rotation_is_stable_for_a_day_and_changes_across_days(
    client, home_page, people, monkeypatch
):
    set_block(home_page, mode="rotating", testimonials=[], count=2)
    by_key = {p.translation_key: p.name for p in people}  # the rule ranks translation keys
    keys = sorted(by_key)

    day = datetime.date(2025, 6, 24)
    at(monkeypatch, day, hour=0)
    morning = names(client.get("/").content.decode())
    at(monkeypatch, day, hour=23)
    evening = names(client.get("/").content.decode())
    expected = [by_key[key] for key in rotation.pick_for_day(keys, 2, day)]
    assert morning == evening == expected

    # Over a fortnight the selection changes, exactly as the rule says.
    seen = set()
    for n in range(1, 15):
        other = day + datetime.timedelta(days=n)
        at(monkeypatch, other)
        shown = names(client.get("/").content.decode())
        assert shown == [by_key[key] for key in rotation.pick_for_day(keys, 2, other)]
        seen.add(tuple(shown))
    assert len(seen) > 3


@pytest.mark.django_db
def test_rotation_never_shows_inactive_testimonials(client, home_page, people, monkeypatch):
    for person in people[:4]:
        person.is_active = False
        person.save()
    set_block(home_page, mode="rotating", testimonials=[], count=3)
    for n in range(10):
        at(monkeypatch, datetime.date(2025, 3, 1) + datetime.timedelta(days=n))
        assert sorted(names(client.get("/").content.decode())) == ["Person 4", "Person 5"]


@pytest.mark.django_db
def test_no_active_testimonials_leaves_a_note_not_an_error(client, home_page):
    factories.TestimonialFactory(is_active=False, name="Versteckt")
    set_block(home_page, mode="rotating", testimonials=[], count=3)
    html = client.get("/").content.decode()
    assert "Versteckt" not in html and '<section class="testimonials container">' in html


def count_queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_queries_do_not_grow_with_testimonials(client, home_page, monkeypatch):
    at(monkeypatch, datetime.date(2025, 6, 24))
    portraits = [ImageFactory(file__width=200, file__height=200) for _ in range(3)]
    few = [factories.TestimonialFactory(portrait=portraits[n % 3]) for n in range(2)]
    set_block(home_page, mode="rotating", testimonials=[], count=1)
    home_page.body = json.dumps(
        [
            {"type": "testimonials", "id": "r", "value": {"heading": "A", "mode": "rotating",
                                                          "testimonials": [], "count": 1}},
            {"type": "testimonials", "id": "c", "value": {"heading": "B", "mode": "chosen",
                                                          "testimonials": chosen(few[0]), "count": 1}},
        ]
    )  # fmt: skip
    home_page.save_revision().publish()
    baseline = count_queries(client, "/")

    many = few + [factories.TestimonialFactory(portrait=portraits[n % 3]) for n in range(30)]
    home_page.body = json.dumps(
        [
            {"type": "testimonials", "id": "r", "value": {"heading": "A", "mode": "rotating",
                                                          "testimonials": [], "count": 6}},
            {"type": "testimonials", "id": "c", "value": {"heading": "B", "mode": "chosen",
                                                          "testimonials": chosen(*many[:6]), "count": 6}},
        ]
    )  # fmt: skip
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert len(names(html)) == 12
    assert count_queries(client, "/") == baseline

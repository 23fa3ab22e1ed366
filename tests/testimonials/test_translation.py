"""Testimonials in two languages: a testimonial is a translatable snippet (one row per
language, sharing a translation key), translated with wagtail-localize; each home page
shows the testimonials of its own language, German ones only while a language has none,
marked with `lang`; a chosen testimonial appears in the reader's language when translated;
the admin offers the translation; the queries do not grow."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from metropolregion import clock
from testimonials import models, rotation
from tests.factories import ImageFactory
from tests.factories import testimonials as factories
from tests.factories.translations import translate

GERMAN = {
    "quote": "Gemeinsam sind wir stärker.",
    "role": "Geschäftsführerin",
    "organisation": "Beispielwerke GmbH",
}
ENGLISH = {
    "Gemeinsam sind wir stärker.": "Together we are stronger.",
    "Geschäftsführerin": "Managing director",
    "Beispielwerke GmbH": "Beispielwerke GmbH",
}
HOME = {"Stimmen": "Voices"}


def set_block(home, **value):
    home.body = json.dumps(
        [{"type": "testimonials", "id": "q", "value": {"heading": "Stimmen", **value}}]
    )
    home.save_revision().publish()


def chosen(*testimonials):
    return [{"type": "item", "id": str(t.pk), "value": t.pk} for t in testimonials]


def english_home(home):
    return translate(home, lambda text: HOME.get(text, text), slug="home").instance


def in_english(testimonial, strings=None):
    result = translate(testimonial, strings or ENGLISH)
    assert result.missing == []
    return result.instance


def quotes(html):
    """(language attribute, quote text) of each testimonial on the page."""
    found = re.findall(r'<blockquote class="testimonial__quote"( lang="\w+")?>(.*?)</blockquote>',
                       html, re.S)  # fmt: skip
    return [(lang.strip()[6:-1], re.sub(r"<[^>]+>|\s+", " ", text).strip()) for lang, text in found]


def names(html):
    return re.findall(r'<span class="testimonial__name">([^<]+)</span>', html)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_translation_is_a_row_of_its_own_with_the_same_key_and_person(home_page):
    person = factories.TestimonialFactory(name="Dr. Erika Beispiel", **GERMAN)
    assert person.locale.language_code == "de" and person.translation_key
    english = in_english(person)
    assert english.pk != person.pk and english.locale.language_code == "en"
    assert english.translation_key == person.translation_key
    assert (english.quote, english.role) == ("Together we are stronger.", "Managing director")
    assert english.name == "Dr. Erika Beispiel"  # a name is kept, not translated
    assert models.Testimonial.objects.filter(translation_key=person.translation_key).count() == 2


@pytest.mark.django_db
def test_translated_testimonial_shows_on_the_english_home_only(client, home_page):
    person = factories.TestimonialFactory(name="Dr. Erika Beispiel", **GERMAN)
    set_block(home_page, mode="rotating", testimonials=[], count=3)
    english_home(home_page)
    in_english(person)

    german = page(client, "/")
    assert quotes(german) == [("", "Gemeinsam sind wir stärker.")]
    assert "Together" not in german
    english = page(client, "/en/")
    assert quotes(english) == [("", "Together we are stronger.")]
    assert "Managing director, Beispielwerke GmbH" in english and "Gemeinsam" not in english
    assert '<h2 class="testimonials__heading">Voices</h2>' in english


@pytest.mark.django_db
def test_english_home_shows_german_ones_marked_while_none_is_translated(client, home_page):
    first = factories.TestimonialFactory(**GERMAN)
    factories.TestimonialFactory(quote="Die Region wächst zusammen.")
    set_block(home_page, mode="rotating", testimonials=[], count=3)
    english_home(home_page)

    html = page(client, "/en/")
    assert sorted(quotes(html)) == [
        ("de", "Die Region wächst zusammen."),
        ("de", "Gemeinsam sind wir stärker."),
    ]
    assert '<span class="testimonial__role" lang="de">' in html

    # Once one is translated, the daily selection keeps to English: no mixed block.
    in_english(first)
    assert quotes(page(client, "/en/")) == [("", "Together we are stronger.")]


@pytest.mark.django_db
def test_inactive_translations_stay_hidden(client, home_page):
    person = factories.TestimonialFactory(**GERMAN)
    set_block(home_page, mode="rotating", testimonials=[], count=3)
    english_home(home_page)
    english = in_english(person)
    english.is_active = False
    english.save()
    assert quotes(page(client, "/en/")) == []
    assert quotes(page(client, "/")) == [("", "Gemeinsam sind wir stärker.")]


@pytest.mark.django_db
def test_both_languages_show_the_same_people_on_the_same_day(client, home_page, monkeypatch):
    people = [factories.TestimonialFactory(name=f"Person {n}") for n in range(6)]
    for person in people:
        in_english(person, lambda text: f"EN {text}")
    set_block(home_page, mode="rotating", testimonials=[], count=2)
    english_home(home_page)
    for n in range(5):
        moment = datetime.datetime(2025, 6, 24 + n, 12, tzinfo=clock.BERLIN)
        monkeypatch.setattr(clock, "now", lambda moment=moment: moment)
        german = names(page(client, "/"))
        assert len(german) == 2 and names(page(client, "/en/")) == german


@pytest.mark.django_db
def test_chosen_testimonials_follow_the_page_to_their_translation(client, home_page):
    person = factories.TestimonialFactory(**GERMAN)
    in_english(person)  # wagtail-localize wants the chosen snippet translated first
    set_block(home_page, mode="chosen", testimonials=chosen(person), count=3)
    english_home(home_page)
    assert quotes(page(client, "/")) == [("", "Gemeinsam sind wir stärker.")]
    assert quotes(page(client, "/en/")) == [("", "Together we are stronger.")]


@pytest.mark.django_db
def test_chosen_rule_in_each_language(home_page):
    translated = factories.TestimonialFactory(**GERMAN)
    untranslated = factories.TestimonialFactory(quote="Nur auf Deutsch.")
    english = in_english(translated)
    with translation.override("en"):
        shown = rotation.chosen([untranslated.pk, translated.pk, english.pk])
    # each in English where translated, else German; one person only once
    assert [t.pk for t in shown] == [untranslated.pk, english.pk]
    with translation.override("de"):
        assert [t.pk for t in rotation.chosen([english.pk])] == [translated.pk]


def count_queries(client, url):
    page(client, url)
    with CaptureQueriesContext(connection) as ctx:
        page(client, url)
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_queries_do_not_grow_with_translations(client, home_page, monkeypatch):
    monkeypatch.setattr(
        clock, "now", lambda: datetime.datetime(2025, 6, 24, 12, tzinfo=clock.BERLIN)
    )
    portraits = [ImageFactory(file__width=200, file__height=200) for _ in range(3)]
    few = [factories.TestimonialFactory(portrait=portraits[n % 3]) for n in range(2)]
    home_page.body = json.dumps(
        [
            {"type": "testimonials", "id": "r", "value": {"heading": "A", "mode": "rotating",
                                                          "testimonials": [], "count": 6}},
            {"type": "testimonials", "id": "c", "value": {"heading": "B", "mode": "chosen",
                                                          "testimonials": chosen(few[0]), "count": 6}},
        ]
    )  # fmt: skip
    home_page.save_revision().publish()
    in_english(few[0], lambda text: f"EN {text}")
    english_home(home_page)
    german, english = count_queries(client, "/"), count_queries(client, "/en/")

    many = [factories.TestimonialFactory(portrait=portraits[n % 3]) for n in range(12)]
    for person in many:
        in_english(person, lambda text: f"EN {text}")
    assert len(quotes(page(client, "/en/"))) == 7  # six rotating, one chosen
    assert count_queries(client, "/") == german
    assert count_queries(client, "/en/") == english


@pytest.mark.django_db
def test_admin_offers_the_translation_and_lists_per_language(admin_client, home_page):
    Locale.objects.get_or_create(language_code="en")
    person = factories.TestimonialFactory(name="Erika Beispiel", **GERMAN)
    listing = reverse("wagtailsnippets_testimonials_testimonial:list")
    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["testimonials", "testimonial", person.pk],
    )
    assert submit in admin_client.get(listing, {"locale": "de"}).content.decode()
    assert admin_client.get(submit).status_code == 200  # wagtail-localize's form

    result = translate(person, ENGLISH)
    sync = reverse("wagtail_localize:update_translations", args=[result.translation.source_id])
    assert sync in admin_client.get(listing, {"locale": "de"}).content.decode()
    english = admin_client.get(listing, {"locale": "en"}).context["object_list"]
    assert [t.locale.language_code for t in english] == ["en"]

"""The listing filter component (metropolregion/filters.py, components/listing_filter.html):
declared filters read from a query string without HTTP, and the one template that shows
them. The lists that use it are tested in tests/projects, tests/news and tests/events."""

from types import SimpleNamespace

import pytest
from django.db import models
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import translation
from taggit.models import Tag

from metropolregion.filters import Filter, FilterSet


class Colour(models.TextChoices):
    RED = "rot", "Red"
    BLUE = "blau", "Blue"


def group(slug, title):
    return SimpleNamespace(slug=slug, title=title)


def narrowed(name):
    """A `narrow` that records what it was given, so tests see what `apply` chose."""
    return lambda pages, item: [*pages, (name, item)]


FILTERS = FilterSet(
    "things",
    Filter(
        "topic",
        "thema",
        "Topic",
        all_label="All topics",
        unknown="No topic “%(value)s”.",
        choices=lambda pages: [group(slug, slug.title()) for slug in pages],
        narrow=narrowed("topic"),
        label_attr="title",
    ),
    Filter(
        "colour",
        "farbe",
        "Colour",
        all_label="All colours",
        unknown="No colour “%(value)s”.",
        choices=Colour,
        narrow=narrowed("colour"),
    ),
    Filter(
        "size",
        "groesse",
        "Size",
        all_label="All sizes",
        unknown="No size “%(value)s”.",
        choices=[("S", "Small"), ("L", "Large")],
        narrow=narrowed("size"),
        lowercase=False,
    ),
    label="Filter things",
)


def read(query, pages=("wasser", "wind")):
    return FILTERS.read(QueryDict(query), list(pages))


def test_nothing_asked_nothing_chosen():
    chosen = read("")
    assert not chosen.is_active and chosen.active == [] and chosen.notices == []
    assert (chosen.topic, chosen.colour, chosen.size) == (None, None, None)
    assert chosen.apply(["all"]) == ["all"]


def test_choices_from_a_callable_textchoices_and_pairs():
    chosen = read("thema=wind&farbe=blau&groesse=L")
    assert chosen.topic.title == "Wind"  # the object the callable returned
    assert (chosen.colour, chosen.size) == ("blau", "L")
    assert chosen.labels == ["Wind", "Blue", "Large"]
    assert chosen.apply([]) == [("topic", chosen.topic), ("colour", "blau"), ("size", "L")]
    assert FILTERS.params == ("thema", "farbe", "groesse")


@pytest.mark.django_db
def test_choices_from_a_queryset_are_read_afresh():
    Tag.objects.create(name="Wasserstoff", slug="wasserstoff")
    filters = FilterSet(
        "tags",
        Filter(
            "topic",
            "thema",
            "Topic",
            all_label="All",
            unknown="%(value)s",
            choices=Tag.objects.order_by("name"),
            narrow=narrowed("topic"),
        ),
        label="Tags",
    )
    assert filters.read({"thema": "wind"}).topic is None
    Tag.objects.create(name="Wind", slug="wind")
    assert filters.read({"thema": "wind"}).topic.name == "Wind"


def test_case_and_spaces_are_ignored_unless_declared():
    chosen = read("thema=%20WIND%20&farbe=BLAU&groesse=l")
    assert chosen.topic.slug == "wind" and chosen.colour == "blau"
    assert chosen.size is None  # declared case-sensitive
    assert chosen.notices == ["No size “l”."]


def test_unknown_values_are_dropped_with_a_notice_each():
    chosen = read("thema=feuer&farbe=gruen&groesse=" + "x" * 200)
    assert not chosen.is_active and chosen.apply(["all"]) == ["all"]
    topic, colour, size = chosen.notices
    assert (topic, colour) == ("No topic “feuer”.", "No colour “gruen”.")
    assert size == "No size “" + "x" * 59 + "…”."  # shortened: a long URL cannot flood it


def test_notices_are_translated_when_read():
    filters = FilterSet(
        "t",
        Filter(
            "kind",
            "art",
            "Kind",
            all_label="All",
            unknown=translation.gettext_lazy(
                "There is no kind “%(value)s”; news items of every kind are shown."
            ),
            choices=[("a", "A")],
            narrow=narrowed("kind"),
        ),
        label="T",
    )
    with translation.override("de"):
        (notice,) = filters.read({"art": "b"}).notices
    assert notice == "Die Art „b“ gibt es nicht; es werden Meldungen aller Arten gezeigt."


def test_each_active_filter_has_a_query_without_it():
    chosen = read("thema=wind&farbe=rot&page=3&q=x&groesse=")
    topic, colour = chosen.active
    assert (topic.label, topic.value, topic.remove_query) == ("Topic", "Wind", "?farbe=rot&q=x")
    assert (colour.label, colour.value, colour.remove_query) == ("Colour", "Red", "?thema=wind&q=x")
    assert [a.remove_query for a in read("thema=wind").active] == [""]
    # A plain dict works as well as a QueryDict.
    assert FILTERS.read({"farbe": "rot"}, []).active[0].remove_query == ""


def test_the_form_leaves_out_a_filter_without_choices():
    chosen = read("farbe=rot", pages=[])
    assert [field.param for field in chosen.fields] == ["farbe", "groesse"]
    (red, blue) = chosen.fields[0].options
    assert (red.value, red.selected, blue.selected) == ("rot", True, False)


def test_an_unknown_attribute_is_an_error():
    with pytest.raises(AttributeError):
        read("").colours  # noqa: B018


def render(query, action="/dinge/"):
    return render_to_string(
        "components/listing_filter.html", {"filters": read(query), "action": action}
    )


def test_component_form_selects_and_remove_links():
    html = render("thema=wind&farbe=blau&page=2")
    assert '<form class="listing-filter__form" method="get" action="/dinge/"' in html
    assert 'aria-label="Filter things"' in html
    assert '<label class="listing-filter__label" for="things-filter-thema">Topic</label>' in html
    assert '<select class="listing-filter__select" id="things-filter-thema" name="thema">' in html
    assert '<option value="wind" selected>Wind</option>' in html
    assert '<option value="blau" selected>Blue</option>' in html
    assert 'class="listing-filter__remove" href="/dinge/?farbe=blau"' in html
    assert 'class="listing-filter__remove" href="/dinge/?thema=wind"' in html
    assert '<a class="listing-filter__reset" href="/dinge/">' in html  # two active: all at once
    assert 'role="status"' not in html


def test_component_with_one_filter_and_an_unknown_value():
    html = render("thema=wind&farbe=<b>")
    # Other parameters stay, as typed (and encoded): the link changes one filter only.
    assert 'class="listing-filter__remove" href="/dinge/?farbe=%3Cb%3E"' in html
    assert "listing-filter__reset" not in html  # one filter: its own link removes it
    assert '<p class="notice" role="status">No colour “&lt;b&gt;”.</p>' in html


def test_component_without_active_filters_shows_only_the_form():
    html = render("")
    assert "listing-filter__active" not in html and "selected" not in html

"""Topics, one convention for every app: a page's topics are taggit tags shared by projects,
news and events, in a field called `topics` (a `ClusterTaggableManager` through a tag
model of the page's app); a block that chooses a topic uses `TopicChoiceBlock`, whose
value is the topic's slug (the `?thema=` value of the lists)."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel

from .navigation import reader_language, reading_first_language


class TopicChoiceBlock(blocks.ChoiceBlock):
    """A topic (tag slug) chosen from `choices`: a callable that returns (slug, name)
    pairs, so the list is read from the database when the form is shown or checked.

    The value is the slug as stored. Wagtail's ChoiceBlock would look it up in its
    choices, a query for callable choices, every time a page with the block renders or
    is indexed for search (so it is left out of the search index)."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("search_index", False)
        super().__init__(choices=choices, **kwargs)

    def to_python(self, value):
        return value or ""

    def deconstruct(self):
        """Frozen into migrations without its choices: they come from the database, and a
        migration of the page that holds the block must not import the app that lists
        them (the core's migrations would import the content apps)."""
        path, args, kwargs = super().deconstruct()
        return path, args, {**kwargs, "choices": []}


# -- topic names in other languages --

TOPIC_NAMES_CACHE_KEY = "topic-names:{language}"
# Kept a while only: without Redis each process has a cache of its own, and a name changed
# in one must reach the others.
TOPIC_NAMES_TIMEOUT = 300


def other_languages():
    first = settings.LANGUAGE_CODE.split("-")[0]
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES if code != first]


class TopicName(models.Model):
    """A topic's name in a language other than the first (German): topics are tags,
    shared by all pages and not translatable through wagtail-localize, so the English
    name is kept here. Without one, an English page shows the German name."""

    tag = models.ForeignKey(
        "taggit.Tag",
        on_delete=models.CASCADE,
        related_name="topic_names",
        verbose_name=_("Topic"),
    )
    language = models.CharField(_("Language"), max_length=8, choices=other_languages, default="en")
    name = models.CharField(_("Name"), max_length=100)

    panels = [FieldPanel("tag", widget=forms.Select), FieldPanel("language"), FieldPanel("name")]

    class Meta:
        verbose_name = _("Topic name")
        verbose_name_plural = _("Topic names")
        ordering = ["tag__name", "language"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "language"], name="unique_topic_name")
        ]

    def __str__(self):
        return f"{self.tag.name} → {self.name} ({self.language})"


def topic_names(language):
    """{tag id: name} in `language`, from the cache (one query when it is cold)."""
    key = TOPIC_NAMES_CACHE_KEY.format(language=language)
    names = cache.get(key)
    if names is None:
        names = dict(TopicName.objects.filter(language=language).values_list("tag_id", "name"))
        cache.set(key, names, TOPIC_NAMES_TIMEOUT)
    return names


def forget_topic_names(**kwargs):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        cache.delete(TOPIC_NAMES_CACHE_KEY.format(language=code))


def topic_name(tag):
    """The topic's name in the reader's language (its own, German name where there is no
    other)."""
    if reading_first_language():
        return tag.name
    return topic_names(reader_language()).get(tag.pk, tag.name)


post_save.connect(forget_topic_names, sender=TopicName)
post_delete.connect(forget_topic_names, sender=TopicName)

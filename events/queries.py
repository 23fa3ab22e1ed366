"""Which events a visitor sees, loaded in a constant number of queries.

Every list here holds only live events outside any view restriction, loads images with
their renditions in bulk and, where shown, tags. Used by the calendar page, the feeds,
the home-page blocks and the working groups' hub. The blocks module is imported while
the core app's models load, so models are looked up through the app registry.
"""

import datetime

from django.apps import apps
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.db.models.query import ModelIterable
from taggit.models import Tag

from metropolregion import clock
from metropolregion.listing import for_display
from metropolregion.navigation import active_locale
from metropolregion.privacy import public
from metropolregion.translations import chosen_one_in_active_language, group_filter

from . import dates, recurrence


def _model(name):
    return apps.get_model("events", name)


def public_events(index=None, locale=None):
    """Live, public event pages (below `index`, in `locale` if given)."""
    pages = public(_model("EventPage").objects.live())
    if index is not None:
        pages = pages.descendant_of(index)
    if locale is not None:
        pages = pages.filter(locale_id=getattr(locale, "pk", locale))
    return pages


class OccurrenceIterable(ModelIterable):
    """Yields one page per date: a recurring event's page once per occurrence, with the
    occurrence's start, end and state in place of the series' (events.recurrence.apply)."""

    def __iter__(self):
        for page in super().__iter__():
            if page.o_original is not None:
                recurrence.apply(
                    page,
                    original_start=page.o_original,
                    start=page.o_start,
                    end=page.o_end,
                    cancelled=page.o_cancelled,
                    note=page.o_note,
                )
            yield page


def by_date(pages):
    """`pages` once per date: an event without a rule once (its own start and end), a
    series once per occurrence (a LEFT JOIN in the same query); filter and order on
    `date_start`/`date_end`."""
    dated = pages.annotate(
        o_original=F("occurrences__original_start"),
        o_start=F("occurrences__start"),
        o_end=F("occurrences__end"),
        o_cancelled=F("occurrences__cancelled"),
        o_note=F("occurrences__note"),
        date_start=Coalesce(F("occurrences__start"), F("start")),
        date_end=Coalesce(F("occurrences__end"), F("end")),
    )
    dated._iterable_class = OccurrenceIterable
    return dated


def upcoming(pages, at=None):
    """The dates of `pages` that have not ended at `at` (default now), soonest first."""
    condition = dates.upcoming_condition(at, end="date_end")
    return by_date(pages).filter(condition).order_by("date_start", "pk")


def past(pages, at=None):
    """The dates of `pages` that are over at `at` (default now), most recent first."""
    condition = dates.upcoming_condition(at, end="date_end")
    return by_date(pages).exclude(condition).order_by("-date_start", "-pk")


def in_days(pages, first_day, last_day):
    """The dates of `pages` that may touch `first_day`..`last_day`, by start."""
    condition = dates.overlapping_condition(first_day, last_day, "date_start", "date_end")
    return by_date(pages).filter(condition).order_by("date_start", "pk")


def since(pages, moment):
    """The events of `pages` (one row each) with a date that ends at or after `moment`:
    what a feed carries."""
    Occurrence = _model("EventOccurrence")
    later = Occurrence.objects.filter(event=OuterRef("pk"), end__gte=moment)
    return pages.filter(Q(end__gte=moment) | Exists(later))


def filter_events(pages, tag=None, working_group=None, event_format=None, own=None):
    """Narrow `pages` to a tag (slug), a working group (page or id), a format, own (True)
    or other organisers' (False) events."""
    if tag:
        pages = pages.filter(topics__slug=tag)
    if working_group is not None:
        pages = pages.filter(group_filter("working_group", working_group))
    if event_format:
        pages = pages.filter(format=event_format)
    if own is not None:
        pages = pages.filter(own_event=own)
    return pages


def next_events(limit, tag=None, working_group=None, *, index=None, locale=None, at=None):
    """The next `limit` upcoming events, optionally on one topic or of one working group
    (then in the group's language, when neither `index` nor `locale` says otherwise)."""
    if index is None and locale is None and working_group is not None:
        locale = getattr(working_group, "locale_id", None)
    pages = filter_events(public_events(index, locale), tag=tag, working_group=working_group)
    return list(for_display(upcoming(pages, at))[:limit])


def find_index(locale=None):
    """The first live calendar (in `locale` if given): where "all events" links lead."""
    indexes = public(_model("EventIndexPage").objects.live()).order_by("path")
    if locale is not None:
        indexes = indexes.filter(locale_id=getattr(locale, "pk", locale))
    return indexes.first()


def visible_event(pk):
    """The event `pk` (or its translation in the reader's language) with its image, if
    it is live and public; else None."""
    event = chosen_one_in_active_language(for_display(public_events()), pk)
    if event is not None and event.is_recurring:
        event.select_occurrence()  # a series shows its next date
    return event


def preview_event():
    """An event for the admin's block preview: the next one, else the latest, else an
    unsaved example (the preview must show something on an empty site)."""
    pages = for_display(public_events(), images=True)
    found = upcoming(pages).first() or past(pages).first()
    if found is not None:
        return found
    start = dates.midnight(clock.today() + datetime.timedelta(days=14)) + datetime.timedelta(
        hours=10
    )
    return _model("EventPage")(
        title="Jahreskonferenz (Beispiel)",
        start=start,
        end=start + datetime.timedelta(hours=6),
        venue="Stadthalle",
        city="Zwickau",
        teaser="Fachleute aus der Region diskutieren Energie, Mobilität und Chemie.",
    )


def topics(pages):
    """The tags used by `pages`, by name."""
    return list(
        Tag.objects.filter(events_eventpagetag_items__content_object__in=pages.values("pk"))
        .distinct()
        .order_by("name")
    )


def event_topics():
    """The tags of all events (for the editors' topic choice)."""
    return topics(_model("EventPage").objects.all())


def working_groups(pages):
    """The live working groups that `pages` belong to, in the reader's language (an
    English event may still name the German group), by title."""
    WorkingGroupPage = apps.get_model("projects", "WorkingGroupPage")
    keys = pages.exclude(working_group=None).values("working_group__translation_key")
    return list(
        WorkingGroupPage.objects.live()
        .filter(translation_key__in=keys, locale=active_locale())
        .order_by("title")
    )

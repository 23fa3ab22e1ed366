"""Listing filters: the one shape behind the filters of the project list, the news and the
calendar (`?thema=…&status=…`).

A list declares its filters once, as a `FilterSet` of `Filter`s: the URL parameter, the
label, where the choices come from (value/label pairs, a TextChoices class, a queryset, or
a callable that is given the list's pages) and how a chosen value narrows the pages.
Reading a query string (`FilterSet.read`) never fails: an unknown value is dropped and a
notice says which one, so a shared link that has gone stale still works. What it returns
(a `Selection`) narrows a queryset and gives what the one template component
(templates/components/listing_filter.html) shows: the selects, the notices, and the active
filters, each with a link that removes it.

Plain code, tested without HTTP; it imports no content app.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.db.models.enums import ChoicesType
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .listing import shown_value

PAGE_PARAM = "page"  # dropped from the links that remove a filter: the list starts anew
SHOW = _("Show")  # the form's button, unless a list names it


@dataclass(frozen=True)
class Choice:
    """One value a filter offers: as it stands in the URL, as people read it, and what it
    stands for (a Tag or a page, or the value itself for fixed choices)."""

    value: str
    label: str
    item: Any


@dataclass(frozen=True)
class Filter:
    """One filter of a list, `?<param>=<value>`.

    `choices`: (value, label) pairs or a TextChoices class (fixed), a queryset, or a
    callable given the list's pages that returns objects; an object is found by its
    `value_attr` (its slug) and shown by its `label_attr` (an attribute's name, or a
    function of the object: a topic's name in the reader's language).
    `narrow(pages, item)`: the pages of the chosen item (the object, or the fixed value).
    `unknown`: the notice for a value that is not offered, with `%(value)s`.
    """

    name: str  # how code and templates ask for the chosen item: `selection.topic`
    param: str  # the URL parameter; existing links depend on it
    label: str
    all_label: str  # the option that does not filter
    unknown: str
    choices: Any
    narrow: Callable
    value_attr: str = "slug"
    label_attr: str | Callable = "name"
    lowercase: bool = True  # read values case-insensitively

    def offered(self, pages=None):
        """The choices as `Choice`s (the list's `pages` go to a callable source)."""
        source = self.choices
        if isinstance(source, ChoicesType):
            source = source.choices
        elif isinstance(source, QuerySet):
            source = source.all()  # a fresh query each time, never a stale cache
        elif callable(source):
            source = source(pages)
        return [self.choice(entry) for entry in source]

    def choice(self, entry):
        if isinstance(entry, Choice):
            return entry
        if isinstance(entry, tuple | list):
            value, label = entry
            return Choice(str(value), label, str(value))
        label_attr = self.label_attr
        label = label_attr(entry) if callable(label_attr) else getattr(entry, label_attr)
        return Choice(getattr(entry, self.value_attr), label, entry)

    def clean(self, raw):
        value = (raw or "").strip()
        return value.lower() if self.lowercase else value


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class BoundFilter:
    """A filter as read from one query string: what it offers, what is chosen, and the
    value it did not know (shortened for the notice), if any."""

    filter: Filter
    id: str
    choices: list
    chosen: Choice | None
    unknown: str

    @property
    def param(self):
        return self.filter.param

    @property
    def label(self):
        return self.filter.label

    @property
    def all_label(self):
        return self.filter.all_label

    @property
    def options(self):
        return [Option(c.value, c.label, c is self.chosen) for c in self.choices]

    @property
    def notice(self):
        return str(self.filter.unknown) % {"value": self.unknown} if self.unknown else ""


@dataclass(frozen=True)
class ActiveFilter:
    """A filter in use, and the query string of the same list without it ("" or "?…"):
    the component puts the list's address in front."""

    label: str
    value: str
    remove_query: str


class FilterSet:
    """The filters of one list. `name` prefixes the ids of the form's fields; `label`
    names the form for assistive technology."""

    def __init__(self, name, *filters, label, submit_label=SHOW):
        self.name = name
        self.filters = filters
        self.label = label
        self.submit_label = submit_label

    @property
    def params(self):
        return tuple(flt.param for flt in self.filters)

    def read(self, params, pages=None, *, offered=None):
        """The selection asked for by the query `params` (a QueryDict or a dict). The
        choices come from the declarations (callables are given `pages`) unless `offered`
        has them by filter name, already loaded."""
        offered = offered or {}
        bound = []
        for flt in self.filters:
            if flt.name in offered:
                choices = [flt.choice(entry) for entry in offered[flt.name]]
            else:
                choices = flt.offered(pages)
            value = flt.clean(params.get(flt.param))
            chosen = next((choice for choice in choices if choice.value == value), None)
            bound.append(
                BoundFilter(
                    filter=flt,
                    id=f"{self.name}-filter-{flt.param}",
                    choices=choices,
                    chosen=chosen,
                    unknown=shown_value(value) if value and chosen is None else "",
                )
            )
        return Selection(self, bound, params)


class Selection:
    """The filters chosen by one query string. `selection.<filter name>` is the chosen
    item (a Tag, a page, a fixed value) or None."""

    def __init__(self, filter_set, bound, params):
        self.filter_set = filter_set
        self.bound = bound
        self._chosen = {b.filter.name: b.chosen.item if b.chosen else None for b in bound}
        self._params = params

    def __getattr__(self, name):
        if name.startswith("_") or name not in self.__dict__.get("_chosen", {}):
            raise AttributeError(name)
        return self._chosen[name]

    @property
    def fields(self):
        """The filters the form shows: one without choices (no topics yet) is left out."""
        return [b for b in self.bound if b.choices]

    @property
    def label(self):
        return self.filter_set.label

    @property
    def submit_label(self):
        return self.filter_set.submit_label

    @property
    def id_prefix(self):
        return self.filter_set.name

    @property
    def notices(self):
        return [b.notice for b in self.bound if b.unknown]

    @property
    def active(self):
        return [
            ActiveFilter(b.label, b.chosen.label, self._query_without(b.param))
            for b in self.bound
            if b.chosen
        ]

    @property
    def is_active(self):
        return any(b.chosen for b in self.bound)

    @property
    def labels(self):
        """The chosen values as short labels, for headings ("12 events · Wasserstoff")."""
        return [b.chosen.label for b in self.bound if b.chosen]

    def apply(self, pages):
        """Narrow `pages` to every chosen filter."""
        for b in self.bound:
            if b.chosen:
                pages = b.filter.narrow(pages, b.chosen.item)
        return pages

    def _query_without(self, param):
        query = QueryDict(mutable=True)
        items = (
            self._params.lists()
            if hasattr(self._params, "lists")
            else ((key, [value]) for key, value in self._params.items())
        )
        for key, values in items:
            values = [value for value in values if value]
            if key not in (param, PAGE_PARAM) and values:
                query.setlist(key, values)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else ""

"""The privacy filter of our lists: `public()` leaves out pages in private sections.

`public()` replaces Wagtail's `PageQuerySet.public()` in our lists. Wagtail's version first
loads every view restriction (one query) and then filters by their paths, so a page with
six lists asked the same question six times. Here the check is a `NOT EXISTS` subquery of
the list's own query: no extra query at all, and always as current as the restrictions.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public(pages):
    """`pages` without those in a private section (a restricted page or its descendants).

    A page lies in the section of a restricted page when that page's tree path is a
    prefix of its own (the same rule as Wagtail's `descendant_of(…, inclusive=True)`)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted))

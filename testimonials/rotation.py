"""Which testimonials the home page shows: chosen ones, or a daily rotation.

The rotation is a rule, not chance: the active testimonials are ordered by a hash of the
calendar day (in Europe/Berlin) and their id. Everyone sees the same ones all day, so a
page can be cached until midnight, and tomorrow brings a different selection.
"""

import datetime
import hashlib

from django.apps import apps
from django.db.models import prefetch_related_objects

from metropolregion import clock


def _testimonials():
    return apps.get_model("testimonials", "Testimonial").objects


def daily_rank(day: datetime.date, pk) -> str:
    """A stable, well-mixed sort key for testimonial `pk` on `day`."""
    return hashlib.sha256(f"{day.isoformat()}:{pk}".encode()).hexdigest()


def pick_for_day(ids, count, day: datetime.date):
    """`count` of `ids` for `day`: the same on the same day, usually others the next."""
    return sorted(ids, key=lambda pk: daily_rank(day, pk))[:count]


def with_portraits(testimonials):
    return testimonials.select_related("portrait").prefetch_related("portrait__renditions")


def rotating(count, day: datetime.date | None = None):
    """`count` active testimonials for `day` (today by default), in two queries: all active
    ones with their portraits (a few dozen rows at most), then the chosen portraits'
    renditions."""
    day = day or clock.today()
    active = {t.pk: t for t in _testimonials().filter(is_active=True).select_related("portrait")}
    picked = [active[pk] for pk in pick_for_day(list(active), count, day)]
    prefetch_related_objects([t for t in picked if t.portrait], "portrait__renditions")
    return picked


def chosen(ids, limit=None):
    """The active testimonials among `ids`, in the order given (two queries)."""
    ids = list(dict.fromkeys(pk for pk in ids if pk is not None))
    if not ids:
        return []
    found = {t.pk: t for t in with_portraits(_testimonials().filter(pk__in=ids, is_active=True))}
    shown = [found[pk] for pk in ids if pk in found]
    return shown[:limit] if limit else shown

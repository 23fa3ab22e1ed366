"""Which testimonials the home page shows: chosen ones, or a daily rotation, in the reader's
language.

The rotation is a rule, not chance: the active testimonials are ordered by a hash of the
calendar day (in Europe/Berlin) and their translation key. Everyone sees the same ones all
day, so a page can be cached until midnight, and tomorrow brings a different selection; the
key is shared by a quote's translations, so the English home page shows the same people as
the German one on the same day.

Languages: the daily selection draws from the testimonials of the active language only, so
a block never mixes languages; while a language has no testimonial at all (not even an
inactive one), it draws from the default language's (German) ones instead of showing none.
A chosen testimonial is shown in the active language when it has a translation there, else
in German (the editor chose that person). The template marks a quote in another language
with `lang`.
"""

import datetime
import hashlib

from django.apps import apps
from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

from metropolregion import clock


def _testimonials():
    return apps.get_model("testimonials", "Testimonial").objects


def languages():
    """The content languages to show, most wanted first: the active one, then the default."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    try:
        active = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        active = default
    return list(dict.fromkeys([active, default]))


def daily_rank(day: datetime.date, key) -> str:
    """A stable, well-mixed sort key for the testimonial with key `key` on `day`."""
    return hashlib.sha256(f"{day.isoformat()}:{key}".encode()).hexdigest()


def pick_for_day(keys, count, day: datetime.date):
    """`count` of `keys` for `day`: the same on the same day, usually others the next."""
    return sorted(keys, key=lambda key: daily_rank(day, key))[:count]


def with_portraits(testimonials):
    return testimonials.select_related("portrait", "locale").prefetch_related(
        "portrait__renditions"
    )


def rotating(count, day: datetime.date | None = None):
    """`count` active testimonials for `day` (today by default) in the reader's language, in
    two queries: all of the active and the default language with their portraits (a few
    dozen rows at most), then the chosen portraits' renditions. A language whose
    testimonials are all inactive shows none: the editors hid them on purpose."""
    day = day or clock.today()
    wanted = languages()
    rows = _testimonials().filter(locale__language_code__in=wanted)
    by_language = {}
    for testimonial in rows.select_related("portrait", "locale"):
        by_language.setdefault(testimonial.locale.language_code, []).append(testimonial)
    shown = next((by_language[code] for code in wanted if code in by_language), [])
    active = {t.translation_key: t for t in shown if t.is_active}
    picked = [active[key] for key in pick_for_day(list(active), count, day)]
    prefetch_related_objects([t for t in picked if t.portrait], "portrait__renditions")
    return picked


def chosen(ids, limit=None):
    """The testimonials `ids`, each in the reader's language if translated, in the order
    given, without inactive ones and without a person twice (two queries)."""
    ids = list(dict.fromkeys(pk for pk in ids if pk is not None))
    if not ids:
        return []
    wanted = languages()
    objects = _testimonials()
    keys = objects.filter(pk__in=ids).values("translation_key")
    rows = with_portraits(
        objects.filter(
            Q(pk__in=ids) | Q(translation_key__in=keys, locale__language_code__in=wanted)
        )
    )
    by_pk, versions = {}, {}
    for testimonial in rows:
        by_pk[testimonial.pk] = testimonial
        versions[testimonial.translation_key, testimonial.locale.language_code] = testimonial
    shown, seen = [], set()
    for pk in ids:
        if pk not in by_pk:
            continue
        own = by_pk[pk]
        key = own.translation_key
        version = next((versions[key, code] for code in wanted if (key, code) in versions), own)
        if version.is_active and key not in seen:
            seen.add(key)
            shown.append(version)
    return shown[:limit] if limit else shown

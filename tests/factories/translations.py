"""English (or any) translations of pages and snippets made the way editors make them:
through wagtail-localize (a TranslationSource, a Translation, StringTranslations for its
segments, then `save_target`), never by copying. The demo and the tests use it alike.

    translate(page, {"Über uns": "About us", …}, slug="about")

`strings` maps a German source string (a segment's text as wagtail-localize stores it, with
inline tags such as `<a id="a1">…</a>` in rich text) to its translation; a callable may be
given instead (source → translation or None). Segments without a translation keep the
German text (wagtail-localize's fallback), and `missing` in the result lists them."""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@dataclass
class Result:
    instance: object
    translation: Translation
    missing: list = field(default_factory=list)


def _locale(language):
    return Locale.objects.get_or_create(language_code=language)[0]


@transaction.atomic
def translate(instance, strings, language="en", slug=None, publish=True, user=None):
    """Translate `instance` (a page or a translatable snippet) into `language`; parents of a
    page are translated (or copied as wagtail-localize does) before it. Returns a Result with
    the translated instance (`.instance`) and the source strings left untranslated."""
    locale = _locale(language)
    lookup = strings if callable(strings) else strings.get
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        value = slug if segment.context.path == "slug" and slug else lookup(text)
        if value is None:
            missing.append(text)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": value,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    if isinstance(instance, Page):
        # wagtail-localize publishes on commit; publish now, so that a test's transaction
        # (never committed) and a caller's later code see the page live.
        translation.save_target(user=user, publish=False)
        target = instance.get_translation(locale).specific
        if publish:
            target.get_latest_revision().publish(user=user)
    else:
        translation.save_target(user=user, publish=publish)
    target = type(instance).objects.get(pk=instance.get_translation(locale).pk)  # fresh
    return Result(target, translation, missing)

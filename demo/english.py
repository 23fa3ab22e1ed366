"""The English tree of the demo: German pages translated through wagtail-localize, the way
an editor translates them (tests.factories.translations.translate), never copied.

Which pages and their English texts are data: every demo/data/en/*.yaml file has `pages`
(selectors, see demo/data/en/README.md), `slugs` (German slug → English slug) and `strings`
(German source segment → English); the files are merged. The home page is translated
first, then parents before children. Running it again updates the same English pages.
"""

from pathlib import Path

import yaml
from django.apps import apps
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from tests.factories.translations import translate

from .data import DATA_DIR
from .english_snippets import name_topics, translate_testimonials

EN_DIR = DATA_DIR / "en"
LANGUAGE = "en"
# The selector forms of `pages:` (the keys of one selector).
SELECTOR_FORMS = ({"slug"}, {"type"}, {"type", "newest"}, {"type", "upcoming"})
NOT_TRANSLATED = "(no English translation)"


def load_texts(folder=EN_DIR):
    """The merged data of every YAML file in `folder`: {"pages", "slugs", "strings",
    "topics"}. The same German text mapped to two different translations is an error, named
    with its files."""
    merged = {"pages": [], "slugs": {}, "strings": {}, "topics": {}}
    origin = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        with open(path, encoding="utf-8") as file:
            content = yaml.safe_load(file) or {}
        merged["pages"] += content.get("pages") or []
        for key in ("slugs", "strings", "topics"):
            for german, english in (content.get(key) or {}).items():
                known = merged[key].get(german)
                if known is not None and known != english:
                    raise ValueError(
                        f"{path.name}: {german!r} is translated differently in "
                        f"{origin[key, german]}: {english!r} / {known!r}"
                    )
                merged[key][german] = english
                origin[key, german] = path.name
    return merged


def _model(name):
    model = apps.get_model(name)
    if not issubclass(model, Page):
        raise ValueError(f"pages: {name} is not a page type")
    return model


def select(selector, home_page):
    """The live German pages below `home_page` (inclusive) that one selector names."""
    if not isinstance(selector, dict) or set(selector) not in SELECTOR_FORMS:
        raise ValueError(f"pages: unknown selector {selector!r} (see demo/data/en/README.md)")
    if "slug" in selector:
        model, pages = Page, Page.objects.filter(slug=selector["slug"])
    else:
        model = _model(selector["type"])
        pages = model.objects.all()
    pages = pages.live().filter(locale_id=home_page.locale_id)
    pages = pages.descendant_of(home_page, inclusive=True).order_by("path")
    if "newest" in selector:
        fields = {field.name for field in model._meta.get_fields()}
        newest = "-date" if "date" in fields else "-first_published_at"
        return list(pages.order_by(newest, "-pk")[: int(selector["newest"])])
    if selector.get("upcoming"):
        return [page for page in pages if not page.is_past()]
    return list(pages)


def pages_to_translate(home_page, selectors):
    """The German pages the selectors name, with their ancestors up to `home_page` and the
    home page itself, parents before children (by tree path)."""
    chosen = {home_page.pk: home_page}
    for selector in selectors:
        for page in select(selector, home_page):
            chosen[page.pk] = page
            for ancestor in page.get_ancestors().filter(depth__gt=home_page.depth):
                chosen.setdefault(ancestor.pk, ancestor)
    return sorted((page.specific for page in chosen.values()), key=lambda page: page.path)


def create(stdout, home_page, texts=None):
    """Translate the pages of the data files into English; returns the translate() results
    (translated page, Translation, the German strings left untranslated) in order."""
    texts = texts or load_texts()
    # Snippets first: wagtail-localize refuses a page whose chosen testimonial has no
    # translation.
    translate_testimonials(stdout, texts["strings"])
    name_topics(stdout, texts["topics"])
    results = []
    for page in pages_to_translate(home_page, texts["pages"]):
        slug = texts["slugs"].get(page.slug)
        results.append(translate(page, texts["strings"], language=LANGUAGE, slug=slug))
    stdout.write(f"• Englische Fassung: {len(results)} Seiten übersetzt")
    missing = sum(len(result.missing) for result in results)
    if missing:
        stdout.write(f"  {missing} Texte ohne englische Übersetzung (bleiben deutsch)")
    return results


def untranslated(home_page, texts=None):
    """{German page: [its source texts without an English translation]} for every page the
    data files cover; a page without any English translation lists NOT_TRANSLATED."""
    texts = texts or load_texts()
    locale = Locale.objects.get(language_code=LANGUAGE)
    report = {}
    for page in pages_to_translate(home_page, texts["pages"]):
        source = TranslationSource.objects.get_for_instance_or_none(page)
        if source is None or not source.translations.filter(target_locale=locale).exists():
            report[page] = [NOT_TRANSLATED]
            continue
        segments = StringSegment.objects.filter(source=source).select_related("string")
        done = set(
            StringTranslation.objects.filter(
                locale=locale,
                has_error=False,
                translation_of__in=segments.values("string"),
                context__in=segments.values("context"),
            ).values_list("translation_of_id", "context_id")
        )
        gaps = [s.string.data for s in segments if (s.string_id, s.context_id) not in done]
        if gaps:
            report[page] = gaps
    return report

"""English versions of the demo's translatable snippets, made through wagtail-localize like
the English pages (tests.factories.translations.translate), never copied.

The texts are data: the `strings` of demo/data/en/testimonials.yaml (German source text →
English), read with the other English files by demo.english.load_texts. The snippets are
translated before the pages, so that a page that chooses a testimonial can point at its
English version. Running it again updates the same English rows.
"""

from wagtail.models import Locale

from testimonials.models import Testimonial
from tests.factories.translations import translate

LANGUAGE = "en"


def translate_testimonials(stdout, strings):
    """Translate every German testimonial whose quote has an English text in `strings`;
    returns the translate() results. The others stay German (the home page then shows
    German quotes only while no testimonial has an English version)."""
    german = Testimonial.objects.filter(locale=Locale.get_default()).order_by("sort_order")
    results = [translate(t, strings, language=LANGUAGE) for t in german if t.quote in strings]
    stdout.write(f"• Englische Fassung: {len(results)} Stimmen übersetzt")
    missing = sum(len(result.missing) for result in results)
    if missing:
        stdout.write(f"  {missing} Texte der Stimmen ohne englische Übersetzung")
    return results


def name_topics(stdout, names):
    """The topics' English names (metropolregion.topics.TopicName) from `names` (German
    tag name → English); running it again updates the same rows."""
    from taggit.models import Tag

    from metropolregion.topics import TopicName

    done = 0
    for tag in Tag.objects.filter(name__in=names):
        TopicName.objects.update_or_create(
            tag=tag, language=LANGUAGE, defaults={"name": names[tag.name]}
        )
        done += 1
    stdout.write(f"• Englische Fassung: {done} Themennamen")

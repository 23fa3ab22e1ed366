"""The English tree of the demo (demo/english.py, demo/data/en): translations made through
wagtail-localize, live at English addresses, with every segment translated, and a second
`load_demo_content` that updates them instead of duplicating them.

The loader's rules are tested on their own; everything else checks the shared demo
(`demo_content`, see tests/conftest.py) instead of loading one of its own."""

import io
import re

import pytest
import yaml
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from demo import english
from news.models import NewsPage

# The data files of this part of the English tree (others add theirs beside them).
OWN_FILES = ("core.yaml", "projects.yaml")
BINDING = "the German version is legally binding"


def own_data():
    """The selectors, slugs and strings of OWN_FILES only."""
    data = {"pages": [], "slugs": {}, "strings": {}}
    for name in OWN_FILES:
        content = yaml.safe_load((english.EN_DIR / name).read_text(encoding="utf-8"))
        data["pages"] += content["pages"]
        data["slugs"].update(content["slugs"])
        data["strings"].update(content["strings"])
    return data


def german_home():
    return Page.objects.get(depth=2, locale__language_code="de").specific


def english_locale():
    return Locale.objects.get(language_code="en")


# -- the loader ---------------------------------------------------------------------------


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_loader_merges_every_file_of_the_folder(tmp_path):
    write(tmp_path, "a.yaml", "pages: [{slug: kontakt}]\nslugs: {kontakt: contact}\n")
    write(tmp_path, "b.yaml", "pages: [{type: news.NewsPage, newest: 8}]\nstrings: {Ja: 'Yes'}\n")
    write(tmp_path, "notes.md", "pages: [{slug: ignored}]\n")
    texts = english.load_texts(tmp_path)
    assert texts["pages"] == [{"slug": "kontakt"}, {"type": "news.NewsPage", "newest": 8}]
    assert texts["slugs"] == {"kontakt": "contact"}
    assert texts["strings"] == {"Ja": "Yes"}


def test_loader_refuses_two_translations_of_one_text(tmp_path):
    write(tmp_path, "a.yaml", "strings: {Termine: Events}\n")
    write(tmp_path, "b.yaml", "strings: {Termine: Dates}\n")
    with pytest.raises(ValueError, match="Termine"):
        english.load_texts(tmp_path)
    write(tmp_path, "b.yaml", "strings: {Termine: Events}\n")  # the same translation: fine
    assert english.load_texts(tmp_path)["strings"] == {"Termine": "Events"}


@pytest.mark.parametrize(
    "selector",
    [
        {"slug": "kontakt", "type": "metropolregion.StandardPage"},
        {"type": "news.NewsPage", "oldest": 3},
        {"title": "Kontakt"},
        "kontakt",
    ],
)
def test_selectors_of_another_form_are_refused(selector):
    with pytest.raises(ValueError, match="selector"):
        english.select(selector, home_page=None)


def test_selectors_pick_the_newest_and_the_upcoming_pages(demo_content):
    home = german_home()
    newest = english.select({"type": "news.NewsPage", "newest": 3}, home)
    german_news = NewsPage.objects.live().filter(locale=home.locale).order_by("-date")
    assert [page.date for page in newest] == list(german_news.values_list("date", flat=True)[:3])
    upcoming = english.select({"type": "events.EventPage", "upcoming": True}, home)
    assert upcoming and not any(page.is_past() for page in upcoming)
    assert [page.slug for page in english.select({"slug": "kontakt"}, home)] == ["kontakt"]


# -- the English tree of the demo -----------------------------------------------------------


def test_the_english_pages_are_wagtail_localize_translations(demo_content):
    data = own_data()
    locale = english_locale()
    pages = english.pages_to_translate(german_home(), data["pages"])
    assert len(pages) >= 28  # home, 5 standard pages, 2 indexes, 14 projects, 6 groups
    for german in pages:
        page = german.get_translation_or_none(locale)
        assert page is not None, german.url_path
        assert page.translation_key == german.translation_key
        assert page.live and page.alias_of_id is None, page.url_path
        assert page.slug == data["slugs"][german.slug]
        assert page.title == data["strings"][german.title]
        source = TranslationSource.objects.get_for_instance(german)
        assert Translation.objects.filter(source=source, target_locale=locale).exists()


def test_every_segment_of_the_english_pages_is_translated(demo_content):
    assert english.untranslated(german_home(), {"pages": own_data()["pages"]}) == {}


def test_the_report_names_a_text_without_translation(demo_content):
    home = german_home()
    imprint = home.get_children().get(slug="impressum").specific
    imprint.title = "Impressum und Anbieterkennzeichnung"
    imprint.save_revision().publish()
    texts = {**english.load_texts(), "pages": [{"slug": "impressum"}]}
    english.create(io.StringIO(), home, texts)
    assert english.untranslated(home, {"pages": [{"slug": "impressum"}]}) == {
        imprint: ["Impressum und Anbieterkennzeichnung"]
    }
    leichte_sprache = {"pages": [{"slug": "leichte-sprache"}]}
    report = english.untranslated(home, leichte_sprache)
    assert list(report.values()) == [[english.NOT_TRANSLATED]]


def test_the_english_pages_answer_at_english_addresses(client, demo_content):
    locale = english_locale()
    assert Page.find_problems() == ([], [], [], [], [])  # tree counts intact (numchild)
    home = german_home()
    assert home.get_translation(locale).url == "/en/"
    for german in english.pages_to_translate(home, own_data()["pages"]):
        page = german.get_translation(locale)
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.url.startswith("/en/")
        if german != home:  # the home page shows the site's name, not its title
            assert escape(page.title) in response.content.decode(), page.url


def test_legal_pages_say_the_german_version_is_binding(demo_content):
    locale = english_locale()
    home = german_home()
    for slug in ("impressum", "datenschutz"):
        page = home.get_children().get(slug=slug).get_translation(locale).specific
        assert BINDING in page.intro, slug
    # Easy German has no English version.
    easy = home.get_children().get(slug="leichte-sprache")
    assert easy.get_translation_or_none(locale) is None


def test_a_second_load_updates_the_english_pages_without_duplicates(demo_content):
    def snapshot():
        return (
            sorted(Page.objects.values_list("locale__language_code", "url_path")),
            TranslationSource.objects.count(),
            Translation.objects.count(),
        )

    before = snapshot()
    out = io.StringIO()
    call_command("load_demo_content", "--skip-renditions", stdout=out)
    assert snapshot() == before
    assert re.search(r"• Englische Fassung: \d+ Seiten übersetzt", out.getvalue())
    assert english.untranslated(german_home(), {"pages": own_data()["pages"]}) == {}
    assert Page.find_problems() == ([], [], [], [], [])

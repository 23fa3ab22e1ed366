"""German first, English available: URLs, catalogues and the language of each page."""

import pathlib

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

CATALOGUE = pathlib.Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"


def test_german_is_the_default_and_english_is_available():
    assert settings.LANGUAGE_CODE == "de"
    assert dict(settings.LANGUAGES).keys() == {"de", "en"}
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.WAGTAIL_I18N_ENABLED


def test_german_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    mo = polib.mofile(str(CATALOGUE / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    stale = [
        e.msgid
        for e in po.translated_entries()
        if not e.msgid_plural and compiled.get((e.msgctxt, e.msgid)) != e.msgstr
    ]
    assert stale == [], "django.mo is older than django.po: run `make messages`"


def test_ui_strings_switch_with_the_language():
    with translation.override("de"):
        assert gettext("Skip to content") == "Zum Inhalt springen"
    with translation.override("en"):
        assert gettext("Skip to content") == "Skip to content"


@pytest.mark.django_db
def test_german_pages_live_at_the_root_without_prefix(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Language"] == "de"
    assert '<html lang="de"' in response.content.decode()


@pytest.mark.django_db
def test_english_url_without_translation_leads_to_the_german_page(client, home_page):
    Locale.objects.get_or_create(language_code="en")
    response = client.get("/en/")
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_english_translation_is_served_under_en_with_english_ui(client, home_page):
    english = (
        Locale.objects.create(language_code="en")
        if not Locale.objects.filter(language_code="en").exists()
        else Locale.objects.get(language_code="en")
    )
    translated = home_page.copy_for_translation(english)
    translated.title = "Home"
    translated.save_revision().publish()
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Skip to content" in html

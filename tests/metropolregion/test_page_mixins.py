"""The page mixins of metropolregion.pages and the topics convention: every page type says
what summarises it and which image represents it, the shared fields are defined once, and
topics have one name."""

import datetime

import pytest
from taggit.managers import TaggableManager
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from events.blocks import UpcomingEventsBlock
from events.models import EventIndexPage, EventPage
from galleries.models import GalleryIndexPage, GalleryPage
from metropolregion.images.models import UNCREDITED_IMAGE
from metropolregion.models import FeedbackFormPage, HomePage, StandardPage
from metropolregion.pages import IntroMixin, PortalPageMixin, TeaserMixin
from metropolregion.templatetags.seo_tags import page_image, result_summary
from metropolregion.topics import TopicChoiceBlock
from news.models import NewsIndexPage, NewsPage
from projects.blocks import ProjectGridBlock
from projects.models import ProjectIndexPage, ProjectPage, WorkingGroupIndexPage, WorkingGroupPage

pytestmark = pytest.mark.django_db  # a new Page asks for the default locale

PORTAL_PAGES = [model for model in get_page_models() if model is not Page]
INTRO_PAGES = [
    StandardPage,
    FeedbackFormPage,
    NewsIndexPage,
    ProjectIndexPage,
    WorkingGroupIndexPage,
    GalleryIndexPage,
    EventIndexPage,
]


def image(credit="Erika Beispiel"):
    return get_image_model()(title="Bild", credit=credit, width=40, height=30)


def test_every_page_type_answers_the_seo_tags_itself():
    assert PORTAL_PAGES
    for model in PORTAL_PAGES:
        assert issubclass(model, PortalPageMixin), model


def test_intro_teaser_and_image_are_defined_once_in_the_mixins():
    intro = IntroMixin._meta.get_field("intro")
    for model in INTRO_PAGES:
        assert issubclass(model, IntroMixin), model
        assert model._meta.get_field("intro").deconstruct()[1:] == intro.deconstruct()[1:]
    for model in PORTAL_PAGES:  # no page defines an intro of its own
        if any(field.name == "intro" for field in model._meta.get_fields()):
            assert model in INTRO_PAGES, model
    for model in (NewsPage, EventPage):
        assert issubclass(model, TeaserMixin), model
        for name in ("teaser", "image"):
            field = TeaserMixin._meta.get_field(name)
            assert model._meta.get_field(name).deconstruct()[1:] == field.deconstruct()[1:]


def test_the_search_description_comes_first_then_the_pages_own_summary():
    cases = [
        (StandardPage(intro="Wer wir sind."), "Wer wir sind."),
        (EventIndexPage(intro="Alle Termine."), "Alle Termine."),
        (NewsPage(teaser="Neues aus der Region."), "Neues aus der Region."),
        (EventPage(teaser="Ein Kongress."), "Ein Kongress."),
        (ProjectPage(teaser="Ein Projekt."), "Ein Projekt."),
        (WorkingGroupPage(purpose="Wofür wir da sind."), "Wofür wir da sind."),
        (GalleryPage(description="Bilder vom Fest."), "Bilder vom Fest."),
        (HomePage(), ""),
    ]
    for page, own in cases:
        assert page.listing_summary() == own, page
        assert result_summary(page) == own
        page.search_description = "Von der Redaktion."
        assert page.listing_summary() == "Von der Redaktion."
        page.search_description = "   "  # blank counts as none
        assert page.listing_summary() == own


def test_a_page_of_no_portal_type_is_summarised_by_its_search_description():
    assert result_summary(Page(title="Root", search_description="Wurzel")) == "Wurzel"
    assert result_summary("") == ""  # `page` missing in a template
    assert page_image(Page(title="Root")) is None


def test_the_teaser_image_logo_and_default_represent_a_page():
    photo, logo = image(), image()
    assert NewsPage(image=photo).social_image() is photo
    assert EventPage(image=photo).social_image() is photo
    assert ProjectPage(logo=logo).social_image() is logo
    assert page_image(NewsPage(image=photo)) is photo
    assert NewsPage().social_image() is None
    assert StandardPage().social_image() is None
    assert NewsPage.og_type == "article" and StandardPage.og_type == "website"


def test_the_hero_image_represents_the_home_page(home_page):
    hero = next(child.value for child in home_page.body if child.block_type == "hero")
    assert home_page.social_image() == hero["image"]
    home_page.body = []
    assert home_page.social_image() is None


def test_a_teaser_image_must_name_its_photographer():
    page = NewsPage(teaser="Neu", date=datetime.date(2025, 6, 24), image=image(credit=""))
    assert page.teaser_errors() == {"image": UNCREDITED_IMAGE}
    page.image = image()
    assert page.teaser_errors() == {}
    page.image = None
    assert page.teaser_errors() == {}


def test_topics_have_one_name_in_every_app():
    for model in PORTAL_PAGES:
        managers = [
            field.name for field in model._meta.get_fields() if isinstance(field, TaggableManager)
        ]
        assert managers in ([], ["topics"]), model
    assert {"topics"} <= {field.name for field in NewsPage._meta.get_fields()}
    assert {"topics"} <= {field.name for field in EventPage._meta.get_fields()}


def test_blocks_choose_topics_with_the_one_topic_choice_block(django_assert_num_queries):
    for block in (ProjectGridBlock(), UpcomingEventsBlock()):
        topic = block.child_blocks["topic"]
        assert type(topic) is TopicChoiceBlock
        assert not topic.search_index
        with django_assert_num_queries(0):  # the stored slug, never looked up
            assert topic.to_python("wasserstoff") == "wasserstoff"
            assert topic.to_python(None) == ""
        # frozen into the core's migrations without the app's function that lists them
        path, _args, kwargs = topic.deconstruct()
        assert (path, kwargs["choices"]) == ("wagtail.blocks.ChoiceBlock", [])

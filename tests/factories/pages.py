import factory
import wagtail_factories

from metropolregion import home_blocks
from metropolregion.models import FeedbackFormPage, HomePage, StandardPage

from .blocks import (
    CallToActionBlockFactory,
    FeaturedItemsBlockFactory,
    HeroBlockFactory,
    SectionBlockFactory,
    SocialLinksBlockFactory,
)


class BaseStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    section = factory.SubFactory(SectionBlockFactory)
    featured = factory.SubFactory(FeaturedItemsBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)
    social = factory.SubFactory(SocialLinksBlockFactory)

    class Meta:
        model = home_blocks.BaseStreamBlock


class HomeStreamBlockFactory(BaseStreamBlockFactory):
    hero = factory.SubFactory(HeroBlockFactory)

    class Meta:
        model = home_blocks.HomeStreamBlock


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    slug = factory.Sequence(lambda n: f"start-{n}")
    body = wagtail_factories.StreamFieldFactory(HomeStreamBlockFactory)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="de_DE")
    intro = factory.Faker("paragraph", locale="de_DE")
    body = wagtail_factories.StreamFieldFactory(BaseStreamBlockFactory)

    class Meta:
        model = StandardPage


class FeedbackFormPageFactory(wagtail_factories.PageFactory):
    title = "Erklärung zur Barrierefreiheit"
    slug = factory.Sequence(lambda n: f"barrierefreiheit-{n}")
    intro = factory.Faker("sentence", locale="de_DE")
    form_heading = "Barriere melden"
    thank_you_text = "<p>Danke, wir kümmern uns darum.</p>"
    to_address = "barrierefreiheit@example.org"
    subject = "Meldung einer Barriere"

    class Meta:
        model = FeedbackFormPage

"""The credit is formatted once (templates/components/credit.html) and shown exactly once
wherever an image appears: hero and cards of the home page, teaser cards, news article,
event page, gallery page (in the caption the lightbox copies), testimonial portraits.
Nobody types "Foto:" any more, so no page says "Foto: Foto:"."""

import json
import re

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Revision

from metropolregion.images.models import Licence
from news.models import NewsPage
from tests.factories import ImageFactory, StandardPageFactory
from tests.factories.events import EventPageFactory, berlin
from tests.factories.galleries import (
    GalleryImageFactory,
    GalleryIndexPageFactory,
    GalleryPageFactory,
    SmallImageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.testimonials import TestimonialFactory as make_testimonial

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load credit_tags %}" + source).render(Context(context))


def test_credit_line_says_foto_once_and_the_licence_unless_all_rights_reserved():
    image = ImageFactory.build(credit="Erika Beispiel", licence=Licence.ALL_RIGHTS_RESERVED)
    with translation.override("de"):
        assert image.credit_line == "Foto: Erika Beispiel"
        image.licence = Licence.PRESS
        assert (
            image.credit_line == "Foto: Erika Beispiel (Pressefoto, frei für redaktionelle Nutzung)"
        )
    with translation.override("en"):
        assert image.credit_line == "Photo: Erika Beispiel (Press photo, free for editorial use)"
    assert ImageFactory.build(credit="").credit_line == ""


def test_component_as_caption_inline_and_without_links():
    image = ImageFactory.build(credit="Jan <Muster>", licence=Licence.CC_BY)
    with translation.override("de"):
        inline = render("{% image_credit image %}", image=image).strip()
        caption = render('{% image_credit image caption=True class_name="x" %}', image=image)
        unlinked = render("{% image_credit image links=False %}", image=image).strip()
    assert inline == (
        '<small class="credit">Foto: Jan &lt;Muster&gt; (<a href="https://creativecommons.org/'
        'licenses/by/4.0/deed.de" rel="license">CC BY 4.0</a>)</small>'
    )
    assert caption.strip().startswith('<figcaption class="credit-caption x"><small class="credit">')
    assert unlinked == '<small class="credit">Foto: Jan &lt;Muster&gt; (CC BY 4.0)</small>'
    # nothing at all for an image without credit, or no image
    assert (
        render("{% image_credit image caption=True %}", image=ImageFactory.build(credit="")).strip()
        == ""
    )
    assert render("{% image_credit image %}", image=None).strip() == ""


def credited(name, factory=ImageFactory, **kwargs):
    return factory(credit=name, **kwargs)


@pytest.fixture
def site_with_images(home_page, calendar_page, frozen):
    """Every kind of page that shows an image, each image with a photographer of its own."""
    frozen(berlin(2025, 6, 1, 12, 0))
    target = StandardPageFactory(parent=home_page, title="Ziel", slug="ziel")
    link = {"page": target.pk, "url": "", "label": ""}
    portrait = credited("Tilda Testimonial", SmallImageFactory)
    make_testimonial(portrait=portrait, name="Frau Beispiel")
    home_page.body = json.dumps(
        [
            {"type": "hero", "value": {"tagline": "T", "text": "x", "link": link,
                                       "image": credited("Hera Held").pk, "image_alt": ""}},
            {"type": "featured", "value": {"heading": "Karten", "intro": "", "items": [
                {"type": "item", "id": f"karte-{n}", "value": {"image": credited(f"Karla Karte {n}").pk,
                                           "title": f"Karte {n}", "text": "", "link": link}}
                for n in range(2)
            ]}},
            {"type": "testimonials", "value": {"heading": "Stimmen", "mode": "rotating",
                                               "testimonials": [], "count": 1}},
        ]
    )  # fmt: skip
    home_page.save_revision().publish()
    news_index = NewsIndexPageFactory(parent=home_page)
    article = NewsPageFactory(
        parent=news_index, slug="artikel", image=credited("Nora Nachricht", licence=Licence.CC_BY)
    )
    event = EventPageFactory(
        parent=calendar_page, slug="kongress", start=berlin(2025, 6, 24, 10, 0),
        image=credited("Eva Event"),
    )  # fmt: skip
    galleries = GalleryIndexPageFactory(parent=home_page, slug="galerien")
    gallery = GalleryPageFactory(parent=galleries, slug="bilder")
    for n in range(2):
        GalleryImageFactory(
            page=gallery, sort_order=n, caption=f"Bild {n}",
            image=credited(f"Gina Galerie {n}", SmallImageFactory, licence=Licence.CC_BY_SA),
        )  # fmt: skip
    return {"news_index": news_index, "article": article, "event": event, "gallery": gallery}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Foto: Foto:" not in html and "Photo: Foto" not in html
    return html


def test_home_page_credits_hero_cards_and_portraits_once(client, site_with_images):
    html = html_of(client, "/")
    for name in ("Hera Held", "Karla Karte 0", "Karla Karte 1", "Tilda Testimonial"):
        assert html.count(name) == 1, name
        assert f"Foto: {name}" in html
    hero = re.search(r'<figure class="hero__media">(.*?)</figure>', html, re.S).group(1)
    assert "<picture>" in hero and "Foto: Hera Held" in hero
    for card in re.findall(r'<li class="card">(.*?)</li>', html, re.S):
        # the credit of a card is text: the card's link covers the whole card
        figure = re.search(r'<figure class="card__media">(.*?)</figure>', card, re.S).group(1)
        assert "Foto: Karla Karte" in figure and "<a " not in figure


def test_news_list_card_and_article_credit_once(client, site_with_images):
    listing = html_of(client, site_with_images["news_index"].url)
    assert listing.count("Nora Nachricht") == 1
    card = re.search(r'<figure class="card__media">(.*?)</figure>', listing, re.S).group(1)
    assert "Foto: Nora Nachricht (CC BY 4.0)" in card and "<a " not in card

    article = html_of(client, site_with_images["article"].url)
    assert article.count("Nora Nachricht") == 1
    figure = re.search(r'<figure class="container news-article__figure">(.*?)</figure>',
                       article, re.S).group(1)  # fmt: skip
    assert '<figcaption class="credit-caption news-article__credit">' in figure
    assert (
        'Foto: Nora Nachricht (<a href="https://creativecommons.org/licenses/by/4.0/deed.de"'
        in figure
    )


def test_event_page_and_calendar_credit_once(client, site_with_images, calendar_page):
    page = html_of(client, site_with_images["event"].url)
    assert page.count("Eva Event") == 1
    assert re.search(
        r'<figcaption class="credit-caption event__credit"><small class="credit">Foto: Eva Event'
        r"</small></figcaption>",
        page,
    )
    calendar = html_of(client, calendar_page.url)
    assert calendar.count("Foto: Eva Event") == 1


def test_gallery_captions_carry_the_credit_the_lightbox_shows(client, site_with_images):
    html = html_of(client, site_with_images["gallery"].url)
    figures = re.findall(r'<figure class="gallery__figure">(.*?)</figure>', html, re.S)
    assert len(figures) == 2
    for n, figure in enumerate(figures):
        # lightbox.js copies the <figcaption> of the figure around the link it opens
        assert re.search(r'<a class="gallery__link" [^>]*data-lightbox-jpeg=', figure)
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.S).group(1)
        assert f"Bild {n}" in caption
        assert caption.count("Foto:") == 1 and f"Foto: Gina Galerie {n} (<a " in caption
        assert 'rel="license">CC BY-SA 4.0</a>)' in caption
    assert html.count("Gina Galerie") == 2
    # the gallery teaser card shows the cover's credit, once
    listing = html_of(client, "/galerien/")
    assert listing.count("Foto: Gina Galerie 0") == 1


def test_old_revisions_with_page_credits_still_load(site_with_images):
    """Revisions saved before the migration hold `image_credit` (news, events) and a credit
    and licence per gallery picture; Wagtail ignores the fields a model no longer has."""
    article = site_with_images["article"]
    revision = article.save_revision()
    content = {**revision.content, "image_credit": "Foto: Alte Angabe"}
    Revision.objects.filter(pk=revision.pk).update(content=content)
    restored = Revision.objects.get(pk=revision.pk).as_object()
    assert isinstance(restored, NewsPage) and restored.image_id == article.image_id
    assert not hasattr(restored, "image_credit")

    gallery = site_with_images["gallery"]
    revision = gallery.save_revision()
    content = revision.content
    for picture in content["gallery_images"]:
        picture.update(credit="Foto: Alt", licence="pressefoto")
    Revision.objects.filter(pk=revision.pk).update(content=content)
    restored = Revision.objects.get(pk=revision.pk).as_object()
    assert [p.caption for p in restored.gallery_images.all()] == ["Bild 0", "Bild 1"]

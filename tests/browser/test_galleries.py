"""A visitor looks at picture galleries: the list, a gallery and its lightbox (by keyboard
alone), the same without JavaScript, and the home page's gallery teaser and testimonials;
every page and the open lightbox pass axe."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from galleries.models import GalleryPage

from .conftest import axe_violations, describe

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
GALLERY = "/galerien/5-mitteldeutscher-wasserstoffkongress/"


@pytest.fixture
def demo_site(demo_site):
    """The demo site with its galleries and testimonials, its pages rendered once before
    the browser starts so that their renditions exist before Chromium asks."""
    from django.test import Client

    client = Client()
    for url in ("/", "/galerien/", GALLERY):
        assert client.get(url).status_code == 200
    return demo_site


def picture_count():
    return GalleryPage.objects.get(
        slug="5-mitteldeutscher-wasserstoffkongress"
    ).gallery_images.count()


def position(current, total):
    """The live region's text in German (as translated, or the English msgid until then)."""
    with translation.override("de"):
        return gettext("Picture {current} of {total}").format(current=current, total=total)


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


def active(page, expression):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_gallery_list_gallery_and_open_lightbox_pass_axe(demo_site, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/galerien/")
    cards = page.locator("article.card")
    assert cards.count() == GalleryPage.objects.live().filter(locale__language_code="de").count()
    assert cards.first.inner_text().count("5. Mitteldeutscher Wasserstoffkongress") == 1
    assert_accessible(page)

    cards.first.get_by_role("link").click()
    page.wait_for_url("**" + GALLERY)
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "5. Mitteldeutscher Wasserstoffkongress"
    )
    figures = page.locator("figure.gallery__figure")
    assert figures.count() == picture_count()
    assert "Foto: " in figures.first.locator("figcaption").inner_text()
    page.mouse.wheel(0, 20000)  # bring the lazy thumbnails into view
    page.wait_for_load_state("networkidle")
    assert_accessible(page)

    page.locator("a.gallery__link").nth(1).click()
    dialog = page.locator("dialog.lightbox[open]")
    dialog.wait_for()
    assert dialog.evaluate("el => getComputedStyle(el).animationName") == "lightbox-in"
    page.wait_for_function(
        "() => document.querySelector('.lightbox__image').complete"
        " && document.querySelector('.lightbox__image').naturalWidth > 0"
    )
    # axe measures contrast as painted: wait until the 0.18 s fade-in has ended.
    page.wait_for_function(
        "() => document.querySelector('dialog.lightbox').getAnimations()"
        ".every(a => a.playState === 'finished')"
    )
    assert_accessible(page)


def test_lightbox_works_with_the_keyboard_alone(demo_site, page):
    total = picture_count()
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.emulate_media(reduced_motion="reduce")
    page.goto(demo_site + GALLERY)

    for _ in range(80):  # Tab through the header to the first thumbnail
        page.keyboard.press("Tab")
        if active(page, "el.classList.contains('gallery__link')"):
            break
    else:
        pytest.fail("Tab never reached a thumbnail")
    first_href = active(page, "el.getAttribute('href')")
    assert first_href == page.locator("a.gallery__link").first.get_attribute("href")

    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    page.wait_for_function("() => document.querySelector('dialog.lightbox').open")
    assert page.evaluate("() => document.querySelector('dialog.lightbox').matches(':modal')")
    assert active(page, "el.classList.contains('lightbox__close')")
    assert dialog.evaluate("el => getComputedStyle(el).animationName") == "none"
    status = dialog.locator(".lightbox__status")
    assert status.get_attribute("aria-live") == "polite"
    page.wait_for_function(
        "text => document.querySelector('.lightbox__status').textContent === text",
        arg=position(1, total),
    )
    first_caption = page.locator("figure.gallery__figure figcaption").first.inner_text()
    assert dialog.locator(".lightbox__caption").inner_text() == first_caption
    assert dialog.locator(".lightbox__image").get_attribute("src") == demo_site + first_href

    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "text => document.querySelector('.lightbox__status').textContent === text",
        arg=position(2, total),
    )
    second = page.locator("a.gallery__link").nth(1).get_attribute("href")
    assert dialog.locator(".lightbox__image").get_attribute("src") == demo_site + second
    assert "Foto: " in dialog.locator(".lightbox__caption").inner_text()

    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # from the first picture back to the last
    page.wait_for_function(
        "text => document.querySelector('.lightbox__status').textContent === text",
        arg=position(total, total),
    )

    # Tab and Shift+Tab stay inside the dialog.
    for key in ["Tab"] * 7 + ["Shift+Tab"] * 7:
        page.keyboard.press(key)
        assert active(page, "!!el.closest('dialog.lightbox')"), f"{key} left the dialog"

    # The buttons work with Enter too.
    page.focus(".lightbox__next")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "text => document.querySelector('.lightbox__status').textContent === text",
        arg=position(1, total),
    )

    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('dialog.lightbox').open")
    assert active(page, "el.getAttribute('href')") == first_href  # back on the thumbnail
    assert active(page, "el.classList.contains('gallery__link')")

    # Opened from another thumbnail and closed with its button (Enter on the focused close
    # button, after moving on a picture): focus returns to the thumbnail that opened it.
    third = page.locator("a.gallery__link").nth(2)
    third.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('dialog.lightbox').open")
    page.wait_for_function(
        "text => document.querySelector('.lightbox__status').textContent === text",
        arg=position(3, total),
    )
    page.keyboard.press("ArrowRight")
    assert active(page, "el.classList.contains('lightbox__close')")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('dialog.lightbox').open")
    assert active(page, "el.getAttribute('href')") == third.get_attribute("href")


def test_without_javascript_a_thumbnail_opens_the_large_picture(demo_site, browser):
    context = browser.new_context(
        java_script_enabled=False, locale="de-DE", timezone_id="Europe/Berlin"
    )
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(demo_site + GALLERY)
        assert page.locator("html.no-js").count() == 1  # no script ran
        assert page.locator("dialog").count() == 0  # the lightbox exists only as a template
        link = page.locator("a.gallery__link").first
        href = link.get_attribute("href")
        with page.expect_response(re.compile(r".*\.jpg$")) as response_info:
            link.click()
        page.wait_for_url("**" + href)
        response = response_info.value
        assert response.status == 200
        assert response.headers["content-type"] == "image/jpeg"
        assert "max-1600x1600" in page.url
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_home_page_gallery_teaser_and_testimonials(demo_site, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/")
    teaser = page.locator(".gallery-teaser")
    assert teaser.locator("article.card").count() == 3
    assert (
        "5. Mitteldeutscher Wasserstoffkongress"
        in teaser.locator("article.card").first.inner_text()
    )
    quotes = page.locator(".testimonials figure.testimonial")
    assert quotes.count() == 3
    assert quotes.first.locator("blockquote").inner_text().strip()
    page.mouse.wheel(0, 20000)
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    teaser.get_by_role("link", name=re.compile("Wasserstoffkongress")).click()
    page.wait_for_url("**" + GALLERY)

"""Demo content of the news app (demo/data/news.yaml): the news index with a press contact
and two dozen news items and press releases, some with drawn pictures, and the latest news
on the home page. Safe to run again: pages are found by slug, images by title."""

from projects.models import WorkingGroupPage
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

from . import data, drawings, home
from .building import block, ensure_image, link_in_menu, sections, stream, upsert
from .core import PICTURE_ALT

IMAGE_SIZE = (1280, 800)

TEXTS = data.load("news")
INDEX = TEXTS["index"]
NEWS = TEXTS["news"]
PHOTOGRAPHERS = TEXTS["photographers"]


def working_groups():
    """The demo's working groups by the keys of the news items, as far as they exist."""
    keys = TEXTS["working_groups"]
    found = {page.slug: page for page in WorkingGroupPage.objects.filter(slug__in=keys.values())}
    return {key: found[slug] for key, slug in keys.items() if slug in found}


def news_image(item):
    picture = item["image"]
    return ensure_image(
        f"News {item['slug']}",
        lambda: drawings.picture(picture["theme"], picture["seed"], picture["palette"], IMAGE_SIZE),
        credit=PHOTOGRAPHERS[picture["photographer"]],
        description=PICTURE_ALT[picture["theme"]],
    )


def create(stdout, home_page):
    """Create or update the news index below the home page, fill it and link it in the main
    menu; returns the index and the home-page block."""
    index = upsert(
        home_page,
        NewsIndexPageFactory,
        INDEX["slug"],
        title=INDEX["title"],
        intro=INDEX["intro"],
        press_contact=stream([("contact", TEXTS["press_contact"])]),
    )
    stdout.write(f"• News: Übersicht „{index.title}“ mit Pressekontakt")
    groups = working_groups()
    pictured = 0
    for item in NEWS:
        image = news_image(item) if item["image"] else None
        pictured += image is not None
        upsert(
            index,
            NewsPageFactory,
            item["slug"],
            topics=item["topics"],
            title=item["title"],
            date=item["date"],
            kind=item["kind"],
            teaser=item["teaser"],
            image=image,
            body=sections(item["sections"]),
            working_group=groups.get(item["group"]),
            search_description="",
        )
    stdout.write(
        f"• News: {len(NEWS)} Meldungen, {pictured} mit Bild, "
        f"{len(groups)} Arbeitsgruppen zugeordnet"
    )
    blocks = [block("news", {**TEXTS["home_block"], "index": index.pk}, "home-news")]
    stdout.write("• Startseite: die neuesten News")
    if link_in_menu(home_page, "main_menu", [(index, "News")], "menu"):
        stdout.write("• Hauptnavigation: News verlinkt")
    return index, blocks


def build(stdout, home_page):
    """Create or update the news index below the home page and fill it."""
    return home.build_alone(create, stdout, home_page)

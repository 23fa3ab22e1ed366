"""Demo content of the news app: the news index with a press contact and two dozen news
items and press releases, some with generated pictures. Safe to run again: pages are found
by slug, images by title."""

import json
import uuid

from django.apps import apps
from django.db import transaction

from metropolregion.demo import images as drawings
from metropolregion.demo.core import (
    _stream,
    demo_collection,
    ensure_image,
    link_in_main_menu,
    publish,
    upsert_child,
)

from . import demo_texts as texts
from .models import NewsIndexPage, NewsPage

IMAGE_SIZE = (1280, 800)


def working_groups():
    """The demo's working groups by key, as far as the projects app has created them."""
    try:
        WorkingGroupPage = apps.get_model("projects", "WorkingGroupPage")
    except LookupError:
        return {}
    found = {
        page.slug: page
        for page in WorkingGroupPage.objects.filter(slug__in=texts.WORKING_GROUP_SLUGS.values())
    }
    return {key: found[slug] for key, slug in texts.WORKING_GROUP_SLUGS.items() if slug in found}


def news_image(item, collection):
    palette, seed = item["image"]
    image = ensure_image(
        f"News {item['slug']}",
        lambda: drawings.landscape(seed, palette, IMAGE_SIZE),
        collection,
        credit=texts.PHOTOGRAPHERS[item["photographer"]],
    )
    alt = texts.IMAGE_ALT[palette]
    if image.description != alt:
        image.description = alt
        image.save(update_fields=["description"])
    return image


def upsert_news(index, item, image, group):
    fields = {
        "title": item["title"],
        "date": item["date"],
        "kind": item["kind"],
        "teaser": item["teaser"],
        "image": image,
        "body": _stream([("section", {"heading": h, "text": t}) for h, t in item["sections"]]),
        "working_group": group,
        "search_description": "",
    }
    page = index.get_children().filter(slug=item["slug"]).first()
    if page is None:
        page = NewsPage(slug=item["slug"], **fields)
        page.tags.set(item["tags"])
        index.add_child(instance=page)
    else:
        page = page.specific
        for name, value in fields.items():
            setattr(page, name, value)
        page.tags.set(item["tags"])
        page.save()
    return publish(page)


def build(stdout, home):
    """Create or update the news index below `home` and fill it."""
    with transaction.atomic():
        index = upsert_child(
            home,
            NewsIndexPage,
            texts.INDEX["slug"],
            title=texts.INDEX["title"],
            intro=texts.INDEX["intro"],
            press_contact=_stream([("contact", texts.PRESS_CONTACT)]),
        )
        stdout.write(f"• News: Übersicht „{index.title}“ mit Pressekontakt")

        collection = demo_collection()
        groups = working_groups()
        pictured = 0
        for item in texts.NEWS:
            image = news_image(item, collection) if item["image"] else None
            pictured += image is not None
            upsert_news(index, item, image, groups.get(item["group"]))
        stdout.write(
            f"• News: {len(texts.NEWS)} Meldungen, {pictured} mit Bild, "
            f"{len(groups)} Arbeitsgruppen zugeordnet"
        )
        add_home_block(stdout, home, index)
        if link_in_main_menu(home, [(index, "News")]):
            stdout.write("• Hauptnavigation: News verlinkt")
    return index


def add_home_block(stdout, home, index):
    """Show the latest news on the home page, after the project grid (or the opening
    blocks) and before the working groups; replaces the block of earlier runs."""
    home = home.specific
    raw = [item for item in home.body.raw_data if item["type"] != "news"]
    block = {
        "type": "news",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "home-news")),
        "value": {**texts.HOME_BLOCK, "kind": "", "tag": "", "index": index.pk},
    }
    types = [item["type"] for item in raw]
    after = max(
        (types.index(t) + 1 for t in ("hero", "featured", "projects") if t in types), default=0
    )
    raw.insert(after, block)
    home.body = json.dumps(raw)
    home.save()
    publish(home)
    stdout.write("• Startseite: die neuesten News")

"""What every demo builder does: find its objects by a stable key (slug, title, name) and
update them, or create them with the test factories; publish; write StreamField data with
ids that stay the same from run to run; draw pictures once; link pages in the menus."""

import io
import json
import uuid

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from metropolregion.models import NavigationSettings
from tests.factories import ImageFactory

COLLECTION = "Demo-Inhalte"
# The credit of the association's own drawings and logos.
ASSOCIATION = "Metropolregion Mitteldeutschland"


def block_id(key):
    """A block id derived from `key`: the same on every run."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, key))


def block(block_type, value, key):
    """One raw StreamField block with the id of `key`."""
    return {"type": block_type, "value": value, "id": block_id(key)}


def raw_blocks(pairs, prefix=""):
    """Raw StreamField blocks from (type, value) pairs, with ids by prefix, type and place."""
    return [block(t, value, f"{prefix}{t}-{n}") for n, (t, value) in enumerate(pairs)]


def stream(pairs, prefix=""):
    """StreamField data (JSON) from (type, value) pairs; see raw_blocks."""
    return json.dumps(raw_blocks(pairs, prefix))


def sections(items, prefix=""):
    """StreamField data of section blocks from {heading, text} items of the data files."""
    return stream(
        [("section", {"heading": s["heading"], "text": s["text"]}) for s in items], prefix
    )


def link(page=None, url="", label=""):
    """The value of a LinkBlock."""
    return {"page": page.pk if page else None, "url": url, "label": label}


def publish(page):
    page.save_revision().publish()
    return page


def upsert(parent, factory, slug, topics=None, **fields):
    """The child `slug` of `parent`, updated with `fields` (and `topics`, names of the
    page's topics) or created by `factory`, and published. A child of another page type
    (the demo changed it, e.g. to a form page) is replaced."""
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is not None and type(page) is not factory._meta.model:
        page.delete()
        page = None
    if page is None:
        if topics is not None:
            fields["topics"] = topics  # set by the factory
        page = factory(parent=parent, slug=slug, **fields)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
        if topics is not None:
            page.topics.set(topics)
        page.save()
    return publish(page)


def upsert_object(factory, lookup, **fields):
    """The object found by `lookup`, updated with `fields`, or created by `factory`."""
    found = factory._meta.model.objects.filter(**lookup).first()
    if found is None:
        return factory(**lookup, **fields)
    for name, value in fields.items():
        setattr(found, name, value)
    found.save()
    return found


def demo_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION).first() or root.add_child(name=COLLECTION)


def ensure_image(title, draw, credit=ASSOCIATION, licence=None, description=None):
    """The picture `title` of the demo collection: found, or drawn by `draw()` (PNG bytes).
    Either way credited to `credit` (an invented photographer, or the association for its
    own drawings and logos), under `licence` if given (a new picture: all rights reserved)
    and, if given, described by `description` (its alt text)."""
    collection = demo_collection()
    wanted = {"credit": credit}
    if licence:
        wanted["licence"] = licence
    if description is not None:
        wanted["description"] = description
    image = get_image_model().objects.filter(title=title, collection=collection).first()
    if image is None:
        filename = title.lower().replace(" ", "-") + ".png"
        return ImageFactory(
            title=title,
            collection=collection,
            file=ImageFile(io.BytesIO(draw()), name=filename),
            **wanted,
        )
    changed = [name for name, value in wanted.items() if getattr(image, name) != value]
    for name in changed:
        setattr(image, name, wanted[name])
    if changed:
        image.save(update_fields=changed)
    return image


def link_in_menu(home, menu, links, key):
    """Add (page, label) links to `menu` ("main_menu" or "footer_menu") of the site rooted
    at `home`, before the link to its child "kontakt" (or at the end); pages in the menu
    already are left alone. `key` prefixes the new blocks' ids. Returns the pages added
    (an empty label shows the page's title)."""
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        return []
    navigation = NavigationSettings.for_site(site)
    raw = list(getattr(navigation, menu).raw_data)
    linked = {item["value"].get("page") for item in raw if item["type"] == "link"}
    missing = [(page, label) for page, label in links if page.pk not in linked]
    if not missing:
        return []
    contact = set(home.get_children().filter(slug="kontakt").values_list("pk", flat=True))
    position = next(
        (
            n
            for n, item in enumerate(raw)
            if item["type"] == "link" and item["value"].get("page") in contact
        ),
        len(raw),
    )
    for offset, (page, label) in enumerate(missing):
        raw.insert(position + offset, block("link", link(page, label=label), f"{key}-{page.slug}"))
    setattr(navigation, menu, json.dumps(raw))
    navigation.save()
    return [page for page, _label in missing]

"""Demo content of the galleries app (demo/data/galleries.yaml): picture galleries of the
association's events, the newest first, each with drawn pictures credited to invented
example photographers (the credit and licence belong to each image), and a gallery teaser
on the home page. Each gallery points to the page of its event when the calendar has it,
and then takes the event's first day as its date. Runs again without duplicating
anything: pages are looked up by slug, images by title."""

from events.models import EventPage
from galleries.models import GalleryImage
from metropolregion.images.models import Licence
from tests.factories.galleries import GalleryIndexPageFactory, GalleryPageFactory

from . import data, drawings, home
from .building import block, ensure_image, upsert

PICTURE_SIZE = (1600, 1067)

TEXTS = data.load("galleries")
PHOTOGRAPHERS = TEXTS["photographers"]


def event_pages(index):
    """The event pages of the galleries by gallery slug, as far as the calendar has them
    (in the language of the gallery list)."""
    slugs = {item["slug"]: item["event"] for item in TEXTS["galleries"] if item["event"]}
    found = {
        page.slug: page
        for page in EventPage.objects.filter(
            slug__in=slugs.values(), locale_id=index.locale_id
        ).order_by("path")
    }
    return {gallery: found[event] for gallery, event in slugs.items() if event in found}


def pictures(number, item):
    """The gallery's images, drawn once, with their photographers and licences."""
    return [
        ensure_image(
            f"Galerie {item['slug']} {n + 1:02d}",
            lambda seed=3000 + 50 * number + n, theme=picture["theme"]: drawings.picture(
                theme, seed, item["palette"], PICTURE_SIZE
            ),
            credit=PHOTOGRAPHERS[picture["photographer"]],
            licence=Licence(picture["licence"]),
        )
        for n, picture in enumerate(item["pictures"])
    ]


def build_galleries(stdout, index):
    events = event_pages(index)
    galleries = []
    for number, item in enumerate(TEXTS["galleries"]):
        images = pictures(number, item)
        event = events.get(item["slug"])
        gallery = upsert(
            index,
            GalleryPageFactory,
            item["slug"],
            title=item["title"],
            date=event.days[0] if event is not None else item["date"],
            description=item["description"],
            event=event,
            gallery_images=[
                GalleryImage(image=image, caption=picture["caption"], sort_order=n)
                for n, (image, picture) in enumerate(zip(images, item["pictures"], strict=True))
            ],
        )
        galleries.append(gallery)
        linked = f", zur Veranstaltung „{event.title}“" if event is not None else ""
        stdout.write(f"• Bildergalerie „{item['title']}“: {len(images)} Bilder{linked}")
    return galleries


def create(stdout, home_page):
    """Create or update the gallery list and its galleries; returns the list and the
    home-page teaser."""
    texts = TEXTS["index"]
    index = upsert(
        home_page,
        GalleryIndexPageFactory,
        texts["slug"],
        title=texts["title"],
        intro=texts["intro"],
    )
    build_galleries(stdout, index)
    blocks = [block("galleries", TEXTS["home_block"], "home-galleries")]
    stdout.write("• Startseite: Block mit den neuesten Bildergalerien")
    return index, blocks


def build(stdout, home_page):
    """Create or update the gallery list, its galleries and the home-page teaser."""
    return home.build_alone(create, stdout, home_page)

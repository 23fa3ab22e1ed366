"""Demo content of the galleries app: picture galleries of the association's events, the
newest first, each with generated pictures credited to invented example photographers (the
credit and licence belong to each image), and a gallery teaser on the home page.

The events and their dates of 2024 and June 2025 come from the association's homepage;
the date of the 5. Mitteldeutscher Wasserstoffkongress is a demo value. Captions are
written for this project, the pictures are drawn with Pillow, the photographers are
invented. Each gallery points to the page of its event when the events demo has created
it, and then takes the event's first day as its date. Runs again without duplicating
anything: pages are looked up by slug, images by title.
"""

import datetime
import json
import uuid

from django.apps import apps
from django.db import transaction

from metropolregion.demo import images as drawings
from metropolregion.demo.core import demo_collection, ensure_image, publish
from metropolregion.images.models import Licence

from .models import GalleryImage, GalleryIndexPage, GalleryPage

INDEX_SLUG = "galerien"
PICTURE_SIZE = (1600, 1067)

PHOTOGRAPHERS = [
    "Anna Beispiel",
    "Jan Muster",
    "Mara Exempel",
    "Paul Platzhalter",
]

ALL_RIGHTS, CC_BY, PRESS = Licence.ALL_RIGHTS_RESERVED, Licence.CC_BY, Licence.PRESS

# slug -> (title, date, palette, description, [(caption, photographer, licence)])
GALLERIES = {
    "5-mitteldeutscher-wasserstoffkongress": (
        "5. Mitteldeutscher Wasserstoffkongress",
        datetime.date(2025, 9, 16),
        "blue",
        "Unternehmen, Forschung, Politik und Verwaltung aus Sachsen, Sachsen-Anhalt und "
        "Thüringen trafen sich zum fünften Mal, um Wasserstoffprojekte der Region "
        "vorzustellen und neue Partnerschaften anzubahnen. Ausgerichtet wurde der Kongress "
        "gemeinsam mit dem HYPOS e. V.",
        [
            ("Begrüßung der Gäste im großen Saal", 0, PRESS),
            ("Podiumsgespräch über Elektrolyse, Speicher und Netze", 0, PRESS),
            ("Projekte aus allen drei Ländern stellen sich in der Ausstellung vor", 1, ALL_RIGHTS),
            ("Fachforum: Wasserstoff für die Chemieindustrie", 1, ALL_RIGHTS),
            ("Gespräche in der Kaffeepause", 0, PRESS),
            ("Am Stand der Wasserstoffregion Mitteldeutschland", 1, CC_BY),
            ("Fragen aus dem Publikum an die Referentinnen und Referenten", 0, PRESS),
            ("Abschlussrunde mit Stimmen aus Wirtschaft und Verwaltung", 1, ALL_RIGHTS),
        ],
    ),
    "jahreskonferenz-2025-zwickau": (
        "Jahreskonferenz 2025 in Zwickau",
        datetime.date(2025, 6, 24),
        "slate",
        "Energiewende, Automobilwirtschaft und grüne Chemie: In drei Sessions mit Impulsen "
        "und Gesprächsrunden ging es um den Wandel dieser Schlüsselbranchen und um das, was "
        "Unternehmen, Region und Politik daraus machen können.",
        [
            ("Ankommen und Anmelden am Morgen", 2, ALL_RIGHTS),
            ("Eröffnung der Jahreskonferenz", 2, PRESS),
            ("Session Energiewende: Impulsvortrag", 3, ALL_RIGHTS),
            ("Session Automobilwirtschaft: Gesprächsrunde auf dem Podium", 2, PRESS),
            ("Session grüne Chemie: Diskussion mit dem Publikum", 3, CC_BY),
            ("Austausch in der Mittagspause", 2, ALL_RIGHTS),
            ("Mitglieder im Gespräch am Rande der Konferenz", 3, ALL_RIGHTS),
            ("Zusammenfassung der drei Sessions", 2, PRESS),
            ("Ausklang am Abend", 3, ALL_RIGHTS),
        ],
    ),
    "expo-real-2024": (
        "Mitteldeutscher Gemeinschaftsstand auf der EXPO REAL 2024",
        datetime.date(2024, 10, 7),
        "teal",
        "Auf der Immobilienmesse in München zeigten Städte, Landkreise und Unternehmen am "
        "gemeinsamen Stand, welche Flächen und Projekte Mitteldeutschland zu bieten hat.",
        [
            ("Der Gemeinschaftsstand kurz vor Messebeginn", 1, PRESS),
            ("Gespräche mit Investorinnen und Investoren", 1, ALL_RIGHTS),
            ("Vorstellung neuer Gewerbeflächen", 0, ALL_RIGHTS),
            ("Podium zu Standortentwicklung im Revier", 1, PRESS),
            ("Besuch am Stand am zweiten Messetag", 0, CC_BY),
            ("Das Standteam zum Abschluss der Messe", 1, ALL_RIGHTS),
        ],
    ),
}


# gallery slug -> slug of the event page (events demo) the pictures were taken at
EVENT_SLUGS = {
    "5-mitteldeutscher-wasserstoffkongress": "5-mitteldeutscher-wasserstoffkongress",
    "jahreskonferenz-2025-zwickau": "jahreskonferenz-2025-zwickau",
    "expo-real-2024": "expo-real-2024",
}


def event_pages(index):
    """The event pages of the galleries by gallery slug, as far as the events app has
    created them (in the language of the gallery list)."""
    try:
        EventPage = apps.get_model("events", "EventPage")
    except LookupError:
        return {}
    found = {
        page.slug: page
        for page in EventPage.objects.filter(
            slug__in=EVENT_SLUGS.values(), locale_id=index.locale_id
        ).order_by("path")
    }
    return {gallery: found[event] for gallery, event in EVENT_SLUGS.items() if event in found}


def _upsert(parent, model, slug, **fields):
    """The child `slug` of `parent`, created or updated with `fields`, not yet published."""
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        return page
    for name, value in fields.items():
        setattr(page, name, value)
    return page


def build_index(home):
    index = _upsert(
        home,
        GalleryIndexPage,
        INDEX_SLUG,
        title="Bildergalerien",
        intro="Eindrücke von Kongressen, Konferenzen und Messen der Metropolregion – mit "
        "Bildunterschriften und den Namen der Fotografinnen und Fotografen.",
    )
    index.save()
    return publish(index)


def build_galleries(stdout, index):
    collection = demo_collection()
    events = event_pages(index)
    galleries = []
    for number, (slug, (title, date, palette, description, pictures)) in enumerate(
        GALLERIES.items()
    ):
        images = [
            ensure_image(
                f"Galerie {slug} {n + 1:02d}",
                lambda seed=3000 + 50 * number + n, palette=palette: drawings.landscape(
                    seed, palette, PICTURE_SIZE
                ),
                collection,
                credit=PHOTOGRAPHERS[photographer],
                licence=licence,
            )
            for n, (_caption, photographer, licence) in enumerate(pictures)
        ]
        event = events.get(slug)
        gallery = _upsert(
            index,
            GalleryPage,
            slug,
            title=title,
            date=event.days[0] if event is not None else date,
            description=description,
            related_page=event,
        )
        gallery.gallery_images = [
            GalleryImage(image=image, caption=caption, sort_order=n)
            for n, (image, (caption, _photographer, _licence)) in enumerate(
                zip(images, pictures, strict=True)
            )
        ]
        gallery.save()
        galleries.append(publish(gallery))
        linked = f", zur Veranstaltung „{event.title}“" if event is not None else ""
        stdout.write(f"• Bildergalerie „{title}“: {len(images)} Bilder{linked}")
    return galleries


def add_home_block(stdout, home):
    """Show the newest galleries on the home page after the blocks that list projects,
    news and events; replaces the block of earlier runs."""
    home = home.specific
    raw = [item for item in home.body.raw_data if item["type"] != "galleries"]
    block = {
        "type": "galleries",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "home-galleries")),
        "value": {"heading": "Bildergalerien", "mode": "newest", "galleries": [], "count": 3},
    }
    types = [item["type"] for item in raw]
    after = max(
        (
            types.index(t) + 1
            for t in ("hero", "featured", "projects", "news", "events")
            if t in types
        ),
        default=0,
    )
    raw.insert(after, block)
    home.body = json.dumps(raw)
    home.save()
    publish(home)
    stdout.write("• Startseite: Block mit den neuesten Bildergalerien")


def build(stdout, home):
    """Create or update the gallery list, its galleries and the home-page teaser."""
    with transaction.atomic():
        index = build_index(home)
        build_galleries(stdout, index)
        add_home_block(stdout, home)
    return index

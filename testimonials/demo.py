"""Demo content of the testimonials app: five invented example persons at example
organisations, with drawn portraits, and a testimonials block on the home page.

The association's homepage quotes real people; none of their names, organisations or
sentences appear here. Every quote is written for this project. Runs again without
duplicating anything: testimonials are looked up by name, portraits by title.
"""

import functools
import io
import json
import random
import uuid

from django.db import transaction
from PIL import Image, ImageDraw

from metropolregion.demo.core import demo_collection, ensure_image, publish
from metropolregion.demo.images import PALETTES

from .models import Testimonial

# (name, role, organisation, palette, quote)
TESTIMONIALS = [
    (
        "Dr. Franziska Beispiel",
        "Geschäftsführerin",
        "Musterchemie Mitteldeutschland GmbH",
        "teal",
        "Unsere Lieferketten enden nicht an einer Landesgrenze. Im Netzwerk der "
        "Metropolregion haben wir Partner gefunden, die wir allein kaum kennengelernt "
        "hätten – vom Zulieferer im Nachbarkreis bis zum Institut um die Ecke.",
    ),
    (
        "Prof. Dr. Henrik Muster",
        "Rektor",
        "Hochschule Beispielstadt",
        "blue",
        "Forschung wirkt erst, wenn jemand sie anwendet. Über die Metropolregion sitzen wir "
        "regelmäßig mit Betrieben an einem Tisch und erfahren früh, welche Fragen sie "
        "wirklich beschäftigen.",
    ),
    (
        "Katharina Vorbild",
        "Oberbürgermeisterin",
        "Stadt Musterstadt",
        "rose",
        "Als einzelne Stadt erreichen wir viel, aber nicht alles. Wenn Kommunen aus drei "
        "Ländern gemeinsam auftreten, wird Mitteldeutschland in Berlin und Brüssel deutlich "
        "besser gehört.",
    ),
    (
        "Ole Probelauf",
        "Mitgründer",
        "Beispiel Labs UG",
        "gold",
        "Für ein junges Unternehmen sind Kontakte fast alles. Das Netzwerk hat uns Türen "
        "geöffnet, an die wir sonst monatelang vergeblich geklopft hätten.",
    ),
    (
        "Dr. Ines Fiktiv",
        "Hauptgeschäftsführerin",
        "Beispielkammer für Handel und Gewerbe",
        "green",
        "Fachkräfte suchen sich kein Bundesland aus, sondern eine Region, in der sie gern "
        "leben und arbeiten. Zeigen können wir das nur gemeinsam.",
    ),
]


@functools.lru_cache(maxsize=64)
def portrait(seed: int, palette: str = "blue", size: int = 600) -> bytes:
    """A simple drawn head-and-shoulders portrait on a coloured ground, as PNG bytes."""
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    dark, mid, light = PALETTES[palette]
    skin = rng.choice(["#f1c7a6", "#e0a98a", "#c68863", "#8d5a3b", "#f6d9c4"])
    hair = rng.choice(["#2b1d14", "#5a3a22", "#a0703c", "#d8c08a", "#7a7a7a"])
    image = Image.new("RGB", (size, size), light)
    draw = ImageDraw.Draw(image)
    s = size / 600
    draw.ellipse([-150 * s, 380 * s, 750 * s, 1000 * s], fill=mid)  # shoulders
    draw.rectangle([262 * s, 330 * s, 338 * s, 430 * s], fill=skin)  # neck
    draw.ellipse([185 * s, 95 * s, 415 * s, 365 * s], fill=hair)  # hair
    draw.ellipse([200 * s, 130 * s, 400 * s, 370 * s], fill=skin)  # face
    draw.chord([195 * s, 100 * s, 405 * s, 270 * s], 180, 360, fill=hair)  # fringe
    draw.polygon([(220 * s, 470 * s), (300 * s, 560 * s), (380 * s, 470 * s)], fill=dark)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def build_testimonials(stdout):
    collection = demo_collection()
    testimonials = []
    for n, (name, role, organisation, palette, quote) in enumerate(TESTIMONIALS):
        picture = ensure_image(
            f"Porträt {name}",
            lambda seed=4000 + n, palette=palette: portrait(seed, palette),
            collection,
        )
        testimonial = Testimonial.objects.filter(name=name).first() or Testimonial(name=name)
        testimonial.role = role
        testimonial.organisation = organisation
        testimonial.quote = quote
        testimonial.portrait = picture
        testimonial.is_active = True
        testimonial.sort_order = n
        testimonial.save()
        testimonials.append(testimonial)
    stdout.write(f"• Stimmen: {len(testimonials)} Beispielpersonen mit Porträts")
    return testimonials


def add_home_block(stdout, home):
    """Show three testimonials, changing daily, after the gallery teaser (or the blocks
    that list projects and news); replaces the block of earlier runs."""
    home = home.specific
    raw = [item for item in home.body.raw_data if item["type"] != "testimonials"]
    block = {
        "type": "testimonials",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "home-testimonials")),
        "value": {
            "heading": "Stimmen aus dem Netzwerk",
            "mode": "rotating",
            "testimonials": [],
            "count": 3,
        },
    }
    types = [item["type"] for item in raw]
    after = max(
        (
            types.index(t) + 1
            for t in ("hero", "featured", "projects", "news", "galleries")
            if t in types
        ),
        default=0,
    )
    raw.insert(after, block)
    home.body = json.dumps(raw)
    home.save()
    publish(home)
    stdout.write("• Startseite: Block mit wechselnden Stimmen")


def build(stdout, home):
    """Create or update the example testimonials and the home-page block."""
    with transaction.atomic():
        testimonials = build_testimonials(stdout)
        add_home_block(stdout, home)
    return testimonials

"""Demo content of the testimonials app (demo/data/testimonials.yaml): five invented example
persons at example organisations, with drawn portraits, and a testimonials block on the
home page. Runs again without duplicating anything: testimonials are looked up by name (in
German, the default locale; their English translations are demo/english_snippets.py),
portraits by title."""

from wagtail.models import Locale

from tests.factories.testimonials import TestimonialFactory

from . import data, home
from .building import block, ensure_image, upsert_object
from .drawings import portrait

TEXTS = data.load("testimonials")


def build_testimonials(stdout):
    testimonials = []
    for n, item in enumerate(TEXTS["testimonials"]):
        picture = ensure_image(
            f"Porträt {item['name']}",
            lambda seed=4000 + n, palette=item["palette"]: portrait(seed, palette),
        )
        testimonial = upsert_object(
            TestimonialFactory,
            {"name": item["name"], "locale": Locale.get_default()},
            role=item["role"],
            organisation=item["organisation"],
            quote=item["quote"],
            portrait=picture,
            is_active=True,
            sort_order=n,
        )
        testimonials.append(testimonial)
    stdout.write(f"• Stimmen: {len(testimonials)} Beispielpersonen mit Porträts")
    return testimonials


def create(stdout, home_page):
    """Create or update the example testimonials; returns them and the home-page block
    (three testimonials, changing daily)."""
    testimonials = build_testimonials(stdout)
    blocks = [block("testimonials", TEXTS["home_block"], "home-testimonials")]
    stdout.write("• Startseite: Block mit wechselnden Stimmen")
    return testimonials, blocks


def build(stdout, home_page):
    """Create or update the example testimonials and the home-page block."""
    return home.build_alone(create, stdout, home_page)

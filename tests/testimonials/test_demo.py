"""The testimonials demo: five invented example persons with portraits, never the real
people quoted on the association's homepage; running it again changes nothing."""

import io
import pathlib

from demo import testimonials as demo
from metropolregion.models import HomePage
from testimonials import models

SEED = pathlib.Path("/work/shared/seeds/000_50e8e13f0a81b3a7.txt")
REAL_PEOPLE = ["Berkner", "Rosenthal", "Heine", "Petersen", "Katzek"]


def german_home():
    return HomePage.objects.get(depth=2, locale__language_code="de")


def test_demo_testimonials_are_invented_and_built_once(client, demo_content):
    english = {t.pk: t.quote for t in models.Testimonial.objects.filter(locale__language_code="en")}
    demo.build(io.StringIO(), german_home())  # again, on the demo
    # the English translations are left alone
    assert english == {
        t.pk: t.quote for t in models.Testimonial.objects.filter(locale__language_code="en")
    }
    testimonials = list(models.Testimonial.objects.filter(locale__language_code="de"))
    assert len(testimonials) == 5
    assert all(t.is_active and t.portrait_id and t.role and t.organisation for t in testimonials)
    text = " ".join(f"{t.name} {t.organisation} {t.quote}" for t in testimonials)
    assert not any(name in text for name in REAL_PEOPLE)
    if SEED.exists():  # not one sentence of the homepage's quotes is reused
        seed = SEED.read_text()
        for t in testimonials:
            for sentence in t.quote.split(". "):
                assert sentence.strip(" .") not in seed
    body_types = [block.block_type for block in german_home().body]
    assert body_types.count("testimonials") == 1
    html = client.get("/").content.decode()
    assert html.count('<figure class="testimonial">') == 3


def test_portrait_is_a_png_drawing():
    data = demo.portrait(1, "teal", size=120)
    assert data.startswith(b"\x89PNG")
    assert demo.portrait(1, "teal", size=120) == data  # the same seed draws the same face

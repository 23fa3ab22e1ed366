"""The demo's drawings: each theme is its own composition (not one motif recoloured), the
projects' marks differ from each other, every drawing is the same on every run, and the
header's brand mark is a well-formed SVG that the site serves."""

import io
import itertools
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from PIL import Image, ImageChops, ImageFilter

from demo import data, drawings

# Small sizes keep the tests fast; the scenes are drawn in fractions of the picture.
SIZE = (240, 160)
LOGO = (150, 150)
# Share of pixels that are an edge in one picture and not in the other. Two themes differ
# in at least 12 % (measured), the same scene in another palette in under 1.5 %.
DIFFERENT = 0.08
draw = drawings.picture.__wrapped__  # uncached: every call draws again
draw_logo = drawings.project_logo.__wrapped__


def edges(png):
    """Where the picture has edges, black and white: the composition without its colours."""
    grey = Image.open(io.BytesIO(png)).convert("L").filter(ImageFilter.FIND_EDGES)
    return grey.point(lambda value: 255 if value > 24 else 0)


def difference(a, b):
    changed = ImageChops.difference(a, b).histogram()[255]
    return changed / (a.width * a.height)


@pytest.fixture(scope="module")
def theme_edges():
    return {theme: edges(draw(theme, 7, "blue", SIZE)) for theme in drawings.THEMES}


def test_every_theme_is_its_own_composition(theme_edges):
    for a, b in itertools.combinations(theme_edges, 2):
        assert difference(theme_edges[a], theme_edges[b]) > DIFFERENT, (a, b)


def test_a_recoloured_scene_counts_as_the_same_composition(theme_edges):
    # The control of the test above: another palette alone does not pass as another theme.
    for theme in ("city", "audience", "hydrogen"):
        recoloured = edges(draw(theme, 7, "rose", SIZE))
        assert difference(theme_edges[theme], recoloured) < DIFFERENT, theme


def test_the_demo_data_asks_for_known_themes_and_people_at_events():
    wanted = [data.load("core")["home"]["hero"]["picture"]["theme"]]
    wanted += [card["theme"] for card in data.load("core")["home"]["featured"]["cards"]]
    for name, key in (("news", "news"), ("events", "past_events"), ("events", "events")):
        wanted += [item["image"]["theme"] for item in data.load(name).get(key, []) if item["image"]]
    galleries = [
        picture
        for gallery in data.load("galleries")["galleries"]
        for picture in gallery["pictures"]
    ]
    assert set(wanted) | {p["theme"] for p in galleries} <= set(drawings.THEMES)
    assert len(set(wanted)) >= 7
    people = {"audience", "panel", "reception", "exhibition"}
    for picture in galleries:  # receptions, panels, stands: the galleries show people
        assert picture["theme"] in people, picture["caption"]
    assert set(data.load("core")["picture_alt"]) == set(drawings.THEMES)


@pytest.fixture(scope="module")
def project_logos():
    projects = data.load("projects")["projects"]
    return {
        item["slug"]: draw_logo(item["logo_text"], item["palette"], item["mark"], LOGO)
        for item in projects
    }


def test_the_fourteen_project_marks_are_pairwise_different(project_logos):
    assert len(project_logos) == 14
    marks = [item["mark"] for item in data.load("projects")["projects"]]
    assert len(set(marks)) == 14 and set(marks) <= set(drawings.MARKS)
    symbols = {
        slug: edges(png).crop((0, 0, LOGO[0], int(LOGO[1] * 0.66)))
        for slug, png in project_logos.items()
    }
    for a, b in itertools.combinations(symbols, 2):
        assert difference(symbols[a], symbols[b]) > 0.04, (a, b)


def test_a_project_logo_is_a_symbol_and_a_wordmark_not_a_round_badge(project_logos):
    logo = Image.open(io.BytesIO(project_logos["radschnellweg-halle-leipzig"]))
    assert logo.size == LOGO
    width, height = logo.size
    wordmark = logo.convert("L").crop((0, int(height * 0.72), width, height))
    assert wordmark.getextrema()[0] < 128  # dark letters under the symbol
    assert logo.getpixel((width // 2, height // 2)) == (255, 255, 255)  # no filled disc


@pytest.mark.parametrize("theme", sorted(drawings.THEMES))
def test_a_picture_is_the_same_on_every_run(theme):
    assert draw(theme, 42, "teal", SIZE) == draw(theme, 42, "teal", SIZE)
    assert draw(theme, 42, "teal", SIZE) != draw(theme, 42, "gold", SIZE)


def test_logos_and_portraits_are_the_same_on_every_run():
    assert draw_logo("Radschnellweg", "green", "bike-route", LOGO) == draw_logo(
        "Radschnellweg", "green", "bike-route", LOGO
    )
    assert drawings.logo.__wrapped__("Stadt Halle", "teal", (80, 80)) == drawings.logo.__wrapped__(
        "Stadt Halle", "teal", (80, 80)
    )
    assert drawings.portrait.__wrapped__(3, "rose", 80) == drawings.portrait.__wrapped__(
        3, "rose", 80
    )


def test_gallery_pictures_keep_their_size():
    picture = Image.open(io.BytesIO(drawings.picture("panel", 3000, "blue", (1600, 1067))))
    assert picture.size == (1600, 1067)


def test_the_brand_mark_is_well_formed_svg_with_a_title():
    path = finders.find("img/brand-mark.svg")
    assert path
    root = ElementTree.parse(path).getroot()  # noqa: S314  # nosec B314 - our own file
    svg = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg}svg" and root.get("viewBox") == "0 0 48 48"
    assert root.find(f"{svg}title").text == "Metropolregion Mitteldeutschland"


@pytest.mark.django_db
def test_the_header_shows_the_brand_mark_and_keeps_the_link_name(client, home_page):
    html = client.get(home_page.url).content.decode()
    brand = html[html.index('class="brand"') : html.index("</a>", html.index('class="brand"'))]
    assert f'src="{static("img/brand-mark.svg")}" alt=""' in brand
    assert "brand__name" in brand  # the link is named by the text beside the mark
    response = client.get(static("img/brand-mark.svg"))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    ElementTree.fromstring(body)  # noqa: S314  # nosec B314 - our own file

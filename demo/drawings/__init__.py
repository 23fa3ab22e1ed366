"""The demo's pictures, drawn with Pillow and never downloaded, as PNG bytes: scenes whose
composition follows their theme (a city, a chemical plant, wind and hydrogen, a laboratory,
a bridge with a train, a theatre stage, the rooms of an event), the projects' marks
(a symbol and a wordmark), round member logos with initials and portraits.

The same arguments always draw the same picture (the tests load the demo many times: the
drawings are cached)."""

import functools

from PIL import ImageFont

from . import marks, places, rooms
from .canvas import PALETTES, SKIN, Canvas, png

# The themes a picture of the demo data can have, and what each one shows.
THEMES = {
    "region": places.region,
    "city": places.city,
    "industry": places.industry,
    "hydrogen": places.hydrogen,
    "mobility": places.mobility,
    "science": rooms.science,
    "culture": rooms.culture,
    "audience": rooms.audience,
    "panel": rooms.panel,
    "reception": rooms.reception,
    "exhibition": rooms.exhibition,
}
MARKS = tuple(marks.SYMBOLS)

__all__ = [
    "MARKS",
    "PALETTES",
    "THEMES",
    "logo",
    "partner_mark",
    "picture",
    "portrait",
    "project_logo",
]


@functools.lru_cache(maxsize=256)
def picture(theme: str, seed: int, palette: str, size=(1600, 1067)) -> bytes:
    """A scene of `theme` (see THEMES) in the colours of `palette`; `seed` varies it."""
    canvas = Canvas(size, seed, palette)
    THEMES[theme](canvas)
    return png(canvas.image)


@functools.lru_cache(maxsize=64)
def project_logo(text: str, palette: str, mark: str, size=(600, 600)) -> bytes:
    """A project's logo: the symbol `mark` (see MARKS) above the wordmark `text`."""
    canvas = Canvas(size, 0, palette)
    marks.SYMBOLS[mark](canvas)
    marks.wordmark(canvas, text)
    return png(canvas.image)


@functools.lru_cache(maxsize=256)
def logo(text: str, palette: str, size=(600, 600)) -> bytes:
    """A round logo with the initials of `text` (the members' organisations)."""
    canvas = Canvas(size, 0, palette)
    w, h = size
    canvas.draw.ellipse(
        [w * 0.08, h * 0.08, w * 0.92, h * 0.92], fill=canvas.mid, outline=canvas.dark, width=18
    )
    font = ImageFont.load_default(size=int(h * 0.28))
    initials = "".join(word[0] for word in text.split()[:3]).upper()
    canvas.draw.text((w / 2, h / 2), initials, fill="white", font=font, anchor="mm")
    return png(canvas.image)


@functools.lru_cache(maxsize=16)
def partner_mark(name: str, colours: tuple, size=(480, 144)) -> bytes:
    """A partner's or funder's wide mark for the footer: a flag of two bands in `colours`
    (not a coat of arms) beside the name in one or two lines."""
    canvas = Canvas(size, 0, "blue")
    marks.partner(canvas, name, colours)
    return png(canvas.image)


@functools.lru_cache(maxsize=64)
def portrait(seed: int, palette: str = "blue", size: int = 600) -> bytes:
    """A head-and-shoulders portrait on a coloured ground."""
    c = Canvas((size, size), seed, palette)
    skin = c.choice(SKIN)
    hair = c.choice(["#2b1d14", "#5a3a22", "#a0703c", "#d8c08a", "#7a7a7a"])
    c.rect(0, 0, 1, 1, c.light)
    s = 1 / 600
    c.ellipse(-150 * s, 380 * s, 750 * s, 1000 * s, c.mid)  # shoulders
    c.rect(262 * s, 330 * s, 338 * s, 430 * s, skin)  # neck
    c.ellipse(185 * s, 95 * s, 415 * s, 365 * s, hair)  # hair
    c.ellipse(200 * s, 130 * s, 400 * s, 370 * s, skin)  # face
    c.draw.chord(c.box(195 * s, 100 * s, 405 * s, 270 * s), 180, 360, fill=hair)  # fringe
    c.polygon([(220 * s, 470 * s), (300 * s, 560 * s), (380 * s, 470 * s)], c.dark)
    return png(c.image)

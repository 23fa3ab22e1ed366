"""The drawing surface of the demo's pictures: a Pillow image with coordinates as fractions
of its width and height, a seeded random source, the palette's colours and the shapes the
scenes share (sky, sun, clouds, hills, people)."""

import functools
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

PALETTES = {
    "blue": ("#0b3d6e", "#1f6fb2", "#9cc7e8"),
    "teal": ("#00524c", "#008a7f", "#a8ded6"),
    "gold": ("#7a4b00", "#d99a00", "#fbe2a0"),
    "rose": ("#5c1a33", "#b0466c", "#f2c4d3"),
    "green": ("#224d17", "#4f8f2f", "#cfe8b8"),
    "slate": ("#26313f", "#52667f", "#cdd6e0"),
}
WHITE = (255, 255, 255)
GOLD = (242, 183, 5)
SKIN = ("#f1c7a6", "#e0a98a", "#c68863", "#8d5a3b", "#f6d9c4")
HAIR = ("#2b1d14", "#5a3a22", "#a0703c", "#d8c08a", "#7a7a7a")
CLOTHES = ("#26313f", "#0b3d6e", "#5c1a33", "#00524c", "#52667f", "#7a4b00", "#3d3d3d", "#8a9bb0")


def rgb(colour):
    """An RGB tuple from "#rrggbb" (tuples pass through)."""
    if isinstance(colour, tuple):
        return colour
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    """The colour `t` of the way from `a` to `b`."""
    return tuple(round(x + (y - x) * t) for x, y in zip(rgb(a), rgb(b), strict=True))


def png(image):
    """PNG bytes. Not optimized: optimizing took half the time of a fresh demo load, and
    originals are never sent to visitors (they get the renditions, AVIF/WebP/JPEG)."""
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


# A free sans-serif with umlauts where the system has one; Pillow's own font lacks them.
FONTS = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "DejaVuSans.ttf")


@functools.cache
def font(size):
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


class Canvas:
    """An RGB image to draw on: x in fractions of the width, y and sizes in fractions of
    the height (so circles stay round in every aspect ratio)."""

    def __init__(self, size, seed, palette, background=WHITE):
        self.w, self.h = size
        self.image = Image.new("RGB", size, rgb(background))
        self.draw = ImageDraw.Draw(self.image)
        self.rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
        self.dark, self.mid, self.light = (rgb(c) for c in PALETTES[palette])

    def px(self, x, y):
        return (round(x * self.w), round(y * self.h))

    def box(self, x0, y0, x1, y1):
        (a, b), (c, d) = self.px(x0, y0), self.px(x1, y1)
        return [min(a, c), min(b, d), max(a, c), max(b, d)]

    def rect(self, x0, y0, x1, y1, fill, radius=0.0):
        if radius:
            self.draw.rounded_rectangle(
                self.box(x0, y0, x1, y1), round(radius * self.h), fill=rgb(fill)
            )
        else:
            self.draw.rectangle(self.box(x0, y0, x1, y1), fill=rgb(fill))

    def circle(self, x, y, r, fill, outline=None, width=0):
        """A circle around (x, y) of radius `r` (a fraction of the height)."""
        rx = r * self.h / self.w
        self.draw.ellipse(
            self.box(x - rx, y - r, x + rx, y + r),
            fill=rgb(fill) if fill is not None else None,
            outline=rgb(outline) if outline else None,
            width=round(width * self.h),
        )

    def ellipse(self, x0, y0, x1, y1, fill):
        self.draw.ellipse(self.box(x0, y0, x1, y1), fill=rgb(fill))

    def polygon(self, points, fill):
        self.draw.polygon([self.px(x, y) for x, y in points], fill=rgb(fill))

    def line(self, points, fill, width):
        self.draw.line(
            [self.px(x, y) for x, y in points], fill=rgb(fill), width=max(1, round(width * self.h))
        )

    def dx(self, r):
        """A length of `r` (fraction of the height) as a fraction of the width."""
        return r * self.h / self.w

    def uniform(self, a, b):
        return self.rng.uniform(a, b)

    def choice(self, items):
        return self.rng.choice(items)

    def glow(self, points, colour, alpha):
        """A translucent polygon (light cones, haze) over what is drawn so far."""
        layer = Image.new("L", (self.w, self.h), 0)
        ImageDraw.Draw(layer).polygon([self.px(x, y) for x, y in points], fill=alpha)
        self.image.paste(Image.new("RGB", self.image.size, rgb(colour)), mask=layer)


def sky(c, top, bottom, y0=0.0, y1=1.0):
    """A vertical gradient from `top` to `bottom` between y0 and y1."""
    height = max(1, round((y1 - y0) * c.h))
    gradient = Image.linear_gradient("L").resize((c.w, height))
    band = Image.composite(
        Image.new("RGB", (c.w, height), rgb(bottom)),
        Image.new("RGB", (c.w, height), rgb(top)),
        gradient,
    )
    c.image.paste(band, (0, round(y0 * c.h)))


def open_sky(c):
    """The outdoor sky of the palette with a sun and a few clouds."""
    sky(c, mix(c.light, WHITE, 0.1), mix(c.light, WHITE, 0.8))
    x, y, r = c.uniform(0.15, 0.85), c.uniform(0.14, 0.26), 0.075
    c.circle(x, y, r * 1.6, mix(c.light, WHITE, 0.6))
    c.circle(x, y, r, "#fff4d6")
    for _ in range(3):
        cloud(c, c.uniform(0.05, 0.95), c.uniform(0.08, 0.3), c.uniform(0.5, 1.0))


def cloud(c, x, y, scale):
    for dx, dy, r in ((-0.05, 0.01, 0.035), (0.0, -0.01, 0.05), (0.05, 0.012, 0.032)):
        c.circle(x + c.dx(dx * scale * 1.6), y + dy * scale, r * scale, WHITE)
    c.rect(x - c.dx(0.09 * scale), y + 0.0, x + c.dx(0.09 * scale), y + 0.04 * scale, WHITE)


def hills(c, base, colours, amplitude=0.05, step=0.05):
    """Layers of rolling hills from `base` down, one per colour (far to near)."""
    for n, colour in enumerate(colours):
        top = base + n * 0.06
        points = [(0, 1.0)]
        phase = c.uniform(0, 6.3)
        x = 0.0
        while x <= 1.0 + step:
            wave = amplitude * (0.6 * _sin(x * 5 + phase) + 0.4 * _sin(x * 11 + phase * 2))
            points.append((x, top + wave))
            x += step
        points.append((1.0, 1.0))
        c.polygon(points, colour)


def _sin(value):
    return math.sin(value)


def person(c, x, feet, height, clothes, skin, hair, seated=False):
    """A standing (or seated) person seen from the front, `height` tall at `x`."""
    head = height * 0.13
    top = feet - height
    c.circle(x, top + head, head, skin)
    c.ellipse(
        x - c.dx(head * 1.05), top - head * 0.05, x + c.dx(head * 1.05), top + head * 1.1, hair
    )
    shoulders = top + head * 2.2
    half = c.dx(height * 0.13)
    hips = top + height * (0.52 if seated else 0.55)
    c.rect(x - half, shoulders, x + half, hips, clothes, radius=head * 0.8)
    if seated:
        c.rect(
            x - half,
            hips - head * 0.4,
            x + half * 1.9,
            hips + head * 0.5,
            mix(clothes, "#000000", 0.3),
        )
        c.rect(x + half * 1.35, hips, x + half * 1.9, feet, mix(clothes, "#000000", 0.3))
    else:
        leg = c.dx(height * 0.055)
        trousers = mix(clothes, "#000000", 0.35)
        c.rect(x - half * 0.9, hips - head * 0.2, x - half * 0.9 + leg * 1.8, feet, trousers)
        c.rect(x + half * 0.9 - leg * 1.8, hips - head * 0.2, x + half * 0.9, feet, trousers)


def head_from_behind(c, x, y, size, clothes, hair):
    """A member of the audience seen from behind: shoulders and the back of the head."""
    c.ellipse(x - c.dx(size * 1.5), y, x + c.dx(size * 1.5), y + size * 2.6, clothes)
    c.circle(x, y - size * 0.25, size * 0.75, hair)


def audience_rows(c, top, rows, colours=CLOTHES):
    """Rows of people seen from behind, from `top` (far, small) to the bottom edge (near)."""
    for row in range(rows):
        t = row / max(1, rows - 1)
        size = 0.035 + 0.045 * t
        y = top + (1.0 - top) * (0.15 + 0.7 * t) - size
        x = c.uniform(-0.02, 0.04)
        while x < 1.03:
            head_from_behind(
                c, x, y + c.uniform(-0.01, 0.01), size, c.choice(colours), c.choice(HAIR)
            )
            x += c.dx(size * c.uniform(2.6, 3.4))

"""The demo's pictures, drawn with Pillow and never downloaded: hill landscapes, round logos
with initials and head-and-shoulders portraits, as PNG bytes. The same arguments always draw
the same picture (the tests load the demo many times: the drawings are cached)."""

import functools
import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

PALETTES = {
    "blue": ("#0b3d6e", "#1f6fb2", "#9cc7e8"),
    "teal": ("#00524c", "#008a7f", "#a8ded6"),
    "gold": ("#7a4b00", "#d99a00", "#fbe2a0"),
    "rose": ("#5c1a33", "#b0466c", "#f2c4d3"),
    "green": ("#224d17", "#4f8f2f", "#cfe8b8"),
    "slate": ("#26313f", "#52667f", "#cdd6e0"),
}


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _png(image):
    # Not optimized: optimizing took half the time of a fresh demo load, and originals
    # are never sent to visitors (they get the renditions, AVIF/WebP/JPEG).
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


@functools.lru_cache(maxsize=256)
def landscape(seed: int, palette: str, size=(1600, 1067)) -> bytes:
    """A layered hill landscape under a gradient sky."""
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    dark, mid, light = (_hex(c) for c in PALETTES[palette])
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(light, (255, 255, 255), 0.6 * (1 - y / height)))
    sun_x, sun_y, radius = rng.randint(width // 5, 4 * width // 5), height // 4, height // 9
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill="#fff4d6")
    for layer in range(4):
        t = layer / 3
        colour = _mix(mid, dark, t)
        base = int(height * (0.45 + 0.14 * layer))
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base + rng.randint(-40, 40) - int(30 * (1 - t))))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    return _png(image.filter(ImageFilter.SMOOTH))


@functools.lru_cache(maxsize=256)
def logo(text: str, palette: str, size=(600, 600)) -> bytes:
    """A round logo with the initials of `text`."""
    dark, mid, _light = PALETTES[palette]
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse([w * 0.08, h * 0.08, w * 0.92, h * 0.92], fill=mid, outline=dark, width=18)
    font = ImageFont.load_default(size=int(h * 0.28))
    initials = "".join(word[0] for word in text.split()[:3]).upper()
    draw.text((w / 2, h / 2), initials, fill="white", font=font, anchor="mm")
    return _png(image)


@functools.lru_cache(maxsize=64)
def portrait(seed: int, palette: str = "blue", size: int = 600) -> bytes:
    """A head-and-shoulders portrait on a coloured ground."""
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
    return _png(image)

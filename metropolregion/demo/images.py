"""Generated demo pictures (Pillow): abstract landscapes and logos, never downloaded."""

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


@functools.lru_cache(maxsize=256)  # deterministic: the tests load the demo many times
def landscape(seed: int, palette: str, size=(1600, 1067)) -> bytes:
    """A layered hill landscape under a gradient sky, as PNG bytes."""
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
    image = image.filter(ImageFilter.SMOOTH)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


@functools.lru_cache(maxsize=256)
def logo(text: str, palette: str, size=(600, 600)) -> bytes:
    """A simple round logo with initials, as PNG bytes."""
    dark, mid, _light = PALETTES[palette]
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse([w * 0.08, h * 0.08, w * 0.92, h * 0.92], fill=mid, outline=dark, width=18)
    font = ImageFont.load_default(size=int(h * 0.28))
    initials = "".join(word[0] for word in text.split()[:3]).upper()
    draw.text((w / 2, h / 2), initials, fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def favicon_images():
    """The site's favicon mark in the sizes browsers ask for."""
    result = {}
    for px in (32, 180, 192, 512):
        scale = 4
        big = px * scale
        image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        colours = [_hex("#0b3d6e"), _hex("#006e66"), _hex("#f2b705")]
        for index, colour in enumerate(colours):
            draw.pieslice(
                [0, 0, big - 1, big - 1], -90 + 120 * index, 30 + 120 * index, fill=colour
            )
        inset = big * 0.22
        draw.ellipse([inset, inset, big - inset, big - inset], fill="white")
        result[px] = image.resize((px, px), Image.LANCZOS)
    return result

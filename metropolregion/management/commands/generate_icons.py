"""Draw the favicon and touch icons into static/img (run once when the mark changes).

The mark is static/img/brand-mark.svg: an "M" drawn as a route between three cities, one
dot per Land, on the region's blue. Pillow draws the same geometry (a 48-unit grid) at 4x
and scales it down, so the icons need no SVG renderer."""

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

BLUE = (0x0B, 0x3D, 0x6E)
ROUTE = [(11, 36), (11, 14), (24, 28), (37, 14), (37, 36)]
DOTS = [
    ((11, 14), (0xF2, 0xB7, 0x05)),
    ((24, 28), (0x4F, 0xC3, 0xB6)),
    ((37, 14), (0x9C, 0xC7, 0xE8)),
]
STROKE, DOT_RADIUS, CORNER = 4.5, 4.5, 11


def draw_mark(px, rounded=True):
    """The mark, `px` pixels square; `rounded=False` fills the corners (iOS rounds them)."""
    big = px * 4
    unit = big / 48
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        [0, 0, big - 1, big - 1], radius=CORNER * unit if rounded else 0, fill=BLUE
    )
    points = [(x * unit, y * unit) for x, y in ROUTE]
    width = round(STROKE * unit)
    draw.line(points, fill="white", width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round caps
        draw.ellipse([x - width / 2, y - width / 2, x + width / 2, y + width / 2], fill="white")
    for (x, y), colour in DOTS:
        r = DOT_RADIUS * unit
        draw.ellipse([x * unit - r, y * unit - r, x * unit + r, y * unit + r], fill=colour)
    return image.resize((px, px), Image.LANCZOS)


def favicon_images():
    """The site's mark in the sizes browsers ask for."""
    return {px: draw_mark(px) for px in (32, 192, 512)} | {180: draw_mark(180, rounded=False)}


class Command(BaseCommand):
    help = "Draws favicon.ico, icon-192.png, icon-512.png and apple-touch-icon.png."

    def handle(self, *args, **options):
        target = settings.BASE_DIR / "static" / "img"
        target.mkdir(parents=True, exist_ok=True)
        icons = favicon_images()
        icons[32].save(target / "favicon.ico", sizes=[(32, 32)])
        icons[192].save(target / "icon-192.png", optimize=True)
        icons[512].save(target / "icon-512.png", optimize=True)
        icons[180].convert("RGB").save(target / "apple-touch-icon.png", optimize=True)
        self.stdout.write(self.style.SUCCESS(f"Icons written to {target}"))

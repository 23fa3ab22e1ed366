"""Draw the favicon and touch icons into static/img (run once when the mark changes)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

# The mark: three segments of a ring around a white centre.
COLOURS = [(0x0B, 0x3D, 0x6E), (0x00, 0x6E, 0x66), (0xF2, 0xB7, 0x05)]


def favicon_images():
    """The site's favicon mark in the sizes browsers ask for (drawn at 4x, scaled down)."""
    result = {}
    for px in (32, 180, 192, 512):
        big = px * 4
        image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        for index, colour in enumerate(COLOURS):
            draw.pieslice(
                [0, 0, big - 1, big - 1], -90 + 120 * index, 30 + 120 * index, fill=colour
            )
        inset = big * 0.22
        draw.ellipse([inset, inset, big - inset, big - inset], fill="white")
        result[px] = image.resize((px, px), Image.LANCZOS)
    return result


class Command(BaseCommand):
    help = "Draws favicon.ico, icon-192.png, icon-512.png and apple-touch-icon.png."

    def handle(self, *args, **options):
        target = settings.BASE_DIR / "static" / "img"
        target.mkdir(parents=True, exist_ok=True)
        icons = favicon_images()
        icons[32].save(target / "favicon.ico", sizes=[(32, 32)])
        icons[192].save(target / "icon-192.png", optimize=True)
        icons[512].save(target / "icon-512.png", optimize=True)
        touch = Image.new("RGB", icons[180].size, "white")
        touch.paste(icons[180], mask=icons[180])
        touch.save(target / "apple-touch-icon.png", optimize=True)
        self.stdout.write(self.style.SUCCESS(f"Icons written to {target}"))

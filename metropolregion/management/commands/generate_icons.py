"""Draw the favicon and touch icons into static/img (run once when the mark changes)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image

from metropolregion.demo.images import favicon_images


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

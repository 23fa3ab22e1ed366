"""`make screenshots`: full-page PNGs of every page type at 390 and 1366 px (demo/screenshots.py).

Run after `load_demo_content`; starts the site itself on a free port and stops it again."""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import screenshots


class Command(BaseCommand):
    help = (
        "Saves full-page screenshots of one page of every type at a phone's and a desktop's "
        "width (Debian's Chromium through Playwright), serving the site on a free port."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=os.environ.get("SCREENSHOTS_DIR")
            or str(Path(settings.BASE_DIR) / ".cache" / "screenshots"),
            help="Folder for the PNGs (default: $SCREENSHOTS_DIR or .cache/screenshots).",
        )
        parser.add_argument(
            "--width",
            type=int,
            action="append",
            dest="widths",
            help=f"Viewport width in CSS px; repeat for more (default: {screenshots.WIDTHS}).",
        )
        parser.add_argument(
            "--page",
            action="append",
            dest="names",
            help="Only this page type (home, event, not-found, …); repeat for more.",
        )

    def handle(self, *args, output, widths=None, names=None, **options):
        if not shutil.which(screenshots.CHROMIUM):
            raise CommandError(
                f"needs Chromium at {screenshots.CHROMIUM}: `make browser` or "
                "`sudo apt-get install chromium` (Debian)"
            )
        try:
            shots = screenshots.page_types()
        except LookupError as error:
            raise CommandError(str(error)) from error
        if names:
            unknown = set(names) - {shot.name for shot in shots}
            if unknown:
                known = ", ".join(shot.name for shot in shots)
                raise CommandError(f"unknown page type {', '.join(sorted(unknown))}: {known}")
            shots = [shot for shot in shots if shot.name in names]
        out_dir = Path(output).resolve()
        widths = tuple(widths or screenshots.WIDTHS)
        with screenshots.serve() as base_url:
            self.stdout.write(f"Screenshots of {base_url}: {len(shots)} page types at {widths} px")
            files = screenshots.capture(base_url, shots, out_dir, widths=widths)
        self.stdout.write(self.style.SUCCESS(f"{len(files)} screenshots in {out_dir}/"))

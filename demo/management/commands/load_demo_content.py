"""Build the demo site from the facts of the association's homepage. Safe to run again."""

import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import (
    core,
    english,
    events,
    galleries,
    home,
    membership,
    news,
    partner_feeds,
    projects,
    testimonials,
)
from metropolregion import renditions
from metropolregion.roles import ROLE_SUMMARIES

SEED = 2025

# The content apps' builders, in dependency order: events and news refer to the working
# groups of projects, galleries to the event pages. Each adds its pages below the home
# page and returns its blocks for the home page, which is composed once at the end.
APP_DEMOS = [projects, events, partner_feeds, news, galleries, testimonials, membership]


class Command(BaseCommand):
    help = (
        "Creates or updates the demo content (pages, images, settings) and makes the image "
        "renditions its pages need; idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Also create the demo logins (admin, editor, member). Development only.",
        )
        parser.add_argument(
            "--skip-renditions",
            action="store_true",
            help="Do not render the pages to make their image renditions (the first visits "
            "make them), e.g. for a test run that reloads the demo and visits few pages.",
        )

    def handle(self, *args, with_users=False, skip_renditions=False, **options):
        if with_users and not settings.DEBUG:
            raise CommandError("Demo logins have well-known passwords: only with DEBUG=True.")
        random.seed(SEED)
        self.stdout.write("Lade Demo-Inhalte …")
        # No rendition task per published page: prepare_renditions renders them all, once.
        with renditions.suspended(), transaction.atomic():
            home_page, blocks = core.create(self.stdout, with_users=with_users)
            for app in APP_DEMOS:
                random.seed(SEED)
                _built, app_blocks = app.create(self.stdout, home_page)
                blocks += app_blocks
            home.compose(home_page, blocks)
            # The English tree: translations of the finished German pages (demo/data/en).
            english.create(self.stdout, home_page)
        # Now, as the demo is committed (or when a caller's transaction commits: a test
        # that rolls back never pays for them).
        if not skip_renditions:
            transaction.on_commit(self.prepare_renditions)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind bereit."))
        if with_users:
            self.stdout.write("")
            self.stdout.write("Zugänge (nur für die Entwicklung):")
            for user in core.DEMO_USERS:
                self.stdout.write(f"  {user['username']} / {user['password']}")
                self.stdout.write(f"      {ROLE_SUMMARIES.get(user['role'], user['role'])}")

    def prepare_renditions(self):
        """Render every live page once, so that the renditions (formats and sizes of every
        picture) exist before the first visit instead of costing it seconds per gallery.
        A second run finds them and only renders the pages."""
        rendered, failed, seconds = renditions.render_live_pages()
        took = f"{seconds:.1f}".replace(".", ",")
        self.stdout.write(f"Bildvarianten vorbereitet: {rendered} Seiten in {took} s")
        if failed:
            self.stdout.write(self.style.WARNING(f"  {failed} Seiten mit Fehlern (siehe Log)"))

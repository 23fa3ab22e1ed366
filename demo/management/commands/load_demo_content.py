"""Build the demo site from the facts of the association's homepage. Safe to run again."""

import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import core, events, galleries, home, membership, news, projects, testimonials
from metropolregion.roles import ROLE_SUMMARIES

SEED = 2025

# The content apps' builders, in dependency order: events and news refer to the working
# groups of projects, galleries to the event pages. Each adds its pages below the home
# page and returns its blocks for the home page, which is composed once at the end.
APP_DEMOS = [projects, events, news, galleries, testimonials, membership]


class Command(BaseCommand):
    help = "Creates or updates the demo content (pages, images, settings); idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Also create the demo logins (admin, editor, member). Development only.",
        )

    def handle(self, *args, with_users=False, **options):
        if with_users and not settings.DEBUG:
            raise CommandError("Demo logins have well-known passwords: only with DEBUG=True.")
        random.seed(SEED)
        self.stdout.write("Lade Demo-Inhalte …")
        with transaction.atomic():
            home_page, blocks = core.create(self.stdout, with_users=with_users)
            for app in APP_DEMOS:
                random.seed(SEED)
                _built, app_blocks = app.create(self.stdout, home_page)
                blocks += app_blocks
            home.compose(home_page, blocks)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind bereit."))
        if with_users:
            self.stdout.write("")
            self.stdout.write("Zugänge (nur für die Entwicklung):")
            for user in core.DEMO_USERS:
                self.stdout.write(f"  {user['username']} / {user['password']}")
                self.stdout.write(f"      {ROLE_SUMMARIES.get(user['role'], user['role'])}")

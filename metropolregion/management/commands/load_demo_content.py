"""Build the demo site from the facts of the association's homepage. Safe to run again."""

import random
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from metropolregion.demo.core import DEMO_USERS, build_core
from metropolregion.roles import ROLE_SUMMARIES

SEED = 2025

# The content apps' demo builders, in dependency order: events and news refer to the
# working groups of projects, galleries to the event pages. Each adds its pages below the
# home page (and its blocks to it).
APP_DEMOS = [
    "projects.demo",
    "events.demo",
    "news.demo",
    "galleries.demo",
    "testimonials.demo",
    "metropolregion.membership.demo",
]


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
        home = build_core(self.stdout, with_users=with_users)
        for module in APP_DEMOS:
            random.seed(SEED)
            import_module(module).build(self.stdout, home)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind bereit."))
        if with_users:
            self.stdout.write("")
            self.stdout.write("Zugänge (nur für die Entwicklung):")
            for username, password, role, *_rest in DEMO_USERS:
                summary = ROLE_SUMMARIES.get(role, role)
                self.stdout.write(f"  {username} / {password}")
                self.stdout.write(f"      {summary}")

"""`make lighthouse`: Lighthouse scores of the demo's pages on a phone and a desktop
(demo/lighthouse.py).

Run after `load_demo_content`; serves the site with gunicorn and the production settings
on a free port and stops it again."""

from django.core.management.base import BaseCommand, CommandError

from demo import lighthouse


class Command(BaseCommand):
    help = (
        "Runs Lighthouse (performance, accessibility, best practices, SEO) on one page of "
        "each type, on a phone and a desktop, and prints the scores and every audit below "
        "a full score."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--page",
            action="append",
            dest="names",
            choices=lighthouse.PAGES + lighthouse.NOINDEX_PAGES,
            help="Only this page; repeat for more (default: all).",
        )
        parser.add_argument(
            "--form-factor",
            choices=lighthouse.FORM_FACTORS,
            help="Only a phone (mobile) or a desktop (default: both).",
        )

    def handle(self, *args, names=None, form_factor=None, **options):
        form_factors = (form_factor,) if form_factor else lighthouse.FORM_FACTORS
        try:
            lighthouse.run(self.stdout.write, names=names, form_factors=form_factors)
        except (LookupError, RuntimeError, ValueError) as error:
            raise CommandError(str(error)) from error

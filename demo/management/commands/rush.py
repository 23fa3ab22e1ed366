"""`make rush`: the registration rush against gunicorn with the production settings
(demo/bench/rush.py); PostgreSQL and Redis required."""

from django.core.management.base import BaseCommand, CommandError

from demo.bench import rush
from demo.bench.checks import BenchError


class Command(BaseCommand):
    help = "Registration rush: locust visitors, registrations, places held, CPU per POST."

    def add_arguments(self, parser):
        plan = rush.Plan()
        for name in ("visitors", "registrants", "places", "members", "spawn_seconds", "cpu_posts"):
            parser.add_argument(
                "--" + name.replace("_", "-"), type=int, default=getattr(plan, name)
            )
        parser.add_argument("--think", default=plan.think, help="Seconds to fill in: min,max.")
        parser.add_argument("--workers", default="", help="WEB_CONCURRENCY for the run.")
        parser.add_argument(
            "--static-root",
            default=None,
            help="Static files collected already (skips collectstatic, which takes a minute).",
        )

    def handle(self, *args, **options):
        plan = rush.Plan(**{k: options[k] for k in rush.Plan.__dataclass_fields__ if k in options})
        try:
            rush.run(self.stdout.write, plan, static_root=options["static_root"])
        except BenchError as error:
            raise CommandError(str(error)) from error

"""Delete the records of failed log-ins once they no longer lock anyone out: the
holder "login_attempts" of the retention registry alone (metropolregion.login_attempts;
`purge_personal_data` runs it daily with every other holder)."""

from django.core.management.base import BaseCommand

from metropolregion import retention


class Command(BaseCommand):
    help = "Delete records of failed log-ins older than the lock-out's cool-off."

    def handle(self, *args, **options):
        deleted = retention.holder("login_attempts").purge()
        self.stdout.write(f"{deleted} record(s) of log-ins deleted.")

"""The shape of the commands that run one holder of the retention registry
(metropolregion.retention) alone: purge_registrations, purge_feedback. Purge what the
rule says is due, or erase one person from that holder on request. The daily purge of
every holder is `purge_personal_data`, the erasure from every holder `erase_person`."""

from django.core.management.base import BaseCommand

from metropolregion import retention


class RetentionCommand(BaseCommand):
    """Subclasses set `holder` (the registry's key) and `records` (plural noun for the
    output)."""

    holder = None
    records = "records"

    def add_arguments(self, parser):
        parser.add_argument(
            "--email", help=f"Erase this person from every one of the {self.records}."
        )

    def handle(self, *args, email=None, **options):
        holder = retention.holder(self.holder)
        if email:
            count = holder.erase(email)
            self.stdout.write(f"{count} of the {self.records} of that person anonymised.")
            return
        count = holder.purge()
        self.stdout.write(f"{count} of the {self.records} anonymised under the retention rule.")

"""The daily purge of personal data (DSGVO): every holder of the retention registry
(metropolregion.retention: registrations and their mails, feedback reports, records of
failed log-ins, …) deletes or empties what is past its period. The scheduler runs it
every night; safe to run by hand at any time."""

from django.core.management.base import BaseCommand, CommandError

from metropolregion import retention


class Command(BaseCommand):
    help = "Löscht personenbezogene Daten nach Ablauf ihrer Frist, in jedem Bestand."

    def handle(self, *args, **options):
        failed = []
        for holder, count, error in retention.purge_all():
            if error is not None:
                failed.append(holder.label)
                self.stdout.write(f"{holder.label}: Fehler ({type(error).__name__})")
            else:
                self.stdout.write(f"{holder.label}: {count} {holder.effect}")
        if failed:
            raise CommandError("Nicht bereinigt: " + ", ".join(failed))

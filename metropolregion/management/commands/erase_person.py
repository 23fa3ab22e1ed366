"""Erase one person on request (DSGVO Art. 17): every holder of the retention registry
(metropolregion.retention) deletes or empties what it keeps under this e-mail address,
and the command says per holder what it did. With `--dry-run` it only counts.

Logins are not a holder: a member account is deleted by the Mitgliederverwaltung in the
admin (that closes its login); the command points to a login with the address."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from metropolregion import retention


class Command(BaseCommand):
    help = "Löscht die personenbezogenen Daten einer Person (E-Mail-Adresse) in jedem Bestand."

    def add_arguments(self, parser):
        parser.add_argument("email", help="Die E-Mail-Adresse der Person.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur zählen, nichts ändern (Probelauf)."
        )

    def handle(self, *args, email, dry_run=False, **options):
        address = email.strip()
        try:
            validate_email(address)
        except ValidationError as error:
            raise CommandError("Das ist keine gültige E-Mail-Adresse.") from error
        if dry_run:
            self.stdout.write("Probelauf: Es wird nichts geändert.")
        total, failed = 0, []
        for holder, count, error in retention.erase_person(address, dry_run=dry_run):
            if error is not None:
                failed.append(holder.label)
                self.stdout.write(f"{holder.label}: Fehler ({type(error).__name__})")
                continue
            total += count
            effect = "betroffen" if dry_run else holder.effect
            self.stdout.write(f"{holder.label}: {count} {effect}")
        self.stdout.write(f"Zusammen: {total} Einträge{' betroffen' if dry_run else ''}.")
        if self.has_login(address):
            self.stdout.write(
                "Hinweis: Ein Login mit dieser Adresse besteht weiter; ein Mitgliedskonto "
                "löscht die Mitgliederverwaltung im Admin."
            )
        if failed:
            raise CommandError("Nicht gelöscht: " + ", ".join(failed))

    @staticmethod
    def has_login(address):
        user_model = get_user_model()
        field = user_model.get_email_field_name()
        return user_model._default_manager.filter(**{f"{field}__iexact": address}).exists()

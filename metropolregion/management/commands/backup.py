"""Back up the database and the uploaded files: `manage.py backup <folder>` (docs/backup.md)."""

from django.core.management.base import BaseCommand, CommandError

from metropolregion.backup import BackupError, create_backup, object_storage, object_storage_note


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, or SQLite's backup API) and MEDIA_ROOT into a new folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", help="the folder that receives the backup's folder")

    def handle(self, *args, **options):
        try:
            folder = create_backup(options["target"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {folder}")
        if where := object_storage():
            self.stdout.write(self.style.WARNING(object_storage_note(where)))

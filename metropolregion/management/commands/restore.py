"""Restore a backup of `manage.py backup`: `manage.py restore <backup folder>` (docs/backup.md).

Replaces what is in the database of DATABASE_URL (or `--database-url`, for a test restore
into another, empty database) and adds the files to MEDIA_ROOT (or `--media-root`). Stop
the app servers and the worker first.
"""

import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from metropolregion.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup folder into the database and MEDIA_ROOT (or the ones given)."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the backup's folder (metropolregion-…)")
        parser.add_argument(
            "--database-url", help="restore into this database instead (it must exist)"
        )
        parser.add_argument("--media-root", help="restore the files here instead")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask before replacing the data"
        )

    def handle(self, *args, **options):
        database = (
            dj_database_url.parse(options["database_url"]) if options["database_url"] else None
        )
        if not options["yes"]:
            answer = input(
                "This replaces the data of the database and adds the files. Go on? [y/N] "
            )
            if answer.strip().lower() not in ("y", "yes", "j", "ja"):
                raise CommandError("Nothing restored.")
        try:
            manifest = restore_backup(
                options["backup"], database=database, media_root=options["media_root"]
            )
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created']}.")
        if "media" in manifest:  # taken with media in object storage
            self.stdout.write(self.style.WARNING(manifest["media"]))

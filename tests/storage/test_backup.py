"""`manage.py backup` with media in object storage: the backup says, in its manifest and
on the terminal, that the uploads are not in it and who keeps them."""

import io
import json
import sqlite3

from django.core.management import call_command

from metropolregion import backup

from .conftest import LOCATION, configure, storages_of


def test_the_backup_says_the_media_are_in_the_store(tmp_path, monkeypatch, store):
    database = tmp_path / "site.sqlite3"
    sqlite3.connect(database).close()
    monkeypatch.setattr(  # a SQLite file of its own, not the test database
        "metropolregion.management.commands.backup.create_backup",
        lambda target: backup.create_backup(
            target, database={"ENGINE": backup.SQLITE, "NAME": str(database)}
        ),
    )
    assert backup.object_storage() is None  # MEDIA_ROOT: nothing to say
    with storages_of(configure(monkeypatch, store)):
        out = io.StringIO()
        call_command("backup", str(tmp_path / "backups"), stdout=out)
    [folder] = (tmp_path / "backups").iterdir()
    note = json.loads((folder / backup.MANIFEST).read_text())["media"]
    assert f"object storage (s3://{store.bucket}/{LOCATION})" in note
    assert "versioning" in note and "docs/object-storage.md" in note
    assert note in out.getvalue()

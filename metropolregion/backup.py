"""Backups of the database and the uploaded files, and their restore (docs/backup.md).

A backup is one folder, `metropolregion-<UTC time>/`, with
- `database.dump`: PostgreSQL's custom format (`pg_dump --format=custom`), restored with
  `pg_restore`; or `database.sqlite3` for a SQLite database, copied with SQLite's online
  backup API (consistent while the site runs);
- `media.tar.gz`: everything under MEDIA_ROOT (original images, renditions, documents);
  with media in object storage (AWS_STORAGE_BUCKET_NAME) the uploads are not there and not
  in the backup: the store keeps them, by its versioning and replication
  (docs/object-storage.md), and the manifest and the commands say so;
- `manifest.json`: when, from which kind of database, and the SHA-256 of both files, which
  `restore` checks before it changes anything.

The database connection comes from Django's settings (DATABASE_URL); pg_dump and
pg_restore get it through the PG* environment variables, so the password never shows in
the process list. They must be at least the server's major version (postgresql-client).
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404 - pg_dump and pg_restore, with argument lists, no shell
import tarfile
from pathlib import Path

from django.conf import settings

MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


class BackupError(Exception):
    """A backup or restore that could not be done (the message says why)."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _engine(database):
    engine = database["ENGINE"]
    if engine not in (POSTGRES, SQLITE):
        raise BackupError(f"No backup for the database engine {engine}.")
    return engine


def postgres_environment(database):
    """The PG* variables that point pg_dump/pg_restore at `database` (Django's dict)."""
    environment = {**os.environ}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        value = database.get(key)
        if value:
            environment[variable] = str(value)
        else:
            environment.pop(variable, None)
    sslmode = (database.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        environment["PGSSLMODE"] = sslmode
    return environment


def _run(arguments, database):
    program = shutil.which(arguments[0])
    if program is None:
        raise BackupError(f"{arguments[0]} is missing: install postgresql-client.")
    result = subprocess.run(  # noqa: S603 # nosec B603 - a fixed program, no shell
        [program, *arguments[1:]],
        env=postgres_environment(database),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{arguments[0]} failed: {result.stderr.strip()}")


# -- backup --


def object_storage():
    """Where the uploads are when they are not in MEDIA_ROOT ("s3://bucket/prefix"), or None."""
    options = settings.STORAGES["default"].get("OPTIONS") or {}
    bucket = options.get("bucket_name")
    if not bucket:
        return None
    return "/".join(part for part in (f"s3://{bucket}", options.get("location")) if part)


def object_storage_note(where):
    return (
        f"The uploaded media are in object storage ({where}), not in this backup: the store "
        "keeps them with its versioning and replication (docs/object-storage.md)."
    )


def dump_postgres(database, target):
    _run(["pg_dump", "--format=custom", "--compress=6", f"--file={target}"], database)


def copy_sqlite(source, target):
    """Copy a SQLite database file with SQLite's online backup API."""
    origin = sqlite3.connect(source)
    copy = sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        copy.close()
        origin.close()


def archive_media(media_root, target):
    media_root = Path(media_root)
    with tarfile.open(target, "w:gz") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                archive.add(path, arcname=path.relative_to(media_root).as_posix(), recursive=False)


def create_backup(target_dir, database=None, media_root=None, now=None):
    """Back up `database` (default: Django's) and `media_root` (default: MEDIA_ROOT) into a
    new folder below `target_dir`; returns that folder."""
    database = database or settings.DATABASES["default"]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    engine = _engine(database)
    moment = now or datetime.datetime.now(datetime.UTC)
    folder = Path(target_dir) / f"metropolregion-{moment:%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True, mode=0o700)  # personal data: the owner only
    if engine == POSTGRES:
        database_file = folder / POSTGRES_DUMP
        dump_postgres(database, database_file)
    else:
        database_file = folder / SQLITE_COPY
        copy_sqlite(database["NAME"], database_file)
    archive_media(media_root, folder / MEDIA_ARCHIVE)
    manifest = {
        "created": moment.isoformat(timespec="seconds"),
        "engine": engine,
        "files": {path.name: sha256(path) for path in (database_file, folder / MEDIA_ARCHIVE)},
    }
    if where := object_storage():
        manifest["media"] = object_storage_note(where)
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


# -- restore --


def read_manifest(folder):
    """The manifest of the backup in `folder`, after checking every file against it."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is no backup (no readable {MANIFEST}).") from error
    for name, digest in manifest["files"].items():
        path = folder / name
        if not path.is_file() or sha256(path) != digest:
            raise BackupError(f"{path} is missing or damaged (its SHA-256 does not match).")
    return manifest


def restore_postgres(dump, database):
    """Into an existing database (empty, or the one to replace: what the dump has is
    dropped first), in one transaction: all or nothing."""
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={database['NAME']}",
            str(dump),
        ],
        database,
    )


def restore_media(archive, media_root):
    media_root = Path(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as source:
        source.extractall(media_root, filter="data")  # nosec B202 - the data filter


def restore_backup(folder, database=None, media_root=None):
    """Restore the backup in `folder` into `database` and `media_root` (defaults: Django's
    settings). The engine must match the backup's."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    database = database or settings.DATABASES["default"]
    engine = _engine(database)
    if engine != manifest["engine"]:
        raise BackupError(f"The backup is of {manifest['engine']}, the database is {engine}.")
    if engine == POSTGRES:
        restore_postgres(folder / POSTGRES_DUMP, database)
    else:
        copy_sqlite(folder / SQLITE_COPY, database["NAME"])
    restore_media(folder / MEDIA_ARCHIVE, media_root or settings.MEDIA_ROOT)
    return manifest

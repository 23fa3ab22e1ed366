"""Issue 13, finding 4: backups (metropolregion/backup.py, `manage.py backup` / `restore`,
`make backup` / `make restore`, docs/backup.md) come back identical: the rows of
registrations, the mail outbox and the task queue, images and documents, and every file
under MEDIA_ROOT, into a fresh database and a fresh folder."""

import datetime
import io
import sqlite3
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from psycopg import sql
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Collection

from events import registration as rules
from events.models import Notification, Registration
from metropolregion import backup
from tests.factories.events import EventPageFactory
from tests.factories.images import ImageFactory


def files_with_hashes(root):
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): backup.sha256(path)
        for path in root.rglob("*")
        if path.is_file()
    }


def make_media(root):
    (root / "original_images").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "original_images" / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "documents" / "bericht.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    return root


# -- SQLite (runs on either database: it backs up its own SQLite file) --


def test_sqlite_round_trip_with_the_online_backup_api(tmp_path):
    source = tmp_path / "site.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE registration (id INTEGER PRIMARY KEY, name TEXT, email TEXT)")
        db.executemany(
            "INSERT INTO registration (name, email) VALUES (?, ?)",
            [("Erika Beispiel", "erika@example.org"), ("Max Muster", "max@example.org")],
        )
    db.close()
    media = make_media(tmp_path / "media")
    database = {"ENGINE": backup.SQLITE, "NAME": str(source)}

    folder = backup.create_backup(tmp_path / "backups", database=database, media_root=media)
    restored_db = tmp_path / "restored.sqlite3"
    backup.restore_backup(
        folder,
        database={"ENGINE": backup.SQLITE, "NAME": str(restored_db)},
        media_root=tmp_path / "restored-media",
    )

    with sqlite3.connect(restored_db) as db:
        rows = db.execute("SELECT * FROM registration ORDER BY id").fetchall()
    db.close()
    assert rows == [
        (1, "Erika Beispiel", "erika@example.org"),
        (2, "Max Muster", "max@example.org"),
    ]
    assert files_with_hashes(tmp_path / "restored-media") == files_with_hashes(media)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def test_a_damaged_backup_is_not_restored(tmp_path):
    source = tmp_path / "site.sqlite3"
    sqlite3.connect(source).close()
    database = {"ENGINE": backup.SQLITE, "NAME": str(source)}
    folder = backup.create_backup(
        tmp_path / "backups", database=database, media_root=make_media(tmp_path / "media")
    )
    with open(folder / backup.MEDIA_ARCHIVE, "ab") as archive:
        archive.write(b"x")
    target = tmp_path / "target.sqlite3"

    with pytest.raises(backup.BackupError, match="damaged"):
        backup.restore_backup(
            folder, database={**database, "NAME": str(target)}, media_root=tmp_path / "m"
        )
    assert not target.exists()


# -- PostgreSQL: pg_dump/pg_restore into a fresh database --


def rows(dsn, table):
    with psycopg.connect(**dsn) as db:
        return db.execute(
            sql.SQL("SELECT * FROM {} ORDER BY 1").format(sql.Identifier(table))
        ).fetchall()


def table_counts(dsn):
    with psycopg.connect(**dsn) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            table: db.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for table in tables
        }


def dsn(database, name=None):
    return {
        "dbname": name or database["NAME"],
        "user": database["USER"] or None,
        "password": database["PASSWORD"] or None,
        "host": database["HOST"] or None,
        "port": database["PORT"] or None,
    }


def database_url(database):
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{database['PORT'] or 5432}/{database['NAME']}"


@pytest.fixture
def fresh_database():
    """An empty database next to the test database, dropped afterwards."""
    database = connection.settings_dict
    name = f"{database['NAME']}_restore"
    with psycopg.connect(**dsn(database, "postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield {**database, "NAME": name}
    with psycopg.connect(**dsn(database, "postgres"), autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgres_round_trip_into_a_fresh_database(
    tmp_path, home_page, calendar_page, settings, fresh_database
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30)
    event = EventPageFactory(
        parent=calendar_page,
        registration_mode="intern",
        capacity=1,
        waiting_list=True,
        price=Decimal("50.00"),
        start=start,
        end=start + datetime.timedelta(hours=4),
    )
    for n, name in enumerate(["Erika Beispiel", "Jörg Müller-Lüdenscheidt"]):
        rules.register(event.pk, rules.Applicant(name=name, email=f"p{n}@example.org"))
    ImageFactory(title="Wasserstoffkongress")
    document = Document(title="Bericht", collection=Collection.get_first_root_node())
    document.file = ContentFile(b"%PDF-1.4\n% Bericht\n%%EOF\n", name="bericht.pdf")
    document.save()
    assert Registration.objects.count() == 2 and Notification.objects.count() == 2
    tables = [
        Registration._meta.db_table,
        Notification._meta.db_table,
        "django_tasks_database_dbtaskresult",
        get_image_model()._meta.db_table,
        Document._meta.db_table,
    ]
    source = connection.settings_dict
    assert rows(dsn(source), tables[2])  # the queued mails are there to compare

    out = io.StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    folder = Path(out.getvalue().split("Backup written to ", 1)[1].strip())
    restored_media = tmp_path / "restored-media"
    call_command(
        "restore",
        str(folder),
        "--yes",
        f"--database-url={database_url(fresh_database)}",
        f"--media-root={restored_media}",
        stdout=io.StringIO(),
    )

    for table in tables:
        assert rows(dsn(fresh_database), table) == rows(dsn(source), table), table
    assert table_counts(dsn(fresh_database)) == table_counts(dsn(source))
    assert files_with_hashes(restored_media) == files_with_hashes(settings.MEDIA_ROOT)
    assert "documents/bericht" in " ".join(files_with_hashes(restored_media))

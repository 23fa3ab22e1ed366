"""Copying images between Wagtail's image table and ours, for the migrations that switched
to `images.Image` (images/0002 and the content apps' migrations of their foreign keys).

Rows are copied with their primary keys, so that foreign keys, StreamField blocks and rich
text keep pointing at the same image; the models are the migrations' historical models.
"""

from django.core.management.color import no_style

# Models that point at an image through content type and object id.
GENERIC_REFERENCES = [
    # (app label, model, content type fields)
    ("taggit", "TaggedItem", ["content_type"]),
    ("wagtailcore", "ReferenceIndex", ["content_type", "base_content_type", "to_content_type"]),
    ("wagtailcore", "ModelLogEntry", ["content_type"]),
    ("wagtailcore", "UploadedFile", ["for_content_type"]),
    ("wagtailsearch", "IndexEntry", ["content_type"]),
]


def insert_missing(schema_editor, source, target, extra=None):
    """Copy the rows of `source` whose key `target` lacks (INSERT … SELECT, keys kept; the
    columns both tables have, plus `extra` {column: value}), then move the target's key
    sequence past the highest key (PostgreSQL; SQLite's AUTOINCREMENT does so itself)."""
    extra = extra or {}
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    target_columns = {field.column for field in target._meta.concrete_fields}
    columns = [f.column for f in source._meta.concrete_fields if f.column in target_columns]
    names = ", ".join(quote(column) for column in columns)
    extra_names = "".join(f", {quote(column)}" for column in extra)
    extra_values = "".join(", %s" for _column in extra)
    source_table, target_table = quote(source._meta.db_table), quote(target._meta.db_table)
    pk = quote(source._meta.pk.column)
    sql = (
        f"INSERT INTO {target_table} ({names}{extra_names}) "  # noqa: S608  # nosec B608 - quoted names
        f"SELECT {names}{extra_values} FROM {source_table} "
        f"WHERE {pk} NOT IN (SELECT {pk} FROM {target_table})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(extra.values()))
        for statement in connection.ops.sequence_reset_sql(no_style(), [target]):
            cursor.execute(statement)


def move_content_type(apps, from_model, to_model):
    """Point tags, reference index, history, uploads and search entries of `from_model`'s
    objects at `to_model` (same object ids)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(
        app_label=from_model._meta.app_label, model=from_model._meta.model_name
    ).first()
    if old is None:  # a fresh database: nothing refers to images yet
        return
    new, _created = ContentType.objects.get_or_create(
        app_label=to_model._meta.app_label, model=to_model._meta.model_name
    )
    for app_label, model_name, fields in GENERIC_REFERENCES:
        model = apps.get_model(app_label, model_name)
        for field in fields:
            model.objects.filter(**{field: old}).update(**{field: new})


def restore_missing_wagtail_images(apps, schema_editor):
    """Reverse step of the content apps' foreign key migrations: before a foreign key points
    at Wagtail's table again, copy the images added since the switch back to it."""
    insert_missing(
        schema_editor,
        apps.get_model("images", "Image"),
        apps.get_model("wagtailimages", "Image"),
    )

"""settings/storage.py: object storage only when a bucket is named, a half-done environment
refused with a message that says what to set, and the storages bound to Wagtail's file
fields follow STORAGES (as override_settings changes it)."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from metropolregion.settings import base
from metropolregion.settings.storage import media_storages
from metropolregion.storage import PrivateMediaStorage, PublicMediaStorage

from .conftest import configure, make_store, storages_of

Image = get_image_model()
Rendition = Image.get_rendition_model()
Document = get_document_model()

VARIABLES = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_LOCATION",
    "AWS_S3_USE_ACLS",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def storages_in_base_py():
    """STORAGES as base.py writes it (test.py changes the dict it imports from there)."""
    tree = ast.parse(Path(base.__file__).read_text())
    [value] = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["STORAGES"]
    ]
    return ast.literal_eval(value)


def test_without_a_bucket_media_stay_in_media_root():
    assert media_storages() is None
    assert storages_in_base_py()["default"]["BACKEND"].endswith("FileSystemStorage")


def test_with_a_bucket_documents_and_originals_private_renditions_public(monkeypatch):
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "metropolregion-media")
    storages = media_storages()
    assert storages["default"]["BACKEND"] == "metropolregion.storage.PrivateMediaStorage"
    assert storages["renditions"]["BACKEND"] == "metropolregion.storage.PublicMediaStorage"
    # base.py's static files storage, unchanged (whitenoise).
    assert storages["staticfiles"] == storages_in_base_py()["staticfiles"]
    private = PrivateMediaStorage(**storages["default"]["OPTIONS"])
    public = PublicMediaStorage(**storages["renditions"]["OPTIONS"])
    assert (private.querystring_auth, public.querystring_auth) == (True, False)
    assert private.file_overwrite is False and public.file_overwrite is False
    # No key: boto3's own chain (the instance role on AWS); AWS's own endpoint.
    assert private.access_key is None and private.endpoint_url is None
    config = private.client_config
    assert (config.connect_timeout, config.read_timeout) == (3, 10)
    assert config.retries == {"max_attempts": 2, "mode": "standard"}


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"AWS_S3_ENDPOINT_URL": "http://minio:9000"}, "AWS_STORAGE_BUCKET_NAME is not"),
        ({"AWS_LOCATION": "media"}, "AWS_STORAGE_BUCKET_NAME is not"),
        ({"AWS_STORAGE_BUCKET_NAME": "m", "AWS_ACCESS_KEY_ID": "k"}, "AWS_SECRET_ACCESS_KEY"),
        ({"AWS_STORAGE_BUCKET_NAME": "m", "AWS_SECRET_ACCESS_KEY": "s"}, "AWS_ACCESS_KEY_ID"),
        ({"AWS_STORAGE_BUCKET_NAME": "m", "AWS_S3_ENDPOINT_URL": "minio:9000"}, "http(s)"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "m", "AWS_S3_CUSTOM_DOMAIN": "https://cdn.example.org"},
            "without a scheme",
        ),
        ({"AWS_STORAGE_BUCKET_NAME": "m", "AWS_S3_USE_ACLS": "vielleicht"}, "boolean"),
    ],
)
def test_a_half_done_environment_is_refused(monkeypatch, environment, message):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=message.replace("(", r"\(").replace(")", r"\)")):
        media_storages()


def test_wagtails_file_fields_follow_the_storages_setting(monkeypatch, moto_server):
    """FileField.storage is bound when the model class is made: to default_storage (images,
    documents) and to metropolregion.rendition_storage (renditions); both are lazy and
    reset when STORAGES changes."""

    def storage_of(model):
        return model._meta.get_field("file").storage._wrapped

    fields = (Image, Document, Rendition)
    for model in fields:
        model._meta.get_field("file").storage.exists("x")  # resolve the lazy objects
    assert all(isinstance(storage_of(model), FileSystemStorage) for model in fields)
    with storages_of(configure(monkeypatch, make_store(moto_server))):
        for model in fields:
            model._meta.get_field("file").storage.exists("x")
        assert type(storage_of(Image)) is PrivateMediaStorage
        assert type(storage_of(Document)) is PrivateMediaStorage
        assert type(storage_of(Rendition)) is PublicMediaStorage
    for model in fields:
        model._meta.get_field("file").storage.exists("x")
    assert all(isinstance(storage_of(model), FileSystemStorage) for model in fields)


@pytest.mark.parametrize(
    ("environment", "origin"),
    [
        ({"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}, "http://127.0.0.1:9000"),
        ({}, "https://metropolregion-media.s3.amazonaws.com"),
        ({"AWS_S3_CUSTOM_DOMAIN": "medien.example.org/bilder"}, "https://medien.example.org"),
    ],
)
def test_pages_may_show_pictures_from_the_store_or_the_cdn(environment, origin):
    """The Content-Security-Policy lets browsers load the renditions from where their URLs
    point, on public pages and in the admin (settings read afresh in a new process)."""
    script = (
        "import json; from django.conf import settings as s; "
        "from django.core.files.storage import storages; print(json.dumps(["
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
        "s.ADMIN_CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
        "storages['renditions'].url('images/karte.webp')]))"
    )
    variables = {name: value for name, value in os.environ.items() if name not in VARIABLES}
    variables.update(
        DJANGO_SETTINGS_MODULE="metropolregion.settings.test",
        AWS_STORAGE_BUCKET_NAME="metropolregion-media",
        **environment,
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script],
        env=variables,
        cwd=Path(base.__file__).parents[2],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    public, admin, url = json.loads(result.stdout)
    assert public == ["'self'", "data:", origin] and admin == public
    assert url.startswith(f"{origin}/")

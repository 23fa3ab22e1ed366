"""Media in object storage, tested against moto's S3 server over real HTTP on 127.0.0.1.

`moto_server` runs one ThreadedMotoServer for the session (stopped at the end, also after a
failure); `object_storage` gives each test a fresh bucket with the policy the operator sets
(docs/object-storage.md: only `<location>/images/*` readable by anyone) and the STORAGES that
settings/storage.py builds from the environment, in force for the test through
override_settings (which resets Django's storages, and metropolregion.rendition_storage
with them).
"""

import contextlib
import io
import json
import logging
import socket
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass

import boto3
import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import override_settings
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from metropolregion.settings.storage import media_storages

REGION = "eu-central-1"
LOCATION = "site"
KEY = "test-key"
SECRET = "test-secret"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MotoServer:
    """moto's S3 server on a free port of 127.0.0.1, at `endpoint`."""

    def __init__(self):
        port = free_port()
        self.endpoint = f"http://127.0.0.1:{port}"
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        self.running = False

    def start(self):
        self._server.start()
        self.running = True

    def stop(self):
        """Stop serving and close the port (werkzeug closes it when its loop ends)."""
        if self.running:
            self.running = False
            self._server.stop()


@contextlib.contextmanager
def running_moto():
    server = MotoServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def moto_server():
    with running_moto() as server:
        yield server.endpoint


@pytest.fixture(autouse=True)
def quiet_moto(caplog):
    """moto's server logs every request (werkzeug, INFO)."""
    caplog.set_level(logging.WARNING, logger="werkzeug")


def anonymous_get(url):
    """(status, content type, body) of a GET without any credentials."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  # nosec B310 - 127.0.0.1
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()


def png_bytes(size=(1600, 1000), color="#0b3d6e"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@dataclass
class Store:
    """A bucket on the moto server and what the test needs to look into it."""

    endpoint: str
    bucket: str
    client: object

    def keys(self, prefix=""):
        listing = self.client.list_objects_v2(Bucket=self.bucket, Prefix=f"{LOCATION}/{prefix}")
        return [entry["Key"] for entry in listing.get("Contents", [])]

    def public_url(self, key):
        return f"{self.endpoint}/{self.bucket}/{key}"

    def grants(self, key):
        acl = self.client.get_object_acl(Bucket=self.bucket, Key=key)
        return {
            (grant["Grantee"].get("URI") or grant["Grantee"].get("ID"), grant["Permission"])
            for grant in acl["Grants"]
        }


def make_store(endpoint, policy=True):
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=KEY,
        aws_secret_access_key=SECRET,
    )
    bucket = f"media-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    if policy:  # as docs/object-storage.md: the renditions' prefix only
        statement = {
            "Sid": "PublicRenditions",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{bucket}/{LOCATION}/images/*",
        }
        client.put_bucket_policy(
            Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [statement]})
        )
    return Store(endpoint, bucket, client)


def configure(monkeypatch, store, **extra):
    """The environment an operator sets for `store`; the STORAGES it gives."""
    environment = {
        "AWS_STORAGE_BUCKET_NAME": store.bucket,
        "AWS_S3_ENDPOINT_URL": store.endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET,
        "AWS_LOCATION": LOCATION,
        **extra,
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return media_storages()


@contextlib.contextmanager
def storages_of(storages):
    """`storages` in force; static files as the test settings keep them (as dev.py and
    test.py change base.py's whitenoise storage after settings/storage.py)."""
    with override_settings(STORAGES={**storages, "staticfiles": settings.STORAGES["staticfiles"]}):
        yield


@pytest.fixture
def store(moto_server):
    return make_store(moto_server)


@pytest.fixture
def object_storage(monkeypatch, store):
    """Media in `store` for the test (policy mode, no ACLs)."""
    with storages_of(configure(monkeypatch, store)):
        yield store


@pytest.fixture
def editor(db):
    user = User.objects.create_user("redaktion", "redaktion@example.org", "pw")
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user

"""Media storages for object storage (settings/storage.py chooses them; docs/object-storage.md).

`PrivateMediaStorage` keeps original images and documents (signed URLs, no public ACL),
`PublicMediaStorage` the renditions on the pages (plain URLs, on the CDN's host when set).
Both are django-storages' S3 storage with

- timeouts and few retries on the client, so a slow or dead store holds a worker for
  seconds, not minutes;
- reading failures as OSError: Wagtail turns an OSError while opening an original into
  SourceImageIOError, and its picture tags (and ours, through Wagtail's
  `get_rendition(s)_or_not_found`) then show a missing picture instead of failing the page.
  The failure is logged; after a connection failure the storage does not try again for
  `pause_after_failure` seconds, so a page with many new pictures does not wait for each.

Renditions find their storage through metropolregion/rendition_storage.py (without boto3,
which only processes with object storage import).
"""

import logging
import time

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)


class MediaStorage(S3Storage):
    """django-storages' S3 storage with client timeouts and reading failures as OSError."""

    # Seconds without a new attempt after the store could not be reached.
    pause_after_failure = 30

    def __init__(self, connect_timeout=3, read_timeout=10, max_attempts=2, **options):
        options.setdefault(
            "client_config",
            Config(
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
                retries={"max_attempts": max_attempts, "mode": "standard"},
                s3={"addressing_style": options.get("addressing_style")},
                signature_version=options.get("signature_version") or "s3v4",
            ),
        )
        super().__init__(**options)
        self._unreachable_until = 0.0

    def _open(self, name, mode="rb"):
        if "w" in mode:
            return super()._open(name, mode)
        if time.monotonic() < self._unreachable_until:
            raise OSError(f"Media storage unreachable; {name} not read.")
        try:
            return super()._open(name, mode)
        except (BotoCoreError, ClientError) as error:
            unreachable = not isinstance(error, ClientError) or _status(error) >= 500
            if unreachable:
                self._unreachable_until = time.monotonic() + self.pause_after_failure
            logger.error(
                "Media storage: %s not read (%s)%s",
                name,
                error,
                f"; no new attempt for {self.pause_after_failure} s" if unreachable else "",
            )
            raise OSError(f"Media storage: {name} not read ({error}).") from error


def _status(error):
    return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0


class PrivateMediaStorage(MediaStorage):
    """Original images, documents and other uploads: never public, URLs signed and short-lived,
    always at the store itself (a CDN host would drop the signature)."""

    def __init__(self, **options):
        options.update(querystring_auth=True, custom_domain=None)
        super().__init__(**options)


class PublicMediaStorage(MediaStorage):
    """Renditions: plain URLs that pages and caches can keep."""

    def __init__(self, **options):
        options.update(querystring_auth=False)
        super().__init__(**options)

"""Uploaded media in object storage (the S3 API: AWS S3, MinIO, Ceph RGW), chosen by the
environment; docs/object-storage.md explains the set-up.

Without AWS_STORAGE_BUCKET_NAME nothing changes: media stay in MEDIA_ROOT (base.py). With
it, two storages of django-storages share one bucket (metropolregion/storage.py):

- "default": original images, documents and every other upload. Private: no ACL that
  opens them, URLs signed for a short time, never the CDN's host. Documents reach visitors
  only through Wagtail's view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which checks the
  privacy of their collection and streams the file from the bucket.
- "renditions": the resized images on the pages (`<location>/images/…`). Public: plain
  URLs without a signature (pages and the CDN can cache them), on AWS_S3_CUSTOM_DOMAIN when
  set. The bucket policy makes only this prefix readable by anyone.

Pages then show pictures from the store's (or the CDN's) origin: it is added to `img-src`
of the Content-Security-Policy (settings/security.py), for the public pages and the admin.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from . import security as _security
from .env import env_bool, env_int, env_str

__all__ = ["STORAGES", "WAGTAILIMAGES_RENDITION_STORAGE"]

# Renditions go to the storage alias "renditions" when STORAGES has one (object storage),
# else to the default storage; the lazy object follows override_settings in tests.
WAGTAILIMAGES_RENDITION_STORAGE = "metropolregion.rendition_storage.rendition_storage"

# As base.py has it (settings/dev.py and test.py change it again after this module).
_STATICFILES = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# Variables that mean nothing without a bucket: set alone, they are a mistake.
_BUCKET_VARIABLES = (
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_LOCATION",
    "AWS_S3_USE_ACLS",
    "AWS_S3_URL_PROTOCOL",
    "AWS_S3_ADDRESSING_STYLE",
)


def _endpoint_url():
    endpoint = env_str("AWS_S3_ENDPOINT_URL")
    if endpoint is None:
        return None
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"AWS_S3_ENDPOINT_URL must be an http(s) address such as "
            f"https://minio.example.org:9000, not {endpoint!r}."
        )
    return endpoint.rstrip("/")


def _custom_domain():
    domain = env_str("AWS_S3_CUSTOM_DOMAIN")
    if domain is not None and ("://" in domain or domain.startswith("/")):
        raise ImproperlyConfigured(
            "AWS_S3_CUSTOM_DOMAIN is a host name (and optional path) without a scheme, "
            f"e.g. media.example.org, not {domain!r}."
        )
    return domain.rstrip("/") if domain else None


def _url_protocol():
    protocol = env_str("AWS_S3_URL_PROTOCOL", "https:")
    if protocol not in ("http:", "https:"):
        raise ImproperlyConfigured(f"AWS_S3_URL_PROTOCOL is https: or http:, not {protocol!r}.")
    return protocol


def _credentials():
    """The app's key, or None for boto3's own chain (an instance role, IRSA, ~/.aws)."""
    key, secret = env_str("AWS_ACCESS_KEY_ID"), env_str("AWS_SECRET_ACCESS_KEY")
    if bool(key) != bool(secret):
        raise ImproperlyConfigured(
            "Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither (then boto3 "
            "uses the machine's role)."
        )
    return {"access_key": key, "secret_key": secret} if key else {}


def media_storages():
    """The STORAGES setting for the environment's bucket; None without a bucket (then
    base.py's STORAGES stays). Raises ImproperlyConfigured for a half-done configuration."""
    bucket = env_str("AWS_STORAGE_BUCKET_NAME")
    if bucket is None:
        stray = [name for name in _BUCKET_VARIABLES if env_str(name) is not None]
        if stray:
            raise ImproperlyConfigured(
                f"{', '.join(stray)} set but AWS_STORAGE_BUCKET_NAME is not: set the bucket "
                "to keep media in object storage, or remove them to keep media in MEDIA_ROOT."
            )
        return None
    endpoint = _endpoint_url()
    use_acls = env_bool("AWS_S3_USE_ACLS", False)
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": env_str("AWS_S3_REGION_NAME"),
        "location": (env_str("AWS_LOCATION", "") or "").strip("/"),
        # MinIO and Ceph want path-style addresses (host/bucket/key); AWS either.
        "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE", "path" if endpoint else None),
        # Two uploads named "foto.jpg" keep both files ("foto_a1B2c3d.jpg").
        "file_overwrite": False,
        "connect_timeout": env_int("AWS_S3_CONNECT_TIMEOUT", 3),
        "read_timeout": env_int("AWS_S3_READ_TIMEOUT", 10),
        "max_attempts": env_int("AWS_S3_MAX_ATTEMPTS", 2),
        **_credentials(),
    }
    return {
        "default": {
            "BACKEND": "metropolregion.storage.PrivateMediaStorage",
            "OPTIONS": {
                **common,
                "querystring_auth": True,
                "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 600),
                "default_acl": "private" if use_acls else None,
            },
        },
        "renditions": {
            "BACKEND": "metropolregion.storage.PublicMediaStorage",
            "OPTIONS": {
                **common,
                "querystring_auth": False,
                "custom_domain": _custom_domain(),
                "url_protocol": _url_protocol(),
                "default_acl": "public-read" if use_acls else None,
                # Rendition files never change under their name: caches may keep them.
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
        "staticfiles": _STATICFILES,
    }


def media_origin(options):
    """The origin (scheme://host[:port]) of the renditions' URLs, for `img-src`."""
    if options.get("custom_domain"):
        return f"{options['url_protocol']}//{options['custom_domain'].split('/')[0]}"
    import botocore
    import botocore.session
    from botocore.config import Config

    client = botocore.session.get_session().create_client(
        "s3",
        region_name=options.get("region_name"),
        endpoint_url=options.get("endpoint_url"),
        config=Config(
            signature_version=botocore.UNSIGNED,
            s3={"addressing_style": options.get("addressing_style")},
        ),
    )
    url = client.generate_presigned_url(
        "get_object", Params={"Bucket": options["bucket_name"], "Key": "x"}
    )
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _allow_images_from(origin):
    for policy in (_security.CONTENT_SECURITY_POLICY, _security.ADMIN_CONTENT_SECURITY_POLICY):
        directives = policy["DIRECTIVES"]
        directives["img-src"] = [*directives["img-src"], origin]


_storages = media_storages()
if _storages is not None:
    STORAGES = _storages
    _allow_images_from(media_origin(_storages["renditions"]["OPTIONS"]))
else:
    __all__.remove("STORAGES")

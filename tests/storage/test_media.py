"""Images, renditions and documents in object storage (moto's S3 server over HTTP): an
editor's upload lands in the bucket, private; the renditions a page shows land there too and
are fetched by anyone at plain URLs; documents reach visitors only through Wagtail's view,
which checks the collection's privacy, and never by a URL of the store."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories.images import ImageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

from .conftest import LOCATION, anonymous_get, configure, make_store, png_bytes, storages_of

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def upload(client, name="podium.png"):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Podium",
            "file": SimpleUploadedFile(name, png_bytes(), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
            "credit": "Erika Beispiel",
            "licence": "cc-by-4.0",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    return Image.objects.get(title="Podium")


def bucket_urls(html, store):
    """Every address of the bucket in the page (src, srcset, content)."""
    pattern = re.escape(f"{store.endpoint}/{store.bucket}/") + r"[^\s\"'<>,]+"
    return set(re.findall(pattern, html.replace("&amp;", "&")))


def key_of(url, store):
    return urlsplit(url).path.removeprefix(f"/{store.bucket}/")


@pytest.fixture
def news_page(home_page):
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), image=None)


def test_an_editors_upload_lands_in_the_bucket_private(client, editor, object_storage):
    store = object_storage
    client.force_login(editor)
    image = upload(client)
    key = f"{LOCATION}/{image.file.name}"
    assert image.file.name.startswith("original_images/podium")
    assert store.keys("original_images/") == [key]
    assert (image.width, image.height) == (1600, 1000)  # read from the upload, no local path
    assert image.file_size == len(png_bytes()) and image.file_hash
    # Nobody gets the original without a signature: not by the bucket policy, not by ACL.
    assert anonymous_get(store.public_url(key))[0] == 403
    assert not any(grantee == ALL_USERS for grantee, _ in store.grants(key))
    # Its own URL (the admin's "file" link) is signed and short-lived.
    assert "X-Amz-Signature=" in image.file.url and "X-Amz-Expires=600" in image.file.url

    again = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Podium 2",
            "file": SimpleUploadedFile("podium.png", png_bytes(color="red"), "image/png"),
            "collection": Collection.get_first_root_node().pk,
            "credit": "Max Muster",
            "licence": "cc-by-4.0",
        },
    )
    assert again.status_code == 302
    second = Image.objects.get(title="Podium 2")
    assert second.file.name != image.file.name  # the same name never overwrites a file
    assert len(store.keys("original_images/")) == 2


def test_a_page_makes_its_renditions_in_the_bucket_at_public_urls(
    client, editor, object_storage, news_page
):
    store = object_storage
    client.force_login(editor)
    news_page.image = upload(client)
    news_page.save_revision().publish()
    client.logout()

    response = client.get(news_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    urls = bucket_urls(html, store)
    # The picture's three formats in three sizes, and the Open Graph image.
    assert len(urls) == 10, sorted(urls)
    for url in urls:
        assert "X-Amz-" not in url  # plain: pages and caches can keep it
        key = key_of(url, store)
        assert key.startswith(f"{LOCATION}/images/podium"), key
        status, content_type, body = anonymous_get(url)
        assert status == 200, url
        assert content_type.startswith("image/")
        PILImage.open(io.BytesIO(body)).verify()
    assert len(store.keys("images/")) == 10
    # The original and any document are not on the page.
    assert not [url for url in urls if "/original_images/" in url or "/documents/" in url]
    assert 'property="og:image" content="http://127.0.0.1' in html


@pytest.fixture
def documents(object_storage):
    root = Collection.get_first_root_node()
    members_only = root.add_child(name="Nur für Mitglieder")
    CollectionViewRestriction.objects.create(
        collection=members_only, restriction_type=CollectionViewRestriction.LOGIN
    )

    def make(name, content, collection):
        document = Document(title=name, collection=collection)
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        return document

    return (
        make("protokoll.pdf", b"%PDF-1.4 Protokoll der Mitglieder\n%%EOF\n", members_only),
        make("satzung.pdf", b"%PDF-1.4 Satzung\n%%EOF\n", root),
    )


def test_a_private_document_only_through_wagtails_view_to_members(
    client, object_storage, documents
):
    store = object_storage
    private, _ = documents
    key = f"{LOCATION}/{private.file.name}"
    assert store.keys("documents/") and key in store.keys("documents/")

    response = client.get(private.url)
    assert private.url == f"/documents/{private.pk}/protokoll.pdf"
    assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/")

    client.force_login(User.objects.create_user("mitglied", "m@example.org", "pw"))
    response = client.get(private.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Protokoll der Mitglieder\n%%EOF\n"

    # The store refuses the object to anyone without a signature; its ACL grants nothing
    # to the public; the storage's own URL for it is signed.
    assert anonymous_get(store.public_url(key))[0] == 403
    assert store.grants(key) == {(grantee, "FULL_CONTROL") for grantee, _ in store.grants(key)}
    assert "X-Amz-Signature=" in private.file.url


def test_a_public_document_is_served_by_the_view_too(client, object_storage, documents):
    store = object_storage
    _, public = documents
    response = client.get(public.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Satzung\n%%EOF\n"
    # Even a public document is no public object: the view is the one way in.
    assert anonymous_get(store.public_url(f"{LOCATION}/{public.file.name}"))[0] == 403


def test_a_page_links_documents_by_the_view_never_by_the_store(
    client, object_storage, documents, news_page
):
    private, public = documents
    links = "".join(
        f'<a linktype="document" id="{document.pk}">{document.title}</a> ' for document in documents
    )
    news_page.body = [("section", {"heading": "Unterlagen", "text": f"<p>{links}</p>"})]
    news_page.save_revision().publish()
    html = client.get(news_page.url).content.decode()
    assert f'href="/documents/{private.pk}/protokoll.pdf"' in html
    assert f'href="/documents/{public.pk}/satzung.pdf"' in html
    assert object_storage.bucket not in html


def test_with_acls_renditions_are_public_read_and_originals_private(
    client, monkeypatch, moto_server, news_page
):
    """Stores without bucket policies (Ceph RGW, older AWS buckets): AWS_S3_USE_ACLS=1 sets
    each object's ACL; here the bucket has no policy at all."""
    store = make_store(moto_server, policy=False)
    with storages_of(configure(monkeypatch, store, AWS_S3_USE_ACLS="1")):
        image = ImageFactory(file__filename="karte.png")
        rendition = image.get_rendition("fill-640x400|format-webp")
        original_key = f"{LOCATION}/{image.file.name}"
        rendition_key = f"{LOCATION}/{rendition.file.name}"
        assert (ALL_USERS, "READ") in store.grants(rendition_key)
        assert not any(grantee == ALL_USERS for grantee, _ in store.grants(original_key))
        assert anonymous_get(rendition.url)[0] == 200
        assert anonymous_get(store.public_url(original_key))[0] == 403


def test_renditions_on_the_cdn_host_private_files_signed_at_the_store(monkeypatch, moto_server):
    store = make_store(moto_server)
    storages = configure(monkeypatch, store, AWS_S3_CUSTOM_DOMAIN="medien.example.org")
    with storages_of(storages):
        image = ImageFactory(file__filename="logo.png", file__width=200, file__height=100)
        rendition = image.get_rendition("width-100")
        assert rendition.url == f"https://medien.example.org/{LOCATION}/{rendition.file.name}"
        assert image.file.url.startswith(f"{store.endpoint}/{store.bucket}/{LOCATION}/")
        assert "X-Amz-Signature=" in image.file.url

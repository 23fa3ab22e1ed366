"""Uploads through the Wagtail admin as an editor: images within the size and pixel limits
and in a format whose content matches its extension, no SVG; documents only with the allowed
extensions, always sent by Wagtail's view as a download (PDF inline), never straight from
/media/, and those of a private collection never to anonymous visitors."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script><rect width='10' height='10'/></svg>"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def image_bytes(fmt="PNG", size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size, "white" if mode == "RGB" else 1).save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_user("redaktion", "redaktion@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    return client


def upload_image(client, name, data, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Hochgeladen",
            "file": SimpleUploadedFile(name, data, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
            "credit": "Erika Beispiel",
            "licence": "alle-rechte-vorbehalten",
        },
    )


def upload_document(client, name, data, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Dokument",
            "file": SimpleUploadedFile(name, data, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def file_errors(response):
    assert response.status_code == 200, "a refused upload shows the form again"
    return " ".join(response.context["form"].errors.get("file", []))


def test_editor_uploads_a_png(editor_client):
    response = upload_image(editor_client, "karte.png", image_bytes())
    assert response.status_code == 302
    assert Image.objects.get(title="Hochgeladen").file.name.endswith(".png")


def test_configured_limits():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 15 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 64_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_image_over_the_size_limit_is_refused(editor_client):
    # A valid PNG with padding behind it: one byte more than the configured limit.
    data = image_bytes()
    data += b"\0" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1 - len(data))
    errors = file_errors(upload_image(editor_client, "gross.png", data))
    assert "zu groß" in errors and "15,0" in errors, errors
    assert not Image.objects.filter(title="Hochgeladen").exists()


def test_image_over_the_pixel_limit_is_refused(editor_client):
    # 8001 x 8000 pixels = 64 008 000 > 64 000 000; one bit per pixel keeps it small.
    data = image_bytes(size=(8001, 8000), mode="1")
    assert len(data) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    errors = file_errors(upload_image(editor_client, "riesig.png", data))
    assert "Pixel" in errors, errors
    assert not Image.objects.filter(title="Hochgeladen").exists()


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("logo.svg", SVG, "image/svg+xml"),
        ("logo.png", SVG, "image/png"),  # an SVG renamed
        ("foto.jpg", HTML, "image/jpeg"),  # HTML renamed
        ("foto.jpg", b"just some text", "image/jpeg"),
        ("seite.html", HTML, "text/html"),
        ("bild.png.html", image_bytes(), "image/png"),
    ],
)
def test_svg_and_disguised_files_are_refused_as_images(editor_client, name, data, content_type):
    errors = file_errors(upload_image(editor_client, name, data, content_type))
    assert errors
    assert not Image.objects.filter(title="Hochgeladen").exists()


def test_png_named_jpg_is_refused(editor_client):
    """The extension decides how the file is served later (Content-Type from the name), so
    it must match the content: a PNG called .jpg is refused with a message that says so."""
    errors = file_errors(upload_image(editor_client, "foto.jpg", image_bytes("PNG")))
    assert ".jpeg" in errors and "png" in errors, errors
    assert not Image.objects.filter(title="Hochgeladen").exists()


def test_jpeg_named_jpg_is_accepted(editor_client):
    response = upload_image(editor_client, "foto.jpg", image_bytes("JPEG"), "image/jpeg")
    assert response.status_code == 302


@pytest.mark.parametrize(
    "name", ["seite.html", "bild.svg", "skript.js", "programm.exe", "seite.htm", "x.php"]
)
def test_documents_only_with_the_allowed_extensions(editor_client, name):
    assert name.rsplit(".", 1)[1] not in settings.WAGTAILDOCS_EXTENSIONS
    errors = file_errors(upload_document(editor_client, name, HTML))
    assert f"„{name.rsplit('.', 1)[1]}“ ist nicht erlaubt" in errors, errors
    assert not Document.objects.filter(title="Dokument").exists()


def test_allowed_document_is_stored(editor_client):
    response = upload_document(editor_client, "bericht.pdf", b"%PDF-1.4\n%%EOF\n")
    assert response.status_code == 302
    assert Document.objects.filter(title="Dokument").exists()


def make_document(name, data, collection=None):
    document = Document(title=name, collection=collection or Collection.get_first_root_node())
    document.file = ContentFile(data, name=name)
    document.save()
    return document


def read(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_documents_are_served_by_wagtails_view_as_downloads(client):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    table = make_document("liste.csv", b"a;b\n1;2\n")
    response = client.get(table.url)
    assert table.url.startswith("/documents/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert read(response) == b"a;b\n1;2\n"


def test_a_pdf_is_shown_inline(client):
    pdf = make_document("bericht.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")


def test_documents_and_original_images_are_not_reachable_under_media(client):
    document = make_document("liste.csv", b"a;b\n")
    image = ImageFactory(file__width=40, file__height=30)
    rendition = image.get_rendition("width-20")
    assert document.file.name.startswith("documents/")
    assert image.file.name.startswith("original_images/")
    for path in [
        document.file.name,
        image.file.name,
        f"images/../{document.file.name}",
        f"./{image.file.name}",
        f"/{document.file.name}",
        document.file.name.replace("documents/", "Documents/"),
    ]:
        assert client.get(f"/media/{path}").status_code == 404, path
    # Renditions, which the pages use, are still served in development.
    assert client.get(rendition.url).status_code == 200


@pytest.fixture
def private_document():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Nur für Mitglieder")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return make_document("protokoll.csv", b"geheim;1\n", collection)


def test_private_document_is_not_downloadable_anonymously(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)
    assert client.get(f"/media/{private_document.file.name}").status_code == 404
    client.force_login(User.objects.create_user("mitglied", "m@example.org", "pw"))
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert read(response) == b"geheim;1\n"


def test_password_protected_document_needs_the_password(client):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Vorstand")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="vorstand-2025",
    )
    document = make_document("vorstand.csv", b"geheim;2\n", collection)
    response = client.get(document.url)
    assert b"geheim" not in read(response)
    assert response.status_code in (200, 302)  # the password form, or a redirect to it

"""The photographer is required in every admin form that makes an image: the upload, the
multiple upload (which keeps the file until the editor has filled in the form) and the
chooser's upload tab; the edit form and the chooser show it."""

import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from metropolregion.images.credits import strip_prefix
from metropolregion.images.models import Licence
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

Image = get_image_model()
MESSAGE = "Bitte geben Sie an, wer das Bild gemacht hat (Fotograf/in oder Quelle)."


def png(name="bild.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fields(**overrides):
    return {
        "title": "Podium",
        "collection": Collection.get_first_root_node().pk,
        "licence": Licence.CC_BY,
        **overrides,
    }


def test_the_site_uses_its_own_image_model():
    assert Image._meta.label == "images.Image"
    assert Image.get_rendition_model()._meta.label == "images.Rendition"


def test_upload_pages_ask_for_the_credit(admin_client):
    html = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert 'name="credit"' in html and 'name="licence"' in html
    assert admin_client.get(reverse("wagtailimages:add_multiple")).status_code == 200


@pytest.mark.parametrize("credit", ["", "   ", "Foto:", "Foto: "])
def test_upload_without_credit_is_refused_naming_the_field(admin_client, credit):
    response = admin_client.post(
        reverse("wagtailimages:add"), {**fields(credit=credit), "file": png()}
    )
    assert response.status_code == 200  # the form again
    assert response.context["form"].errors["credit"] == [MESSAGE]
    assert MESSAGE in response.content.decode()
    assert not Image.objects.filter(title="Podium").exists()


def test_upload_with_credit_stores_it_without_a_typed_prefix(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {**fields(credit="Foto: Erika Beispiel", source="https://example.org/presse"),
         "file": png()},
    )  # fmt: skip
    assert response.status_code == 302
    image = Image.objects.get(title="Podium")
    assert (image.credit, image.licence, image.source) == (
        "Erika Beispiel",
        Licence.CC_BY,
        "https://example.org/presse",
    )
    with translation.override("de"):
        assert image.credit_line == "Foto: Erika Beispiel (CC BY 4.0)"


def test_multiple_upload_keeps_the_file_until_the_credit_is_given(admin_client):
    """Wagtail's multiple upload sends the file alone; with the credit missing it keeps the
    file as an upload and creates the image only from the filled-in form."""
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": png("gruppe.png"), "collection": Collection.get_first_root_node().pk},
    )
    data = response.json()
    assert data["success"] and "uploaded_file_id" in data and "image_id" not in data
    assert f'name="uploaded-image-{data["uploaded_file_id"]}-credit"' in data["form"]
    assert not Image.objects.exists()
    url = reverse(
        "wagtailimages:create_multiple_from_uploaded_image", args=(data["uploaded_file_id"],)
    )
    prefix = f"uploaded-image-{data['uploaded_file_id']}-"

    refused = admin_client.post(url, {prefix + k: v for k, v in fields(credit="").items()})
    assert refused.json()["success"] is False
    assert MESSAGE in refused.json()["form"]
    assert not Image.objects.exists()

    created = admin_client.post(
        url, {prefix + k: v for k, v in fields(credit="Jan Muster").items()}
    ).json()
    assert created["success"]
    image = Image.objects.get(pk=created["image_id"])
    assert image.credit == "Jan Muster" and image.file.name.endswith(".png")
    assert not UploadedFile.objects.exists()


def test_multiple_upload_edit_form_refuses_to_clear_the_credit(admin_client):
    image = ImageFactory(credit="Mara Exempel")
    prefix = f"image-{image.pk}-"
    response = admin_client.post(
        reverse("wagtailimages:edit_multiple", args=(image.pk,)),
        {prefix + k: v for k, v in fields(credit=" ").items()},
    )
    assert response.json()["success"] is False and MESSAGE in response.json()["form"]
    image.refresh_from_db()
    assert image.credit == "Mara Exempel"


def test_chooser_upload_requires_the_credit(admin_client):
    url = reverse("wagtailimages_chooser:create")
    prefix = "image-chooser-upload-"
    refused = admin_client.post(url, {**{prefix + k: v for k, v in fields().items()},
                                      prefix + "file": png()})  # fmt: skip
    assert json.loads(refused.content)["step"] == "reshow_creation_form"
    assert MESSAGE in json.loads(refused.content)["htmlFragment"]
    assert not Image.objects.exists()
    chosen = admin_client.post(
        url,
        {**{prefix + k: v for k, v in fields(credit="Paul Platzhalter").items()},
         prefix + "file": png()},
    )  # fmt: skip
    assert json.loads(chosen.content)["step"] == "chosen"
    assert Image.objects.get().credit == "Paul Platzhalter"


def test_edit_form_shows_the_credit_fields(admin_client):
    image = ImageFactory(credit="Selin Exempel", licence=Licence.PRESS)
    html = admin_client.get(reverse("wagtailimages:edit", args=(image.pk,))).content.decode()
    for name in ("credit", "licence", "source", "usage_until"):
        assert f'name="{name}"' in html, name
    assert 'value="Selin Exempel"' in html


@pytest.mark.parametrize("layout", ["grid", "list"])
def test_chooser_shows_each_images_credit_once(admin_client, layout):
    ImageFactory(title="Kongress", credit="Clara Beispiel", licence=Licence.CC_BY_SA)
    ImageFactory(title="Altes Logo", credit="")  # from before the credit was required
    ImageFactory(title="Archiv", credit="Archiv", usage_until=datetime.date(2020, 12, 31))
    response = admin_client.get(reverse("wagtailimages_chooser:choose"), {"layout": layout})
    html = json.loads(response.content)["html"]
    assert html.count("Clara Beispiel") == 1
    assert "Foto: Clara Beispiel (CC BY-SA 4.0)" in html
    assert "Noch ohne Fotograf/in" in html
    assert "Nutzungsrecht abgelaufen am 31.12.2020" in html


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Erika Beispiel", "Erika Beispiel"),
        ("Foto: Erika Beispiel", "Erika Beispiel"),
        ("foto:Erika Beispiel", "Erika Beispiel"),
        ("Foto: Foto: Erika Beispiel", "Erika Beispiel"),
        ("Photo: Stadt Leipzig", "Stadt Leipzig"),
        ("  Fotos : Archiv ", "Archiv"),
        ("Fotostudio Meier", "Fotostudio Meier"),
        ("© Stadt Halle", "© Stadt Halle"),
    ],
)
def test_a_typed_prefix_is_removed(typed, stored):
    assert strip_prefix(typed) == stored

"""Blocks: editor-facing metadata, previews in the admin, and link validation."""

import pathlib

import pytest
import wagtail
from django.core.exceptions import ValidationError
from django.urls import reverse

from metropolregion.blocks import LinkBlock
from metropolregion.home_blocks import HomeStreamBlock

BLOCKS = HomeStreamBlock().child_blocks


WAGTAIL_ICONS = {
    path.stem
    for path in (
        pathlib.Path(wagtail.__file__).parent / "admin" / "templates" / "wagtailadmin" / "icons"
    ).glob("*.svg")
}


@pytest.mark.parametrize("name", BLOCKS.keys())
def test_block_tells_editors_what_it_is_for(name):
    block = BLOCKS[name]
    meta = block.meta
    assert meta.icon in WAGTAIL_ICONS, f"{name}: icon {meta.icon!r} does not exist"
    assert meta.label and meta.description and meta.template, name
    assert type(block).__doc__ and len(type(block).__doc__.strip().splitlines()) >= 1
    assert block.is_previewable, f"{name} has no preview in the block picker"


@pytest.mark.django_db
@pytest.mark.parametrize("name", BLOCKS.keys())
def test_block_preview_renders_in_the_admin(admin_client, name):
    block = BLOCKS[name]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/css/site.css" in html  # previews use the site's own styles
    preview = block.get_preview_value()
    assert str(preview.get("heading") or preview.get("tagline")) in html


@pytest.mark.django_db
def test_hero_preview_uses_an_image_from_the_library(admin_client):
    from tests.factories import ImageFactory

    ImageFactory(title="Vorschau")
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": BLOCKS["hero"].definition_prefix}
    )
    assert "<picture>" in response.content.decode()


def clean_link(**value):
    block = LinkBlock()
    return block.clean(block.to_python({"page": None, "url": "", "label": "", **value}))


@pytest.mark.django_db
def test_link_to_a_page_is_valid_without_label(root_page):
    value = clean_link(page=root_page.pk)
    assert value["page"].pk == root_page.pk


def test_external_link_needs_a_label():
    with pytest.raises(ValidationError) as error:
        clean_link(url="https://example.org/")
    assert "label" in error.value.block_errors


@pytest.mark.django_db
def test_link_with_page_and_url_names_the_url_field(root_page):
    with pytest.raises(ValidationError) as error:
        clean_link(page=root_page.pk, url="https://example.org/", label="x")
    assert "url" in error.value.block_errors


def test_empty_link_is_refused_when_required_and_allowed_when_optional():
    with pytest.raises(ValidationError) as error:
        clean_link()
    assert "page" in error.value.block_errors
    optional = LinkBlock(required=False)
    assert optional.clean(optional.to_python({"page": None, "url": "", "label": ""}))["url"] == ""


def test_external_link_value_exposes_href_and_text():
    value = clean_link(url="https://example.org/x", label="Beispiel")
    assert value.href == "https://example.org/x"
    assert value.text == "Beispiel"
    assert value.is_external

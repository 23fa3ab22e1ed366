"""The private Wagtail APIs behind metropolregion.wagtail_compat still behave as the portal
uses them. A failure here after a Wagtail upgrade names the function to adapt."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail import blocks
from wagtail.images.models import Filter

from metropolregion.site_settings import SiteSettings
from metropolregion.wagtail_compat import PictureNode, list_item_value, settings_request_attr
from tests.factories.images import ImageFactory


def test_list_item_value_reads_stored_items_and_bare_old_values():
    list_block = blocks.ListBlock(blocks.CharBlock())
    stored = list_block.get_prep_value(list_block.to_python(["eins", "zwei"]))
    assert [item["type"] for item in stored] == ["item", "item"]  # today's storage format
    assert [list_item_value(list_block, item) for item in stored] == ["eins", "zwei"]
    assert list_item_value(list_block, "alt") == "alt"  # content stored before Wagtail 2.16
    struct_list = blocks.ListBlock(blocks.StructBlock([("name", blocks.CharBlock())]))
    assert list_item_value(struct_list, {"name": "ohne Hülle"}) == {"name": "ohne Hülle"}


@pytest.mark.django_db
def test_setting_kept_at_settings_request_attr_is_what_for_request_returns(site):
    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    loaded = SiteSettings.for_request(request)
    assert getattr(request, settings_request_attr(SiteSettings)) is loaded

    other_request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    primed = SiteSettings(site=site, short_name="Vorab geladen")
    setattr(other_request, settings_request_attr(SiteSettings), primed)
    assert SiteSettings.for_request(other_request) is primed


PICTURE = '{% picture img format-{webp,jpeg} fill-{400x240,800x480} alt="" %}'


def picture_template():
    return Template("{% load wagtailimages_tags image_tags %}" + PICTURE)


def test_picture_node_takes_wagtails_parsed_arguments():
    (node,) = [n for n in picture_template().nodelist if isinstance(n, PictureNode)]
    assert node.filter_specs == ["format-{webp,jpeg}", "fill-{400x240,800x480}"]
    assert node.image_expr.var.var == "img"
    assert set(node.attrs) == {"alt"}
    assert node.output_var_name is None


@pytest.mark.django_db
def test_wagtails_picture_renders_the_filters_get_filters_returns():
    template = picture_template()
    (node,) = [n for n in template.nodelist if isinstance(n, PictureNode)]
    node._filters = [Filter(spec="format-jpeg|fill-40x30")]  # what our cache would hold
    html = template.render(Context({"img": ImageFactory()}))
    assert 'width="40"' in html and 'height="30"' in html
    assert "webp" not in html and "800" not in html

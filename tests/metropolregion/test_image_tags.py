"""Our `{% picture %}` renders exactly what Wagtail's does, and parses its specs once."""

from django.template import Context, Template

from tests.factories.images import ImageFactory

TAG = '{% picture img format-{avif,webp,jpeg} fill-{400x240,800x480} sizes="10rem" alt="" loading="lazy" %}'


def test_same_markup_as_wagtails_picture(db):
    image = ImageFactory()
    wagtails = Template("{% load wagtailimages_tags %}" + TAG)
    ours = Template("{% load wagtailimages_tags image_tags %}" + TAG)
    expected = wagtails.render(Context({"img": image}))
    assert "<picture>" in expected and "image/avif" in expected
    assert ours.render(Context({"img": image})) == expected


def test_filters_are_parsed_once_per_node(db):
    template = Template("{% load wagtailimages_tags image_tags %}" + TAG)
    (node,) = [n for n in template.nodelist if n.__class__.__name__ == "PictureNode"]
    first = node.get_filters()
    assert [f.spec for f in first] == [
        "format-avif|fill-400x240",
        "format-avif|fill-800x480",
        "format-webp|fill-400x240",
        "format-webp|fill-800x480",
        "format-jpeg|fill-400x240",
        "format-jpeg|fill-800x480",
    ]
    assert node.get_filters() is first  # the same objects on the next render
    template.render(Context({"img": ImageFactory()}))
    assert node.get_filters() is first

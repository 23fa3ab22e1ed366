"""`{% picture %}` as Wagtail's, but its filter specs are parsed once per template node.

Wagtail builds new `Filter` objects for every render of a picture tag, and each one looks
up the registered image operations and inspects their signatures again: about an eighth
of the home page's render time with 31 pictures. A node of a cached template lives as long
as the process and its specs never change, so its filters can be kept on it (they hold no
per-image state). Load it after `wagtailimages_tags`: `{% load wagtailimages_tags image_tags %}`.
"""

from django import template
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class PictureNode(wagtailimages_tags.PictureNode):
    def get_filters(self):
        filters = self.__dict__.get("_filters")
        if filters is None:
            filters = self._filters = super().get_filters()
        return filters


@register.tag
def picture(parser, token):
    node = wagtailimages_tags.image(parser, token)
    return PictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )

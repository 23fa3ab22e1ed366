"""`{% picture %}` as Wagtail's, but its filter specs are parsed once per template node.

Wagtail builds new `Filter` objects for every render of a picture tag, and each one looks
up the registered image operations and inspects their signatures again: about an eighth
of the home page's render time with 31 pictures. The node that keeps them is built in
`metropolregion.wagtail_compat.picture_node` (it subclasses Wagtail's `PictureNode`).
Load it after `wagtailimages_tags`: `{% load wagtailimages_tags image_tags %}`.
"""

from django import template

from metropolregion.wagtail_compat import picture_node

register = template.Library()


@register.tag
def picture(parser, token):
    return picture_node(parser, token)

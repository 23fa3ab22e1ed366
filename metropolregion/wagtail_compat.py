"""The private Wagtail APIs the portal relies on, each behind one function.

Nothing else in the project touches these APIs. Wagtail may change them in any release:
tests/metropolregion/test_wagtail_compat.py checks each one against the installed Wagtail,
so an upgrade that changes one fails there and names the function to adapt.
"""

from wagtail.images.templatetags import wagtailimages_tags


def list_item_value(list_block, item):
    """The value of one item of a ListBlock's stored JSON.

    Wagtail stores list items as ``{"type": "item", "value": …, "id": …}`` and still reads
    the bare values of older content. Relies on ``ListBlock._item_is_in_block_format``."""
    return item["value"] if list_block._item_is_in_block_format(item) else item


def settings_request_attr(setting_model):
    """The request attribute where ``BaseSiteSetting.for_request`` keeps the setting of the
    request's site: setting it there first makes ``for_request`` return that instance.
    Relies on ``BaseSiteSetting.get_cache_attr_name``."""
    return setting_model.get_cache_attr_name()


class PictureNode(wagtailimages_tags.PictureNode):
    """Wagtail's `{% picture %}` node that keeps its parsed filters (see picture_node)."""

    def get_filters(self):
        filters = self.__dict__.get("_filters")
        if filters is None:
            filters = self._filters = super().get_filters()
        return filters


def picture_node(parser, token):
    """The node of a `{% picture %}` tag whose filter specs are parsed once per node.

    Wagtail builds new ``Filter`` objects on every render of a picture. A node of a cached
    template lives as long as the process and its specs never change, so its filters can
    be kept on it (they hold no per-image state). Relies on Wagtail's ``PictureNode``: its
    constructor, its ``get_filters()`` and ``render()`` calling it; and on the node that
    ``wagtailimages_tags.image`` parses carrying those constructor arguments."""
    node = wagtailimages_tags.image(parser, token)
    return PictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )

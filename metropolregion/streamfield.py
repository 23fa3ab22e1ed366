"""Load every page and image a StreamField refers to in one query per model.

Wagtail converts a lazy StreamValue block type by block type, so a body with a hero, a
row of cards and a call to action asks the database for pages three times and for images
twice, and each `{% picture %}` then looks up its renditions. `prefetch_stream()` walks
the raw JSON once, loads all pages and all images (with their renditions) in bulk, and
lets the chooser blocks below take their objects from that batch while the stream is
converted. The number of queries of a page then no longer depends on its blocks.
"""

import contextlib
import copy
from contextvars import ContextVar

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock as WagtailImageChooserBlock
from wagtail.models import Page

from .wagtail_compat import list_item_value

_batch: ContextVar[dict | None] = ContextVar("streamfield_prefetch_batch", default=None)


class BatchedChooserMixin:
    """Take objects from the active prefetch batch when it has all of them."""

    def bulk_to_python(self, values):
        batch = _batch.get()
        objects = batch.get(self.batch_key) if batch else None
        if objects is None or any(v is not None and v not in objects for v in values):
            return super().bulk_to_python(values)
        seen, result = set(), []
        for value in values:
            obj = objects.get(value)
            if obj is not None and value in seen:
                obj = copy.copy(obj)
            result.append(obj)
            seen.add(value)
        return result


class PageChooserBlock(BatchedChooserMixin, blocks.PageChooserBlock):
    batch_key = "page"


class ImageChooserBlock(BatchedChooserMixin, WagtailImageChooserBlock):
    batch_key = "image"


def _collect(block, raw, found):
    """Add the ids of pages and images referenced by `raw` (of `block`) to `found`."""
    if raw is None:
        return
    if isinstance(block, ImageChooserBlock):
        found["image"].add(raw)
    elif isinstance(block, PageChooserBlock):
        found["page"].add(raw)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            _collect(child, raw.get(name), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            _collect(block.child_block, list_item_value(block, item), found)
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                _collect(child, item.get("value"), found)


@contextlib.contextmanager
def batch(pages=(), images=()):
    """Make these page and image ids available to the chooser blocks while converting."""
    loaded = {}
    if pages:
        loaded["page"] = Page.objects.in_bulk(set(pages))
    if images:
        loaded["image"] = get_image_model().objects.prefetch_renditions().in_bulk(set(images))
    token = _batch.set(loaded)
    try:
        yield loaded
    finally:
        _batch.reset(token)


def referenced_ids(stream_value):
    found = {"page": set(), "image": set()}
    stream_block = stream_value.stream_block
    for item in stream_value.raw_data:
        child = stream_block.child_blocks.get(item.get("type"))
        if child is not None:
            _collect(child, item.get("value"), found)
    return found


def prefetch_stream(*stream_values):
    """Convert the given StreamValues now, with one query for pages and one for images.

    A stream whose blocks are cached as rendered fragments (its StreamBlock says
    `renders_fragments`; metropolregion.fragments) is converted only when a block misses
    the cache, by `prefetch_pending()`: a page whose blocks all come from the cache asks
    the database for none of them."""
    from . import fragments

    if fragments.enabled():
        for stream_value in stream_values:
            if getattr(stream_value.stream_block, "renders_fragments", False):
                stream_value.prefetch_pending = True
        stream_values = [v for v in stream_values if not getattr(v, "prefetch_pending", False)]
    if stream_values:
        _prefetch_now(stream_values)


def prefetch_pending(stream_value):
    """Convert a stream deferred by prefetch_stream(), once, when its first block misses."""
    if getattr(stream_value, "prefetch_pending", False):
        stream_value.prefetch_pending = False
        _prefetch_now([stream_value])


def _prefetch_now(stream_values):
    found = {"page": set(), "image": set()}
    for stream_value in stream_values:
        for key, ids in referenced_ids(stream_value).items():
            found[key] |= ids
    with batch(pages=found["page"], images=found["image"]):
        for stream_value in stream_values:
            for child in stream_value:  # converting each child uses the batch
                child.value  # noqa: B018

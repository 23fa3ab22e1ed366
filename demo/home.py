"""The demo's home page, composed once: the core's own blocks and those the content apps
return, in the order the page shows them."""

import json

from django.db import transaction

from .building import publish

# The home page's blocks from top to bottom.
ORDER = [
    "hero",
    "featured_event",
    "featured",
    "projects",
    "news",
    "events",
    "galleries",
    "testimonials",
    "section",
    "working_groups",
    "call_to_action",
    "social",
]


def _rank(block):
    return ORDER.index(block["type"])


def place(body, blocks):
    """`body` (raw blocks) with `blocks` in their places: each after the last block that
    comes before it in ORDER, replacing the blocks of the same types; blocks of other
    types keep their places."""
    types = {new["type"] for new in blocks}
    body = [old for old in body if old["type"] not in types]
    for new in sorted(blocks, key=_rank):
        before = [
            n + 1 for n, old in enumerate(body) if old["type"] in ORDER and _rank(old) < _rank(new)
        ]
        body.insert(max(before, default=0), new)
    return body


def compose(home, blocks):
    """Give `home` exactly `blocks`, in ORDER, and publish it (with the title and
    description the core set on it): once per `load_demo_content`."""
    return _publish_body(home, sorted(blocks, key=_rank))


def add_blocks(home, blocks):
    """Put `blocks` on the home page as it is (a content app's demo built on its own)."""
    home = home.specific
    return _publish_body(home, place(list(home.body.raw_data), blocks))


def build_alone(create, stdout, home):
    """Run a content app's `create(stdout, home)` and put its blocks on the home page;
    returns what `create` built."""
    with transaction.atomic():
        built, blocks = create(stdout, home)
        if blocks:
            add_blocks(home, blocks)
    return built


def _publish_body(home, body):
    home = home.specific
    home.body = json.dumps(body)
    home.save()
    return publish(home)

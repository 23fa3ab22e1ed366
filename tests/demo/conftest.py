"""Fixtures of the demo and bench tests."""

import json

import pytest
from django.contrib.staticfiles import finders


@pytest.fixture
def static_root(tmp_path):
    """A manifest for the production settings' static storage that maps every static file
    to its own name: the pages render their static links, and the rush requests none of
    them, so neither the copying nor the hashing and compressing of collectstatic (a
    minute and more) is needed here."""
    root = tmp_path / "static"
    root.mkdir()
    names = {path for finder in finders.get_finders() for path, _ in finder.list([])}
    manifest = {"paths": {name: name for name in sorted(names)}, "version": "1.1"}
    (root / "staticfiles.json").write_text(json.dumps(manifest))
    return root

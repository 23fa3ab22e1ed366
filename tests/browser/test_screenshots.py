"""`make screenshots` against the browser tests' live server: two page types at a phone's
width give full-page PNGs exactly as wide as the viewport (none scrolls sideways)."""

import pytest
from PIL import Image

from demo.screenshots import HEIGHT, capture, page_types

pytestmark = pytest.mark.browser


def test_capture_writes_full_page_pngs_of_the_viewports_width(demo_site, tmp_path):
    shots = [shot for shot in page_types() if shot.name in {"account-login", "not-found"}]
    files = capture(demo_site, shots, tmp_path / "shots", widths=(390,))
    assert [path.name for path in files] == ["14-account-login-390.png", "15-not-found-390.png"]
    for path in files:
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert image.width == 390
            assert image.height > HEIGHT  # the whole page with its footer, not one screen

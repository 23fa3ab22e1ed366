import pytest

from metropolregion import clock
from tests.factories.events import EventIndexPageFactory


@pytest.fixture
def calendar_page(home_page):
    """A calendar ("Termine") below the home page."""
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def frozen(monkeypatch):
    """Set "now" of the site's clock: frozen(berlin(2025, 6, 24, 16, 30))."""

    def freeze(moment):
        monkeypatch.setattr(clock, "now", lambda: moment)
        return moment

    return freeze

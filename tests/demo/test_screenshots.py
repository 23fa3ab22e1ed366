"""`make screenshots` finds one page of every type on the demo, and each one answers."""

import re

from demo.screenshots import page_types

PAGE_TYPES = [
    "home",
    "news-list",
    "news-article",
    "calendar",
    "month-view",
    "event",
    "event-registration",
    "project-list",
    "project",
    "working-group",
    "gallery-list",
    "gallery",
    "search-results",
    "account-login",
    "not-found",
]


def test_every_page_type_is_found_and_answers(client, demo_content):
    shots = page_types()
    assert [shot.name for shot in shots] == PAGE_TYPES
    assert len({shot.path for shot in shots}) == len(shots)
    assert len({shot.file_name(390) for shot in shots}) == len(shots)
    for shot in shots:
        response = client.get(shot.path)
        assert response.status_code == shot.status, shot
    event = next(shot for shot in shots if shot.name == "event-registration")
    html = client.get(event.path).content.decode()
    assert re.search(r'<form[^>]* class="[^"]*\bregistration-form\b', html)  # not a notice

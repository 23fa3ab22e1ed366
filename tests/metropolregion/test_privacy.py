"""`metropolregion.privacy.public`: the view-restriction check inside a list's own query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from metropolregion.privacy import public
from tests.factories import StandardPageFactory


@pytest.mark.django_db
def test_public_leaves_out_private_sections_like_wagtail_in_one_query(home_page):
    open_page = StandardPageFactory(parent=home_page, title="Offen", slug="offen")
    private = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    below = StandardPageFactory(parent=private, title="Darunter", slug="darunter")
    deeper = StandardPageFactory(parent=below, title="Tiefer", slug="tiefer")
    beside = StandardPageFactory(parent=open_page, title="Daneben", slug="daneben")
    PageViewRestriction.objects.create(page=below, restriction_type="login")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    pages = Page.objects.descendant_of(home_page)

    with CaptureQueriesContext(connection) as ctx:
        shown = set(public(pages).values_list("pk", flat=True))
    assert len(ctx.captured_queries) == 1
    assert shown == {open_page.pk, beside.pk}
    assert shown == set(pages.public().values_list("pk", flat=True))  # Wagtail's answer

    PageViewRestriction.objects.filter(page=private).delete()
    assert set(public(pages).values_list("pk", flat=True)) == {open_page.pk, beside.pk, private.pk}
    assert not public(pages.filter(pk=deeper.pk)).exists()

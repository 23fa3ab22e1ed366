"""The public member directory block: only public, active organisations, grouped by type,
in a constant number of queries; editor metadata and the admin preview."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from metropolregion.home_blocks import StandardStreamBlock
from metropolregion.membership.blocks import MemberDirectoryBlock
from metropolregion.models import StandardPage
from tests.factories import ImageFactory
from tests.factories.membership import MemberOrganisationFactory

pytestmark = pytest.mark.django_db


def render(heading="Unsere Mitglieder"):
    block = MemberDirectoryBlock()
    return block.render(block.to_python({"heading": heading, "intro": "Wer dabei ist."}))


def test_lists_only_public_active_organisations_by_type():
    MemberOrganisationFactory(name="Beispiel Chemie AG", type="unternehmen")
    MemberOrganisationFactory(name="Hochschule Beispielstadt", type="hochschule", website="")
    MemberOrganisationFactory(name="Verborgen GmbH", public=False)
    MemberOrganisationFactory(name="Ausgetreten GmbH", active=False)
    html = render()
    assert "Beispiel Chemie AG" in html and "Hochschule Beispielstadt" in html
    assert "Verborgen" not in html and "Ausgetreten" not in html
    assert html.index("Beispiel Chemie AG") < html.index("Hochschule Beispielstadt")
    assert '<span class="member-directory__name">Hochschule Beispielstadt</span>' in html
    assert 'href="https://' in html


def test_empty_directory_says_so():
    with translation.override("de"):
        html = render()
    assert "Noch keine Mitgliedsorganisationen vorhanden." in html
    assert "<ul" not in html


def count_queries():
    with CaptureQueriesContext(connection) as queries:
        render()
    return len(queries)


def test_constant_number_of_queries():
    def add(n, offset):
        for i in range(n):
            MemberOrganisationFactory(
                type=["unternehmen", "kommune", "kammer"][i % 3],
                logo=ImageFactory(file__width=400, file__height=400),
                name=f"Organisation {offset + i}",
            )

    add(2, 0)
    render()  # the renditions are made once
    few = count_queries()
    add(6, 100)
    render()
    many = count_queries()
    assert few == many <= 3


def test_block_tells_editors_what_it_is_for():
    meta = MemberDirectoryBlock().meta
    assert meta.icon == "group" and meta.label and meta.description and meta.template
    assert meta.group and meta.preview_value["heading"]
    assert "members" in StandardStreamBlock().child_blocks


def test_preview_renders_in_the_admin(admin_client):
    MemberOrganisationFactory(name="Beispiel Chemie AG")
    block = StandardStreamBlock().child_blocks["members"]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unsere Mitglieder" in html and "Beispiel Chemie AG" in html


def test_standard_page_with_the_directory_renders(client, home_page):
    MemberOrganisationFactory(name="Beispiel Chemie AG", logo=ImageFactory())
    body = [{"type": "members", "value": {"heading": "Unsere Mitglieder", "intro": ""}}]
    page = StandardPage(title="Mitglieder", slug="mitglieder", body=json.dumps(body))
    home_page.add_child(instance=page)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Beispiel Chemie AG" in html and "<picture>" in html
    assert not response.cookies  # a public page sets no cookie

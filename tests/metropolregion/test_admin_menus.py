"""Each role sees exactly the admin menu of its row in the README's role table: the items
its work needs and none of the others (read from the sidebar Wagtail renders)."""

import json
import re

import pytest
from django.contrib.auth.models import Group

from metropolregion import roles
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db

# The items that tell the roles apart (shared ones such as help and account are for all).
WATCHED = {
    "explorer",  # Seiten
    "images",
    "documents",
    "stimmen",  # testimonials (snippets)
    "topic-names",  # Themennamen: topics' English names (snippets)
    "members",  # Mitglieder: organisations and member accounts
    "anmeldungen",  # registrations overview
    "users",
    "groups",
    "website-einstellungen",  # site settings
    "navigation",  # menus
    "redirects",
    "sites",
    "guide",  # Hilfe: the German editor guide
}
MENUS = {
    roles.REDAKTION: {
        "explorer",
        "images",
        "documents",
        "stimmen",
        "topic-names",
        "navigation",
        "redirects",
        "guide",
    },
    roles.FREIGABE: {"explorer", "guide"},
    roles.ANMELDUNGEN: {"anmeldungen", "guide"},
    roles.MITGLIEDERVERWALTUNG: {"members", "images", "guide"},
    roles.ADMINISTRATION: {
        "members",
        "images",  # the partners' logos in the site settings
        "users",
        "groups",
        "website-einstellungen",
        "navigation",
        "redirects",
        "sites",
        "guide",
    },
}


def menu_names(html):
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert props, "no sidebar in the admin page"
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "name" in node and "label" in node:
                found.append(node["name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return set(found)


@pytest.mark.parametrize("role", list(MENUS))
def test_each_role_sees_exactly_its_menu(client, home_page, role):
    user = UserFactory(username=f"menu-{role.lower()}")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    names = menu_names(client.get("/admin/").content.decode())
    assert names & WATCHED == MENUS[role]


def test_the_registration_staff_and_member_staff_see_no_pages(client, home_page):
    for role in (roles.ANMELDUNGEN, roles.MITGLIEDERVERWALTUNG):
        user = UserFactory(username=f"nopages-{role.lower()}")
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        assert client.get("/admin/pages/").status_code == 302

"""Each staff role logs into the real admin in Chromium and sees the main menu of its row
in the README's role table (the top-level items that tell the roles apart)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session

from metropolregion import roles

PASSWORD = "rollen-pruefen-2025"
WATCHED = {"Seiten", "Bilder", "Dokumente", "Stimmen", "Mitglieder", "Anmeldungen", "Hilfe"}
MENUS = {
    roles.REDAKTION: {"Seiten", "Bilder", "Dokumente", "Stimmen", "Hilfe"},
    roles.FREIGABE: {"Seiten", "Hilfe"},
    roles.ANMELDUNGEN: {"Anmeldungen", "Hilfe"},
    roles.MITGLIEDERVERWALTUNG: {"Bilder", "Mitglieder", "Hilfe"},
    roles.ADMINISTRATION: {"Bilder", "Mitglieder", "Hilfe"},  # partner logos
}


@pytest.fixture
def role_logins(demo_site):
    """One login per role, removed again with its sessions (see tests/conftest.py)."""
    sessions_before = set(Session.objects.values_list("session_key", flat=True))
    users = []
    for role in MENUS:
        user = get_user_model().objects.create_user(f"rolle-{role.lower()}", "", PASSWORD)
        user.groups.add(Group.objects.get(name=role))
        users.append(user)
    yield
    Session.objects.exclude(session_key__in=sessions_before).delete()
    for user in users:
        user.delete()


def test_each_role_sees_its_menu_in_the_admin(demo_site, browser, role_logins):
    for role, expected in MENUS.items():
        context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(demo_site + "/admin/login/")
        page.locator("#id_username").fill(f"rolle-{role.lower()}")
        page.locator("#id_password").fill(PASSWORD)
        page.locator("button[type=submit]").click()
        page.wait_for_url(demo_site + "/admin/")
        page.locator(".sidebar-main-menu").wait_for()
        labels = {
            text.strip()
            for text in page.locator(".sidebar-main-menu .menuitem-label").all_inner_texts()
        }
        assert labels & WATCHED == expected, (role, sorted(labels))
        context.close()

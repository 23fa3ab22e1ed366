"""The staff roles of the portal, as Wagtail groups with exactly the permissions their work
needs, and the approval workflow for press releases.

The table below is the one source of truth: `sync_roles()` (run after every `migrate`, and
by `manage.py sync_roles`) creates the groups and sets their permissions to what the table
says, so that the README's role table, the admin and the tests agree. Groups that are not
in the table (added in the admin for other needs) are left alone.

Permissions are named as data ("app_label.codename"), so the core imports no content app.
"""

import logging

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import transaction

logger = logging.getLogger(__name__)

REDAKTION = "Redaktion"
FREIGABE = "Freigabe"
ANMELDUNGEN = "Anmeldungen"
MITGLIEDERVERWALTUNG = "Mitgliederverwaltung"
ADMINISTRATION = "Administration"
MITGLIEDER = "Mitglieder"  # member accounts: no admin access at all

PRESS_WORKFLOW = "Pressefreigabe"
PRESS_TASK = "Freigabe der Pressemitteilung"

# Page permissions (on the root of the page tree: every site and language).
PAGE_EDIT = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Collection permissions (on the root collection: images and documents everywhere).
MEDIA = [
    "{image}.add_image",
    "{image}.change_image",
    "{image}.choose_image",
    "{image}.delete_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
]


def _crud(label, model, actions=("add", "change", "delete", "view")):
    return [f"{label}.{action}_{model}" for action in actions]


REGISTRATIONS = [
    "events.view_registration",
    "events.add_registration",
    "events.change_registration",
]
MEMBERSHIP = _crud("membership", "memberorganisation") + _crud("membership", "memberprofile")

# group: (global permissions, page permissions, collection permissions)
ROLES = {
    REDAKTION: (
        [
            "wagtailadmin.access_admin",
            *_crud("testimonials", "testimonial"),
            *_crud("metropolregion", "topicname"),  # topics' English names
            *_crud("partner_feeds", "partnerfeed"),  # partner calendars (ICS feeds)
            "metropolregion.change_navigationsettings",
            *_crud("wagtailredirects", "redirect", ("add", "change", "delete")),
            *_crud("wagtailsearchpromotions", "searchpromotion", ("add", "change", "delete")),
            # wagtail-localize: "Translate", "Sync translated pages/snippets", the translation
            # editor and the report "Übersetzungen" (metropolregion/translation_report.py).
            "wagtail_localize.submit_translation",
        ],
        PAGE_EDIT,
        MEDIA,
    ),
    FREIGABE: (
        ["wagtailadmin.access_admin"],
        PAGE_EDIT,
        ["{image}.choose_image", "wagtaildocs.choose_document"],
    ),
    ANMELDUNGEN: (["wagtailadmin.access_admin", *REGISTRATIONS], [], []),
    MITGLIEDERVERWALTUNG: (
        ["wagtailadmin.access_admin", *MEMBERSHIP],
        [],
        ["{image}.choose_image", "{image}.add_image"],
    ),
    ADMINISTRATION: (
        [
            "wagtailadmin.access_admin",
            *_crud("auth", "user", ("add", "change", "delete")),
            *_crud("auth", "group", ("add", "change", "delete")),
            "metropolregion.change_sitesettings",
            "metropolregion.change_navigationsettings",
            *_crud("wagtailcore", "site", ("add", "change", "delete")),
            *_crud("wagtailcore", "workflow", ("add", "change", "delete")),
            *_crud("wagtailcore", "task", ("add", "change", "delete")),
            *_crud("wagtailcore", "locale", ("add", "change", "delete")),
            *_crud("wagtailredirects", "redirect", ("add", "change", "delete")),
            *MEMBERSHIP,
        ],
        [],
        # The partners' logos in the site settings: choose one, or upload it.
        ["{image}.choose_image", "{image}.add_image"],
    ),
    MITGLIEDER: ([], [], []),
}

# What each role does, in the words of the README's role table (printed by `make run`).
ROLE_SUMMARIES = {
    "superuser": "Technik: alle Rechte (Superuser)",
    REDAKTION: "Redaktion: Seiten anlegen, bearbeiten, veröffentlichen, planen; ins Englische "
    "übersetzen und synchronisieren (Bericht Übersetzungen), Themennamen; Bilder, Dokumente, Stimmen, Menüs; "
    "Pressemitteilungen zur Freigabe einreichen",
    FREIGABE: "Freigabe: Pressemitteilungen freigeben oder zurückweisen; Seiten bearbeiten "
    "und veröffentlichen",
    ANMELDUNGEN: "Anmeldungen: Anmeldelisten sehen, exportieren (CSV), Personen eintragen, Einlass",
    MITGLIEDERVERWALTUNG: "Mitgliederverwaltung: Mitgliedsorganisationen und Mitgliedskonten",
    ADMINISTRATION: "Administration: Benutzer, Gruppen, Website-Einstellungen (mit den Logos "
    "der Partner), Menüs, Workflows, Weiterleitungen",
    MITGLIEDER: "Mitglied: Anmeldung zu Veranstaltungen zum Mitgliederpreis, Mein Konto "
    "(kein Zugang zur Verwaltung)",
}

# Wagtail's installation creates these; the portal's roles take their place.
RENAMED = {"Editors": REDAKTION, "Moderators": FREIGABE}
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def _image_label():
    from wagtail.images import get_image_model

    return get_image_model()._meta.app_label


def _permissions(names, strict=True):
    from django.contrib.auth.models import Permission

    image_label = _image_label()
    wanted = set()
    for name in names:
        label, codename = name.format(image=image_label).split(".", 1)
        wanted.add((label, codename))
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _label, codename in wanted}
        )
    }
    missing = sorted(f"{label}.{codename}" for label, codename in wanted - found.keys())
    if missing and strict:
        raise LookupError(f"Unknown permissions in metropolregion.roles: {missing}")
    if missing:
        logger.warning("Roles: permissions not in the database (yet): %s", missing)
    return [found[key] for key in sorted(wanted) if key in found]


def _ensure_permissions_exist():
    """Django creates permissions after each app's migrations; make sure all exist now."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)


@transaction.atomic
def sync_roles(strict=True):
    """Create the groups, give each exactly the permissions of the table, set up the press
    workflow. Safe to run any number of times."""
    from django.contrib.auth.models import Group
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    _ensure_permissions_exist()
    for old, new in RENAMED.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    # Both are missing only in an emptied database (the tests' flush).
    page_perms_possible = root_page is not None and root_collection is not None
    groups = {}
    for name, (global_perms, page_perms, collection_perms) in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set(_permissions(global_perms, strict))
        if not page_perms_possible:
            continue
        GroupPagePermission.objects.filter(group=group).exclude(page=root_page).delete()
        wanted_page = _permissions((f"wagtailcore.{p}" for p in page_perms), strict)
        GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
            permission__in=wanted_page
        ).delete()
        for permission in wanted_page:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        wanted_collection = _permissions(collection_perms, strict)
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=wanted_collection
        ).delete()
        for permission in wanted_collection:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )

    if not page_perms_possible:
        return groups
    # Wagtail's default workflow asks for approval of every page on the whole tree; here
    # only press releases need it (NewsPage.get_workflow), so it leaves the root.
    WorkflowPage.objects.filter(page=root_page, workflow__name=WAGTAIL_DEFAULT_WORKFLOW).delete()

    task = GroupApprovalTask.objects.filter(name=PRESS_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=PRESS_TASK)
    task.groups.set([groups[FREIGABE]])
    workflow, _created = Workflow.objects.get_or_create(name=PRESS_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return groups


def press_workflow():
    """The active workflow that press releases go through, or None."""
    from wagtail.models import Workflow

    return Workflow.objects.filter(name=PRESS_WORKFLOW, active=True).first()


def may_publish_press_releases(user):
    """Approvers (group Freigabe) and superusers publish press releases directly; everybody
    else submits them for approval."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=FREIGABE).exists()


def sync_after_migrate(sender, app_config=None, using="default", plan=None, **kwargs):
    """post_migrate: keep the roles in step with the table, once per `migrate` (on the last
    app's signal, when every app's tables and permissions exist)."""
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if app_config is None or app_config is not with_models[-1]:
        return
    if using != "default":
        return
    try:
        from django.contrib.auth.models import Group

        Group.objects.exists()
    except Exception:  # the auth tables are not there (a partial migrate)
        logger.warning("Roles not synchronised: tables missing", exc_info=True)
        return
    # Not strict: after a `flush` (tests) the permissions that migrations create (Wagtail's
    # access_admin, wagtail-localize's submit_translation) are gone until the next migrate.
    sync_roles(strict=False)

"""The group "Anmeldungen": staff who may see, add and change registrations (personal
data) and use the admin. Editors without it see only the counts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Anmeldungen"
CODENAMES = ["view_registration", "add_registration", "change_registration"]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    permissions = list(
        Permission.objects.filter(content_type__app_label="events", codename__in=CODENAMES)
    )
    permissions += list(
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group.permissions.add(*permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_notification"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]

"""Questions about members, answered in small functions for views, blocks and commands.

`metropolregion.home_blocks` imports the directory block while the core models load, so
the models are looked up lazily here.
"""

from django.apps import apps


def _model(name):
    return apps.get_model("membership", name)


def member_organisation(user):
    """The active member organisation of `user`, or None (anonymous, no profile, or an
    inactive organisation)."""
    if user is None or not user.is_authenticated:
        return None
    profile = (
        _model("MemberProfile")
        .objects.select_related("organisation")
        .filter(user=user, organisation__active=True)
        .first()
    )
    return profile.organisation if profile is not None else None


def linked_organisation_active(user):
    """None if `user` is linked to no member organisation, else whether that organisation
    is active (one query)."""
    if user is None or not user.is_authenticated:
        return None
    return (
        _model("MemberProfile")
        .objects.filter(user=user)
        .values_list("organisation__active", flat=True)
        .first()
    )


def directory():
    """The public, active member organisations grouped by type, in the order of the types:
    a list of (type label, [organisations]). Two queries: the organisations with their
    logos, and the logos' renditions."""
    organisation = _model("MemberOrganisation")
    from .models import OrganisationType

    found = (
        organisation.objects.filter(active=True, public=True)
        .select_related("logo")
        .prefetch_related("logo__renditions")
        .order_by("name")
    )
    groups = {value: [] for value in OrganisationType.values}
    for member in found:
        groups.setdefault(member.type, []).append(member)
    labels = dict(OrganisationType.choices)
    return [(labels.get(kind, kind), members) for kind, members in groups.items() if members]

"""Querysets for lists of projects and working groups, each in a constant number of queries.

Used by the page models and by the home-page blocks. The blocks module is imported while
the core app's models load, before this app's models exist, so models are looked up
through the app registry when a function runs.
"""

import unicodedata

from django.apps import apps
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from metropolregion.navigation import active_locale
from metropolregion.privacy import public
from metropolregion.translations import (
    chosen_in_active_language,
    chosen_one_in_active_language,
    same_page,
)


def _model(name):
    return apps.get_model("projects", name)


def tag_model():
    return apps.get_model("taggit", "Tag")


def live_projects():
    """Live projects outside private sections (one query for view restrictions)."""
    return public(_model("ProjectPage").objects.live())


def with_card_data(projects, topics=True):
    """What a project card shows: the logo with its renditions and (unless `topics` is
    False, for compact cards) the topics, fetched in three queries whatever the number of
    projects: projects with logos, renditions, topics."""
    projects = projects.select_related("logo").prefetch_related("logo__renditions")
    if topics:
        tagged = _model("ProjectPageTopic").objects.select_related("tag")
        projects = projects.prefetch_related(Prefetch("tagged_topics", queryset=tagged))
    return projects


def sort_key(text):
    """German dictionary order, near enough: case and umlaut dots do not count."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def by_name(tags):
    return sorted(tags, key=lambda tag: sort_key(tag.name))


def project_topics(projects=None):
    """Tags used by `projects` (by any project when None), by name."""
    through = "projects_projectpagetopic_items"
    tags = tag_model().objects.all()
    if projects is None:
        tags = tags.filter(**{f"{through}__isnull": False})
    else:
        tags = tags.filter(**{f"{through}__content_object__in": projects.values("pk")})
    return tags.distinct().order_by("name")  # callers that show them sort with by_name()


def chosen_projects(ids, limit):
    """The live, public projects among `ids` in the reader's language (each project or its
    translation; projects without one are left out), in the order given, at most `limit`
    (for compact cards: without topics)."""
    projects = with_card_data(live_projects(), topics=False)
    return chosen_in_active_language(projects, ids)[:limit]


def projects_on_topic(slug, limit):
    """Live, public projects of the active language tagged `slug`, in tree order (for
    compact cards: without topics)."""
    if not slug:
        return []
    projects = live_projects().filter(locale=active_locale(), tagged_topics__tag__slug=slug)
    return list(with_card_data(projects, topics=False).order_by("path")[:limit])


def project_index_url():
    """The address of the live project list of the active language, or ""."""
    indexes = public(_model("ProjectIndexPage").objects.live())
    index = indexes.filter(locale=active_locale()).order_by("path").first()
    return index.url if index is not None else ""


def preview_projects(count):
    """Some projects for the block preview in the admin."""
    return list(live_projects().order_by("path")[:count])


def live_working_groups():
    """Live, public working groups of the active language, in tree order."""
    groups = public(_model("WorkingGroupPage").objects.live())
    return list(groups.filter(locale=active_locale()).order_by("path"))


def working_groups_with_counts(groups):
    """`groups` annotated with `project_count`: their live, public projects in the group's
    language (an English project may still name the German group)."""
    projects = (
        live_projects()
        .filter(working_group__translation_key=OuterRef("translation_key"))
        .filter(locale=OuterRef("locale"))
        .order_by()
        .values("locale")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return groups.annotate(
        project_count=Coalesce(Subquery(projects, output_field=IntegerField()), Value(0))
    )


def live_working_group(pk):
    """The working group `pk` (or its translation in the reader's language) if it is live
    and public, else None."""
    return chosen_one_in_active_language(public(_model("WorkingGroupPage").objects.live()), pk)


def group_projects(group):
    """The live, public projects of a working group in its language, for cards, in tree
    order (an English project may still name the German group)."""
    projects = live_projects().filter(same_page("working_group", group))
    return list(with_card_data(projects).order_by("path"))

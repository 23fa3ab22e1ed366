"""Blocks of the projects app: a project's partners, and the home-page blocks that list
projects and working groups.

`metropolregion.home_blocks` imports this module while the core app's models load, so the
page models are looked up lazily (through `projects.queries`) and never imported here.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from metropolregion.blocks import GROUP_TEASERS
from metropolregion.streamfield import PageChooserBlock
from metropolregion.topics import TopicChoiceBlock

from . import queries
from .filters import topic_url

GROUP_PROJECT = _("Project")
MAX_GRID_PROJECTS = 24
# How many cards a project grid shows unless the editor says otherwise: a selection, with
# the link to the whole list after it. Card lists have 1, 2, 3 or 4 cards per row by their
# width (static/css/site.css, "Card lists fill their rows"); 12 is the smallest number
# that fills every row at all four (6 leaves a row of two under four, 8 one of two under
# three).
DEFAULT_GRID_PROJECTS = 12


class PartnerBlock(blocks.StructBlock):
    """A partner of a project: its name and, if it has one, its website."""

    name = blocks.CharBlock(max_length=150, label=_("Name"))
    url = blocks.URLBlock(required=False, label=_("Website"))

    class Meta:
        icon = "group"
        label = _("Partner")
        template = "blocks/partner_block.html"
        group = GROUP_PROJECT
        description = _("A partner organisation, linked to its website if it has one.")
        preview_value = {"name": "Hochschule Musterstadt", "url": "https://example.org/"}


def topic_choices():
    """The topics projects are tagged with, as (slug, name) pairs for a ChoiceBlock.

    A callable, so the list is read from the database when the form is shown, not when
    the block is defined (the vocabulary is shared with news and events)."""
    return [(tag.slug, tag.name) for tag in queries.by_name(queries.project_topics())]


class ProjectGridMode(models.TextChoices):
    CHOSEN = "chosen", _("Chosen projects")
    TOPIC = "topic", _("Projects on one topic")


class ProjectGridValue(blocks.StructValue):
    """The projects a grid shows, loaded in a constant number of queries."""

    @property
    def by_topic(self):
        """The grid shows the projects on one topic (not projects chosen by hand)."""
        return self.get("mode") == ProjectGridMode.TOPIC

    @cached_property
    def shown_projects(self):
        """The projects to show. (Not named `projects`: templates would find the chosen
        pages under that key first.)"""
        limit = self.get("max_count") or DEFAULT_GRID_PROJECTS
        if self.by_topic:
            return queries.projects_on_topic(self.get("topic") or "", limit)
        chosen = [page.pk for page in self.get("projects") or [] if page is not None]
        return queries.chosen_projects(chosen, limit)

    @cached_property
    def index_url(self):
        """The project list (filtered by the topic in topic mode), or "" without one."""
        url = queries.project_index_url()
        if url and self.by_topic and self.get("topic"):
            return topic_url(url, self["topic"])
        return url


class ProjectGridBlock(blocks.StructBlock):
    """A grid of project logos: projects chosen by hand, or the projects on one topic."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    mode = blocks.ChoiceBlock(
        choices=ProjectGridMode.choices,
        default=ProjectGridMode.CHOSEN,
        widget=forms.RadioSelect,
        label=_("Which projects"),
    )
    projects = blocks.ListBlock(
        PageChooserBlock(page_type="projects.ProjectPage", label=_("Project")),
        required=False,
        label=_("Projects"),
        help_text=_("For “Chosen projects”: the projects in the order they are shown."),
        collapsed=True,
    )
    topic = TopicChoiceBlock(
        choices=topic_choices,
        required=False,
        label=_("Topic"),
        help_text=_("For “Projects on one topic”: shown in the order of the project list."),
    )
    max_count = blocks.IntegerBlock(
        default=DEFAULT_GRID_PROJECTS,
        min_value=1,
        max_value=MAX_GRID_PROJECTS,
        label=_("Show at most"),
        help_text=_("12 fill every row at any screen width. A link to all projects follows."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("mode") == ProjectGridMode.TOPIC:
            if not value.get("topic"):
                raise StructBlockValidationError(
                    block_errors={"topic": ValidationError(_("Choose a topic."))}
                )
        elif not any(page is not None for page in value.get("projects") or []):
            raise StructBlockValidationError(
                block_errors={"projects": ValidationError(_("Choose at least one project."))}
            )
        return value

    # What the block shows: it is rendered anew when one of these changes
    # (metropolregion.fragments), never for a change elsewhere.
    fragment_shows = (
        "projects.projectpage",
        "projects.projectindexpage",
        "projects.workinggrouppage",
        "projects.workinggroupindexpage",
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Project grid")
        template = "blocks/project_grid_block.html"
        group = GROUP_TEASERS
        description = _("Logo cards of chosen projects or of all projects on one topic.")
        value_class = ProjectGridValue
        preview_value = staticmethod(
            lambda: {
                "heading": "Unsere Projekte",
                "mode": ProjectGridMode.CHOSEN,
                "projects": queries.preview_projects(4),
                "max_count": 4,
            }
        )


class WorkingGroupsValue(blocks.StructValue):
    @cached_property
    def groups(self):
        return queries.live_working_groups()


class WorkingGroupsBlock(blocks.StructBlock):
    """The association's working groups, each with its purpose and a link to its page."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    intro = blocks.TextBlock(required=False, max_length=400, label=_("Introduction"))

    # What the block shows: it is rendered anew when one of these changes
    # (metropolregion.fragments), never for a change elsewhere.
    fragment_shows = (
        "projects.projectpage",
        "projects.projectindexpage",
        "projects.workinggrouppage",
        "projects.workinggroupindexpage",
    )

    class Meta:
        icon = "group"
        label = _("Working groups")
        template = "blocks/working_groups_block.html"
        group = GROUP_TEASERS
        description = _("All published working groups with their purpose, linked to their pages.")
        value_class = WorkingGroupsValue
        preview_value = {
            "heading": "Arbeits- und Projektgruppen",
            "intro": "Fachleute aus den Mitgliedsorganisationen arbeiten an gemeinsamen Themen.",
        }

"""Page types of the projects app: projects with topics, and working groups as hubs."""

from .project import ProjectIndexPage, ProjectPage, ProjectPageTopic, ProjectStatus
from .working_group import (
    WorkingGroupContact,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)

__all__ = [
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPageTopic",
    "ProjectStatus",
    "WorkingGroupContact",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
]

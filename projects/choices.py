"""Choices of the projects app (kept apart so that the filters need not import models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    ONGOING = "laufend", _("Ongoing")
    COMPLETED = "abgeschlossen", _("Completed")

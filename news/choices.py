"""Choices shared by the news models and blocks (kept apart so blocks need not import models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsKind(models.TextChoices):
    NACHRICHT = "nachricht", _("News item")
    PRESSEMITTEILUNG = "pressemitteilung", _("Press release")

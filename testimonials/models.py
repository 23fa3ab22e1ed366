"""Testimonials: what people from member organisations say about the association.

A testimonial is a translatable snippet: each language has its own row, and the rows of one
quote share a `translation_key` (Wagtail's TranslatableMixin). Editors translate it with
wagtail-localize: the quote, role and organisation are translated; the person's name is
always the original's; portrait, order and the switch "Active" are copied from the original
when it is synced, unless a translator overrides them for that language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Testimonial(TranslatableMixin, Orderable):
    """A quote from a person at a member organisation, shown on the home page."""

    quote = models.TextField(_("Quote"), max_length=800)
    name = models.CharField(_("Name"), max_length=150)
    role = models.CharField(
        _("Role"), max_length=150, blank=True, help_text=_("E.g. “Managing director”.")
    )
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    portrait = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Portrait"),
        help_text=_("A square photo works best; it is shown small and round."),
    )
    is_active = models.BooleanField(
        _("Active"),
        default=True,
        help_text=_("Only active testimonials appear on the website."),
    )

    panels = [
        FieldPanel("quote"),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
                FieldPanel("portrait"),
            ],
            heading=_("Person"),
        ),
        FieldPanel("is_active"),
    ]

    translatable_fields = [
        TranslatableField("quote"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("name", overridable=False),
        SynchronizedField("portrait"),
        SynchronizedField("is_active"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("Testimonial")
        verbose_name_plural = _("Testimonials")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def attribution(self):
        """Role and organisation, for the line below the name."""
        return ", ".join(part for part in (self.role, self.organisation) if part)

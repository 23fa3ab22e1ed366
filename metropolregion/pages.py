"""Abstract page mixins for the page types of every app, in the manner of the `BasePage`
of Wagtail's news template: an introduction, a teaser with its image, and what a page
tells search results and link previews about itself.

- `PortalPageMixin`: `listing_summary()` and `social_image()` with their defaults, and
  `og_type`. The search results, the description meta tag and the Open Graph tags
  (metropolregion/templatetags/seo_tags.py) ask pages through these methods only.
- `IntroMixin`: the introduction below the title (index pages, standard pages, forms).
- `TeaserMixin`: the teaser text and teaser image (its photographer comes with the image)
  of news and events.

Topics follow one convention as well (metropolregion/topics.py). The core imports no
content app: the apps build their pages from these mixins.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.search import index

from .images.models import UNCREDITED_IMAGE


def first_text(*texts):
    """The first of `texts` that is not blank, else ""."""
    for text in texts:
        if text and text.strip():
            return text
    return ""


class PortalPageMixin:
    """What every page of the portal tells search results and link previews about itself.
    The defaults suit a page without a summary or image of its own; the mixins below and
    the page types override them."""

    og_type = "website"  # Open Graph type; "article" for news

    def listing_summary(self):
        """The text that describes the page in search results, link previews and the
        description meta tag: the editors' search description, else the page's own
        summary (the mixins' and page types' overrides)."""
        return first_text(self.search_description)

    def social_image(self):
        """The image that represents the page in link previews, or None."""
        return None

    def get_view_restrictions(self):
        """Wagtail's, except for a page the route memo knows to have none
        (metropolregion/route_memo.py): then no query looks for them."""
        if getattr(self, "_known_unrestricted", False):
            from wagtail.models import PageViewRestriction

            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class IntroMixin(PortalPageMixin, models.Model):
    """An introduction of one to three sentences below the title; it also summarises the
    page. Add `IntroMixin.intro_panel` to the content panels and
    `*IntroMixin.intro_search_fields` to the search fields."""

    intro = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Introduction"),
        help_text=_("One to three sentences shown below the title."),
    )

    intro_panel = FieldPanel("intro")
    intro_search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True

    def listing_summary(self):
        return first_text(self.search_description, self.intro)


class TeaserMixin(PortalPageMixin, models.Model):
    """A teaser for lists, feeds and search results, and an image that represents the
    page; photographer and licence come with the image, which must name them
    (`teaser_errors()`, for the page's `clean()`). Add `*TeaserMixin.teaser_search_fields`
    to the search fields."""

    teaser = models.TextField(
        _("Teaser"),
        max_length=500,
        help_text=_("Two or three sentences for lists, feeds and search results."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Image"),
        help_text=_("Photographer and licence come with the image and are shown with it."),
    )

    teaser_search_fields = [index.SearchField("teaser")]

    class Meta:
        abstract = True

    def teaser_errors(self):
        """What is wrong with the teaser, by field (for a ValidationError): an image whose
        photographer or source is missing."""
        if self.image is not None and not self.image.credit:
            return {"image": UNCREDITED_IMAGE}
        return {}

    def listing_summary(self):
        return first_text(self.search_description, self.teaser)

    def social_image(self):
        return self.image

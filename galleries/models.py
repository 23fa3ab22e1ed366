"""Picture galleries: the list of galleries and the gallery page with credited pictures."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from metropolregion import fragments
from metropolregion.images.models import UNCREDITED_IMAGE
from metropolregion.listing import paginate
from metropolregion.pages import IntroMixin, PortalPageMixin, first_text
from metropolregion.translations import live_page_in_active_language

from . import queries
from .forms import GalleryPageForm

GALLERIES_PER_PAGE = 12


class GalleryIndexPage(IntroMixin, Page):
    """The list of picture galleries, newest first."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ()

    content_panels = [*Page.content_panels, IntroMixin.intro_panel]
    search_fields = [*Page.search_fields, *IntroMixin.intro_search_fields]

    parent_page_types = ["metropolregion.HomePage"]
    subpage_types = ["galleries.GalleryPage"]

    class Meta:
        verbose_name = _("Gallery list")
        verbose_name_plural = _("Gallery lists")

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        galleries = queries.with_card_data(
            queries.live_galleries().child_of(self).order_by("-date", "-pk")
        )
        page_obj = paginate(request, galleries, per_page=GALLERIES_PER_PAGE)
        page_obj.object_list = queries.attach_covers(page_obj.object_list)
        context["galleries"] = page_obj
        return context


class GalleryPage(PortalPageMixin, Page):
    """A gallery of pictures from one occasion, each with a caption; photographer and licence
    come with the image."""

    # Its rendered content is shared by everyone who gets it rendered, and shows
    # pages and these (templates/base.html, metropolregion.fragments).
    content_fragment_shows = ("events.eventpage",)

    date = models.DateField(_("Date"), help_text=_("When the pictures were taken."))
    description = models.TextField(
        _("Description"),
        blank=True,
        max_length=800,
        help_text=_("A few sentences about the occasion; shown above the pictures."),
    )
    event = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="galleries",
        verbose_name=_("Event"),
        help_text=_("The event these pictures were taken at, if it has a page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [FieldPanel("date"), PageChooserPanel("event", page_type="events.EventPage")]
        ),
        FieldPanel("description"),
        InlinePanel(
            "gallery_images",
            label=_("Pictures"),
            heading=_("Pictures"),
            min_num=1,
            help_text=_(
                "Photographer and licence come with each image. Drafts may be saved without "
                "pictures; a gallery is only published with at least one."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.RelatedFields("gallery_images", [index.SearchField("caption")]),
        index.FilterField("date"),
    ]
    base_form_class = GalleryPageForm

    parent_page_types = ["galleries.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Gallery")
        verbose_name_plural = _("Galleries")

    @cached_property
    def pictures(self):
        """The pictures in their order, with images and renditions loaded in bulk."""
        return queries.gallery_pictures(self)

    def listing_summary(self):
        return first_text(self.search_description, self.description)

    def social_image(self):
        """The first picture's image represents the gallery in link previews."""
        return self.pictures[0].image if self.pictures else None

    @fragments.unless_rendered
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pictures"] = self.pictures
        context["event"] = live_page_in_active_language(self.event_id) if self.event_id else None
        return context


class GalleryImage(TranslatableMixin, Orderable):
    """One picture of a gallery with its caption (photographer and licence: the image's).
    Translatable: the English gallery's pictures are its own rows (same translation key
    as the German picture at that place), so wagtail-localize translates the captions."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        get_image_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Image"),
    )
    caption = models.CharField(_("Caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("Picture")
        verbose_name_plural = _("Pictures")

    def __str__(self):
        return self.caption or self.image.title

    def clean(self):
        super().clean()
        # Even in drafts: no picture is stored whose image lacks its photographer.
        if self.image_id and not self.image.credit:
            raise ValidationError({"image": UNCREDITED_IMAGE})

    @property
    def alt_text(self):
        """What the picture shows: the image's description, else the caption or title."""
        return self.image.description or self.caption or self.image.title

"""The site's image model: Wagtail's image plus who made it, the licence, where it comes
from and until when it may be used. Every place that shows an image takes its credit from
here (`{% image_credit image %}`), so pages no longer carry credit fields of their own."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.search import index

from metropolregion import clock

from .credits import strip_prefix

CREDIT_REQUIRED = _("Say who took the picture (photographer or source).")
# Images from before the credit was required may lack one; pages refuse them until it is added.
UNCREDITED_IMAGE = _(
    "This image has no photographer or source yet: add it in the image's form under "
    "“Images”, then save again."
)


class Licence(models.TextChoices):
    """Under which terms a picture may be used."""

    ALL_RIGHTS_RESERVED = "alle-rechte-vorbehalten", _("All rights reserved")
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    PRESS = "pressefoto", _("Press photo, free for editorial use")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.de",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.de",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.de",
}


class Image(AbstractImage):
    """An image with its photographer (or source), licence and usage right."""

    # As in AbstractImage, without reverse accessors: Wagtail's own Image model (still
    # installed) has `Tag.image_set` and `User.image_set` already.
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by user"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_by_user.wagtail_reference_index_ignore = True
    tags = TaggableManager(help_text=None, blank=True, verbose_name=_("tags"), related_name="+")

    credit = models.CharField(
        _("Photographer or source"),
        max_length=200,
        help_text=_(
            "Who took or made the picture, e.g. “Erika Beispiel” or “Stadt Leipzig”; for a "
            "logo, the organisation. Shown as “Foto: …”, so do not type “Foto:”."
        ),
    )
    licence = models.CharField(
        _("Licence"),
        max_length=30,
        choices=Licence.choices,
        default=Licence.ALL_RIGHTS_RESERVED,
    )
    source = models.CharField(
        _("Source"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where the picture comes from: a web address or a note, e.g. “Pressemappe der "
            "Stadt Halle”. For the editorial team; not shown on the website."
        ),
    )
    usage_until = models.DateField(
        _("May be used until"),
        null=True,
        blank=True,
        help_text=_("The last day the usage right covers. Leave empty if it has no end."),
    )

    admin_form_fields = (
        *WagtailImage.admin_form_fields,
        "credit",
        "licence",
        "source",
        "usage_until",
    )
    search_fields = [
        *AbstractImage.search_fields,
        index.SearchField("credit"),
        index.AutocompleteField("credit"),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        # As Wagtail's own image model: the right to pick an image in a chooser.
        permissions = [("choose_image", "Can choose image")]

    def clean(self):
        super().clean()
        typed = self.credit
        self.credit = strip_prefix(typed)
        if typed and not self.credit:  # only "Foto:" was typed
            raise ValidationError({"credit": CREDIT_REQUIRED})

    @property
    def credit_text(self):
        """ "Foto: Erika Beispiel" (empty without a credit)."""
        if not self.credit:
            return ""
        return _("Photo: %(credit)s") % {"credit": self.credit}

    @property
    def licence_label(self):
        """The licence as shown under the picture; "all rights reserved" goes without
        saying and is not shown."""
        if self.licence == Licence.ALL_RIGHTS_RESERVED:
            return ""
        return self.get_licence_display()

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def usage_expired(self):
        """Whether the usage right has ended (the day after `usage_until`)."""
        return self.usage_until is not None and self.usage_until < clock.today()

    @property
    def credit_line(self):
        """The credit as plain text: "Foto: Erika Beispiel (CC BY 4.0)"."""
        if not self.credit:
            return ""
        licence = self.licence_label
        return f"{self.credit_text} ({licence})" if licence else str(self.credit_text)


class Rendition(AbstractRendition):
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

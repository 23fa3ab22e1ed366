"""The admin form of gallery pages: a gallery is only published with pictures."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class GalleryPageForm(WagtailAdminPageForm):
    """Publishing (or submitting for moderation) needs at least one picture.

    The picture panel sets `min_num=1`; Wagtail lifts that minimum while a draft is saved
    (deferred validation), so editors can start a gallery before the pictures arrive. Here
    the formset's message says what is missing in words editors understand."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pictures = self.formsets.get("gallery_images")
        if pictures is not None:
            pictures.error_messages = {
                **pictures.error_messages,
                "too_few_forms": _("Add at least one picture before publishing the gallery."),
            }

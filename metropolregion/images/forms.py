"""The base of every image form in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE): the single
upload, the edit form, the chooser's upload tab and the forms of the multiple upload.

The credit is a required model field, so none of them saves an image without one. The
multiple upload sends only the file at first; because the credit is missing, Wagtail keeps
the file as an upload of its own and creates the image only when the editor fills in the
form shown for it (wagtail.admin.views.generic.multiple_upload.AddView.post)."""

from django.core.exceptions import ValidationError
from wagtail.images.forms import BaseImageForm

from .credits import strip_prefix
from .models import CREDIT_REQUIRED


class ImageForm(BaseImageForm):
    class Meta(BaseImageForm.Meta):
        error_messages = {"credit": {"required": CREDIT_REQUIRED}}

    def clean_credit(self):
        credit = strip_prefix(self.cleaned_data["credit"])
        if not credit:  # only "Foto:" was typed
            raise ValidationError(CREDIT_REQUIRED, code="required")
        return credit

"""The public form "Veranstaltung melden": the event (what, when, where, who organises
it, a topic, an optional image with its credit and the right to show it), the reporter's
contact details and consent, and a honeypot field. The fields come in groups
(`groups()`), each a fieldset with a legend."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images.fields import WagtailImageField

from metropolregion import clock
from metropolregion.forms import HoneypotField, SiteForm
from metropolregion.images.credits import strip_prefix
from metropolregion.topics import topic_name

from .. import queries
from ..choices import EventFormat

HONEYPOT = "homepage"
DATETIME_INPUT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends

# Single-line fields: no control characters (they would end up in mails and pages).
SINGLE_LINE = (
    "title",
    "venue",
    "street",
    "postcode",
    "city",
    "organiser_name",
    "image_credit",
    "name",
    "organisation",
    "phone",
)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_INPUT)


def date_time_field(label):
    return forms.DateTimeField(
        label=label,
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_INPUT, "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
        help_text=gettext_lazy("Date and time, e.g. 24.06.2027 10:00."),
    )


class SubmissionImageField(WagtailImageField):
    """Wagtail's image field (formats of WAGTAILIMAGES_EXTENSIONS, the image read to be
    sure it is one) with the form's own size limit. Wagtail writes its help text and two
    error messages when the field is made (at import); `localise()` writes them again in
    the reader's language."""

    def localise(self):
        self.max_upload_size = settings.EVENT_SUBMISSION_MAX_IMAGE_SIZE
        self.max_upload_size_text = filesizeformat(self.max_upload_size)
        formats = self.supported_formats_text
        self.help_text = _(
            "Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s."
        ) % {"supported_formats": formats, "max_upload_size": self.max_upload_size_text}
        self.error_messages["invalid_image_extension"] = _(
            "Not a supported image format. Supported formats: %(supported_formats)s."
        ) % {"supported_formats": formats}
        self.error_messages["file_too_large_unknown_size"] = _(
            "This file is too big. Maximum filesize %(max_filesize)s."
        ) % {"max_filesize": self.max_upload_size_text}


class EventSubmissionForm(SiteForm):
    title = forms.CharField(label=gettext_lazy("Title of the event"), max_length=200)
    start = date_time_field(gettext_lazy("Start"))
    end = date_time_field(gettext_lazy("End"))
    format = forms.ChoiceField(
        label=gettext_lazy("Where do people take part?"),
        choices=EventFormat.choices,
        initial=EventFormat.IN_PERSON,
    )
    venue = forms.CharField(
        label=gettext_lazy("Venue"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("For example “Congress Center”."),
    )
    street = forms.CharField(
        label=gettext_lazy("Street and number"), max_length=200, required=False
    )
    postcode = forms.CharField(
        label=gettext_lazy("Postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    city = forms.CharField(
        label=gettext_lazy("Town or city"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("Required unless the event is online only."),
    )
    online_url = forms.URLField(
        label=gettext_lazy("Online link"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("Where people join online, if it may be published."),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("What is the event about, and who is it for?"),
    )
    link = forms.URLField(
        label=gettext_lazy("Web page of the event"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("Where people find more information or register."),
    )
    topic = forms.ChoiceField(label=gettext_lazy("Topic"), required=False)
    organiser_name = forms.CharField(label=gettext_lazy("Name of the organiser"), max_length=200)
    organiser_url = forms.URLField(
        label=gettext_lazy("Organiser's website"),
        max_length=200,
        required=False,
        assume_scheme="https",
    )
    image = SubmissionImageField(label=gettext_lazy("Image"), required=False)
    image_credit = forms.CharField(
        label=gettext_lazy("Photographer or source"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Shown with the image, e.g. “Erika Beispiel” or “Stadt Leipzig”."),
    )
    image_rights = forms.BooleanField(
        label=gettext_lazy(
            "I hold the rights to this image and agree that it is published with the event."
        ),
        required=False,
    )
    name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy("For the confirmation and our questions; not published."),
    )
    organisation = forms.CharField(
        label=gettext_lazy("Your organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    phone = forms.CharField(
        label=gettext_lazy("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        label=gettext_lazy(
            "I agree that my details are stored to deal with my report of the event."
        ),
        error_messages={
            "required": gettext_lazy(
                "Please agree to the storage of your details, or we cannot take your report."
            )
        },
    )
    # A field people never see; bots fill it in.
    homepage = HoneypotField()

    GROUPS = (
        (gettext_lazy("The event"), ("title", "start", "end", "description", "link", "topic")),
        (
            gettext_lazy("Where and how"),
            ("format", "venue", "street", "postcode", "city", "online_url"),
        ),
        (gettext_lazy("Organiser"), ("organiser_name", "organiser_url")),
        (gettext_lazy("Image (optional)"), ("image", "image_credit", "image_rights")),
        (
            gettext_lazy("Your contact details (not published)"),
            ("name", "email", "organisation", "phone", "consent"),
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("No topic")), *topic_choices()]
        self.fields["image"].localise()
        for name in SINGLE_LINE:
            self.fields[name].strip = True

    def groups(self):
        """(legend, bound fields) for each fieldset of the form."""
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    @property
    def honeypot(self):
        return self[HONEYPOT]

    def clean(self):
        cleaned = super().clean()
        for name in SINGLE_LINE:
            if any(ord(ch) < 32 for ch in cleaned.get(name) or ""):
                self.add_error(name, _("Please enter this without control characters."))
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and start < clock.now():
            self.add_error("start", _("The event must start in the future."))
        if start and end and end < start:
            self.add_error(
                "end", _("The event ends before it starts: the end must be on or after the start.")
            )
        if cleaned.get("format") != EventFormat.ONLINE and not cleaned.get("city"):
            self.add_error("city", _("Say where the event takes place: give the town or city."))
        if cleaned.get("image"):
            cleaned["image_credit"] = strip_prefix(cleaned.get("image_credit"))
            if not cleaned["image_credit"]:
                self.add_error(
                    "image_credit", _("Say who took the picture (photographer or source).")
                )
            if not cleaned.get("image_rights"):
                self.add_error(
                    "image_rights",
                    _("Please confirm that you hold the rights to the image, or send none."),
                )
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))


def topic_choices():
    """(slug, name in the reader's language) of the topics events already have."""
    return sorted(
        ((tag.slug, topic_name(tag)) for tag in queries.event_topics()),
        key=lambda choice: choice[1].casefold(),
    )

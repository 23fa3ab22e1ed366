"""A partner's calendar feed, which of its events became which page, and the log of
every import run."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def first_language_pages():
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class PartnerFeed(models.Model):
    """An ICS feed of a partner (city, chamber, university) whose events appear in the
    region's calendar."""

    name = models.CharField(_("Name"), max_length=200)
    url = models.URLField(
        _("Feed address (ICS)"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("The http(s) address of the partner's calendar feed (.ics)."),
    )
    organiser_name = models.CharField(_("Organiser"), max_length=200)
    organiser_url = models.URLField(_("Organiser's website"), blank=True)
    default_topics = models.CharField(
        _("Topics"),
        max_length=300,
        blank=True,
        help_text=_(
            "Given to every imported event, separated by commas, e.g. Wasserstoff, Bildung."
        ),
    )
    working_group = models.ForeignKey(
        "projects.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        # Imported events go into the German calendar: the German group pages only.
        limit_choices_to=first_language_pages,
        related_name="+",
        verbose_name=_("Working group"),
    )
    needs_approval = models.BooleanField(
        _("Imported events need approval"),
        default=True,
        help_text=_(
            "Ticked: new and changed events are saved as drafts for the editors to publish. "
            "Unticked: they go live at once."
        ),
    )
    active = models.BooleanField(
        _("Import every hour"),
        default=True,
        help_text=_("Unticked: the feed is imported only when an editor starts it."),
    )
    last_run_at = models.DateTimeField(_("Last import"), null=True, blank=True, editable=False)
    last_status = models.CharField(_("Result"), max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = _("Partner calendar")
        verbose_name_plural = _("Partner calendars")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["url"], name="partner_feeds_one_url")]

    def __str__(self):
        return self.name

    @property
    def topic_names(self):
        return [name.strip() for name in self.default_topics.split(",") if name.strip()]


class ImportedEvent(models.Model):
    """One event of a feed (UID, and RECURRENCE-ID for a single date published on its
    own) and the page it became."""

    feed = models.ForeignKey(PartnerFeed, on_delete=models.CASCADE, related_name="events")
    uid = models.CharField("UID", max_length=500)
    recurrence_id = models.CharField("RECURRENCE-ID", max_length=40, blank=True)
    # Null once an editor deleted the page: the event is then not imported again.
    page = models.ForeignKey(
        "events.EventPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("Title"), max_length=255, blank=True)
    hidden = models.BooleanField(
        _("Hidden"), default=False, help_text=_("Hidden by an editor: never imported again.")
    )
    withdrawn = models.BooleanField(_("Removed from the feed"), default=False)
    # The feed's version of the event last seen (a hash of its values), the revision the
    # import wrote and a hash of the page's imported fields in it: a later revision whose
    # fields differ is an editor's change, and the import leaves the page alone.
    content_hash = models.CharField(max_length=64, blank=True)
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    page_hash = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(_("Imported"), auto_now=True)

    class Meta:
        verbose_name = _("Imported event")
        verbose_name_plural = _("Imported events")
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "uid", "recurrence_id"], name="partner_feeds_one_event_per_uid"
            )
        ]

    def __str__(self):
        return self.title or self.uid


class ImportRun(models.Model):
    """One import of a feed: when, how it ended, how many events it touched."""

    class Outcome(models.TextChoices):
        OK = "ok", _("Imported")
        PARTIAL = "teilweise", _("Imported with warnings")
        FAILED = "fehlgeschlagen", _("Failed: nothing changed")

    feed = models.ForeignKey(PartnerFeed, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("Started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Finished"), null=True, blank=True)
    outcome = models.CharField(
        _("Result"), max_length=20, choices=Outcome.choices, default=Outcome.OK
    )
    summary = models.CharField(_("Summary"), max_length=300, blank=True)
    created = models.PositiveIntegerField(_("New"), default=0)
    updated = models.PositiveIntegerField(_("Changed"), default=0)
    withdrawn = models.PositiveIntegerField(_("Withdrawn"), default=0)
    unchanged = models.PositiveIntegerField(_("Unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("Skipped"), default=0)

    class Meta:
        verbose_name = _("Import run")
        verbose_name_plural = _("Import runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.feed} {self.started_at:%Y-%m-%d %H:%M}"


class ImportMessage(models.Model):
    """One line of an import's log, in the editors' language."""

    class Level(models.TextChoices):
        INFO = "info", _("Note")
        WARNING = "warnung", _("Warning")
        ERROR = "fehler", _("Error")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="messages")
    level = models.CharField(_("Level"), max_length=10, choices=Level.choices)
    uid = models.CharField("UID", max_length=500, blank=True)
    text = models.TextField(_("Message"))

    class Meta:
        verbose_name = _("Import message")
        verbose_name_plural = _("Import messages")
        ordering = ["pk"]

    def __str__(self):
        return self.text

"""Member organisations of the association and the member accounts linked to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.search import index


class OrganisationType(models.TextChoices):
    """The kinds of member; the directory lists them in this order."""

    COMPANY = "unternehmen", _("Company")
    MUNICIPALITY = "kommune", _("City or district")
    CHAMBER = "kammer", _("Chamber")
    UNIVERSITY = "hochschule", _("University")
    RESEARCH = "forschung", _("Research institute")
    ASSOCIATION = "verband", _("Association")


class MemberOrganisation(index.Indexed, models.Model):
    """A member of the association: a company, city, chamber, university, institute or
    association."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    type = models.CharField(
        _("Type"), max_length=20, choices=OrganisationType.choices, db_index=True
    )
    website = models.URLField(_("Website"), blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Logo"),
        help_text=_("Shown small in the member directory; a square logo works best."),
    )
    active = models.BooleanField(
        _("Active"),
        default=True,
        help_text=_("Only active members can log in as members and appear in the directory."),
    )
    public = models.BooleanField(
        _("Show in the directory"),
        default=True,
        help_text=_("Whether the public member directory lists this organisation."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("type")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("active"), FieldPanel("public")], heading=_("Membership and directory")
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Member organisation")
        verbose_name_plural = _("Member organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MemberProfile(models.Model):
    """Links a person's login to the member organisation they work for. Deleting it
    closes a member login (accounts.close_login, connected in apps.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member_profile",
        verbose_name=_("Account"),
    )
    organisation = models.ForeignKey(
        MemberOrganisation,
        on_delete=models.CASCADE,
        related_name="profiles",
        verbose_name=_("Member organisation"),
    )

    # Edited with its login's name and address, never a list of logins: the panels and
    # the form are the admin's (wagtail_hooks.MemberProfileViewSet, admin_forms.py).

    class Meta:
        verbose_name = _("Member account")
        verbose_name_plural = _("Member accounts")
        ordering = ["user__username"]

    def __str__(self):
        return f"{self.user.get_username()} ({self.organisation})"

"""The editors' overview of the English translations ("Übersetzungen" under Reports): one row
per German page with its last change, the state of its English translation, the last sync
and the links to translate, edit or sync.

When is a translation outdated? wagtail-localize translates a frozen copy of the German page,
its `TranslationSource`. The copy is taken when the page is first submitted for translation
and refreshed only by "Sync translated pages" (`TranslationSource.update_from_db`, which sets
`last_updated_at`); it is read from the page's row, that is the *published* German version
(a German draft reaches the translation only once it is published). Every time the English
page is rebuilt from the source (`Translation.save_target`: publishing in the translation
editor, or the sync with "Publish immediately"), wagtail-localize writes a `TranslationLog`.
So a translation is outdated when

- the German page was published after the source was last refreshed
  (`last_published_at > source.last_updated_at`): the translation misses German changes and
  needs a sync; or
- the source was refreshed after the English page was last rebuilt (latest
  `TranslationLog.created_at < source.last_updated_at`): synced, but the new text is not
  translated and published yet.

The English page's own revisions are no signal: editing the English strings changes them
without bringing in any German change. An English page made without wagtail-localize (or
whose synced translation was stopped) has no source; there the German publication is
compared with the English page's last change.

Everything is computed in the database (subqueries and one CASE), so the state can be
filtered and sorted, and the report makes the same few queries for ten pages or a thousand.
"""

import django_filters
from django import forms
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    F,
    OuterRef,
    Q,
    Subquery,
    TextChoices,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusFlagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import Locale, Page, Site, get_page_content_types
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from .navigation import default_locale

TARGET_LANGUAGE = "en"
# wagtail-localize's own right to translate and sync ("wagtail_localize.submit_translation").
PERMISSION_POLICY = ModelPermissionPolicy(Translation)
PERMISSION = "submit"


class State(TextChoices):
    NOT_TRANSLATED = "missing", _("not translated")
    OUTDATED = "outdated", _("translated, outdated")
    DRAFT = "draft", _("English draft only")
    CURRENT = "current", _("translated, up to date")


def annotate_translation_state(pages, target_locale):
    """`pages` (German pages) annotated with their translation into `target_locale`:
    en_page_id, en_live, source_id, synced_at (the source's last refresh), applied_at (the
    last rebuild of the English page), changed_at (the German page's last change), state
    (a State value) and needs_sync (the source is older than the German publication)."""
    target_id = target_locale.pk if target_locale else None
    english = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=target_id, alias_of__isnull=True
    )
    source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
        translations__target_locale_id=target_id,
        translations__enabled=True,
    )
    logs = TranslationLog.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
        locale_id=target_id,
    ).order_by("-created_at")
    pages = pages.annotate(
        en_page_id=Subquery(english.values("pk")[:1]),
        en_live=Subquery(english.values("live")[:1]),
        en_changed_at=Subquery(english.values("latest_revision_created_at")[:1]),
        source_id=Subquery(source.values("pk")[:1]),
        synced_at=Subquery(source.values("last_updated_at")[:1]),
        applied_at=Subquery(logs.values("created_at")[:1]),
        changed_at=Coalesce("latest_revision_created_at", "last_published_at"),
    )
    needs_sync = Q(source_id__isnull=False, last_published_at__gt=F("synced_at"))
    not_applied = Q(source_id__isnull=False, applied_at__lt=F("synced_at"))
    manual_behind = Q(source_id__isnull=True, last_published_at__gt=F("en_changed_at"))
    return pages.annotate(
        needs_sync=Case(
            When(needs_sync, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        state=Case(
            When(en_page_id__isnull=True, then=Value(State.NOT_TRANSLATED.value)),
            When(needs_sync | not_applied | manual_behind, then=Value(State.OUTDATED.value)),
            When(en_live=False, then=Value(State.DRAFT.value)),
            default=Value(State.CURRENT.value),
            output_field=CharField(),
        ),
    )


def german_pages(target_locale):
    """Every German page of the sites (live or draft, no aliases), annotated."""
    german = default_locale()
    roots = Site.objects.filter(root_page__locale=german).values_list("root_page__path", flat=True)
    in_a_site = Q(pk__in=[])
    for root_path in roots:
        in_a_site |= Q(path__startswith=root_path)
    pages = Page.objects.filter(in_a_site, locale=german, alias_of__isnull=True).select_related(
        "content_type"
    )
    return annotate_translation_state(pages, target_locale)


class TranslationOverviewFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Translation state"),
        choices=State.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    content_type = ContentTypeFilter(
        label=_("Page type"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = ["state", "content_type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("locale", None)  # Wagtail's locale filter: the rows are all German


class StateColumn(Column):
    cell_template_name = "metropolregion/admin/translation_overview_state.html"

    def get_value(self, instance):
        return State(instance.state)


class ActionsColumn(Column):
    cell_template_name = "metropolregion/admin/translation_overview_actions.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        back = parent_context["request"].get_full_path()
        if instance.en_page_id is None:
            context["translate_url"] = reverse(
                "wagtail_localize:submit_page_translation", args=[instance.pk]
            )
        else:
            # wagtail-localize opens its translation editor on the English page's edit view.
            context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[instance.en_page_id])
        if instance.needs_sync:
            context["sync_url"] = (
                reverse("wagtail_localize:update_translations", args=[instance.source_id])
                + "?"
                + urlencode({"next": back})
            )
        return context


class TranslationOverviewView(ReportView):
    """The report. Open to whoever may translate (the Redaktion; superusers)."""

    template_name = "metropolregion/admin/translation_overview.html"
    results_template_name = "metropolregion/admin/translation_overview_results.html"
    index_url_name = "translation_overview"
    index_results_url_name = "translation_overview_results"
    page_title = _("Translations")
    header_icon = "wagtail-localize-language"
    filterset_class = TranslationOverviewFilterSet
    permission_policy = PERMISSION_POLICY
    permission_required = PERMISSION
    default_ordering = "-changed_at"
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            accessor="get_admin_display_title",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            sort_key="title",
        ),
        Column(
            "page_type",
            label=_("Page type"),
            accessor=lambda page: get_content_type_label(page.content_type),
        ),
        StatusFlagColumn("live", label=_("German"), true_label=_("live"), false_label=_("draft")),
        DateColumn("changed_at", label=_("Last change"), sort_key="changed_at"),
        StateColumn("state", label=_("English")),
        DateColumn("synced_at", label=_("Last sync"), sort_key="synced_at"),
        ActionsColumn("actions", label=_("Actions")),
    ]

    @cached_property
    def target_locale(self):
        return Locale.objects.filter(language_code=TARGET_LANGUAGE).first()

    def get_base_queryset(self):
        return german_pages(self.target_locale)

    def order_queryset(self, queryset):
        field = self.ordering.lstrip("-")
        descending = self.ordering.startswith("-")
        expression = F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
        return queryset.order_by(expression, "path")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["strings_report_url"] = reverse("wagtail_localize:translations_report")
        return context


class TranslationOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PERMISSION_POLICY.user_has_permission(request.user, PERMISSION)


def admin_urls():
    return [
        path("uebersetzungen/", TranslationOverviewView.as_view(), name="translation_overview"),
        path(
            "uebersetzungen/ergebnisse/",
            TranslationOverviewView.as_view(results_only=True),
            name="translation_overview_results",
        ),
    ]


def reports_menu_item():
    return TranslationOverviewMenuItem(
        _("Translations"),
        reverse("translation_overview"),
        name="translation-overview",
        icon_name="wagtail-localize-language",
        order=150,
    )


def hide_wagtail_localize_report(request, menu_items):
    """wagtail-localize's own "Translations" report (a list of translation jobs and their
    untranslated strings) would stand next to this one under the same name; it stays
    reachable from this report's introduction."""
    localize_url = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_url]

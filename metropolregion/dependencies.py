"""What a change shows on: the one place that knows which public URLs a change of content
affects, asked by the app's page cache (metropolregion/cache.py, which empties itself for
any change that shows at all) and by the purges of the HTTP cache in front
(metropolregion/purge.py, which drops only the URLs named here).

The rules (docs/http-cache.md has them for operators):

- A page published, unpublished, moved or deleted (`page_changed`):
  - the page itself and everything below it (its routes, such as an event's `ical/`,
    and its subpages, whose breadcrumbs show its title): `<url>*`;
  - its translations in the other languages (their language switch links to it);
  - its ancestors up to the home page of its language (the lists it appears in, the home
    page's "latest news"/"next events" blocks), each with its routes: a news index's
    `feed/rss/`, `feed/atom/`, `presse/feed/…` and `archiv/<year>/`, a calendar's `ical/`,
    `ical/thema/<topic>/`, `monat/<y>/<m>/` (routes with a parameter as a prefix);
  - the hub pages it names through a foreign key of its own (a news item's or event's
    working group, a gallery's event: metropolregion.hubs), before and after the change;
  - the pages that link to it through a chooser (a featured item on the home page);
  - the site's lists of everything: /sitemap.xml, the partner API and embeds
    (FRONTEND_CACHE_SITE_LISTS);
  - everything, when a setting or snippet links to it (menus and footer show its title).
- A row that belongs to a page (a registration to its event, a page's tags or gallery
  pictures: a foreign key to a page) changes that page and its translations only: the
  free places show in the event's registration box, on no list.
- Anything else that shows (snippets, settings, images, documents, collections, topics,
  redirects, view restrictions, sites, locales) may show on every page: everything.

A plain save of a page is no change: what visitors see changes only when it is published.
Every URL is absolute (the site's root URL), as Wagtail's frontend-cache backends expect;
"*" at the end of a path means "everything that starts with it" (Varnish: deploy/varnish/
default.vcl; CloudFront takes the same wildcard).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from wagtail.models import Page, ReferenceIndex, Site

EVERYTHING = "/*"
# Apps whose models are never "a row that belongs to a page" (a view restriction or a
# site names a page, but changes what many pages show).
LIBRARY_APPS = ("wagtail", "django", "taggit", "modelcluster", "axes", "csp")


@dataclass
class Affected:
    """The URLs a change affects, or `everything`."""

    urls: set = field(default_factory=set)
    everything: bool = False

    def add(self, other):
        self.urls |= other.urls
        self.everything = self.everything or other.everything

    def purge_urls(self):
        """The URLs to send to the frontend cache: "<site>/*" for each site when
        everything changed, else the URLs."""
        if self.everything:
            return {site.root_url + EVERYTHING for site in Site.objects.all()}
        return set(self.urls)


def everything():
    return Affected(everything=True)


# -- pages --


def page_changed(page, old_url_path=None, old_parent=None):
    """What a page's publish, unpublish, move (give the old url_path and parent) or
    deletion affects."""
    page = page.specific_deferred if type(page) is Page else page
    affected = Affected()
    if _named_by_setting_or_snippet(page):
        return everything()
    affected.urls |= _urls_below(page)
    if old_url_path and old_url_path != page.url_path:
        moved = Page(pk=page.pk, url_path=old_url_path, path=page.path, depth=page.depth)
        affected.urls |= _urls_below(moved)
    for translation in page.get_translations().specific():
        affected.urls |= _urls_of(translation, routes=False)
    for ancestor in _listing_ancestors(page, old_parent):
        affected.urls |= _urls_of(ancestor)
    for hub in hubs_of(page):
        affected.urls |= _urls_of(hub)
    for referrer in Page.objects.filter(pk__in=_referring_page_ids(page)).specific():
        affected.urls |= _urls_of(referrer)
    lists = getattr(settings, "FRONTEND_CACHE_SITE_LISTS", ["/sitemap.xml"])
    affected.urls |= {root + path for root in _site_roots(page) for path in lists}
    return affected


def row_changed(instance):
    """What a change of a model instance (not a page) affects: see the module docstring."""
    model = type(instance)
    if instance is None or isinstance(instance, Page) or _shows_everywhere(model):
        return everything()
    if not _project_model(model):  # Wagtail's and Django's own: restrictions, sites …
        return everything()
    pages = [getattr(instance, f.name, None) for f in _page_foreign_keys(model)]
    pages = [page for page in pages if page is not None]
    if not pages:
        return everything()
    affected = Affected()
    for page in pages:
        page = page.specific_deferred if type(page) is Page else page
        affected.urls |= _urls_below(page)
        for translation in page.get_translations().specific():
            affected.urls |= _urls_below(translation)
    return affected


def hubs_of(page):
    """The pages this page names through foreign keys of its own model (not Wagtail's
    Page fields): a news item's working group, a gallery's event. They list it."""
    targets = []
    for fk in _page_foreign_keys(type(page), own_only=True):
        target_id = getattr(page, fk.attname, None)
        if target_id:
            targets.append(target_id)
    targets += getattr(page, "_hubs_before_save", [])
    return Page.objects.filter(pk__in=set(targets)).specific() if targets else []


def remember_hubs_before_save(sender, instance, raw=False, **kwargs):
    """pre_save of a page with hub foreign keys: keeps the hubs of the stored (live)
    version, so a news item moved to another working group drops off the old group's
    page too."""
    fks = _page_foreign_keys(sender, own_only=True)
    if raw or not fks or not instance.pk:
        return
    stored = sender._default_manager.filter(pk=instance.pk).values(*[f.attname for f in fks])
    row = stored.first() or {}
    instance._hubs_before_save = [
        value for f in fks if (value := row.get(f.attname)) != getattr(instance, f.attname)
    ]
    instance._hubs_before_save = [value for value in instance._hubs_before_save if value]


def connect_signals():
    """Called by the page cache's connect_signals() (the app config's ready())."""
    from django.apps import apps
    from django.db.models.signals import pre_save

    for model in apps.get_models():
        if issubclass(model, Page) and _page_foreign_keys(model, own_only=True):
            pre_save.connect(remember_hubs_before_save, sender=model, dispatch_uid="purge-hubs")
        if _is_setting(model):
            # Wagtail does not index settings' links; the menus' links to pages are what
            # `_named_by_setting_or_snippet` looks for. Rows saved before this was added
            # are indexed by `manage.py rebuild_references_index`.
            ReferenceIndex.register_model(model)


# -- helpers --


def _site_roots(page):
    parts = page.get_url_parts()
    return {parts[1]} if parts and parts[1] else set()


def _url(page):
    parts = page.get_url_parts()
    if not parts or parts[1] is None or parts[2] is None:
        return None  # not routable (above every site root)
    return parts[1] + parts[2]


def _urls_below(page):
    """The page, its query variants, routes and subpages: one wildcard."""
    url = _url(page)
    return {url + "*"} if url else set()


def _urls_of(page, routes=True):
    """The page (a purge of a path drops its query variants too) and, for a routable
    page, the paths of its routes: fixed ones as they are, ones with a parameter as a
    prefix with "*"."""
    url = _url(page)
    if not url:
        return set()
    urls = {url}
    if routes and hasattr(page, "get_subpage_urls"):
        for pattern in page.get_subpage_urls():
            route = str(pattern.pattern).lstrip("^").rstrip("$")
            fixed = route.split("<", 1)[0].split("(", 1)[0]
            if fixed == route:
                urls.add(url + route)
            elif fixed:
                urls.add(url + fixed + "*")
    for path in page.get_cached_paths():
        urls.add(url + path.lstrip("/"))
    return urls


def _listing_ancestors(page, old_parent=None):
    """The ancestors up to the site's root page (the home page of the page's language),
    and the old parent's ancestors after a move."""
    found = {}
    for start in (page, old_parent):
        if start is None:
            continue
        inclusive = start is old_parent
        for ancestor in start.get_ancestors(inclusive=inclusive).filter(depth__gt=1).specific():
            found[ancestor.pk] = ancestor
    return list(found.values())


def _referring_page_ids(page):
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids = (
        ReferenceIndex.get_references_to(page)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return [int(pk) for pk in ids]  # object_id is a text column


def _named_by_setting_or_snippet(page):
    """Whether a model that is not a page (the navigation settings' menus, a snippet)
    links to the page: it may show on every page."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    return ReferenceIndex.get_references_to(page).exclude(base_content_type=page_type).exists()


def _page_foreign_keys(model, own_only=False):
    """Foreign keys (and ParentalKeys) of `model` to page models; with own_only, those
    declared by a page model itself, not by Wagtail's Page (alias_of)."""
    return [
        f
        for f in model._meta.get_fields()
        if isinstance(f, models.ForeignKey)
        and isinstance(f.related_model, type)
        and issubclass(f.related_model, Page)
        and not (own_only and f.model is Page)
        and not f.remote_field.parent_link  # page_ptr
        and f.concrete
    ]


def _project_model(model):
    """A model of the portal's own apps (not of Wagtail, Django or another library)."""
    return not model._meta.app_config.name.startswith(LIBRARY_APPS)


def _is_setting(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def _shows_everywhere(model):
    """Snippets and settings: what they show is on many pages (menus, footer, blocks)."""
    from wagtail.snippets.models import get_snippet_models

    return _is_setting(model) or model in get_snippet_models()

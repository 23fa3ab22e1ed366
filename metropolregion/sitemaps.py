"""The sitemap in every language, each page with its translations as `hreflang` alternates.

Wagtail's sitemap lists the pages below the site's root page, which is the German home page:
the English tree (the root page's translation) would be missing. Here every language's tree
is listed; a page that exists in two or more languages names all of them and `x-default`
(the German page), as the alternates in its <head> do (metropolregion/translations.py).
Drafts and pages in private sections are left out in every language, and never offered as
alternates either."""

from django.db.models import Q
from wagtail.models import Page

from .privacy import public
from .site_urls import Sitemap, rebase
from .translations import alternate_pairs, translations_query


class LocalizedSitemap(Sitemap):
    """All live, public pages of the site in every language, with their alternates."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        in_a_tree = Q()
        for path in homes:
            in_a_tree |= Q(path__startswith=path)
        return (
            public(Page.objects.live().filter(in_a_tree))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = {}
        for found in translations_query({item.translation_key for item in pages}):
            by_key.setdefault(found.translation_key, {})[found.locale.language_code] = found
        urls, last_mods = [], set()
        for item in pages:
            versions = by_key.get(item.translation_key, {})
            own = self._location(item)
            for url_info in item.get_sitemap_urls(self.request):
                url_info["location"] = rebase(url_info["location"], self.request)
                pairs = alternate_pairs(versions)
                if pairs and url_info["location"] == own:
                    url_info["alternates"] = [
                        {"lang_code": code, "location": self._location(found)}
                        for code, found in pairs
                    ]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # As Wagtail's: no lastmod for the sitemap when a page has none.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _location(self, page):
        return rebase(page.get_full_url(self.request), self.request)

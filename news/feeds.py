"""RSS 2.0 and Atom feeds of a news index: all news, or press releases only.

Served as routes of `NewsIndexPage` (feed/rss/, feed/atom/, presse/feed/rss/,
presse/feed/atom/). Links and ids are absolute URLs of the pages, on the address the
feed was requested at (metropolregion.site_urls); an item's date is its
news date at midnight in Berlin. Only live, public news appear (see `queries.public_news`).
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from metropolregion.site_settings import SiteSettings
from metropolregion.site_urls import page_url
from metropolregion.topics import topic_name

from . import queries

FEED_LENGTH = 20
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class NewsFeed(Feed):
    """One feed of a news index; a new instance serves each request."""

    def __init__(self, kind=None, feed_format="rss", route_name="feed_rss"):
        super().__init__()
        self.kind = kind
        self.feed_type = FEED_TYPES[feed_format]
        self.route_name = route_name
        self.request = None

    def get_object(self, request, index):
        self.request = request
        self.site_settings = SiteSettings.for_request(request)
        self.index_url = page_url(index, request)
        return index

    def title(self, index):
        title = index.title
        if self.kind:
            title = f"{title}: {_('Press releases')}"
        return f"{title} – {self.site_settings.short_name}"

    def link(self, index):
        return self.index_url

    def feed_url(self, index):
        return self.index_url + index.reverse_subpage(self.route_name)

    def description(self, index):
        return index.intro or index.title

    def subtitle(self, index):
        return self.description(index)

    def author_name(self, index):
        return self.site_settings.organisation_name

    def feed_copyright(self, index):
        return self.site_settings.organisation_name

    def items(self, index):
        return queries.latest_news(
            FEED_LENGTH, kind=self.kind, index=index, images=False, topics=True
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers treat the description as HTML; the teaser is plain text.
        return escape(item.teaser)

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return self.item_link(item)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        if item.last_published_at and item.last_published_at > item.published_at:
            return item.last_published_at
        return item.published_at

    def item_categories(self, item):
        return [topic_name(tag) for tag in item.topics.all()]

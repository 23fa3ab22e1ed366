"""What the newsroom contributes to other apps' pages (metropolregion.hubs): a working
group's page lists the group's latest news."""

from django.utils.translation import gettext_lazy as _

from metropolregion.hubs import Section, contribute

from .queries import latest_news


@contribute("working_group", order=30)
def latest_group_news(group, request):
    return Section(
        heading=_("Latest news"),
        template="news/includes/news_cards.html",
        items=latest_news(3, working_group=group),
    )

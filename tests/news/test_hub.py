"""The working-group hub lists the group's latest news."""

from news.models import NewsPage
from projects.models import WorkingGroupPage


def test_working_group_page_shows_its_latest_news(client, demo_content):
    group = next(
        g
        for g in WorkingGroupPage.objects.live()
        if NewsPage.objects.live().filter(working_group=g).exists()
    )
    newest = NewsPage.objects.live().filter(working_group=group, locale=group.locale)
    newest = newest.order_by("-date", "-pk")[:3]
    other = NewsPage.objects.live().filter(locale=group.locale).exclude(working_group=group).first()
    html = client.get(group.url).content.decode()
    for item in newest:
        assert item.title in html
    assert other.title not in html

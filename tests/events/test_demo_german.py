"""The demo site speaks German: no English heading on the home page or the pages of the
main sections (issue 12, item 13: "Save the date" on the German home page)."""

import re

from wagtail.models import Page

# Words that mark a heading as English; none of them is a German word. (Loanwords German
# uses, like "News", "Downloads" or "Session", are not on the list.)
ENGLISH_WORDS = {
    "the", "and", "of", "to", "our", "your", "with", "for", "save", "date", "upcoming",
    "events", "latest", "more", "about", "us", "contact", "members", "gallery", "voices",
}  # fmt: skip


def headings(html):
    """The texts of the h1-h3 elements of a page."""
    found = re.findall(r"<h([1-3])\b[^>]*>(.*?)</h\1>", html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip() for _level, text in found]


def english(heading):
    return {word for word in re.findall(r"[a-z]+", heading.lower())} & ENGLISH_WORDS


def test_demo_headings_are_german(client, demo_content):
    home = client.get("/")
    assert home.status_code == 200
    home_headings = headings(home.content.decode())
    assert "Termin vormerken" in home_headings
    assert "Save the date" not in home.content.decode()
    offenders = {heading: "/" for heading in home_headings if english(heading)}
    for page in Page.objects.live().public().filter(depth=3, locale__language_code="de"):
        response = client.get(page.url)
        if response.status_code != 200:
            continue
        for heading in headings(response.content.decode()):
            if english(heading):
                offenders.setdefault(heading, page.url)
    assert offenders == {}

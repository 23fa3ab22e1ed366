"""Content never turns into markup or script on a public page.

Attack strings go into every block of every StreamField of every page type (found by
walking the block definitions, so a new block is covered without touching this file), into
every text field the page shows, into the snippets and images the blocks show, and into
every public form. The rendered page is parsed as a browser would (html5lib) and must hold
no element, event handler, script or javascript: link that came from the content."""

import datetime
import json
import re
from decimal import Decimal

import html5lib
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from wagtail import blocks
from wagtail.contrib.forms.models import FormMixin
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.factories import ImageFactory, StandardPageFactory, testimonials
from tests.factories.events import EventPageFactory, berlin
from tests.factories.galleries import (
    GalleryImageFactory,
    GalleryIndexPageFactory,
    GalleryPageFactory,
)
from tests.factories.membership import MemberOrganisationFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import FeedbackFormPageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

pytestmark = pytest.mark.django_db

PROBE = "xss-probe"  # an element name no template uses: if it is in the tree, it came in raw
ATTACK = (
    f'<{PROBE}></{PROBE}><script>alert(1)</script>"><img src=x onerror=alert(1)>'
    "'><svg onload=alert(1)>{{ 7*7 }}{% debug %}</script><script>alert(2)</script>"
    "\u202etxt.exe"
)
SHORT_ATTACKS = [f'"><{PROBE}>', f"<{PROBE}>", "<b>", '"']
JS_URL = "javascript:alert(1)"
BAD_URLS = [
    JS_URL,
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://example.org/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
# Valid as a URL and as an address, and still full of markup.
URL = f'https://example.org/"><{PROBE}>?a=1&b=<script>alert(1)</script>'
EMAIL = f'"<{PROBE}>"@example.org'
# What the editor stores when someone types markup and links to javascript:
RICH_TEXT = (
    f'<p data-block-key="a1b2c"><a>Klick</a> &lt;script&gt;alert(1)&lt;/script&gt;'
    f"&lt;{PROBE}&gt;</p>"
)
# What the editor never stores (Wagtail renders stored rich text as it is).
RAW_RICH_TEXT = (
    f'<p>Text<script>alert(1)</script><a href="{JS_URL}">Link</a>'
    f'<b onclick="alert(1)">fett</b><{PROBE}></{PROBE}></p>'
)
PROJECT_APPS = {
    "metropolregion",
    "membership",
    "projects",
    "news",
    "events",
    "testimonials",
    "galleries",
}


def attack_for(max_length):
    if not max_length or max_length >= len(ATTACK):
        return ATTACK
    return next(text for text in SHORT_ATTACKS if len(text) <= max_length)


# --- checking a page -----------------------------------------------------------------------

SCRIPT_OK_TYPES = {"application/ld+json", "application/json"}  # data, never run
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}


def injection_problems(html):
    """What in `html` would run or render as markup that came from the content."""
    problems = []
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == PROBE:
            problems.append(f"raw element <{PROBE}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"<{tag} {name}={value!r}>")
            if name.lower() in URL_ATTRIBUTES:
                squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:text/html")):
                    problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            text = element.text or ""
            if "alert(" in text and element.get("type") not in SCRIPT_OK_TYPES:
                problems.append(f"script with {text[:80]!r}")
            if element.get("type") in SCRIPT_OK_TYPES:
                try:  # JSON-LD stays JSON: nothing ended the element early
                    json.loads(text)
                except ValueError:
                    problems.append(f"JSON-LD broken: {text[:80]!r}")
                if "<" in text:
                    problems.append("JSON-LD with an unescaped <")
            elif not element.get("src"):
                problems.append(f"inline script {text[:80]!r}")
        if tag in ("svg", "math") and "alert" in html5lib.serialize(element):
            problems.append(f"<{tag}> from content")
    return problems


def assert_clean(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    problems = injection_problems(html)
    assert problems == [], f"{response.wsgi_request.path}: {problems}"
    return html


def test_the_checker_finds_injections():
    """The check itself must be able to fail."""
    assert injection_problems(f"<p>{ATTACK}</p>")
    assert injection_problems(RAW_RICH_TEXT)
    assert not injection_problems(RICH_TEXT)
    assert injection_problems(f'<a href=" {JS_URL}">x</a>')
    assert injection_problems(
        '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>'
    )
    assert injection_problems("<div onmouseover='x'>x</div>")
    assert not injection_problems("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")


# --- walking the block definitions ---------------------------------------------------------


def public_page_models():
    return [
        model
        for model in get_page_models()
        if model._meta.app_label in PROJECT_APPS and not model._meta.abstract
    ]


def stream_fields(model):
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.model is model
    ]


def iter_blocks(block):
    yield block
    if isinstance(block, (blocks.StreamBlock, blocks.StructBlock)):
        for child in block.child_blocks.values():
            yield from iter_blocks(child)
    elif isinstance(block, blocks.ListBlock):
        yield from iter_blocks(block.child_block)


def test_no_public_streamfield_allows_raw_html():
    found = []
    for model in public_page_models():
        for field in stream_fields(model):
            for block in iter_blocks(field.stream_block):
                if isinstance(block, blocks.RawHTMLBlock):
                    found.append(f"{model.__name__}.{field.name}: {block.name}")
    assert found == []
    assert len(public_page_models()) >= 12  # the walk really saw the page types


def test_every_url_field_and_block_refuses_script_urls():
    """javascript:, data: and vbscript: links never get stored: Django's URL validation
    on every URLField and URLBlock of every page type (admin forms, full_clean on save)."""
    checked = 0
    for model in public_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.URLField) and field.model is model:
                for url in BAD_URLS:
                    with pytest.raises(ValidationError):
                        field.clean(url, None)
                field.clean(URL, None)
                checked += 1
        for field in stream_fields(model):
            for block in iter_blocks(field.stream_block):
                if isinstance(block, blocks.URLBlock):
                    for url in BAD_URLS:
                        with pytest.raises(ValidationError):
                            block.clean(url)
                    block.clean(URL)
                    checked += 1
    assert checked >= 5


def test_the_raw_html_walk_would_find_one():
    stream = blocks.StreamBlock(
        [("section", blocks.StructBlock([("html", blocks.RawHTMLBlock())]))]
    )
    assert any(isinstance(block, blocks.RawHTMLBlock) for block in iter_blocks(stream))


class Content:
    """The objects that choosers in the attack stream point to, each with attack text."""

    def __init__(self, pages):
        self.pages = pages
        self.image = ImageFactory(title=ATTACK[:255], file__width=200, file__height=120)
        Document = get_document_model()
        self.document = Document(title=ATTACK[:255], collection=self.image.collection)
        self.document.file = ContentFile(b"%PDF-1.4\n%%EOF\n", name="bericht.pdf")
        self.document.save()
        # Shown by the member directory block.
        MemberOrganisationFactory(name=attack_for(200), website=URL)
        self.testimonial = testimonials.TestimonialFactory(
            quote=ATTACK, name=attack_for(100), role=attack_for(100), organisation=attack_for(100)
        )

    def for_chooser(self, block):
        target = block.target_model
        if isinstance(target, str):
            target = apps.get_model(target)
        if issubclass(target, Page):
            return next((p.pk for p in self.pages if isinstance(p.specific, target)), None)
        if target is type(self.image):
            return self.image.pk
        if target is type(self.document):
            return self.document.pk
        if isinstance(self.testimonial, target):
            return self.testimonial.pk
        return None


def raw_value(block, content, siblings=()):
    """JSON data for `block` with attack text in every text and URL field."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": raw_value(child, content)}
            for name, child in block.child_blocks.items()
        ]
    if isinstance(block, blocks.StructBlock):
        children = block.child_blocks
        return {
            name: raw_value(child, content, siblings=children.values())
            for name, child in children.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [raw_value(block.child_block, content) for _ in range(2)]
    if isinstance(block, blocks.RichTextBlock):
        return RICH_TEXT
    if isinstance(block, blocks.URLBlock):
        return URL
    if isinstance(block, blocks.EmailBlock):
        return EMAIL
    if isinstance(block, blocks.ChoiceBlock):
        choices = [key for key, _label in block.field.choices if key]
        return choices[0] if choices else ""
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RegexBlock)):
        return attack_for(block.field.max_length)
    if isinstance(block, (blocks.IntegerBlock, blocks.FloatBlock, blocks.DecimalBlock)):
        return 3
    if isinstance(block, blocks.BooleanBlock):
        return True
    if isinstance(block, blocks.DateBlock):
        return "2025-06-24"
    if isinstance(block, blocks.TimeBlock):
        return "10:00:00"
    if isinstance(block, blocks.DateTimeBlock):
        return "2025-06-24T10:00:00+02:00"
    if isinstance(block, blocks.ChooserBlock):
        # A link is either a page or an address: with an address beside it, the address.
        if any(isinstance(sibling, blocks.URLBlock) for sibling in siblings):
            return None
        return content.for_chooser(block)
    if isinstance(block, blocks.StaticBlock):
        return None
    raise AssertionError(f"no attack value for {type(block).__name__}: extend raw_value()")


def attack_text_fields(page):
    """Attack text in every text field of the page's own model (not Wagtail's)."""
    for field in type(page)._meta.get_fields():
        if getattr(field, "model", None) in (None, Page) or not field.concrete:
            continue
        if field.name in ("slug", "url_path") or getattr(field, "choices", None):
            continue
        if isinstance(field, RichTextField):
            setattr(page, field.name, RICH_TEXT)
        elif isinstance(field, models.URLField):
            setattr(page, field.name, URL)
        elif isinstance(field, models.EmailField):
            setattr(page, field.name, EMAIL)
        elif isinstance(field, (models.CharField, models.TextField)):
            setattr(page, field.name, attack_for(field.max_length))
    page.title = attack_for(255)
    page.seo_title = attack_for(255)
    page.search_description = ATTACK


@pytest.fixture
def site_pages(home_page, calendar_page, frozen):
    frozen(berlin(2025, 6, 1, 12, 0))
    projects = ProjectIndexPageFactory(parent=home_page)
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
    galleries = GalleryIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=calendar_page,
        start=berlin(2025, 6, 24, 10, 0),
        registration_mode="intern",
        capacity=10,
        price=Decimal("5"),
        topics=["Wasserstoff"],
    )
    gallery = GalleryPageFactory(parent=galleries, event=event)
    GalleryImageFactory(page=gallery, caption=ATTACK[:250], image__credit=attack_for(200))
    pages = [
        home_page,
        StandardPageFactory(parent=home_page),
        projects,
        ProjectPageFactory(parent=projects, topics=["Wasserstoff"]),
        groups,
        WorkingGroupPageFactory(parent=groups),
        news,
        NewsPageFactory(parent=news, date=datetime.date(2025, 5, 1), topics=["Wasserstoff"]),
        calendar_page,
        event,
        galleries,
        gallery,
        FeedbackFormPageFactory(parent=home_page),
    ]
    return pages


def fill_with_attacks(pages):
    content = Content(pages)
    for page in pages:
        page = page.specific
        original = {field.attname: getattr(page, field.attname) for field in page._meta.fields}
        attack_text_fields(page)
        for field in stream_fields(type(page)):
            data = raw_value(field.stream_block, content)
            setattr(page, field.name, json.dumps(data))
        # Values the model's validation refuses (the form page's list of recipients, which
        # no visitor sees) are written behind it.
        unchecked = {}
        try:
            page.full_clean()
        except ValidationError as error:
            for name in error.error_dict:
                unchecked.setdefault(name, getattr(page, name))
                setattr(page, name, original[name])
        page.save_revision().publish()
        if unchecked:
            type(page).objects.filter(pk=page.pk).update(**unchecked)
    return content


def test_every_page_type_is_attacked(site_pages):
    """A new page type must be added to `site_pages`."""
    attacked = {type(page.specific) for page in site_pages}
    missing = {model.__name__ for model in public_page_models() if model not in attacked}
    assert missing == set()


def test_attack_strings_in_every_block_and_field_render_inert(client, site_pages):
    fill_with_attacks(site_pages)
    for page in site_pages:
        page = Page.objects.get(pk=page.pk).specific
        stream_names = [field.name for field in stream_fields(type(page))]
        for name in stream_names:  # the walk really filled every block type
            block_types = {child.block_type for child in getattr(page, name)}
            assert block_types == set(getattr(page, name).stream_block.child_blocks), name
        html = assert_clean(client.get(page.url))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, page.url
        assert "{{ 7*7 }}" in html, page.url  # shown as typed, never evaluated


def test_attack_strings_in_lists_feeds_and_calendar_render_inert(client, site_pages):
    fill_with_attacks(site_pages)
    event = next(p.specific for p in site_pages if p.specific.__class__.__name__ == "EventPage")
    calendar = event.get_parent().specific
    for url in [
        calendar.url + "monat/2025/6/",
        calendar.url + "archiv/",
        calendar.url + "?thema=Wasserstoff",
        "/suche/?q=script",
        "/suche/?q=alert",
    ]:
        assert_clean(client.get(url))


# --- rich text through the editor -------------------------------------------------------------


def contentstate(text, url):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def test_rich_text_saved_through_the_editor_keeps_no_script_or_javascript_link(
    client, admin_user, home_page
):
    from django.urls import reverse

    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Angriff",
            "slug": "angriff",
            "intro": "x",
            "body": streamfield(
                [
                    (
                        "section",
                        {
                            "heading": "Abschnitt",
                            "text": contentstate(
                                'Klick <script>alert(1)</script><img src=x onerror="alert(1)">',
                                JS_URL,
                            ),
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("metropolregion", "standardpage", home_page.pk))
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page = Page.objects.get(slug="angriff").specific
    source = page.body[0].value["text"].source
    assert "javascript" not in source
    assert injection_problems(source) == []
    html = assert_clean(client.get(page.url))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not run


# --- public forms ----------------------------------------------------------------------------


def test_search_query_and_filters_are_escaped(client, home_page):
    for params in [
        {"q": ATTACK},
        {"q": ATTACK, "typ": ATTACK},
        {"q": "x", "typ": ATTACK, "page": ATTACK},
    ]:
        html = assert_clean(client.get("/suche/", params))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_list_filters_are_escaped(client, site_pages):
    fill_with_attacks(site_pages)
    for page in site_pages:
        page = page.specific
        if not page.__class__.__name__.endswith("IndexPage"):
            continue
        for key in ["thema", "gruppe", "format", "veranstalter", "status", "art", "tag", "page"]:
            assert_clean(client.get(page.url, {key: ATTACK}))


def test_registration_form_redisplays_attack_values_escaped(client, site_pages, settings):
    settings.REGISTRATION_RATE_LIMIT = 10**6
    event = next(p.specific for p in site_pages if p.specific.__class__.__name__ == "EventPage")
    response = client.post(
        event.url + "anmeldung/",
        {
            "name": ATTACK,
            "email": ATTACK,  # invalid: the form comes back with the values
            "organisation": ATTACK,
            "notes": ATTACK,
        },
    )
    html = assert_clean(response)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_login_and_password_reset_escape_what_was_typed(client, home_page):
    html = assert_clean(client.post("/konto/anmelden/", {"username": ATTACK, "password": "x"}))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_clean(client.post("/konto/passwort-vergessen/", {"email": ATTACK}))
    response = client.get("/konto/anmelden/", {"next": JS_URL})
    assert_clean(response)
    response = client.post(
        "/konto/anmelden/", {"username": "x", "password": "y", "next": "//evil.example.org/"}
    )
    assert_clean(response)


def test_wagtail_form_pages_redisplay_attack_values_escaped(client, site_pages):
    for page in site_pages:
        page = page.specific
        if not isinstance(page, FormMixin):
            continue
        form = client.get(page.url).context["form"]
        data = {name: ATTACK for name in form.fields}
        first_required = next(name for name, field in form.fields.items() if field.required)
        data[first_required] = ""  # one required field empty: the form comes back
        assert_clean(client.post(page.url, data))

"""The core of the demo site (demo/data/core.yaml): locales, the home page and its own
blocks, the standard pages, site settings, menus and the demo logins.

Every step looks its objects up by a stable key (slug, title, username) before creating
them, so running it again updates the site instead of duplicating it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from metropolregion import roles
from metropolregion.models import HomePage, NavigationSettings, SiteSettings
from tests.factories import HomePageFactory, StandardPageFactory
from tests.factories.pages import FeedbackFormPageFactory

from . import data, drawings
from .building import block, ensure_image, link, raw_blocks, sections, stream, upsert

TEXTS = data.load("core")
# One login per role: username, password, role (a group, or "superuser"), e-mail and name.
DEMO_USERS = TEXTS["users"]
# Alt texts of the drawn pictures of events and news, by theme.
PICTURE_ALT = TEXTS["picture_alt"]


def ensure_locales():
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)


def ensure_home(stdout):
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        texts = TEXTS["home"]
        home = HomePageFactory(
            parent=root, title=texts["title"], slug=texts["slug"], seo_title="", body="[]"
        )
        stdout.write("  Startseite angelegt")
    if site is None:
        site = Site(is_default_site=True, root_page=home)
    # Canonical and Open Graph URLs use the site's address: the one `make run` serves.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = TEXTS["site"]["short_name"]
    site.save()
    # Wagtail's installation creates a placeholder "Welcome" page; it has no place here.
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    return home, site


def build_pages(home):
    """The standard pages by slug; the accessibility statement carries the feedback form."""
    pages = {}
    for item in TEXTS["standard_pages"]:
        slug = item["slug"]
        fields = {
            "title": item["title"],
            "intro": item["intro"],
            "body": sections(item["sections"]),
        }
        if slug == TEXTS["feedback_page"]:
            pages[slug] = upsert(
                home, FeedbackFormPageFactory, slug, **fields, **TEXTS["feedback_form"]
            )
        else:
            pages[slug] = upsert(home, StandardPageFactory, slug, **fields)
    return pages


def home_blocks(pages, hero_image, card_images):
    """The home page's own blocks: hero, focus cards, the region, call to action, social."""
    texts = TEXTS["home"]
    hero, featured, cta = texts["hero"], texts["featured"], texts["call_to_action"]
    cards = [
        block(
            "item",
            {
                "image": image.pk,
                "title": card["title"],
                "text": card["text"],
                "link": link(pages[card["link"]]),
            },
            card["title"],
        )
        for card, image in zip(featured["cards"], card_images, strict=True)
    ]
    return raw_blocks(
        [
            (
                "hero",
                {
                    "tagline": hero["tagline"],
                    "text": hero["text"],
                    "image_alt": hero["image_alt"],
                    "image": hero_image.pk,
                    "link": link(pages[hero["link"]["page"]], label=hero["link"]["label"]),
                },
            ),
            (
                "featured",
                {"heading": featured["heading"], "intro": featured["intro"], "items": cards},
            ),
            ("section", texts["section"]),
            (
                "call_to_action",
                {
                    "heading": cta["heading"],
                    "text": cta["text"],
                    "link": link(pages[cta["link"]], label=cta["label"]),
                },
            ),
            ("social", texts["social"]),
        ]
    )


def build_settings(site, pages):
    site_settings = SiteSettings.for_site(site)
    for name, value in TEXTS["site"].items():
        setattr(site_settings, name, value)
    site_settings.social_accounts = stream(
        [("account", {**account, "label": ""}) for account in TEXTS["social_accounts"]]
    )
    site_settings.partners_heading = TEXTS["partners_heading"]
    site_settings.partners_heading_en = TEXTS["partners_heading_en"]
    site_settings.partners = stream(
        [
            (
                "partner",
                {
                    "name": partner["name"],
                    "url": partner["url"],
                    "logo": ensure_image(
                        f"Partner {partner['name']}",
                        lambda p=partner: drawings.partner_mark(p["name"], tuple(p["colours"])),
                        description=partner["name"],
                    ).pk,
                },
            )
            for partner in TEXTS["partners"]
        ]
    )
    site_settings.save()
    navigation = NavigationSettings.for_site(site)
    navigation.main_menu = stream([("link", link(pages[slug])) for slug in TEXTS["main_menu"]])
    navigation.footer_menu = stream([("link", link(pages[slug])) for slug in TEXTS["footer_menu"]])
    navigation.save()


def ensure_users(stdout):
    """One login per role (metropolregion.roles), with the groups' permissions as they are
    in production; the passwords are public, so only in DEBUG (see the command)."""
    User = get_user_model()
    groups = roles.sync_roles()
    for item in DEMO_USERS:
        user, _ = User.objects.get_or_create(
            username=item["username"], defaults={"email": item["email"]}
        )
        user.email = item["email"]
        user.first_name, user.last_name = item["first_name"], item["last_name"]
        user.set_password(item["password"])
        user.is_superuser = user.is_staff = item["role"] == "superuser"
        user.save()
        user.groups.set([] if item["role"] == "superuser" else [groups[item["role"]]])
    stdout.write("• Demo-Zugänge angelegt (eine Anmeldung je Rolle)")


def create(stdout, with_users=False):
    """Build the core; returns the home page (its title and description set, not saved)
    and its own blocks, for demo/home.py to compose with the apps' blocks."""
    ensure_locales()
    stdout.write("• Sprachen: de, en")
    texts = TEXTS["home"]
    picture = texts["hero"]["picture"]
    hero_image = ensure_image(
        picture["title"],
        lambda: drawings.picture(picture["theme"], picture["seed"], picture["palette"]),
    )
    card_images = [
        ensure_image(
            f"Schwerpunkt {card['title']}",
            lambda n=n, card=card: drawings.picture(
                card["theme"], 100 + n, card["palette"], (1200, 720)
            ),
        )
        for n, card in enumerate(texts["featured"]["cards"])
    ]
    stdout.write(f"• Bilder: {1 + len(card_images)} gezeichnet oder gefunden")

    home, site = ensure_home(stdout)
    pages = build_pages(home)
    stdout.write(f"• Inhaltsseiten: {len(pages)}")
    blocks = home_blocks(pages, hero_image, card_images)
    home.title = texts["title"]
    home.search_description = texts["hero"]["text"]
    stdout.write("• Startseite mit Blöcken gefüllt")

    build_settings(site, pages)
    stdout.write("• Website-Einstellungen und Navigation")
    if with_users:
        ensure_users(stdout)
    return home, blocks

"""Build the core of the demo site: locales, home page, standard pages, settings, users.

Every step looks its objects up by a stable key (slug, title, username) before creating
them, so running it again updates the site instead of duplicating it.
"""

import json
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from metropolregion import roles
from metropolregion.models import (
    FeedbackFormPage,
    HomePage,
    NavigationSettings,
    SiteSettings,
    StandardPage,
)

from . import images as drawings
from . import texts

HOME_SLUG = "startseite"

DEMO_USERS = [
    # username, password, role (group, or "superuser"), e-mail, first name, last name
    ("admin", "admin-demo-2025", "superuser", "admin@example.org", "Ada", "Technik"),
    (
        "administration",
        "administration-demo-2025",
        roles.ADMINISTRATION,
        "administration@example.org",
        "Alex",
        "Verwaltung",
    ),
    (
        "redaktion",
        "redaktion-demo-2025",
        roles.REDAKTION,
        "redaktion@example.org",
        "Rita",
        "Redaktion",
    ),
    ("freigabe", "freigabe-demo-2025", roles.FREIGABE, "freigabe@example.org", "Frank", "Freigabe"),
    (
        "anmeldungen",
        "anmeldungen-demo-2025",
        roles.ANMELDUNGEN,
        "anmeldungen@example.org",
        "Anna",
        "Anmeldung",
    ),
    (
        "mitgliederverwaltung",
        "mitgliederverwaltung-demo-2025",
        roles.MITGLIEDERVERWALTUNG,
        "mitgliederverwaltung@example.org",
        "Max",
        "Mitgliederservice",
    ),
    (
        "mitglied",
        "mitglied-demo-2025",
        roles.MITGLIEDER,
        "mitglied@example.org",
        "Maria",
        "Beispiel",
    ),
]


def _stream(blocks):
    """Raw StreamField JSON with stable ids, from (type, value) pairs."""
    return json.dumps(
        [
            {
                "type": block_type,
                "value": value,
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{block_type}-{i}")),
            }
            for i, (block_type, value) in enumerate(blocks)
        ]
    )


def _link(page=None, url=None, label=""):
    return {"page": page.pk if page else None, "url": url or "", "label": label}


def publish(page):
    page.save_revision().publish()
    return page


def upsert_child(parent, model, slug, **fields):
    """Create or update the child page `slug` of `parent` and publish it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None and existing.specific_class is not model:
        existing.delete()  # the demo changed the page's type (e.g. to a form page)
        existing = None
    if existing is not None:
        page = existing.specific
        for name, value in fields.items():
            setattr(page, name, value)
        page.save()
    else:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    return publish(page)


def ensure_locales():
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name="Demo-Inhalte").first()
    return existing or root.add_child(name="Demo-Inhalte")


def ensure_image(
    title, data_factory, collection, credit="Metropolregion Mitteldeutschland", licence=None
):
    """Find the image by title or draw it; either way credited to `credit` (an invented
    photographer, or the association for its own drawings and logos) and, if given, under
    `licence` (default: all rights reserved)."""
    Image = get_image_model()
    image = Image.objects.filter(title=title, collection=collection).first()
    if image is None:
        filename = title.lower().replace(" ", "-") + ".png"
        image = Image(title=title, collection=collection, credit=credit)
        if licence:
            image.licence = licence
        image.file = ImageFile(_bytes_file(data_factory()), name=filename)
        image.save()
        return image
    wanted = {"credit": credit, "licence": licence or image.licence}
    changed = [name for name, value in wanted.items() if getattr(image, name) != value]
    for name in changed:
        setattr(image, name, wanted[name])
    if changed:
        image.save(update_fields=changed)
    return image


def _bytes_file(data):
    import io

    return io.BytesIO(data)


def ensure_home(stdout):
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        home = HomePage(title="Startseite", slug=HOME_SLUG, seo_title="")
        root.add_child(instance=home)
        stdout.write("  Startseite angelegt")
    if site is None:
        site = Site(is_default_site=True, root_page=home)
    # Canonical and Open Graph URLs use the site's address: the one `make run` serves.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = texts.SITE["short_name"]
    site.save()
    # Wagtail's installation creates a placeholder "Welcome" page; it has no place here.
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    return home, site


def build_core(stdout, with_users=False):
    with transaction.atomic():
        ensure_locales()
        stdout.write("• Sprachen: de, en")
        collection = demo_collection()
        hero_image = ensure_image(
            "Landschaft Mitteldeutschland", lambda: drawings.landscape(2025, "blue"), collection
        )
        card_images = [
            ensure_image(
                f"Schwerpunkt {title}",
                lambda p=palette, i=i: drawings.landscape(100 + i, p, (1200, 720)),
                collection,
            )
            for i, (title, _text, palette) in enumerate(texts.FOCUS_CARDS)
        ]
        stdout.write(f"• Bilder: {1 + len(card_images)} gezeichnet oder gefunden")

        home, site = ensure_home(stdout)
        pages = {}
        for slug, (title, intro, sections) in texts.STANDARD_PAGES.items():
            body = _stream([("section", {"heading": h, "text": t}) for h, t in sections])
            if slug == texts.FEEDBACK_PAGE:
                pages[slug] = upsert_child(
                    home,
                    FeedbackFormPage,
                    slug,
                    title=title,
                    intro=intro,
                    body=body,
                    **texts.FEEDBACK_FORM,
                )
            else:
                pages[slug] = upsert_child(
                    home, StandardPage, slug, title=title, intro=intro, body=body
                )
        stdout.write(f"• Inhaltsseiten: {len(pages)}")

        about, contact = pages["ueber-uns"], pages["kontakt"]
        card_targets = [about, about, about, about]
        home.body = _stream(
            [
                (
                    "hero",
                    {
                        **texts.HERO,
                        "image": hero_image.pk,
                        "link": _link(about, label="Mehr über die Metropolregion"),
                    },
                ),
                (
                    "featured",
                    {
                        "heading": "Wofür wir uns einsetzen",
                        "intro": "Vier Schwerpunkte verbinden die Arbeit unserer Mitglieder.",
                        "items": [
                            {
                                "type": "item",
                                "value": {
                                    "image": image.pk,
                                    "title": title,
                                    "text": text,
                                    "link": _link(target),
                                },
                                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, title)),
                            }
                            for (title, text, _p), image, target in zip(
                                texts.FOCUS_CARDS, card_images, card_targets, strict=True
                            )
                        ],
                    },
                ),
                ("section", {"heading": "Drei Länder, eine Region", "text": texts.REGION_SECTION}),
                (
                    "call_to_action",
                    {
                        "heading": texts.CTA["heading"],
                        "text": texts.CTA["text"],
                        "link": _link(contact, label=texts.CTA["label"]),
                    },
                ),
                ("social", texts.SOCIAL),
            ]
        )
        home.title = "Startseite"
        home.search_description = texts.HERO["text"]
        home.save()
        publish(home)
        stdout.write("• Startseite mit Blöcken gefüllt")

        site_settings = SiteSettings.for_site(site)
        for name, value in texts.SITE.items():
            setattr(site_settings, name, value)
        site_settings.social_accounts = _stream(
            [
                ("account", {"platform": platform, "url": url, "label": ""})
                for platform, url in texts.SOCIAL_ACCOUNTS
            ]
        )
        site_settings.save()
        navigation = NavigationSettings.for_site(site)
        navigation.main_menu = _stream([("link", _link(pages[slug])) for slug in texts.MAIN_MENU])
        navigation.footer_menu = _stream(
            [("link", _link(pages[slug])) for slug in texts.FOOTER_MENU]
        )
        navigation.save()
        stdout.write("• Website-Einstellungen und Navigation")

        if with_users:
            ensure_users(stdout)
    return home


def ensure_users(stdout):
    """One login per role (metropolregion.roles), with the groups' permissions as they are
    in production; the passwords are public, so only in DEBUG (see the command)."""
    User = get_user_model()
    groups = roles.sync_roles()
    for username, password, role, email, first_name, last_name in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
        user.email = email
        user.first_name, user.last_name = first_name, last_name
        user.set_password(password)
        user.is_superuser = user.is_staff = role == "superuser"
        user.save()
        user.groups.set([] if role == "superuser" else [groups[role]])
    stdout.write("• Demo-Zugänge angelegt (eine Anmeldung je Rolle)")


def link_in_main_menu(home, links):
    """Add (page, label) links to the main menu of the site rooted at `home`, before the
    "Kontakt" link (or at the end); pages already in the menu are left alone. Returns the
    pages added (an empty label shows the page's title)."""
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        return []
    navigation = NavigationSettings.for_site(site)
    raw = list(navigation.main_menu.raw_data)
    linked = {item["value"].get("page") for item in raw if item["type"] == "link"}
    missing = [(page, label) for page, label in links if page.pk not in linked]
    if not missing:
        return []
    contact_ids = set(home.get_children().filter(slug="kontakt").values_list("pk", flat=True))
    position = next(
        (
            n
            for n, item in enumerate(raw)
            if item["type"] == "link" and item["value"].get("page") in contact_ids
        ),
        len(raw),
    )
    for offset, (page, label) in enumerate(missing):
        raw.insert(
            position + offset,
            {
                "type": "link",
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"menu-{page.slug}")),
                "value": {"page": page.pk, "url": "", "label": label},
            },
        )
    navigation.main_menu = json.dumps(raw)
    navigation.save()
    return [page for page, _label in missing]

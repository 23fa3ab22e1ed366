"""Demo content of the members: invented example organisations of every type with drawn
logos, the page "Mitglieder" with the directory (linked from the footer), and the demo
login "mitglied" linked to one organisation. Runs again without duplicating anything:
organisations are looked up by name, logos by title, the page by its slug.

None of these organisations exists; the names say "Beispiel" or "Muster" on purpose.
"""

import json
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Site

from metropolregion.demo.core import _stream, demo_collection, ensure_image, upsert_child
from metropolregion.demo.images import logo
from metropolregion.models import NavigationSettings, StandardPage

from .models import MemberOrganisation, MemberProfile, OrganisationType

T = OrganisationType

# (name, type, website, palette, shown in the directory)
ORGANISATIONS = [
    ("Beispiel Chemie AG", T.COMPANY, "https://chemie.example.org/", "teal", True),
    ("Muster Logistik GmbH", T.COMPANY, "https://logistik.example.org/", "blue", True),
    ("Stadt Musterstadt (Beispiel)", T.MUNICIPALITY, "https://musterstadt.example.org/",
     "green", True),
    ("Landkreis Beispielland", T.MUNICIPALITY, "https://beispielland.example.org/", "slate",
     True),
    ("Industrie- und Handelskammer Beispielstadt", T.CHAMBER, "https://ihk.example.org/",
     "gold", True),
    ("Handwerkskammer Musterregion", T.CHAMBER, "https://hwk.example.org/", "rose", True),
    ("Hochschule Beispielstadt", T.UNIVERSITY, "https://hs-beispielstadt.example.org/", "blue",
     True),
    ("Universität Musterstadt (Beispiel)", T.UNIVERSITY, "https://uni.example.org/", "teal",
     True),
    ("Beispiel-Institut für Wasserstoffforschung", T.RESEARCH, "https://h2.example.org/",
     "green", True),
    ("Musterverband der Energiewirtschaft", T.ASSOCIATION, "https://verband.example.org/",
     "slate", False),
]  # fmt: skip

MEMBER_ORGANISATION = "Beispiel Chemie AG"
PAGE_SLUG = "mitglieder"


def build_organisations(stdout):
    collection = demo_collection()
    organisations = {}
    for name, kind, website, palette, public in ORGANISATIONS:
        image = ensure_image(
            f"Logo {name}", lambda n=name, p=palette: logo(n, p, (320, 320)), collection
        )
        organisation, _created = MemberOrganisation.objects.update_or_create(
            name=name,
            defaults={
                "type": kind,
                "website": website,
                "logo": image,
                "active": True,
                "public": public,
            },
        )
        organisations[name] = organisation
    stdout.write(f"• Mitglieder: {len(organisations)} Beispielorganisationen mit Logos")
    return organisations


def link_demo_member(stdout, organisations):
    """Link the demo login "mitglied" (if it exists) to an example organisation."""
    user = get_user_model().objects.filter(username="mitglied").first()
    if user is None:
        return
    MemberProfile.objects.update_or_create(
        user=user, defaults={"organisation": organisations[MEMBER_ORGANISATION]}
    )
    stdout.write(f"• Demo-Zugang „mitglied“ gehört zu „{MEMBER_ORGANISATION}“")


def build_page(stdout, home):
    body = _stream(
        [
            (
                "members",
                {
                    "heading": "Unsere Mitglieder",
                    "intro": "Rund achtzig Unternehmen, Städte und Landkreise, Kammern, "
                    "Hochschulen, Forschungseinrichtungen und Verbände tragen die "
                    "Metropolregion. Eine Auswahl stellt sich hier vor.",
                },
            )
        ]
    )
    page = upsert_child(
        home,
        StandardPage,
        PAGE_SLUG,
        title="Mitglieder",
        intro="Wer in der Metropolregion Mitteldeutschland zusammenarbeitet.",
        body=body,
    )
    stdout.write("• Seite „Mitglieder“ mit Mitgliederverzeichnis")
    return page


def link_in_footer(home, page, before="kontakt"):
    """Add a link to `page` to the footer menu of the site rooted at `home`, before the
    link to the child page `before` (or at the end); nothing if it is linked already.
    True if the link was added."""
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        return False
    navigation = NavigationSettings.for_site(site)
    raw = list(navigation.footer_menu.raw_data)
    if any(item["type"] == "link" and item["value"].get("page") == page.pk for item in raw):
        return False
    before_ids = set(home.get_children().filter(slug=before).values_list("pk", flat=True))
    position = next(
        (
            n
            for n, item in enumerate(raw)
            if item["type"] == "link" and item["value"].get("page") in before_ids
        ),
        len(raw),
    )
    raw.insert(
        position,
        {
            "type": "link",
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"footer-{page.slug}")),
            "value": {"page": page.pk, "url": "", "label": ""},
        },
    )
    navigation.footer_menu = json.dumps(raw)
    navigation.save()
    return True


def build(stdout, home):
    with transaction.atomic():
        organisations = build_organisations(stdout)
        link_demo_member(stdout, organisations)
        page = build_page(stdout, home)
        if link_in_footer(home, page):
            stdout.write("• Fußnavigation: Mitglieder verlinkt")

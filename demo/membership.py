"""Demo content of the members (demo/data/members.yaml): invented example organisations of
every type with drawn logos, the page "Mitglieder" with the directory (linked from the
footer), and the demo login "mitglied" linked to one organisation. Runs again without
duplicating anything: organisations are looked up by name, logos by title, the page by
its slug."""

from django.contrib.auth import get_user_model

from metropolregion.membership.models import MemberProfile, OrganisationType
from tests.factories import StandardPageFactory
from tests.factories.membership import MemberOrganisationFactory

from . import data, drawings, home
from .building import ensure_image, link_in_menu, stream, upsert, upsert_object

TEXTS = data.load("members")


def build_organisations(stdout):
    organisations = {}
    for item in TEXTS["organisations"]:
        name = item["name"]
        logo = ensure_image(
            f"Logo {name}", lambda n=name, p=item["palette"]: drawings.logo(n, p, (320, 320))
        )
        organisations[name] = upsert_object(
            MemberOrganisationFactory,
            {"name": name},
            type=OrganisationType(item["type"]),
            website=item["website"],
            logo=logo,
            active=True,
            public=item["public"],
        )
    stdout.write(f"• Mitglieder: {len(organisations)} Beispielorganisationen mit Logos")
    return organisations


def link_demo_member(stdout, organisations):
    """Link the demo login "mitglied" (if it exists) to an example organisation."""
    user = get_user_model().objects.filter(username="mitglied").first()
    if user is None:
        return
    name = TEXTS["member_organisation"]
    MemberProfile.objects.update_or_create(
        user=user, defaults={"organisation": organisations[name]}
    )
    stdout.write(f"• Demo-Zugang „mitglied“ gehört zu „{name}“")


def build_page(stdout, home_page):
    texts = TEXTS["page"]
    directory = {"heading": texts["heading"], "intro": texts["directory_intro"]}
    page = upsert(
        home_page,
        StandardPageFactory,
        texts["slug"],
        title=texts["title"],
        intro=texts["intro"],
        body=stream([("members", directory)]),
    )
    stdout.write("• Seite „Mitglieder“ mit Mitgliederverzeichnis")
    return page


def create(stdout, home_page):
    """Create or update the organisations, the directory page and its footer link; no
    home-page blocks."""
    organisations = build_organisations(stdout)
    link_demo_member(stdout, organisations)
    page = build_page(stdout, home_page)
    if link_in_menu(home_page, "footer_menu", [(page, "")], "footer"):
        stdout.write("• Fußnavigation: Mitglieder verlinkt")
    return page, []


def build(stdout, home_page):
    """Create or update the example members and the page "Mitglieder"."""
    return home.build_alone(create, stdout, home_page)

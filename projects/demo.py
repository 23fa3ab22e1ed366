"""Demo content of the projects app: the fourteen projects of the association's homepage
with topics, generated logos and example contacts, six working groups, and the home-page
blocks that show them.

Facts (names, what a project does) come from the association's homepage; every sentence
is written anew. All persons are invented examples with example.org addresses. Statuses,
partners and working-group assignments are demo data, not facts. Runs again without
duplicating anything: pages are looked up by slug, images by title.
"""

import json
import random
import uuid

from django.db import transaction

from metropolregion.demo import images as drawings
from metropolregion.demo.core import demo_collection, ensure_image, link_in_main_menu, publish

from .models import (
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
    WorkingGroupContact,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)

SEED = 2025
PROJECTS_SLUG = "projekte"
GROUPS_SLUG = "arbeitsgruppen"

LAUFEND, ABGESCHLOSSEN = ProjectStatus.ONGOING, ProjectStatus.COMPLETED

# slug -> (title, purpose, [(name, role, organisation, email, phone)])
WORKING_GROUPS = {
    "wasserstoff-und-energie": (
        "Wasserstoff und Energie",
        "Die Gruppe bringt Energieversorger, Industrie und Forschung zusammen, damit grüner "
        "Wasserstoff und erneuerbare Energie in der Region schneller ankommen.",
        [
            ("Dr. Katrin Beispiel", "Vorsitz", "Beispiel Energie AG", "k.beispiel@example.org"),
            ("Jonas Muster", "Ansprechpartner", "Geschäftsstelle", "j.muster@example.org"),
        ],
    ),
    "strukturwandel-im-revier": (
        "Strukturwandel im Revier",
        "Hier stimmen Kommunen, Kammern und Unternehmen ab, wie das Mitteldeutsche Revier nach "
        "der Braunkohle neue Arbeit und neue Ideen gewinnt.",
        [
            ("Sabine Exempel", "Vorsitz", "Landkreis Musterland", "s.exempel@example.org"),
            ("Timo Platzhalter", "Ansprechpartner", "Geschäftsstelle", "t.platzhalter@example.org"),
        ],
    ),
    "fachkraefte-und-bildung": (
        "Fachkräfte und Bildung",
        "Die Gruppe sucht Wege, junge Menschen für Berufe in der Region zu gewinnen und "
        "Fachkräfte aus dem In- und Ausland zu halten.",
        [
            ("Prof. Dr. Eva Probe", "Vorsitz", "Hochschule Musterstadt", "e.probe@example.org"),
            ("Lena Vorlage", "Ansprechpartnerin", "Geschäftsstelle", "l.vorlage@example.org"),
        ],
    ),
    "mobilitaet-und-logistik": (
        "Mobilität und Logistik",
        "Verkehrsplanung über Landesgrenzen hinweg: Pendelwege, Radverkehr und Logistik im "
        "Zentrum Deutschlands.",
        [
            ("Martin Modell", "Vorsitz", "Musterstadt Verkehrsbetriebe", "m.modell@example.org"),
            ("Julia Entwurf", "Ansprechpartnerin", "Geschäftsstelle", "j.entwurf@example.org"),
        ],
    ),
    "wissenschaft-und-innovation": (
        "Wissenschaft und Innovation",
        "Hochschulen, Institute und Gründungsnetzwerke tauschen sich aus, damit Forschung "
        "häufiger zu Produkten und Unternehmen wird.",
        [
            ("Prof. Dr. Paul Skizze", "Vorsitz", "Institut Beispielstadt", "p.skizze@example.org"),
            ("Mira Muster", "Ansprechpartnerin", "Geschäftsstelle", "m.muster@example.org"),
        ],
    ),
    "standortmarketing-und-internationalisierung": (
        "Standortmarketing und Internationalisierung",
        "Die Gruppe plant gemeinsame Auftritte auf Messen und zeigt Investorinnen und "
        "Investoren, was Mitteldeutschland als Standort bietet.",
        [
            ("Andreas Beispielmann", "Vorsitz", "Beispiel Immobilien GmbH", "a.bm@example.org"),
            ("Nora Vorbild", "Ansprechpartnerin", "Geschäftsstelle", "n.vorbild@example.org"),
        ],
    ),
}

# The projects in the order of the association's homepage:
# (slug, title, logo text, palette, status, topics, group slug, teaser, details, partners)
PROJECTS = [
    (
        "unternehmen-revier",
        "Unternehmen Revier",
        "Unternehmen Revier",
        "gold",
        LAUFEND,
        ["Strukturwandel", "Innovation"],
        "strukturwandel-im-revier",
        "Ein Förderprogramm für Vorhaben, die den wirtschaftlichen Strukturwandel im "
        "Mitteldeutschen Revier konkret voranbringen und bundesweit als Vorbild taugen.",
        "Gefördert werden Projekte mit einem klaren Bezug zum Revier. Entscheidend ist, dass "
        "andere Regionen aus ihnen lernen können.",
        [("Kommunen und Landkreise des Mitteldeutschen Reviers", "")],
    ),
    (
        "ccus-initiative-ostdeutschland",
        "CCUS-Initiative Ostdeutschland",
        "CCUS Initiative",
        "slate",
        LAUFEND,
        ["Klimaschutz", "Innovation"],
        "wasserstoff-und-energie",
        "Ein Netzwerk, das eine Infrastruktur aufbauen will, mit der sich Kohlendioxid "
        "abscheiden, weiter nutzen und speichern lässt.",
        "CCUS steht für Carbon Capture, Utilisation and Storage. Das Netzwerk verbindet "
        "Unternehmen und Forschung in Ostdeutschland, die an diesen Verfahren arbeiten.",
        [("Unternehmen der Grundstoffindustrie (Beispiel)", "")],
    ),
    (
        "ideenwettbewerb-revierpionier",
        "Ideenwettbewerb REVIERPIONIER",
        "Revier Pionier",
        "green",
        LAUFEND,
        ["Strukturwandel", "Klimaschutz"],
        "strukturwandel-im-revier",
        "Jedes Jahr stehen 1 Million Euro Preisgeld für lokale Projekte bereit – zu "
        "Engagement, Kindern und Jugend, Nachhaltigkeit und Klimaschutz.",
        "Vereine, Initiativen und engagierte Menschen reichen ihre Ideen ein. Die besten "
        "erhalten ein Preisgeld, mit dem sie ihr Vorhaben vor Ort umsetzen.",
        [("Vereine und Initiativen aus dem Revier", "")],
    ),
    (
        "business-angels-mitteldeutschland",
        "Business Angels Mitteldeutschland (BAM!) e.V.",
        "Business Angels Mitteldeutschland",
        "rose",
        LAUFEND,
        ["Startups", "Innovation"],
        "wissenschaft-und-innovation",
        "Eine Plattform über Ländergrenzen hinweg, die private Kapital- und Wissensgeber mit "
        "Startups und Technologieprojekten zusammenbringt.",
        "Viele der vorgestellten Vorhaben stammen aus dem Umfeld des IQ Innovationspreises "
        "Mitteldeutschland.",
        [("IQ Innovationspreis Mitteldeutschland", "")],
    ),
    (
        "wasserstoffregion-mitteldeutschland",
        "Wasserstoffregion Mitteldeutschland",
        "Wasserstoff Region",
        "teal",
        LAUFEND,
        ["Wasserstoff", "Strukturwandel"],
        "wasserstoff-und-energie",
        "Grüner Wasserstoff gilt als Schlüssel, um Energieversorgung und Wirtschaft in Europa "
        "vollständig zu dekarbonisieren – die Region bündelt dafür ihre Kräfte.",
        "Gemeinsam mit dem HYPOS e. V. richtet die Metropolregion den Mitteldeutschen "
        "Wasserstoffkongress aus, auf dem sich die Akteure der Region vernetzen.",
        [("HYPOS e. V.", "")],
    ),
    (
        "gemeinschaftsstand-expo-real",
        "Mitteldeutscher Gemeinschaftsstand EXPO REAL",
        "Expo Real",
        "blue",
        LAUFEND,
        ["Immobilien", "Standortmarketing"],
        "standortmarketing-und-internationalisierung",
        "Seit 2014 organisiert die Metropolregion den gemeinsamen Auftritt Mitteldeutschlands "
        "auf der Immobilienmesse EXPO REAL.",
        "Städte, Landkreise und Unternehmen stellen sich dort unter einem Dach vor und "
        "zeigen Flächen und Projekte der Region.",
        [("Wirtschaftsförderungen der Region", "")],
    ),
    (
        "mitteldeutschland-monitor",
        "Mitteldeutschland-Monitor",
        "Mitteldeutschland Monitor",
        "slate",
        ABGESCHLOSSEN,
        ["Strukturwandel"],
        "strukturwandel-im-revier",
        "Eine repräsentative Befragung im Internet: Wie blicken die Menschen auf den "
        "Strukturwandel im Mitteldeutschen Revier?",
        "Die Ergebnisse zeigen, welche Erwartungen und Sorgen mit dem Wandel verbunden sind.",
        [],
    ),
    (
        "radschnellweg-halle-leipzig",
        "Radschnellweg Halle–Leipzig",
        "Radschnellweg",
        "green",
        LAUFEND,
        ["Mobilität"],
        "mobilitaet-und-logistik",
        "Ein neues, umweltfreundliches Angebot für alle, die zwischen Halle (Saale) und "
        "Leipzig pendeln – mit dem Fahrrad.",
        "Die Verbindung soll das Pendeln zwischen beiden Städten schneller und sicherer machen.",
        [("Stadt Halle (Saale)", ""), ("Stadt Leipzig", "")],
    ),
    (
        "transformationsregion-mitteldeutschland",
        "Transformationsregion Mitteldeutschland",
        "Transformations Region",
        "blue",
        ABGESCHLOSSEN,
        ["Strukturwandel", "Wasserstoff", "Solarwirtschaft", "Bioökonomie", "Fachkräfte"],
        "fachkraefte-und-bildung",
        "Projekte über Landesgrenzen hinweg zu Strukturwandel, grünem Wasserstoff, "
        "Solarwirtschaft, Bioökonomie und Fachkräften.",
        "Die Themen hängen zusammen: Neue Industrien brauchen Energie, Rohstoffe und "
        "Menschen, die sie voranbringen.",
        [],
    ),
    (
        "spot-on",
        "SOLAR POWER TRANSFORMATION CLUSTER „SPOT ON“ e.V.",
        "Spot On",
        "gold",
        LAUFEND,
        ["Solarwirtschaft"],
        "wasserstoff-und-energie",
        "Ein Cluster über Landesgrenzen hinweg, das Ostdeutschland als Standort der "
        "Solarwirtschaft stärken will.",
        "Unternehmen und Forschung entlang der Wertschöpfungskette arbeiten darin zusammen.",
        [("Unternehmen der Solarbranche (Beispiel)", "")],
    ),
    (
        "biooekonomieregion-mitteldeutschland",
        "Bioökonomieregion Mitteldeutschland",
        "Bioökonomie Mitteldeutschland",
        "green",
        LAUFEND,
        ["Bioökonomie", "Strukturwandel"],
        "wissenschaft-und-innovation",
        "Bioökonomie trägt zum Strukturwandel bei und hilft, nachhaltige und klimaneutrale "
        "Wertschöpfungsketten in der Region aufzubauen.",
        "Nachwachsende Rohstoffe und biologisches Wissen ersetzen dabei fossile Ressourcen.",
        [("Forschungseinrichtungen der Region", "")],
    ),
    (
        "startup-mitteldeutschland",
        "Startup Mitteldeutschland",
        "Startup Mitteldeutschland",
        "rose",
        LAUFEND,
        ["Startups"],
        "wissenschaft-und-innovation",
        "Das Online-Magazin berichtet aus der Gründerszene im Herzen Deutschlands und bringt "
        "Startups miteinander ins Gespräch.",
        "Es stellt junge Unternehmen vor und macht Angebote für Gründerinnen und Gründer sichtbar.",
        [],
    ),
    (
        "immosis",
        "ImmoSIS (Gewerbeimmobiliendatenbank)",
        "Immo SIS",
        "teal",
        LAUFEND,
        ["Immobilien", "Standortmarketing"],
        "standortmarketing-und-internationalisierung",
        "Eine Datenbank für Gewerbeimmobilien, die die Leipziger Wirtschaftsförderung im "
        "Zuge der Ansiedlung von DHL ins Leben gerufen hat.",
        "Wer Flächen oder Hallen für ein Unternehmen sucht, findet hier Angebote aus der Region.",
        [("Leipziger Wirtschaftsförderung", "")],
    ),
    (
        "iq-innovationspreis-mitteldeutschland",
        "IQ Innovationspreis Mitteldeutschland",
        "IQ Innovationspreis",
        "blue",
        LAUFEND,
        ["Innovation", "Startups"],
        "wissenschaft-und-innovation",
        "Ein Wettbewerb der Cluster, der innovative Produkte, Verfahren und Dienstleistungen "
        "aus der Region auszeichnet.",
        "Die Preisträgerinnen und Preisträger werden in mehreren Clustern gekürt.",
        [("Business Angels Mitteldeutschland (BAM!) e.V.", "")],
    ),
]

FIRST_NAMES = ["Anna", "Ben", "Clara", "David", "Elif", "Frank", "Greta", "Hannes", "Ida"]
LAST_NAMES = ["Muster", "Beispiel", "Exempel", "Probe", "Vorlage", "Modell", "Skizze"]
ROLES = ["Projektleitung", "Projektkoordination", "Netzwerkmanagement"]


def _stream(blocks, namespace):
    return json.dumps(
        [
            {
                "type": block_type,
                "value": value,
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{namespace}-{block_type}-{i}")),
            }
            for i, (block_type, value) in enumerate(blocks)
        ]
    )


def _upsert(parent, model, slug, **fields):
    """The child `slug` of `parent`, created or updated with `fields`, not yet published."""
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        return page
    for name, value in fields.items():
        setattr(page, name, value)
    return page


def build_working_groups(stdout, home):
    index = _upsert(
        home,
        WorkingGroupIndexPage,
        GROUPS_SLUG,
        title="Arbeits- und Projektgruppen",
        intro="In den Arbeits- und Projektgruppen bearbeiten Fachleute aus den "
        "Mitgliedsorganisationen gemeinsame Themen und stoßen neue Projekte an.",
    )
    index.save()
    publish(index)
    groups = {}
    for slug, (title, purpose, contacts) in WORKING_GROUPS.items():
        group = _upsert(
            index,
            WorkingGroupPage,
            slug,
            title=title,
            purpose=purpose,
            body=_stream(
                [
                    (
                        "section",
                        {
                            "heading": "Wie wir arbeiten",
                            "text": "<p>Die Gruppe trifft sich mehrmals im Jahr, abwechselnd "
                            "bei ihren Mitgliedern. Interessierte aus Mitgliedsorganisationen "
                            "sind willkommen – eine kurze Nachricht an die Ansprechperson "
                            "genügt.</p>",
                        },
                    )
                ],
                slug,
            ),
        )
        group.contacts = [
            WorkingGroupContact(
                name=name,
                role=role,
                organisation=organisation,
                email=email,
                phone="+49 341 000" + str(100 + i),
                sort_order=i,
            )
            for i, (name, role, organisation, email) in enumerate(contacts)
        ]
        group.save()
        groups[slug] = publish(group)
    stdout.write(f"• Arbeitsgruppen: {len(groups)}")
    return index, groups


def build_projects(stdout, home, groups):
    rng = random.Random(SEED)  # noqa: S311 - invented example names, not secrets
    collection = demo_collection()
    index = _upsert(
        home,
        ProjectIndexPage,
        PROJECTS_SLUG,
        title="Projekte",
        intro="Von Wasserstoff bis Radschnellweg: Projekte, die die Metropolregion angestoßen "
        "hat oder begleitet. Filtern Sie nach Thema oder Stand.",
    )
    index.save()
    publish(index)
    projects = []
    for (
        slug,
        title,
        logo_text,
        palette,
        status,
        topics,
        group,
        teaser,
        details,
        partners,
    ) in PROJECTS:
        logo = ensure_image(
            f"Logo {title}", lambda t=logo_text, p=palette: drawings.logo(t, p), collection
        )
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        project = _upsert(
            index,
            ProjectPage,
            slug,
            title=title,
            teaser=teaser,
            logo=logo,
            status=status,
            working_group=groups[group],
            website=f"https://{slug}.example.org/",
            contact_name=f"{first} {last}",
            contact_role=f"{rng.choice(ROLES)} (Beispielperson)",
            contact_email=f"{first.lower()}.{last.lower()}@example.org",
            contact_phone=f"+49 341 000{rng.randint(200, 999)}",
            body=_stream(
                [
                    (
                        "section",
                        {"heading": "Worum es geht", "text": f"<p>{details}</p>"},
                    ),
                    (
                        "section",
                        {
                            "heading": "Mitmachen",
                            "text": "<p>Sie haben Fragen oder möchten sich beteiligen? "
                            "Schreiben Sie der Ansprechperson unten auf dieser Seite.</p>",
                        },
                    ),
                ],
                slug,
            ),
            partners=_stream(
                [("partner", {"name": name, "url": url}) for name, url in partners], slug
            ),
        )
        project.topics.set(topics)
        project.save()
        projects.append(publish(project))
    stdout.write(f"• Projekte: {len(projects)} mit Logos und Themen")
    return index, projects


def add_home_blocks(stdout, home, projects):
    """Put a project grid after the opening blocks and the working groups before the call
    to action of the home page; replaces the blocks of earlier runs."""
    home = home.specific
    raw = [
        item for item in home.body.raw_data if item["type"] not in ("projects", "working_groups")
    ]
    grid = {
        "type": "projects",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "home-projects")),
        "value": {
            "heading": "Unsere Projekte",
            "mode": "chosen",
            "projects": [
                {
                    "type": "item",
                    "value": project.pk,
                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"home-project-{project.slug}")),
                }
                for project in projects
            ],
            "topic": "",
            "max_count": len(projects),
        },
    }
    groups = {
        "type": "working_groups",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "home-working-groups")),
        "value": {
            "heading": "Arbeits- und Projektgruppen",
            "intro": "Fachleute aus unseren Mitgliedsorganisationen arbeiten in sechs Gruppen "
            "an den Themen der Region.",
        },
    }
    types = [item["type"] for item in raw]
    after = max((types.index(t) + 1 for t in ("hero", "featured") if t in types), default=0)
    raw.insert(after, grid)
    types = [item["type"] for item in raw]
    raw.insert(types.index("call_to_action") if "call_to_action" in types else len(raw), groups)
    home.body = json.dumps(raw)
    home.save()
    publish(home)
    stdout.write("• Startseite: Projektraster und Arbeitsgruppen")


def build(stdout, home):
    """Create or update the projects, working groups and their home-page blocks."""
    with transaction.atomic():
        group_index, groups = build_working_groups(stdout, home)
        project_index, projects = build_projects(stdout, home, groups)
        add_home_blocks(stdout, home, projects)
        if link_in_main_menu(home, [(project_index, ""), (group_index, "Arbeitsgruppen")]):
            stdout.write("• Hauptnavigation: Projekte und Arbeitsgruppen verlinkt")
    return project_index, group_index

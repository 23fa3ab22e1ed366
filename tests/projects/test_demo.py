"""The demo content of the projects app: the fourteen projects of the association's
homepage, six working groups, the home-page blocks, and a second run changes nothing."""

import io
import re

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from demo import projects as demo
from metropolregion.models import HomePage, NavigationSettings
from projects.models import ProjectIndexPage, ProjectPage, WorkingGroupContact, WorkingGroupPage

SEED_PROJECTS = [
    "Unternehmen Revier",
    "CCUS-Initiative Ostdeutschland",
    "Ideenwettbewerb REVIERPIONIER",
    "Business Angels Mitteldeutschland (BAM!) e.V.",
    "Wasserstoffregion Mitteldeutschland",
    "Mitteldeutscher Gemeinschaftsstand EXPO REAL",
    "Mitteldeutschland-Monitor",
    "Radschnellweg Halle–Leipzig",
    "Transformationsregion Mitteldeutschland",
    "SOLAR POWER TRANSFORMATION CLUSTER „SPOT ON“ e.V.",
    "Bioökonomieregion Mitteldeutschland",
    "Startup Mitteldeutschland",
    "ImmoSIS (Gewerbeimmobiliendatenbank)",
    "IQ Innovationspreis Mitteldeutschland",
]


def snapshot():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        WorkingGroupContact.objects.count(),
        sorted(Page.objects.values_list("url_path", flat=True)),
        [b.block_type for b in HomePage.objects.get(locale__language_code="de").body],
        len(NavigationSettings.for_site(Site.objects.get(is_default_site=True)).main_menu),
    )


def test_demo_builds_projects_and_working_groups_and_runs_again(demo_content):
    first = snapshot()
    out = io.StringIO()
    # again, on the demo: nothing changes
    demo.build(out, HomePage.objects.get(locale__language_code="de"))
    assert "Projekte: 14" in out.getvalue()
    assert snapshot() == first

    index = ProjectIndexPage.objects.get(slug="projekte")
    projects = ProjectPage.objects.child_of(index).live().order_by("path")
    assert [p.title for p in projects] == SEED_PROJECTS
    for project in projects:
        assert project.logo is not None, project.title
        assert project.topics.count() >= 1, project.title
        assert project.teaser and len(project.teaser) <= 300
        assert project.working_group is not None and project.working_group.live
        assert project.contact_email.endswith("@example.org")
        project.full_clean()  # the demo data passes the editors' validation
    assert {p.status for p in projects} == {"laufend", "abgeschlossen"}
    revierpionier = projects.get(slug="ideenwettbewerb-revierpionier")
    assert "1 Million Euro" in revierpionier.teaser
    assert "2014" in projects.get(slug="gemeinschaftsstand-expo-real").teaser

    groups = WorkingGroupPage.objects.live().filter(locale__language_code="de")
    assert groups.count() == 6
    assert all(group.contacts.count() >= 1 for group in groups)
    assert all(group.projects.exists() for group in groups)
    assert Page.objects.get(slug="arbeitsgruppen").title == "Arbeits- und Projektgruppen"

    body = [b.block_type for b in HomePage.objects.get(locale__language_code="de").body]
    assert body.count("projects") == 1 and body.count("working_groups") == 1
    assert body.index("projects") < body.index("working_groups")


def test_demo_pages_render(client, demo_content):
    for url in ("/", "/projekte/", "/projekte/spot-on/", "/arbeitsgruppen/"):
        assert client.get(url).status_code == 200, url
    html = client.get("/").content.decode()
    assert "Unternehmen Revier" in html and "Strukturwandel im Revier" in html


def test_home_page_shows_a_selection_of_projects_and_links_to_all(client, demo_content):
    """Not all fourteen: eight of the running projects, then the link to all."""
    home = HomePage.objects.get(locale__language_code="de")
    (grid,) = [b for b in home.body if b.block_type == "projects"]
    assert grid.value["max_count"] == 8
    html = client.get("/").content.decode()
    section = html[html.index('<section class="project-grid') :]
    section = section[: section.index("</section>")]
    slugs = re.findall(r'<a class="card__link" href="/projekte/([^/"]+)/">', section)
    assert len(slugs) == 8 < ProjectPage.objects.live().count()
    shown = ProjectPage.objects.filter(slug__in=slugs)
    assert {project.status for project in shown} == {"laufend"}
    assert '<a class="button" href="/projekte/">Alle Projekte</a>' in section
    assert client.get("/projekte/").content.decode().count("card--project") == len(SEED_PROJECTS)

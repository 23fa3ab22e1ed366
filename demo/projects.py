"""Demo content of the projects app (demo/data/projects.yaml): six working groups with their
contacts, the projects with drawn logos, topics and example contacts, and the home-page
blocks that show them. Runs again without duplicating anything: pages are looked up by
slug, images by title."""

import random

from projects.models import ProjectStatus, WorkingGroupContact
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

from . import data, drawings, home
from .building import block, block_id, ensure_image, link_in_menu, stream, upsert

SEED = 2025
TEXTS = data.load("projects")


def build_working_groups(stdout, home_page):
    texts = TEXTS["working_group_index"]
    index = upsert(
        home_page,
        WorkingGroupIndexPageFactory,
        texts["slug"],
        title=texts["title"],
        intro=texts["intro"],
    )
    groups = {}
    for item in TEXTS["working_groups"]:
        slug = item["slug"]
        contacts = [
            WorkingGroupContact(**contact, phone=f"+49 341 000{100 + n}", sort_order=n)
            for n, contact in enumerate(item["contacts"])
        ]
        groups[slug] = upsert(
            index,
            WorkingGroupPageFactory,
            slug,
            title=item["title"],
            purpose=item["purpose"],
            body=stream([("section", TEXTS["working_group_section"])], f"{slug}-"),
            contacts=contacts,
        )
    stdout.write(f"• Arbeitsgruppen: {len(groups)}")
    return index, groups


def build_projects(stdout, home_page, groups):
    rng = random.Random(SEED)  # noqa: S311 - invented example names, not secrets
    texts, page = TEXTS["project_index"], TEXTS["project_page"]
    index = upsert(
        home_page,
        ProjectIndexPageFactory,
        texts["slug"],
        title=texts["title"],
        intro=texts["intro"],
    )
    projects = []
    for item in TEXTS["projects"]:
        slug = item["slug"]
        logo = ensure_image(
            f"Logo {item['title']}",
            lambda item=item: drawings.project_logo(
                item["logo_text"], item["palette"], item["mark"]
            ),
        )
        first, last = rng.choice(TEXTS["first_names"]), rng.choice(TEXTS["last_names"])
        details = {"heading": page["details_heading"], "text": f"<p>{item['details']}</p>"}
        project = upsert(
            index,
            ProjectPageFactory,
            slug,
            topics=item["topics"],
            title=item["title"],
            teaser=item["teaser"],
            logo=logo,
            status=ProjectStatus(item["status"]),
            working_group=groups[item["group"]],
            website=f"https://{slug}.example.org/",
            contact_name=f"{first} {last}",
            contact_role=f"{rng.choice(TEXTS['roles'])} (Beispielperson)",
            contact_email=f"{first.lower()}.{last.lower()}@example.org",
            contact_phone=f"+49 341 000{rng.randint(200, 999)}",
            body=stream([("section", details), ("section", page["join"])], f"{slug}-"),
            partners=stream([("partner", partner) for partner in item["partners"]], f"{slug}-"),
        )
        projects.append(project)
    stdout.write(f"• Projekte: {len(projects)} mit Logos und Themen")
    return index, projects


def home_blocks(projects):
    """A grid of the projects chosen for the home page and the working groups' block."""
    texts = TEXTS["home_blocks"]
    by_slug = {project.slug: project for project in projects}
    grid = dict(texts["projects"])
    chosen = [
        {"type": "item", "value": by_slug[slug].pk, "id": block_id(f"home-project-{slug}")}
        for slug in grid.pop("chosen")
    ]
    grid["projects"] = chosen
    return [
        block("projects", grid, "home-projects"),
        block("working_groups", texts["working_groups"], "home-working-groups"),
    ]


def create(stdout, home_page):
    """Create or update the working groups and projects and link them in the main menu;
    returns (project index, working-group index) and the home-page blocks."""
    group_index, groups = build_working_groups(stdout, home_page)
    project_index, projects = build_projects(stdout, home_page, groups)
    blocks = home_blocks(projects)
    stdout.write("• Startseite: Projektraster und Arbeitsgruppen")
    label = TEXTS["working_group_index"]["menu_label"]
    if link_in_menu(home_page, "main_menu", [(project_index, ""), (group_index, label)], "menu"):
        stdout.write("• Hauptnavigation: Projekte und Arbeitsgruppen verlinkt")
    return (project_index, group_index), blocks


def build(stdout, home_page):
    """Create or update the projects, working groups and their home-page blocks."""
    return home.build_alone(create, stdout, home_page)

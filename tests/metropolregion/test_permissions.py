"""Who may open what: eight kinds of user (each staff role of metropolregion.roles) against the admin, the registration staff views,
members' snippets, users, settings and the member pages. Every cell of the table is
asserted, so a view that starts answering 200 to someone new fails here."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from events import registration as rules
from events.models import Registration
from metropolregion.models import FeedbackSubmission
from tests.factories.events import EventPageFactory, berlin
from tests.factories.membership import MemberFactory, MemberOrganisationFactory, UserFactory
from tests.factories.pages import FeedbackFormPageFactory

pytestmark = pytest.mark.django_db

USERS = [
    "anonymous",
    "member",
    "redaktion",
    "freigabe",
    "anmeldungen",
    "mitgliederverwaltung",
    "administration",
    "superuser",
]
# The staff roles (metropolregion.roles) by the group each kind of user is in.
GROUPS = {
    "redaktion": "Redaktion",
    "freigabe": "Freigabe",
    "anmeldungen": "Anmeldungen",
    "mitgliederverwaltung": "Mitgliederverwaltung",
    "administration": "Administration",
}

# Outcomes: "ok" 200; "login" a redirect to a log-in page; "back" Wagtail's redirect to the
# dashboard with "no permission"; "403"; "404". This is the README's role table.
L, B, OK = "login", "back", "ok"
MATRIX = {
    # name: (anonymous, member, Redaktion, Freigabe, Anmeldungen, Mitgliederverwaltung,
    #        Administration, superuser)
    "admin_home": (L, L, OK, OK, OK, OK, OK, OK),
    "page_edit": (L, L, OK, OK, B, B, B, OK),
    "page_explorer": (L, L, OK, OK, B, B, B, OK),
    "registrations": (L, L, B, B, OK, B, B, OK),
    "registrations_csv": (L, L, B, B, OK, B, B, OK),
    "registrations_print": (L, L, B, B, OK, B, B, OK),
    "check_in": (L, L, B, B, OK, B, B, OK),
    "registration_add": (L, L, B, B, OK, B, B, OK),
    "registration_overview": (L, L, B, B, OK, B, B, OK),
    "form_pages": (L, L, OK, OK, B, B, B, OK),
    "form_submissions": (L, L, OK, OK, B, B, B, OK),
    "form_submissions_csv": (L, L, OK, OK, B, B, B, OK),
    "member_organisations": (L, L, B, B, B, OK, OK, OK),
    "member_accounts": (L, L, B, B, B, OK, OK, OK),
    "testimonials": (L, L, OK, B, B, B, B, OK),
    "images": (L, L, OK, B, B, OK, OK, OK),  # Administration: the partners' logos
    "documents": (L, L, OK, B, B, B, B, OK),
    "redirects": (L, L, OK, B, B, B, OK, OK),
    "search_promotions": (L, L, OK, B, B, B, B, OK),
    "sites": (L, L, B, B, B, B, OK, OK),
    "locales": (L, L, B, B, B, B, OK, OK),
    "users": (L, L, B, B, B, B, OK, OK),
    "groups": (L, L, B, B, B, B, OK, OK),
    "workflows": (L, L, B, B, B, B, OK, OK),
    "site_settings": (L, L, B, B, B, B, OK, OK),
    "navigation_settings": (L, L, OK, B, B, B, OK, OK),
    "django_admin": ("404",) * 8,  # not mounted
    "wagtail_api": ("404",) * 8,  # no API
    "account": (L, OK, OK, OK, OK, OK, OK, OK),
}


@pytest.fixture
def event(calendar_page, frozen):
    frozen(berlin(2025, 6, 1, 12, 0))
    page = EventPageFactory(
        parent=calendar_page, registration_mode="intern", capacity=10, price=Decimal("10")
    )
    rules.register(page.pk, rules.Applicant(name="Anna Alt", email="anna@example.org"))
    return page


@pytest.fixture
def feedback(home_page):
    """A feedback form page with one report that holds personal data."""
    page = FeedbackFormPageFactory(parent=home_page)
    names = [name for name, _label in page.get_data_fields()]
    data = {name: "Frieda Fink" for name in names if name not in ("submit_time", "mail_status")}
    FeedbackSubmission.objects.create(page=page, form_data=data)
    return page


def urls(event, site, feedback):
    registrations = f"/admin/events/{event.pk}/anmeldungen/"
    return {
        "admin_home": "/admin/",
        "page_edit": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        "page_explorer": reverse("wagtailadmin_explore", args=[event.get_parent().pk]),
        "registrations": registrations,
        "registrations_csv": registrations + "export.csv",
        "registrations_print": registrations + "drucken/",
        "check_in": registrations + "einlass/",
        "registration_add": registrations + "neu/",
        "registration_overview": reverse("events_registration_overview"),
        "form_pages": reverse("wagtailforms:index"),
        "form_submissions": reverse("wagtailforms:list_submissions", args=[feedback.pk]),
        "form_submissions_csv": reverse("wagtailforms:list_submissions", args=[feedback.pk])
        + "?export=csv",
        "member_organisations": reverse("wagtailsnippets_membership_memberorganisation:list"),
        "member_accounts": reverse("wagtailsnippets_membership_memberprofile:list"),
        "testimonials": reverse("wagtailsnippets_testimonials_testimonial:list"),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
        "redirects": reverse("wagtailredirects:index"),
        "search_promotions": reverse("wagtailsearchpromotions:index"),
        "sites": reverse("wagtailsites:index"),
        "locales": reverse("wagtaillocales:index"),
        "users": reverse("wagtailusers_users:index"),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "groups": reverse("wagtailusers_groups:index"),
        "site_settings": reverse(
            "wagtailsettings:edit", args=["metropolregion", "sitesettings", site.pk]
        ),
        "navigation_settings": reverse(
            "wagtailsettings:edit", args=["metropolregion", "navigationsettings", site.pk]
        ),
        "django_admin": "/django-admin/",
        "wagtail_api": "/api/v2/pages/",
        "account": "/konto/",
    }


def make_user(kind):
    if kind == "anonymous":
        return None
    if kind == "member":
        return MemberFactory(username="mitglied")
    if kind == "superuser":
        return User.objects.create_superuser("admin", "admin@example.org", "pw")
    user = UserFactory(username=kind)
    user.groups.add(Group.objects.get(name=GROUPS[kind]))
    return user


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if "/login/" in location or location.startswith("/konto/anmelden/"):
            return "login"
        if location == "/admin/":
            return "back"
        return f"302 {location}"
    return {200: "ok"}.get(response.status_code, str(response.status_code))


@pytest.mark.parametrize("kind", USERS)
def test_permission_matrix(client, event, site, feedback, kind):
    user = make_user(kind)
    if user is not None:
        client.force_login(user)
    column = USERS.index(kind)
    responses = {name: client.get(url) for name, url in urls(event, site, feedback).items()}
    got = {name: outcome(response) for name, response in responses.items()}
    expected = {name: row[column] for name, row in MATRIX.items()}
    assert got == expected
    # Personal data only where the table says "ok" (and there it really is).
    for name, people in [
        ("registrations", [b"Anna Alt"]),
        ("registrations_csv", [b"anna@example.org"]),
        ("check_in", [b"Anna Alt"]),
        ("form_submissions", [b"Frieda Fink"]),
        ("form_submissions_csv", [b"Frieda Fink"]),
    ]:
        body = (
            b"".join(responses[name].streaming_content)
            if responses[name].streaming
            else responses[name].content
        )
        for person in people:
            assert (person in body) is (expected[name] == "ok"), (name, person)


def test_matrix_covers_every_registration_admin_url():
    from events.wagtail_hooks import registration_urls

    routes = {pattern.name for pattern in registration_urls()}
    covered = {
        "events_registration_overview",
        "events_registrations",
        "events_registration_csv",
        "events_registration_print",
        "events_check_in",
        "events_registration_add",
        "events_registration_action",  # POST only: test_registration_actions_need_the_group
    }
    assert routes == covered


@pytest.mark.parametrize(
    ("kind", "expected", "changed"),
    [
        ("anonymous", "login", False),
        ("member", "login", False),
        ("redaktion", "back", False),
        ("mitgliederverwaltung", "back", False),
        ("anmeldungen", "registrations", True),
        ("superuser", "registrations", True),
    ],
)
def test_registration_actions_need_the_group(client, event, kind, expected, changed):
    user = make_user(kind)
    if user is not None:
        client.force_login(user)
    registration = Registration.objects.get(event=event)
    url = reverse("events_registration_action", args=[event.pk])
    response = client.post(url, {"action": "check_in", "registration": registration.pk})
    result = outcome(response)
    if expected == "registrations":
        assert response.status_code == 302
        assert response["Location"] == reverse("events_registrations", args=[event.pk])
    else:
        assert result == expected
    registration.refresh_from_db()
    assert (registration.checked_in_at is not None) is changed
    # A GET never acts.
    if kind == "anmeldungen":
        assert client.get(url).status_code == 405


@pytest.mark.parametrize("kind", ["anonymous", "member", "redaktion"])
def test_adding_a_registration_by_hand_needs_the_group(client, event, kind):
    user = make_user(kind)
    if user is not None:
        client.force_login(user)
    url = reverse("events_registration_add", args=[event.pk])
    client.post(url, {"name": "Eingeschleust", "email": "x@example.org"})
    assert not Registration.objects.filter(email="x@example.org").exists()


def test_action_redirect_stays_inside_the_admin(client, event):
    client.force_login(make_user("anmeldungen"))
    registration = Registration.objects.get(event=event)
    url = reverse("events_registration_action", args=[event.pk])
    for target in ["https://evil.example.org/", "//evil.example.org/admin/", "/konto/"]:
        response = client.post(
            url, {"action": "check_in", "registration": registration.pk, "next": target}
        )
        assert response["Location"] == reverse("events_registrations", args=[event.pk]), target


def test_registrations_of_another_event_cannot_be_changed_through_this_one(
    client, event, calendar_page
):
    other = EventPageFactory(parent=calendar_page, registration_mode="intern", capacity=5)
    theirs = rules.register(
        other.pk, rules.Applicant(name="Bert Bauer", email="bert@example.org")
    ).registration
    client.force_login(make_user("anmeldungen"))
    url = reverse("events_registration_action", args=[event.pk])
    client.post(url, {"action": "cancel", "registration": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.status == "bestaetigt"


def test_member_organisation_alone_gives_no_admin_access(client):
    """A login linked to a member organisation counts as a member, not as staff."""
    from tests.factories.membership import MemberProfileFactory

    profile = MemberProfileFactory(organisation=MemberOrganisationFactory())
    client.force_login(profile.user)
    assert outcome(client.get("/admin/")) == "login"
    assert client.get("/konto/").status_code == 200


def test_cancel_code_naming_someone_elses_registration_is_refused(client, event):
    """The signature covers the token: a code whose payload was swapped for another
    person's token is not accepted (404), and nothing is cancelled."""
    from django.core import signing

    mine = Registration.objects.get(event=event)
    theirs = rules.register(
        event.pk, rules.Applicant(name="Bert Bauer", email="bert@example.org")
    ).registration
    my_code = rules.cancel_code(mine)
    their_payload = signing.dumps(theirs.token, salt=rules.CANCEL_SALT, compress=True)
    payload, signature = their_payload.split(":", 1)[0], my_code.split(":", 1)[1]
    forged = [
        f"{payload}:{signature}",  # their token with my signature
        signing.dumps(theirs.token, salt="another-salt", compress=True),  # other salt
        signing.dumps(theirs.token, key="not-the-secret-key", salt=rules.CANCEL_SALT),
    ]
    for code in forged:
        assert client.get(event.url + "abmelden/", {"code": code}).status_code == 404
        assert client.post(event.url + "abmelden/", {"code": code}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "bestaetigt"

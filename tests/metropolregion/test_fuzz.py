"""Generated input on every public query parameter, route argument and form never gives a
server error: search and its type filter, the project, news and event filters, `page`,
the news archive's year, the month view's year and month, the iCal routes' slugs, the
feedback and registration forms; any text, NUL bytes, bytes that are no UTF-8 (what a
surrogate becomes on the wire), repeated parameters and very long values. A 4xx or a 200
is fine; a 500 or an exception in the log is not.

The examples per test are few enough that the file runs in well under a minute on SQLite;
the registration form has its own 1000-example test (tests/events/)."""

import datetime
import logging
from decimal import Decimal
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.listing import FIRST_YEAR, LAST_YEAR
from tests.factories.events import EventPageFactory, berlin
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import FeedbackFormPageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

pytestmark = pytest.mark.django_db

fuzz = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SPECIAL = [
    "",
    " ",
    "\x00",
    "a\x00b",
    '"',
    '">',
    "'",
    "\\",
    "%",
    "%00",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "\u202e",
    "\ufeff",
    "\xa0",
    "AND OR NOT",
    "-1",
    "0",
    "1e9",
    "9" * 40,
    "NaN",
    "wasserstoff",
    "Wasserstoff",
    "ä" * 300,
]
text = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=500, max_size=3000),
)
# Bytes as they could arrive in a query string: percent-encoded, possibly no UTF-8 at all
# (a lone surrogate, an overlong NUL, a cut-off sequence).
raw_bytes = st.one_of(
    st.sampled_from([b"\xed\xa0\x80", b"\xc0\x80", b"\xe4", b"\xff\xfe", b"\x00"]),
    st.binary(max_size=40),
)
value = st.one_of(text, st.lists(text, min_size=2, max_size=4))  # lists repeat the parameter
integers = st.one_of(
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from([0, 1, 12, 13, 9999, 10000, 2**31, 2**63, 10**30]),
)


@pytest.fixture
def site_content(home_page, calendar_page, frozen, settings):
    settings.REGISTRATION_RATE_LIMIT = 10**9  # the limit is tested elsewhere
    frozen(berlin(2025, 6, 10, 12, 0))
    groups = WorkingGroupIndexPageFactory(parent=home_page, slug="arbeitsgruppen")
    group = WorkingGroupPageFactory(parent=groups, slug="ag-wasserstoff")
    projects = ProjectIndexPageFactory(parent=home_page, slug="projekte")
    ProjectPageFactory(parent=projects, topics=["Wasserstoff"], working_group=group, logo=None)
    news = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news, date=datetime.date(2025, 5, 1), topics=["Wasserstoff"])
    event = EventPageFactory(
        parent=calendar_page,
        start=berlin(2025, 6, 24, 10, 0),
        topics=["Wasserstoff"],
        working_group=group,
        registration_mode="intern",
        capacity=5,
        price=Decimal("10"),
    )
    feedback = FeedbackFormPageFactory(parent=home_page)
    return {
        "search": "/suche/",
        "projects": projects.url,
        "news": news.url,
        "calendar": calendar_page.url,
        "group": group.url,
        "event": event.url,
        "feedback": feedback.url,
    }


@pytest.fixture
def get(client, caplog):
    """GET or POST; fails on a server error and on anything logged at ERROR."""

    def request(method, url, data=None, **extra):
        caplog.clear()
        with caplog.at_level(logging.ERROR):
            response = getattr(client, method)(url, data, **extra)
        assert response.status_code < 500, (url, data)
        errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
        assert errors == [], (url, data, [record.getMessage() for record in errors])
        return response

    return request


PARAMETERS = {
    "search": ["q", "typ", "page"],
    "projects": ["thema", "status", "page"],
    "news": ["art", "thema", "page"],
    "calendar": ["thema", "gruppe", "format", "veranstalter", "page"],
    "group": ["page"],
}


@fuzz
@given(target=st.sampled_from(sorted(PARAMETERS)), data=st.data())
def test_query_parameters(get, site_content, target, data):
    keys = st.one_of(st.sampled_from(PARAMETERS[target]), st.text(max_size=10))
    params = data.draw(st.dictionaries(keys, value, max_size=5))
    response = get("get", site_content[target], params)
    assert response.status_code in (200, 301, 302, 404)


@fuzz
@given(
    target=st.sampled_from(["search", "projects", "news", "calendar"]),
    key=st.sampled_from(["q", "thema", "gruppe", "art", "status", "page", "typ"]),
    raw=raw_bytes,
)
def test_undecodable_query_strings(get, site_content, target, key, raw):
    response = get("get", f"{site_content[target]}?{key}={quote(raw, safe='')}&{key}=x")
    assert response.status_code in (200, 302, 404)


@fuzz
@given(year=integers, month=integers)
def test_month_view_with_any_numbers(get, site_content, year, month):
    response = get("get", f"{site_content['calendar']}monat/{year}/{month}/")
    # The calendar shows the months of 1990 to 2100 (events.listing); others are not found.
    valid = FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12
    assert response.status_code == (200 if valid else 404), (year, month)


@pytest.mark.parametrize(
    "path",
    [
        "monat/-1/5/",
        "monat/2025/-3/",
        "monat/2025/",
        "monat/x/y/",
        "monat/0001/01/",
        "monat/1/1/",
        "monat/9999/12/",
        "monat/02025/006/",
        "monat/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95/6/",  # full-width digits
    ],
)
def test_month_view_odd_paths(get, site_content, path):
    response = get("get", site_content["calendar"] + path)
    assert response.status_code in (200, 404)


@fuzz
@given(year=integers)
def test_news_archive_with_any_year(get, site_content, year):
    response = get("get", f"{site_content['news']}archiv/{year}/")
    assert response.status_code in (200, 404)


@fuzz
@given(kind=st.sampled_from(["thema", "arbeitsgruppe"]), slug=text)
def test_ical_feeds_with_any_slug(get, site_content, kind, slug):
    response = get("get", f"{site_content['calendar']}ical/{kind}/{quote(slug, safe='')}/")
    assert response.status_code in (200, 404)


form_data = st.dictionaries(st.text(max_size=20), value, max_size=8)


@fuzz
@given(data=form_data, field_values=st.lists(text, min_size=0, max_size=6))
def test_feedback_form_with_any_text(get, client, site_content, data, field_values):
    page_url = site_content["feedback"]
    names = list(get("get", page_url).context["form"].fields)
    data = {**data, **dict(zip(names, field_values, strict=False))}
    response = get("post", page_url, data)
    assert response.status_code in (200, 302)


@fuzz
@given(data=form_data, name=text, email=text)
def test_registration_form_with_any_text(get, site_content, data, name, email):
    response = get(
        "post",
        site_content["event"] + "anmeldung/",
        {**data, "name": name, "email": email, "consent": "on"},
    )
    assert response.status_code == 200


@fuzz
@given(code=text, method=st.sampled_from(["get", "post"]))
def test_cancel_link_with_any_code(get, site_content, code, method):
    response = get(method, site_content["event"] + "abmelden/", {"code": code})
    assert response.status_code in (200, 404, 410)


@fuzz
@given(params=st.dictionaries(st.sampled_from(["next", "username", "password", "email"]), value))
def test_account_forms_with_any_text(get, site_content, params):
    """Both log-ins with django-axes on, as in production (it stores the user name of a
    failure: a name over 255 characters gave a 500 on PostgreSQL, issue 13)."""
    get("post", "/konto/anmelden/", params)
    get("post", "/admin/login/", params)
    get("post", "/konto/passwort-vergessen/", params)
    get("post", "/admin/password_reset/", params)
    get("get", "/konto/anmelden/?" + urlencode(params, doseq=True))

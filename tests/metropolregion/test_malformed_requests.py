"""Issue 13, findings 3 and 5: requests the site cannot or will not read.

- A body that cannot be read (a form sent as `charset=latin-1`, a broken multipart body)
  gets a plain German 400 page (`metropolregion.errors.bad_request`), never a 500: Django's
  own 400 view ran the CSRF check again, read the body again and raised again.
- Outside the admin a body larger than public forms need is refused with 413 before
  anything reads it (`metropolregion.security.RequestSizeLimitMiddleware`); the admin keeps
  a limit its page editor can live with."""

import pytest
from django.test import Client, RequestFactory

from tests.factories.pages import FeedbackFormPageFactory

pytestmark = pytest.mark.django_db

FORM_PAGES = ["/konto/anmelden/", "/konto/passwort-vergessen/", "/admin/login/"]
BAD_REQUEST_HEADING = "Die Anfrage konnte nicht verarbeitet werden."
TOO_LARGE_HEADING = "Das Formular enthielt zu viele Daten."


@pytest.fixture
def feedback_page(home_page):
    page = FeedbackFormPageFactory(parent=home_page, slug="barrierefreiheit")
    page.save_revision().publish()
    return page


def browser():
    """A client that checks CSRF like production and raises nothing: we see the answer."""
    return Client(enforce_csrf_checks=True, raise_request_exception=False)


def csrf_token(client, url):
    assert client.get(url).status_code == 200
    return client.cookies["csrftoken"].value


def assert_plain_page(response, status, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert f"<h1>{heading}</h1>" in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("url", FORM_PAGES)
def test_a_form_sent_as_latin_1_gets_the_german_400_page(home_page, url):
    client = browser()
    token = csrf_token(client, url)
    body = f"username=j%F6rg&password=x&email=a%40example.org&csrfmiddlewaretoken={token}"

    response = client.post(
        url, body, content_type="application/x-www-form-urlencoded; charset=latin-1"
    )

    assert_plain_page(response, 400, BAD_REQUEST_HEADING)


def test_a_page_form_sent_as_latin_1_gets_the_german_400_page(feedback_page):
    response = browser().post(
        feedback_page.url,
        "barrier=Men%FC&page_url=x&consent=on",
        content_type="application/x-www-form-urlencoded; charset=latin-1",
        HTTP_ORIGIN="http://testserver",
    )
    assert_plain_page(response, 400, BAD_REQUEST_HEADING)


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("multipart/form-data", 400),  # no boundary
        ("multipart/form-data; boundary=", 400),  # an empty one
        ("multipart/form-data; boundary=xyz", 200),  # cut off: read as far as it goes
    ],
)
@pytest.mark.parametrize("url", FORM_PAGES)
def test_a_broken_multipart_body_gets_the_german_400_page(home_page, url, content_type, expected):
    client = browser()
    token = csrf_token(client, url)
    client.defaults["HTTP_X_CSRFTOKEN"] = token  # the token even where the body is unread
    body = (
        b'--xyz\r\nContent-Disposition: form-data; name="username"; filename="a\r\n'
        + b"\xff\xfe\x00garbage without an end"
    )
    response = client.post(url, body, content_type=content_type)

    assert response.status_code == expected
    if expected == 400:
        assert_plain_page(response, 400, BAD_REQUEST_HEADING)


# -- size --

BIG = 300 * 1024


@pytest.mark.parametrize("url", ["/konto/anmelden/", "/konto/passwort-vergessen/"])
def test_a_large_body_to_a_public_form_gets_413(home_page, url):
    response = browser().post(url, {"username": "x" * BIG, "password": "y"})
    assert_plain_page(response, 413, TOO_LARGE_HEADING)


def test_a_large_json_body_to_a_page_form_gets_413(feedback_page):
    response = browser().post(
        feedback_page.url,
        '{"barrier": "' + "x" * BIG + '"}',
        content_type="application/json",
        HTTP_ORIGIN="http://testserver",
    )
    assert_plain_page(response, 413, TOO_LARGE_HEADING)


def test_a_form_of_normal_size_is_not_refused(feedback_page):
    response = Client().post(
        feedback_page.url,
        {"barrier": "x" * 3000, "page_url": "/", "consent": "on"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200


def test_the_refused_body_is_read_and_dropped_so_the_connection_stays_usable(settings):
    """A body the app never reads stays on a kept-open connection (gunicorn issue 3301);
    a refused body up to REQUEST_DRAIN_LIMIT is read to its end first."""
    from metropolregion.security import RequestSizeLimitMiddleware

    request = RequestFactory().post("/konto/anmelden/", "x" * BIG, content_type="text/plain")
    middleware = RequestSizeLimitMiddleware(lambda request: pytest.fail("view reached"))

    assert middleware(request).status_code == 413
    assert request.environ["wsgi.input"].read() == b""  # nothing left on the connection

    settings.REQUEST_DRAIN_LIMIT = 1024
    request = RequestFactory().post("/konto/anmelden/", "x" * BIG, content_type="text/plain")
    assert middleware(request).status_code == 413
    assert len(request.environ["wsgi.input"].read()) == BIG  # left to the server


def test_the_admin_keeps_a_limit_its_page_editor_can_use(home_page):
    """The page editor posts a whole StreamField: a few megabytes still reach the admin's
    views (above Django's default of 2.5 MB, below DATA_UPLOAD_MAX_MEMORY_SIZE)."""
    response = Client().post(
        "/admin/login/", {"username": "x", "password": "y", "padding": "x" * 3 * 1024 * 1024}
    )
    assert response.status_code == 200  # the log-in form again: read, not refused
    assert response.context["form"].errors

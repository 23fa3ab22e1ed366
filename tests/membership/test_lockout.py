"""Lock-out after repeated failed log-ins (django-axes) on the members' and the admin's
log-in, the client address behind proxies, what is kept about log-ins, and password resets
that do not tell whether an account exists."""

import datetime
import io
import re
from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from metropolregion.login_attempts import purge_login_attempts
from metropolregion.security import client_ip, rate_limited
from metropolregion.settings import base as base_settings
from tests.factories.membership import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-Passwort-2025"
MEMBER_LOGIN = "/konto/anmelden/"
ADMIN_LOGIN = "/admin/login/"
LOCKOUT_HEADING = "Zu viele fehlgeschlagene Anmeldungen"


@pytest.fixture(autouse=True)
def lockout_on(settings):
    """The test settings turn django-axes off (Django's test client logs in without a
    request); these tests turn it on, with the limits of base.py."""
    settings.AXES_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = base_settings.AUTHENTICATION_BACKENDS
    settings.TRUSTED_PROXY_COUNT = 0


@pytest.fixture
def member():
    return MemberFactory(username="erika", email="erika@example.org")


@pytest.fixture
def editor():
    user = UserFactory(username="redakteur", email="redaktion@example.org")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def log_in(client, url, username, password, address="192.0.2.10", **extra):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def fail(client, url, username, times, address="192.0.2.10", **extra):
    return [log_in(client, url, username, "falsch", address, **extra) for _ in range(times)]


@pytest.mark.parametrize("url", [MEMBER_LOGIN, ADMIN_LOGIN])
def test_five_failures_lock_the_user_out_even_with_the_right_password(
    client, home_page, member, editor, url
):
    username = "erika" if url == MEMBER_LOGIN else "redakteur"
    responses = fail(client, url, username, 5)
    assert [response.status_code for response in responses] == [200, 200, 200, 200, 429]

    response = log_in(client, url, username, PASSWORD)

    assert response.status_code == 429
    assert not logged_in(client)
    assert LOCKOUT_HEADING in response.content.decode()


def test_the_lockout_page_is_german_accessible_and_in_the_site_layout(client, home_page, member):
    fail(client, MEMBER_LOGIN, "erika", 5)
    response = log_in(client, MEMBER_LOGIN, "erika", PASSWORD)

    assert response.status_code == 429
    assert response["Content-Language"] == "de"
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert re.search(r"<title>Zu viele fehlgeschlagene Anmeldungen – ", html)
    headings = Headings()
    headings.feed(html)
    assert headings.h1 == [LOCKOUT_HEADING]
    assert 'role="alert"' in html
    assert "15 Minuten" in html
    assert 'href="/konto/passwort-vergessen/"' in html
    # The page is protected like every other page.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_unlocked_after_the_cool_off(client, home_page, member):
    fail(client, MEMBER_LOGIN, "erika", 5)
    assert log_in(client, MEMBER_LOGIN, "erika", PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    response = log_in(client, MEMBER_LOGIN, "erika", PASSWORD)

    assert response.status_code == 302
    assert logged_in(client)


def test_still_locked_just_before_the_cool_off_ends(client, home_page, member):
    fail(client, MEMBER_LOGIN, "erika", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=14))

    assert log_in(client, MEMBER_LOGIN, "erika", PASSWORD).status_code == 429


def test_other_users_and_other_addresses_are_not_locked_out(client, home_page, member, editor):
    fail(client, MEMBER_LOGIN, "erika", 5, address="192.0.2.10")

    # The same person from another address …
    response = log_in(client, MEMBER_LOGIN, "erika", PASSWORD, address="198.51.100.7")
    assert response.status_code == 302
    client.logout()
    # … and another person from the same address can still log in.
    response = log_in(client, ADMIN_LOGIN, "redakteur", PASSWORD, address="192.0.2.10")
    assert response.status_code == 302
    assert logged_in(client)


def test_four_failures_do_not_lock_and_a_success_starts_counting_afresh(client, home_page, member):
    fail(client, MEMBER_LOGIN, "erika", 4)
    assert log_in(client, MEMBER_LOGIN, "erika", PASSWORD).status_code == 302
    client.logout()

    responses = fail(client, MEMBER_LOGIN, "erika", 4)

    assert {response.status_code for response in responses} == {200}
    assert log_in(client, MEMBER_LOGIN, "erika", PASSWORD).status_code == 302


def test_behind_a_proxy_the_forwarded_client_is_locked_not_the_proxy(
    client, home_page, member, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_IPS = ["10.0.0.2"]
    proxy = "10.0.0.2"
    # The attacker's client puts a made-up address in front; nginx appends the real one.
    fail(
        client,
        MEMBER_LOGIN,
        "erika",
        5,
        address=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.66",
    )
    assert AccessAttempt.objects.get().ip_address == "198.51.100.66"

    # Erika herself, through the same proxy from her own address, is not locked out.
    response = log_in(
        client, MEMBER_LOGIN, "erika", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.44"
    )
    assert response.status_code == 302


def test_successful_log_ins_are_not_recorded(client, home_page, member):
    fail(client, MEMBER_LOGIN, "erika", 2)
    assert AccessAttempt.objects.count() == 1

    assert log_in(client, MEMBER_LOGIN, "erika", PASSWORD).status_code == 302

    assert AccessLog.objects.count() == 0
    assert AccessAttempt.objects.count() == 0  # a success clears the failures


def test_purge_deletes_failure_records_older_than_the_cool_off(client, home_page, member, editor):
    fail(client, MEMBER_LOGIN, "erika", 2)
    fail(client, ADMIN_LOGIN, "redakteur", 2)
    old = AccessAttempt.objects.get(username="erika")
    old.attempt_time = timezone.now() - datetime.timedelta(minutes=16)
    old.save()

    assert purge_login_attempts() == 1
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["redakteur"]

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(days=1))
    output = io.StringIO()
    call_command("purge_login_attempts", stdout=output)
    assert not AccessAttempt.objects.exists()
    assert output.getvalue() == "1 record(s) of log-ins deleted.\n"


# -- the client's address --


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.2"),  # no proxy trusted: the header is ignored
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own entry is ignored
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        # the outer proxy was passed by: the inner one appended the client itself
        (2, "203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (1, "", "10.0.0.2"),
        (1, "nonsense", "10.0.0.2"),
        (2, "nonsense, 10.0.0.9", "10.0.0.9"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_client_ip(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    settings.TRUSTED_PROXY_IPS = ["10.0.0.0/24"]
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_registration_rate_limit_counts_the_visitor_not_the_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_IPS = ["10.0.0.2"]
    settings.REGISTRATION_RATE_LIMIT = 2

    def request(visitor):
        return RequestFactory().post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=visitor)

    assert [rate_limited(request("203.0.113.5"), "registration") for _ in range(3)] == [
        False,
        False,
        True,
    ]
    assert (
        rate_limited(request("198.51.100.9"), "registration") is False
    )  # another visitor, same proxy


# -- password resets tell nobody whether an account exists --


def test_admin_password_reset_answers_alike_and_mails_only_known_addresses(
    client, home_page, editor
):
    def reset(email):
        return client.post("/admin/password_reset/", {"email": email}, follow=True)

    known = reset("redaktion@example.org")
    unknown = reset("niemand@example.org")

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert known.redirect_chain[-1][0].startswith("/admin/password_reset/done")
    # The same page, apart from the CSRF token (masked afresh on every render).
    assert without_csrf_token(known) == without_csrf_token(unknown)
    assert [message.to for message in mail.outbox] == [["redaktion@example.org"]]


def without_csrf_token(response):
    return re.sub(r'"CSRF_TOKEN": "\w+"', "", response.content.decode())


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1[-1] += data


# -- issue 13: what was found from outside --

MEMBER_RESET = "/konto/passwort-vergessen/"
ADMIN_RESET = "/admin/password_reset/"


@pytest.mark.parametrize("url", [MEMBER_LOGIN, ADMIN_LOGIN])
@pytest.mark.parametrize("length", [151, 254, 300])
def test_a_user_name_longer_than_any_account_is_refused_by_the_form(client, home_page, url, length):
    """Finding 2: axes stores the user name of a failure in 255 characters; a longer one
    gave a 500 on PostgreSQL. The form refuses it before anyone looks it up."""
    response = log_in(client, url, "ä" * length, "falsch")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"Der Benutzername darf höchstens 150 Zeichen lang sein (er hat {length})." in html
    assert not AccessAttempt.objects.exists()  # nothing looked up, nothing stored


def test_a_user_name_of_the_longest_allowed_length_is_looked_up(client, home_page):
    response = log_in(client, MEMBER_LOGIN, "ä" * 150, "falsch")
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "ä" * 150


def test_a_forged_forwarded_for_from_past_the_proxy_changes_nothing(
    client, home_page, member, settings
):
    """Finding 7: a client that reaches the app port directly (not through the proxy at
    TRUSTED_PROXY_IPS) cannot pick a new address for every try."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_IPS = ["127.0.0.1", "::1"]
    responses = [
        log_in(
            client,
            MEMBER_LOGIN,
            "erika",
            "falsch",
            address="203.0.113.66",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
        for n in range(5)
    ]

    assert [response.status_code for response in responses] == [200, 200, 200, 200, 429]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}


def test_a_forged_forwarded_for_does_not_reset_the_rate_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REGISTRATION_RATE_LIMIT = 2

    def direct(n):
        return RequestFactory().post(
            "/", REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        )

    assert [rate_limited(direct(n), "feedback") for n in range(3)] == [False, False, True]


@pytest.fixture
def queue(settings):
    """Tasks are only queued (django-tasks' dummy backend), so that the test sees what the
    request itself does; `run()` then does the worker's part."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    class Queue:
        @property
        def results(self):
            return default_task_backend.results

        def run(self):
            for result in self.results:
                result.task.call(*result.args, **result.kwargs)

    return Queue()


@pytest.mark.parametrize(
    ("url", "known"),
    [(MEMBER_RESET, "erika@example.org"), (ADMIN_RESET, "redaktion@example.org")],
)
def test_password_reset_mail_goes_through_the_queue_alike_for_any_address(
    client, home_page, member, editor, queue, url, known
):
    """Finding 8: the mail was sent inside the request, so a known address took longer.
    Now the request does the same work for a known and an unknown address (the same
    queries, one task queued, no mail); the task sends the mail, to the known one only."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The site and the form are looked up once per process and host; ask once first so
    # that both addresses meet the same warm process.
    assert client.get(url).status_code == 200
    queue.results.clear()  # the first request may store the site's settings
    work = {}
    for email in (known, "niemand@example.org"):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, {"email": email})
        assert response.status_code == 302
        assert mail.outbox == []  # no mail work inside the request
        work[email] = [re.sub(r"'[^']*'", "?", query["sql"]) for query in queries]

    assert work[known] == work["niemand@example.org"]
    assert len(queue.results) == 2
    assert "niemand@example.org" not in repr([result.args for result in queue.results])

    queue.run()

    assert [message.to for message in mail.outbox] == [[known]]
    link = re.search(r"https?://testserver(/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(link, follow=True).status_code == 200

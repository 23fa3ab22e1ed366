"""Bad input to the registration form never gives a server error: 1000 generated
submissions (any text, control characters, huge values, missing and repeated fields,
odd addresses) get either the form again with messages or the thank-you page."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import Registration
from tests.factories.events import EventPageFactory, berlin

FIELDS = [
    "name",
    "email",
    "organisation",
    "notes",
    "dietary_needs",
    "accessibility_needs",
    "consent",
    "website",
]
text = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=3000),
    st.sampled_from(["", " ", "on", "\x00", "a@b", "a@b.c", "<script>alert(1)</script>", "ä@ö.de"]),
    st.emails().map(str),
)
submissions = st.dictionaries(
    st.one_of(st.sampled_from(FIELDS), st.text(max_size=20)), text, max_size=10
)


@pytest.fixture
def event(calendar_page, frozen, settings):
    settings.REGISTRATION_RATE_LIMIT = 10**9  # the limit is tested elsewhere
    frozen(berlin(2025, 6, 1, 12, 0))
    return EventPageFactory(
        parent=calendar_page,
        registration_mode="intern",
        capacity=5,
        price=Decimal("10"),
        ask_notes=True,
        ask_dietary_needs=True,
    )


@pytest.mark.django_db
@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=submissions)
def test_generated_submissions_never_give_a_server_error(client, event, data):
    before = Registration.objects.count()
    response = client.post(event.url + "anmeldung/", data)
    assert response.status_code == 200
    stored = Registration.objects.count() - before
    if stored:  # only a complete, consenting, non-honeypot submission stores
        assert data.get("consent") and not data.get("website")

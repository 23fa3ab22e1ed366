import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from metropolregion import roles
from tests.factories.events import EventPageFactory, berlin

VALID = {
    "title": "Wasserstofftag Halle 2031",
    "start": "2031-03-10T10:00",
    "end": "2031-03-10T16:30",
    "format": "vor-ort",
    "venue": "Stadthaus",
    "street": "Marktplatz 2",
    "postcode": "06108",
    "city": "Halle (Saale)",
    "online_url": "",
    "description": "Unternehmen zeigen ihre Projekte.\n\nMit <Workshops> & Führungen.",
    "link": "https://partner.example.org/wasserstofftag",
    "topic": "wasserstoff",
    "organiser_name": "Stadt Halle (Saale)",
    "organiser_url": "https://halle.example.org/",
    "name": "Erika Beispiel",
    "email": "erika@example.org",
    "organisation": "Stadt Halle (Saale)",
    "phone": "0345 123456",
    "consent": "on",
}


def png(width=40, height=30, noise=False, name="bild.png"):
    """A PNG upload; with `noise` one that does not compress (a big file)."""
    if noise:
        import os

        image = PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = PILImage.new("RGB", (width, height), "#0b3d6e")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def calendar(calendar_page):
    """The calendar with one event on the topic Wasserstoff (the form offers it)."""
    EventPageFactory(parent=calendar_page, start=berlin(2031, 1, 5, 10, 0), topics=["Wasserstoff"])
    return calendar_page


@pytest.fixture
def form_url(calendar):
    return calendar.url + "melden/"


@pytest.fixture
def redaktion(db):
    user = get_user_model().objects.create_user(
        "redakteurin", "redaktion@example.org", "sicher-2031", first_name="Rita"
    )
    user.groups.add(Group.objects.get(name=roles.REDAKTION))
    return user


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST like a browser and run what the transaction queued (the mail tasks)."""

    def send(url, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return send

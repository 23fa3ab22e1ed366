"""Authentication backends for the test settings only."""

from axes.backends import AxesBackend


class TestClientAxesBackend(AxesBackend):
    """django-axes' backend as in production (metropolregion/settings/base.py), except for
    a call without a request: Django's test client `login()` (and Wagtail's
    `WagtailTestUtils.login()`, which uses it) authenticates without one, which axes
    refuses with an error. There is nobody to lock out without a request, so that call
    goes on to Django's backend; every log-in over HTTP is checked exactly as in
    production.

    AxesBackend rather than production's AxesStandaloneBackend: it adds Django's
    get_user() and permission checks (the same answers as the ModelBackend after it),
    because Wagtail's test utilities log in through the first backend in the list."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

"""Issue 13, finding 7: gunicorn listens on the loopback interface unless told otherwise, and
trusts forwarded headers from the same proxies as Django (TRUSTED_PROXY_IPS)."""

import runpy
from pathlib import Path

import pytest
from django.conf import settings

CONF = Path(settings.BASE_DIR) / "gunicorn.conf.py"


@pytest.fixture
def conf(monkeypatch):
    def load(**environ):
        for name in ("GUNICORN_BIND", "FORWARDED_ALLOW_IPS", "TRUSTED_PROXY_IPS"):
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(CONF))

    return load


def test_listens_on_loopback_and_trusts_only_local_proxies_by_default(conf):
    values = conf()
    assert values["bind"] == "127.0.0.1:8000"
    assert values["forwarded_allow_ips"] == "127.0.0.1,::1"


def test_follows_trusted_proxy_ips_and_can_be_told_otherwise(conf):
    values = conf(TRUSTED_PROXY_IPS="172.17.0.1", GUNICORN_BIND="0.0.0.0:8000")
    assert values["forwarded_allow_ips"] == "172.17.0.1"
    assert values["bind"] == "0.0.0.0:8000"  # in a container, published on 127.0.0.1 only
    assert (
        conf(TRUSTED_PROXY_IPS="172.17.0.1", FORWARDED_ALLOW_IPS="10.0.0.5")["forwarded_allow_ips"]
        == "10.0.0.5"
    )


def test_django_and_gunicorn_default_to_the_same_proxies(conf):
    assert conf()["forwarded_allow_ips"].split(",") == settings.TRUSTED_PROXY_IPS

"""Configuration from the environment; production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from metropolregion.settings.env import env_bool, env_int, env_list

BASE = str(settings.BASE_DIR)


def run_production(code, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "WAGTAILADMIN_BASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(DJANGO_SETTINGS_MODULE="metropolregion.settings.production", **env)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", code],
        cwd=BASE,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETUP = "import django; django.setup(); print('started')"


def test_production_refuses_to_start_without_secret_key():
    result = run_production(SETUP, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_production(SETUP, SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_deploy_checks_pass_with_both_set():
    code = (
        "import sys, django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_production(
        code,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
        WAGTAILADMIN_BASE_URL="https://portal.example.org",
    )
    assert result.returncode == 0, result.stderr


def test_deploy_checks_want_the_public_base_url_for_mail_links():
    code = (
        "import sys, django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    for base_url in ("", "http://127.0.0.1:8000", "https://other.example.org"):
        result = run_production(
            code,
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="portal.example.org",
            WAGTAILADMIN_BASE_URL=base_url,
        )
        assert result.returncode != 0 and "metropolregion.W002" in result.stderr, base_url


def test_env_helpers_parse_and_reject(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "12")
    monkeypatch.setenv("X_LIST", "a.example, b.example,")
    assert env_bool("X_BOOL") is True
    assert env_int("X_INT", 1) == 12
    assert env_list("X_LIST") == ["a.example", "b.example"]
    monkeypatch.setenv("X_BOOL", "vielleicht")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL"):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "zwölf")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env_int("X_INT", 1)


def test_database_url_selects_the_engine():
    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert engine == "django.db.backends.postgresql"
    else:
        assert engine == "django.db.backends.sqlite3"


def test_readme_documents_every_environment_variable():
    import pathlib
    import re

    base = pathlib.Path(BASE)
    source = "".join(p.read_text() for p in (base / "metropolregion" / "settings").glob("*.py"))
    names = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', source))
    readme = (base / "README.md").read_text()
    assert names, "no environment variables found"
    missing = sorted(name for name in names if f"`{name}`" not in readme)
    assert missing == []


def test_the_test_settings_keep_the_log_in_lock_out_on():
    """Issue 13: a fuzz test missed a 500 because the test settings switched django-axes
    off. It stays on, with axes' backend first as in production; only Django's test-client
    `login()` (no request) is let through (tests/auth_backends.py)."""
    from axes.backends import AxesStandaloneBackend
    from django.utils.module_loading import import_string

    from metropolregion.settings import base
    from metropolregion.settings import test as test_settings

    assert settings.AXES_ENABLED is True
    assert "AXES_ENABLED" not in vars(test_settings)
    first, *rest = settings.AUTHENTICATION_BACKENDS
    assert issubclass(import_string(first), AxesStandaloneBackend)
    assert rest == base.AUTHENTICATION_BACKENDS[1:]


def test_production_refuses_a_trusted_proxy_that_is_no_address():
    result = run_production(
        SETUP,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
        TRUSTED_PROXY_IPS="127.0.0.1,nginx",
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXY_IPS" in result.stderr

"""compose.yaml, read as data (no Docker engine on the development machines or in CI):
the topology it describes, that it scales, that its commands exist, that the app's
environment starts the production settings, that no secret is written into it, and
that the Dockerfile agrees with it."""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands, load_command_class

BASE = Path(settings.BASE_DIR)
COMPOSE = BASE / "compose.yaml"
ENV_EXAMPLE = BASE / "deploy" / "compose.env.example"
DOCKERFILE = BASE / "Dockerfile"

# Our image runs these; the other services are third-party images.
APP_SERVICES = {"migrate", "app", "worker", "scheduler"}
ONE_SHOTS = {"migrate", "createbucket"}
SECRET_NAME = re.compile(r"SECRET|PASSWORD|TOKEN|_KEY(_ID)?$")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def env_example():
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value
    return values


INTERPOLATION = re.compile(r"\$\$|\$\{(?P<name>[A-Z0-9_]+)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


def interpolate(text, env):
    """Compose's variable substitution: ${X}, ${X:-default}, ${X-default}, ${X:?error},
    ${X?error}, and $$ for a literal $."""

    def substitute(match):
        if match.group(0) == "$$":
            return "$"
        name, op, arg = match.group("name", "op", "arg")
        value = env.get(name)
        if op in (":-", ":?") and value == "":
            value = None
        if value is not None:
            return value
        if op and op.endswith("?"):
            raise LookupError(f"{name}: {arg}")
        return arg if op else ""

    return INTERPOLATION.sub(substitute, text)


def manage_py_command(argv):
    """The management command of ["python", "manage.py", NAME, …], or None."""
    if list(argv[:2]) == ["python", "manage.py"]:
        return argv[2]
    return None


def dockerfile_instruction(name):
    """The JSON argument of the Dockerfile's last NAME instruction (continuations joined)."""
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    lines = [line for line in text.splitlines() if line.startswith(f"{name} ")]
    assert lines, f"no {name} in the Dockerfile"
    return lines[-1]


# ---- the topology -------------------------------------------------------------------


def test_the_topology_has_every_piece(services):
    assert set(services) == {
        "migrate",
        "app",
        "worker",
        "scheduler",
        "db",
        "redis",
        "varnish",
        "minio",
        "createbucket",
    }
    assert services["db"]["image"].startswith("postgres:15")
    assert services["varnish"]["image"].startswith("varnish:")
    assert services["minio"]["image"].startswith("minio/minio:")
    assert services["createbucket"]["image"].startswith("minio/mc:")


def test_every_long_running_service_has_a_health_check(services):
    for name, service in services.items():
        check = service.get("healthcheck", {})
        if name in ONE_SHOTS:
            # The image's web check must not run against a job that ends.
            assert check == {"disable": True}, name
            assert service["restart"] == "no", name
            continue
        assert check.get("test"), f"{name} has no health check"
        assert check["test"][0] in ("CMD", "CMD-SHELL"), name
        assert not check.get("disable"), name
        assert service.get("restart") == "unless-stopped", name


def test_the_health_checks_of_our_processes_are_the_healthcheck_command(services):
    """`python -m metropolregion.healthcheck` (what `manage.py healthcheck` runs, without
    loading the apps first)."""
    from metropolregion.healthcheck import PROCESSES

    assert "healthcheck" in get_commands()
    for name, process in (("app", "web"), ("worker", "worker"), ("scheduler", "scheduler")):
        test = services[name]["healthcheck"]["test"]
        assert test == ["CMD", "python", "-m", "metropolregion.healthcheck", process]
        assert process in PROCESSES
    assert services["db"]["healthcheck"]["test"][1] == "pg_isready"
    assert services["redis"]["healthcheck"]["test"][1:] == ["redis-cli", "ping"]


def test_app_and_worker_scale_and_the_scheduler_stays_one(services):
    for name in ("app", "worker"):
        service = services[name]
        assert "container_name" not in service, name
        assert "hostname" not in service, name
        assert "ports" not in service, f"{name} publishes a host port: it could not scale"
        assert "replicas" not in service.get("deploy", {}), name
        assert service["networks"] == ["backend"], f"{name}: no fixed address"
    assert services["scheduler"]["deploy"]["replicas"] == 1
    assert "container_name" not in services["scheduler"]


def test_migrations_are_a_one_shot_release_step_the_others_wait_for(services):
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    for name in ("app", "worker", "scheduler"):
        depends = services[name]["depends_on"]
        assert depends["migrate"] == {"condition": "service_completed_successfully"}, name
        assert depends["db"] == {"condition": "service_healthy"}, name
        assert depends["redis"] == {"condition": "service_healthy"}, name
        assert depends["createbucket"] == {"condition": "service_completed_successfully"}, name
        assert "migrate" not in json.dumps(services[name].get("command", "")), name
    assert services["migrate"]["depends_on"]["db"] == {"condition": "service_healthy"}
    assert services["varnish"]["depends_on"]["app"] == {"condition": "service_healthy"}
    assert services["createbucket"]["depends_on"]["minio"] == {"condition": "service_healthy"}


def test_our_services_share_one_image_and_run_real_management_commands(services, settings):
    # db_worker checks its backend while it parses (the tests run tasks at once).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    commands = get_commands()
    images = {services[name]["image"] for name in APP_SERVICES}
    assert len(images) == 1
    for name in APP_SERVICES:
        assert services[name]["build"] == "."
        argv = services[name].get("command")
        if name == "app":
            assert argv is None  # the image's CMD: gunicorn
            continue
        command = manage_py_command(argv)
        assert command in commands, f"{name}: no management command {command!r}"
        # Its options exist, too.
        load_command_class(commands[command], command).create_parser(
            "manage.py", command
        ).parse_args(argv[3:])
    assert services["worker"]["command"][2] == "db_worker"
    assert "--no-reload" in services["worker"]["command"]  # never the autoreloader
    assert services["scheduler"]["command"][2] == "run_scheduler"


def test_third_party_images_are_pinned_by_version(services):
    for name, service in services.items():
        if name in APP_SERVICES:
            continue
        _, _, tag = service["image"].partition(":")
        assert tag and tag != "latest" and re.search(r"\d", tag), f"{name}: {service['image']}"


def test_state_lives_in_named_volumes(compose, services):
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert "media:/data" in services["minio"]["volumes"]
    assert set(compose["volumes"]) >= {"pgdata", "media"}
    for name in APP_SERVICES:
        assert "volumes" not in services[name], f"{name}: app servers keep no local state"


def test_varnish_uses_the_shipped_vcl_and_reaches_every_app_replica(compose, services):
    varnish = services["varnish"]
    mounts = {volume.split(":")[1]: volume.split(":")[0] for volume in varnish["volumes"]}
    assert mounts["/etc/varnish/default.vcl"] == "./deploy/varnish/default.vcl"
    assert mounts["/etc/varnish/site.vcl"] == "./deploy/compose/site.vcl"
    for source in mounts.values():
        assert (BASE / source).is_file(), source
    assert 'include "./site.vcl";' in (BASE / "deploy/varnish/default.vcl").read_text()
    site = (BASE / "deploy/compose/site.vcl").read_text()
    assert 'app_replicas.backend("app")' in site  # the service name, all its addresses
    assert 'port = "8000"' in site
    assert services["app"]["environment"]["GUNICORN_BIND"] == "0.0.0.0:8000"
    assert services["app"]["expose"] == ["8000"]
    # Varnish's fixed address is the app's only trusted proxy; the purge ACL is the network.
    address = varnish["networks"]["backend"]["ipv4_address"]
    assert services["app"]["environment"]["TRUSTED_PROXY_IPS"] == address
    subnet = compose["networks"]["backend"]["ipam"]["config"][0]["subnet"]
    network, bits = subnet.split("/")
    assert f'"{network}"/{bits};' in site
    assert services["app"]["environment"]["VARNISH_URL"] == "http://varnish:80"


# ---- environment and secrets ------------------------------------------------------------


def app_environment(services, env=None):
    raw = services["app"]["environment"]
    env = env_example() if env is None else env
    return {name: interpolate(str(value), env) for name, value in raw.items()}


def test_no_secret_is_written_into_the_file(services):
    for name, service in services.items():
        for key, value in (service.get("environment") or {}).items():
            if SECRET_NAME.search(key):
                value = str(value)
                assert re.fullmatch(r"\$\{[A-Z_]+(:-)?\}|\$\{[A-Z_]+:\?[^}]+\}", value), (
                    f"{name}: {key} must come from .env, not be written here"
                )
    database_url = services["app"]["environment"]["DATABASE_URL"]
    assert "${POSTGRES_PASSWORD:?" in database_url
    # The example holds placeholders only, and .env is kept out of git.
    for key, value in env_example().items():
        if SECRET_NAME.search(key) and value:
            assert "change-me" in value or key == "AWS_ACCESS_KEY_ID", key
    assert "/.env" in (BASE / ".gitignore").read_text().splitlines()


def test_required_secrets_stop_compose_when_missing(services):
    env = env_example()
    for name in ("SECRET_KEY", "POSTGRES_PASSWORD", "AWS_SECRET_ACCESS_KEY"):
        with pytest.raises(LookupError, match=name):
            app_environment(services, {**env, name: ""})


def test_every_required_variable_is_provided(services):
    """Every variable the settings require in production (`required=True`) is set, and so
    are those without which production would quietly fall back to a single machine."""
    source = "".join(p.read_text() for p in (BASE / "metropolregion" / "settings").glob("*.py"))
    required = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"[^)]*required=True', source))
    assert {"SECRET_KEY", "ALLOWED_HOSTS"} <= required
    environment = app_environment(services)
    for name in required | {"DATABASE_URL", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME"}:
        assert environment.get(name), f"{name} missing from the app's environment"
    # The worker, the scheduler and the release step get the same environment (the web
    # server's own GUNICORN_BIND and WEB_CONCURRENCY aside).
    shared = {
        key: value
        for key, value in services["app"]["environment"].items()
        if key not in ("GUNICORN_BIND", "WEB_CONCURRENCY")
    }
    for name in ("worker", "scheduler", "migrate"):
        assert services[name]["environment"] == shared, name


def test_the_app_environment_starts_the_production_settings(services):
    """The production settings, loaded in a process of their own with exactly the app's
    environment from compose.yaml and the example .env: PostgreSQL, Redis, object storage
    and Varnish purges are what they pick up."""
    environment = app_environment(services)
    code = (
        "import json, django; django.setup()\n"
        "from django.conf import settings as s\n"
        "db = s.DATABASES['default']\n"
        "print(json.dumps({'engine': db['ENGINE'], 'host': db['HOST'],"
        " 'options': db['OPTIONS'], 'debug': s.DEBUG,"
        " 'cache': s.CACHES['default']['BACKEND'], 'pages': s.CACHES['pages']['LOCATION'],"
        " 'storage': s.STORAGES['default']['BACKEND'],"
        " 'bucket': s.STORAGES['default'].get('OPTIONS', {}).get('bucket_name'),"
        " 'purge': s.WAGTAILFRONTENDCACHE.get('varnish', {}).get('LOCATION'),"
        " 'hosts': s.ALLOWED_HOSTS, 'proxies': s.TRUSTED_PROXY_IPS}))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own arguments
        [sys.executable, "-c", code],
        cwd=BASE,
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["host"] == "db"
    assert loaded["options"] == {"connect_timeout": 5}
    assert loaded["debug"] is False
    assert loaded["cache"] == "metropolregion.cache_backends.TolerantRedisCache"
    assert loaded["pages"] == "redis://redis:6379/0"
    assert loaded["storage"] != "django.core.files.storage.FileSystemStorage"
    assert loaded["bucket"] == "metropolregion-media"
    assert loaded["purge"] == "http://varnish:80"
    assert "localhost" in loaded["hosts"]
    assert loaded["proxies"] == ["172.30.118.10"]


# ---- the Dockerfile agrees ---------------------------------------------------------------


def test_the_dockerfile_runs_gunicorn_and_no_migrations_on_start():
    cmd = json.loads(dockerfile_instruction("CMD")[len("CMD ") :])
    assert cmd == ["gunicorn", "-c", "gunicorn.conf.py", "metropolregion.wsgi"]
    assert (BASE / "gunicorn.conf.py").is_file()
    assert "ENTRYPOINT" not in DOCKERFILE.read_text()
    assert "migrate" not in json.dumps(cmd)


def test_the_dockerfile_health_check_is_the_app_services(services):
    line = dockerfile_instruction("HEALTHCHECK")
    options, _, command = line.partition(" CMD ")
    assert json.loads(command) == services["app"]["healthcheck"]["test"][1:]
    flags = dict(option.lstrip("-").split("=") for option in shlex.split(options)[1:])
    check = services["app"]["healthcheck"]
    for flag in ("interval", "timeout", "start-period", "retries"):
        assert str(check[flag.replace("-", "_")]) == flags[flag], flag


# ---- the Varnish part compiles -----------------------------------------------------------

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


@pytest.mark.skipif(
    not os.access(VARNISHD, os.X_OK),
    reason="needs Varnish (varnishd): `sudo apt-get install varnish` (Debian)",
)
def test_the_compose_vcl_compiles_with_the_shipped_one():
    """varnishd -C on default.vcl with compose's site.vcl. Debian's Varnish has no
    vmod_dynamic (the official image does), so its director is swapped for a static
    backend here; the probe, the ACL and the `app` director are compiled as written."""
    site = (BASE / "deploy/compose/site.vcl").read_text()
    site = site.replace("import dynamic;", "")
    start = site.index("    new app_replicas = dynamic.director(")
    end = site.index(");", start) + 2
    site = site[:start] + site[end:]
    site = site.replace('app_replicas.backend("app")', "replica")
    site += '\nbackend replica {\n    .host = "127.0.0.1";\n    .port = "8000";\n    .probe = healthz;\n}\n'
    # varnishd compiles as its own unprivileged user: a folder it can read.
    folder = Path(tempfile.mkdtemp(prefix="compose-vcl-"))
    try:
        folder.chmod(0o755)
        shutil.copy(BASE / "deploy/varnish/default.vcl", folder / "default.vcl")
        (folder / "site.vcl").write_text(site)
        for vcl in folder.glob("*.vcl"):
            vcl.chmod(0o644)
        result = subprocess.run(  # noqa: S603 - our own arguments
            [VARNISHD, "-C", "-f", str(folder / "default.vcl"), "-n", str(folder / "work")],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-2000:]

# syntax=docker/dockerfile:1
#
# Production image: gunicorn (gunicorn.conf.py) serving metropolregion.wsgi on port 8000,
# static files served by whitenoise, user uploads in the volume /app/media.
#
# Build:
#   docker build -t metropolregion .
#
# Release (once per deploy, before the new containers take traffic). Migrations are a
# separate command and never run when a web container starts, so that several containers
# starting at once do not race each other on the schema:
#   docker run --rm --env-file metropolregion.env metropolregion python manage.py migrate --noinput
#
# Run:
#   docker run -d --name metropolregion -p 127.0.0.1:8000:8000 --stop-timeout 35 \
#     -e GUNICORN_BIND=0.0.0.0:8000 -e TRUSTED_PROXY_IPS=172.17.0.1 \
#     -e SECRET_KEY='<50+ random characters>' \
#     -e ALLOWED_HOSTS=portal.example.org \
#     -e DATABASE_URL=postgres://metropolregion:<password>@db.example.org:5432/metropolregion \
#     -e WAGTAILADMIN_BASE_URL=https://portal.example.org \
#     -v metropolregion-media:/app/media \
#     metropolregion
#
# (--env-file metropolregion.env in the release command holds the same variables.) A bind
# mount instead of the named volume must be writable by uid 10001. TLS is terminated in
# front (load balancer or nginx sending X-Forwarded-Proto); for a plain-HTTP test run add
# -e SECURE_SSL_REDIRECT=0. gunicorn.conf.py listens on 127.0.0.1 unless GUNICORN_BIND says
# otherwise: in the container it must be 0.0.0.0, and the port is published on the host's
# loopback only, for nginx on the host (its address as the container sees it, the bridge
# gateway, is TRUSTED_PROXY_IPS). Gunicorn's settings (WEB_CONCURRENCY, GUNICORN_THREADS, ...) are
# environment variables too, see gunicorn.conf.py; README.md lists the Django ones.

# ---------------------------------------------------------------------------------------
# Builder: install the dependency group "app" into a virtualenv. The project is not a
# package (PEP 735 dependency groups only), so there is no `pip install .`. All pinned
# dependencies ship binary wheels (psycopg[binary] brings its own libpq), so no compiler
# or system libraries are needed.
# ---------------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv \
    && /opt/venv/bin/python -m pip install --upgrade "pip>=25.1"

WORKDIR /build
# Only pyproject.toml, so that this layer is rebuilt only when the dependencies change.
COPY pyproject.toml ./
RUN /opt/venv/bin/python -m pip install --group app


# ---------------------------------------------------------------------------------------
# Runtime: the virtualenv plus the source, run as an unprivileged user.
# ---------------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH="/opt/venv/bin:${PATH}" \
    DJANGO_SETTINGS_MODULE=metropolregion.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media

# The user the server runs as; its home holds gunicorn's control socket.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app \
        --shell /usr/sbin/nologin app

COPY --from=builder /opt/venv /opt/venv

WORKDIR /app
# The source stays owned by root: the server can read it but not change it (.dockerignore
# keeps the local virtualenv, database, uploads, tests, the demo app and caches out).
COPY . .

# Collect and compress the static files into the image (whitenoise serves them with hashed
# names). Production settings refuse to start without SECRET_KEY and ALLOWED_HOSTS; these
# dummy values exist only for this one command and are not part of the image.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost \
        python manage.py collectstatic --noinput \
    && mkdir -p /app/media \
    && chown app:app /app/media

USER app

EXPOSE 8000

# Health of the web process: `manage.py healthcheck web` asks this container's gunicorn
# for /readyz/ (database, caches and media storage answer; metropolregion/health.py) with a
# Host from ALLOWED_HOSTS, bypassing proxies from the environment; exit 0 or 1, one line.
# The worker and the scheduler run from this image too, with their own check (compose.yaml;
# `docker run --health-cmd "python manage.py healthcheck worker"` or `... scheduler`).
# Liveness without the dependencies (Kubernetes livenessProbe): GET /healthz/.
HEALTHCHECK --interval=30s --timeout=15s --start-period=60s --retries=3 \
    CMD ["python", "-m", "metropolregion.healthcheck", "web"]

# Exec form: gunicorn is PID 1 and receives SIGTERM for a graceful shutdown.
# The same image runs the site's two other processes (README, "Deployment";
# docs/topology.md; compose.yaml runs all of them):
#   release step, once per deploy:  python manage.py migrate --noinput
#   task worker (mails, indexes):   python manage.py db_worker --no-reload
#   scheduler (exactly one):        python manage.py run_scheduler
CMD ["gunicorn", "-c", "gunicorn.conf.py", "metropolregion.wsgi"]

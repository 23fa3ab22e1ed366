# Two commands do all the set-up: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

VNU_VERSION ?= 26.9.27
VNU_DIR ?= .cache/vnu
VNU_PKG := $(VNU_DIR)/node_modules/vnu-jar

.PHONY: run test lint format bench rush screenshots lighthouse install browser validator wrk varnish messages check-deploy clean

## Create the virtual environment and install the pinned dependencies (once per change).
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet --group dev
	@touch $@

install: $(VENV)/.installed

## Migrate, load the demo content with one login per role, and run every process the site
## needs: the web server on http://$(HOST):$(PORT), the task worker (mails) and the scheduler
## (scheduled publishing, daily purges). Ctrl+C stops all three.
## Absolute links (canonical, feeds, mails) follow HOST and PORT: `make run PORT=8401`.
run: export WAGTAILADMIN_BASE_URL = http://$(HOST):$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --with-users
	@echo
	@echo "  Website:      http://$(HOST):$(PORT)/"
	@echo "  Verwaltung:   http://$(HOST):$(PORT)/admin/  (Zugänge siehe oben)"
	@echo "  Prozesse:     Webserver, Task-Worker (db_worker), Scheduler (run_scheduler)"
	@echo
	@trap 'kill $$(jobs -p) 2>/dev/null; wait' EXIT INT TERM; \
	$(PY) manage.py db_worker --no-reload --verbosity 0 & \
	$(PY) manage.py run_scheduler & \
	$(PY) manage.py runserver $(HOST):$(PORT)

## Install Debian's Chromium for the browser tests when it is missing (needs root).
browser:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Chromium from Debian for the browser tests …"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "NOTE: browser tests need Chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu)."; \
		echo "      Without it they are skipped here; CI installs it and runs them."; \
	fi

## Install the W3C Nu HTML Checker (npm package vnu-jar, pinned) for the HTML validity test.
## --ignore-scripts: its postinstall would download a Java runtime from another host.
validator:
	@if grep -qs '"version": *"$(VNU_VERSION)"' $(VNU_PKG)/package.json \
		&& [ -f $(VNU_PKG)/build/dist/vnu.jar ]; then :; \
	elif command -v npm >/dev/null && command -v java >/dev/null; then \
		echo "Installing the W3C Nu HTML Checker (vnu-jar $(VNU_VERSION)) into $(VNU_DIR) …"; \
		npm install --prefix $(VNU_DIR) --ignore-scripts --no-audit --no-fund --save-exact \
			--loglevel=error vnu-jar@$(VNU_VERSION); \
	else \
		echo "NOTE: the HTML validity test needs Java and npm: run"; \
		echo "      'sudo apt-get install default-jre-headless npm' (Debian/Ubuntu)."; \
		echo "      Without them it is skipped here; CI installs them and runs it."; \
	fi

## Run the whole test suite (DATABASE_URL=postgres://… runs it against PostgreSQL) in
## TEST_WORKERS processes (pytest-xdist; each has its own test database and demo copy, and
## gets the tests in their collection order, so the demo-site tests still come last).
TEST_WORKERS ?= 2
test: install browser validator varnish
	$(PY) -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

## Style, security lint, and the architecture: layers and no import cycles (import-linter,
## contracts in pyproject.toml, docs/architecture.md).
lint: install
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r . -ll -q

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## Install wrk (Debian) for the load test of `make bench` when it is missing (needs root).
wrk:
	@if command -v wrk >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing wrk from Debian for the load test …"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	else \
		echo "NOTE: the load test needs wrk: run 'sudo apt-get install wrk' (Debian/Ubuntu)."; \
	fi

## Install Varnish (Debian) for the HTTP-cache tests (tests/deploy/) when it is missing
## (needs root). varnishd lives in /usr/sbin, which is not always on PATH.
varnish:
	@if command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Varnish from Debian for the HTTP-cache tests …"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null; \
	else \
		echo "NOTE: the HTTP-cache tests need Varnish: run 'sudo apt-get install varnish' (Debian/Ubuntu)."; \
		echo "      Without it they are skipped here; CI installs it and runs them."; \
	fi

## SQL queries and render times per page type, then gunicorn under load: cached page,
## uncached page, static file; and the home page's weight (see README "Performance").
bench: install wrk browser
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo_content
	DEBUG=0 $(PY) manage.py bench

## The registration rush (issue 18; PostgreSQL and Redis): locust sends 2,000 visitors to a
## throw-away event with 300 places within a minute, 500 register; checks the places held.
rush: install
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "make rush needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal make rush" >&2; exit 2;; esac
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo_content
	DEBUG=0 $(PY) manage.py rush $(RUSH_ARGS)

## Full-page PNGs of every page type at 390 and 1366 px for a review without a browser:
## migrate, load the demo, serve it on a free port, shoot it with Debian's Chromium.
SCREENSHOTS_DIR ?= .cache/screenshots
screenshots: install browser
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo_content
	CHROMIUM_PATH=$(CHROMIUM) $(PY) manage.py screenshots --output "$(SCREENSHOTS_DIR)"

## Lighthouse (performance, accessibility, best practices, SEO) on a phone and a desktop for
## one page of each type: migrate, load the demo, serve it with gunicorn and the production
## settings on a free port, run the npm package lighthouse (pinned; Lighthouse 13 needs
## Node 22) with Debian's Chromium off the network; JSON reports in .cache/lighthouse/reports.
## One page or form factor: `make lighthouse LIGHTHOUSE_ARGS="--page home --form-factor mobile"`.
LIGHTHOUSE_VERSION ?= 12.8.2
LIGHTHOUSE_DIR := .cache/lighthouse
LIGHTHOUSE_PKG := $(LIGHTHOUSE_DIR)/node_modules/lighthouse
lighthouse: install browser
	@if grep -qs '"version": *"$(LIGHTHOUSE_VERSION)"' $(LIGHTHOUSE_PKG)/package.json; then :; \
	elif command -v npm >/dev/null; then \
		echo "Installing Lighthouse $(LIGHTHOUSE_VERSION) into $(LIGHTHOUSE_DIR) …"; \
		npm install --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund --save-exact \
			lighthouse@$(LIGHTHOUSE_VERSION); \
	else \
		echo "Lighthouse needs Node.js 18.20+ and npm: run 'sudo apt-get install nodejs npm'."; \
		exit 1; \
	fi
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo_content
	CHROMIUM_PATH=$(CHROMIUM) $(PY) manage.py lighthouse $(LIGHTHOUSE_ARGS)

## Extract and compile translations (needs GNU gettext: apt-get install gettext).
messages: install
	$(PY) manage.py makemessages -l de --ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

## Run Django's deployment checks with production settings.
check-deploy: install
	DJANGO_SETTINGS_MODULE=metropolregion.settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -dc a-zA-Z0-9)} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-portal.example.org} \
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-https://portal.example.org} \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .cache/vnu

## Back up the database and MEDIA_ROOT into a new folder below BACKUP_DIR (docs/backup.md).
BACKUP_DIR ?= backups
.PHONY: backup restore
backup: install
	$(PY) manage.py backup $(BACKUP_DIR)

## Restore one: `make restore BACKUP=backups/metropolregion-…` (stop the app first; asks).
restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=<backup folder>"; exit 2; }
	$(PY) manage.py restore $(BACKUP)

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

.PHONY: run test lint format bench install browser validator wrk messages check-deploy clean

## Create the virtual environment and install the pinned dependencies (once per change).
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet --group dev
	@touch $@

install: $(VENV)/.installed

## Migrate, load the demo content with logins, and serve on http://127.0.0.1:8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --with-users
	@echo
	@echo "  Website:      http://$(HOST):$(PORT)/"
	@echo "  Redaktion:    http://$(HOST):$(PORT)/admin/  (Zugänge siehe oben)"
	@echo
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

## Run the whole test suite (DATABASE_URL=postgres://… runs it against PostgreSQL).
test: install browser validator
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
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

## SQL queries and render times per page type, then gunicorn under load: cached page,
## uncached page, static file; and the home page's weight (see README "Performance").
bench: install wrk browser
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo_content
	DEBUG=0 $(PY) manage.py bench

## Extract and compile translations (needs GNU gettext: apt-get install gettext).
messages: install
	$(PY) manage.py makemessages -l de --ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

## Run Django's deployment checks with production settings.
check-deploy: install
	DJANGO_SETTINGS_MODULE=metropolregion.settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -dc a-zA-Z0-9)} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-portal.example.org} \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .cache/vnu

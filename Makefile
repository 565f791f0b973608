# PCMD — two commands do everything: `make run` (the embedded demo) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.local

.PHONY: run test install install-dev assets demo-data lint typecheck check-migrations bench messages clean

## make run: install, prepare the embedded SQLite database with real units and demo data, serve on 127.0.0.1:$(PORT)
run: install assets
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_admin_units
	$(PY) manage.py load_demo_data
	@echo "PCMD: http://127.0.0.1:$(PORT)/"
	$(PY) manage.py runserver --insecure 127.0.0.1:$(PORT)

## make test: the whole suite (unit, API and browser tests), plus lint, types and migrations check
test: install-dev assets
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest $(PYTEST_ARGS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

## Front-end packages from npm, copied into static/vendor (git-ignored; no CDN).
static/vendor/.copied: node_modules/.package-lock.json
	rm -rf static/vendor && mkdir -p static/vendor/tabler static/vendor/htmx static/vendor/echarts static/vendor/leaflet
	cp -r node_modules/@tabler/core/dist/css node_modules/@tabler/core/dist/js static/vendor/tabler/
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/
	cp node_modules/echarts/dist/echarts.min.js static/vendor/echarts/
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images static/vendor/leaflet/
	touch $@

assets: static/vendor/.copied

bench: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.local $(PY) -m bench

## Recompile translations after editing locale/*/LC_MESSAGES/django.po (needs GNU gettext).
messages: install-dev
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles

# TijdVoorElkaar: `make run` to try it, `make test` to check it.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO ?= 0
# Test processes (pytest-xdist); each has its own test database.
JOBS ?= auto

.PHONY: setup deps run test test-fast test-browser bench lint format worker clean-db prod-check prod-run

setup: deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo

deps: $(STAMPS)/python $(STAMPS)/node
	@mkdir -p var
	$(PY) scripts/compile_messages.py
	node frontend/build-css.mjs
	$(PY) manage.py collectstatic --noinput -v 0

$(STAMPS)/python: pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

$(STAMPS)/node: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

run: setup
	@echo ""
	@echo "TijdVoorElkaar draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	@echo "Inloglinks en andere e-mail verschijnen hier in de terminal."
	@$(PY) manage.py seed_demo | tail -n +2
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

test: deps
	$(VENV)/bin/pytest -n $(JOBS)

test-fast: deps
	$(VENV)/bin/pytest -n $(JOBS) -m "not browser"

test-browser: deps
	$(VENV)/bin/pytest -n $(JOBS) -m browser

bench: setup
	$(PY) bench/run.py

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: deps
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The task worker (emails, reminders) and the SMTP server for replies by email
# (receive_mail on $(MAIL_HOST):$(MAIL_PORT)) side by side; Ctrl+C stops both.
MAIL_HOST ?= 127.0.0.1
MAIL_PORT ?= 2525
worker: deps
	MAIL_HOST=$(MAIL_HOST) MAIL_PORT=$(MAIL_PORT) scripts/worker.sh

clean-db:
	rm -f var/db.sqlite3 var/db.sqlite3-wal var/db.sqlite3-shm

# The production profile on this machine (gunicorn + task worker on 127.0.0.1:8001);
# DEMO=1 loads the demo data. See scripts/prod-run.sh and docs/deployment.md.
prod-run: deps
	DEMO=$(DEMO) scripts/prod-run.sh

# Django's deployment checks with the production settings (placeholder secrets; every
# warning fails). See docs/deployment.md.
prod-check:
	DJANGO_ENV=production ALLOWED_HOSTS=tijdvoorelkaar.example.nl \
	SECRET_KEY=prod-check-placeholder-not-a-real-secret-0123456789abcdefghijklmnop \
	$(PY) manage.py check --deploy --fail-level WARNING

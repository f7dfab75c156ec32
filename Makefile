# Rakit — the two commands: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
export RAKIT_INSTANCE_DIR ?= $(CURDIR)/instance

.PHONY: demo serve test test-sqlite test-postgres install translations chromium lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,prod]'
	touch $@

install: $(VENV)/.installed translations

translations: $(VENV)/.installed
	@$(BIN)/pybabel compile -q -d runtime/translations 2>/dev/null || $(BIN)/pybabel compile -d runtime/translations

## make demo: fresh venv, install, migrate SQLite, load the catalogue and demo users, serve.
demo: install
	$(BIN)/flask --app runtime migrate
	$(BIN)/flask --app runtime seed-demo
	$(BIN)/flask --app runtime logins
	RAKIT_TRAINING_MODE=1 $(BIN)/flask --app runtime run --host 127.0.0.1 --port 5000

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@fc-list 2>/dev/null | grep -qi dejavu || { $(SUDO) apt-get install -y -qq fonts-dejavu-core || true; }

## make test: lint and types, everything on SQLite, then the database-backed tiers again on
## PostgreSQL when it answers.
test: install chromium lint typecheck test-sqlite test-postgres

test-sqlite:
	RAKIT_TEST_DB=sqlite $(BIN)/pytest -q -p no:cacheprovider

test-postgres:
	@if $(BIN)/python tests/pg_available.py; then \
		RAKIT_TEST_DB=postgresql $(BIN)/pytest -q -p no:cacheprovider tests/integration tests/e2e; \
	fi

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/rules_bench.py

clean:
	rm -rf $(VENV) instance .pytest_cache .mypy_cache .ruff_cache

# Two entry points, both idempotent: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 5000
# FAST=1 skips the slow browser and load tests (CI always runs them).
PYTEST_ARGS ?= $(if $(FAST),-m "not slow",)

# Pupil pages in Czech (source), Ukrainian and English: the .po catalogues are committed,
# the compiled .mo files are built here by `make install` (and so by run/test).
LOCALES_DIR := ozvise/translations
MO_FILES := $(patsubst %.po,%.mo,$(wildcard $(LOCALES_DIR)/*/LC_MESSAGES/messages.po))
# axe-core (npm) for the accessibility tests, installed from the npm registry.
AXE := node_modules/axe-core/axe.min.js

.PHONY: run test install lint bench clean-instance messages translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP) translations $(AXE)

translations: $(MO_FILES)

$(LOCALES_DIR)/%/LC_MESSAGES/messages.mo: $(LOCALES_DIR)/%/LC_MESSAGES/messages.po | $(STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@

# Re-extract the pupil-facing texts (babel.cfg) and merge them into every catalogue;
# then translate the new or changed entries (tests/test_translations.py lists any gap).
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --omit-header \
		-k lazy_gettext -o $(LOCALES_DIR)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALES_DIR)/messages.pot -d $(LOCALES_DIR) \
		--no-fuzzy-matching --ignore-obsolete --width 100

$(AXE): package.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing (apt-get install npm)"; exit 1; }
	npm install --no-audit --no-fund --no-package-lock --loglevel=error
	touch $@

# The server needs no npm: only the accessibility tests use axe-core.
run: $(STAMP) translations
	$(BIN)/ozvise db upgrade
	$(BIN)/ozvise schools import --quiet demo
	OZVISE_BASE_URL=$${OZVISE_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/ozvise demo seed
	OZVISE_BASE_URL=$${OZVISE_BASE_URL:-http://$(HOST):$(PORT)} \
		$(BIN)/ozvise serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$rc

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/ozvise bench detect

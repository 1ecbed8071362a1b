# Two entry points, both idempotent: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 5000
# FAST=1 skips the slow browser and load tests (CI always runs them).
PYTEST_ARGS ?= $(if $(FAST),-m "not slow",)

.PHONY: run test install lint bench clean-instance

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install
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

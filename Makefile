# Zentropy Scout — the two commands newcomers need are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev services lint check-deploy clean

## make run: the product on its embedded default (SQLite, no servers) with demo data
run: install
	bash scripts/run_embedded.sh

## make test: installs the test services and runs the whole suite (PostgreSQL, Redis, Chromium), then the SQLite smoke set
test: install-dev services
	bash scripts/run_tests.sh

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt requirements-nodeps.txt constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -r requirements-nodeps.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

services:
	bash scripts/install_services.sh

lint: install-dev
	$(BIN)/ruff check .

## production settings must pass Django's deployment checks
check-deploy: install
	bash scripts/check_deploy.sh

clean:
	rm -rf $(VENV)

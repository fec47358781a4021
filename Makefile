# `make run` sets everything up and materialises the warehouse; `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
# dbt must be on PATH for the Dagster dbt resource; one persistent Dagster instance folder.
export PATH := $(BIN):$(PATH)
export DAGSTER_HOME := $(CURDIR)/.dagster_home

DBT_SOURCES := $(shell find dbt_project -path dbt_project/target -prune -o -type f \( -name '*.sql' -o -name '*.yml' -o -name '*.csv' -o -name '*.md' \) -print)

.PHONY: setup run test ui lint bench corpus-deps reconstruction fetch clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(DAGSTER_HOME)/dagster.yaml: orchestration/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp $< $@

# DbtProject.prepare_if_dev() only parses under `dagster dev`: parse here for every entry point.
dbt_project/target/manifest.json: $(VENV)/.installed $(DBT_SOURCES)
	cd dbt_project && $(BIN)/dbt parse --quiet --profiles-dir .

setup: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml dbt_project/target/manifest.json

run: setup
	$(BIN)/python -m orchestration.materialize_all

test: setup
	$(BIN)/python -m pytest -n 3 --dist loadfile

# The UI's port, `make ui UI_PORT=3001` when 3000 is taken: a busy port stops `make ui` at once.
UI_PORT ?= 3000
ui: setup
	$(BIN)/python scripts/ui_port.py 127.0.0.1 $(UI_PORT)
	$(BIN)/dagster dev -h 127.0.0.1 -p $(UI_PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check .

# `make bench BENCH_SCALE_ARGS='--large-pages 0'` leaves out the 1,500-page report (minutes).
bench: setup
	$(BIN)/python scripts/bench_tables.py
	$(BIN)/python scripts/score_charts.py
	$(BIN)/python scripts/bench_pipeline.py
	$(BIN)/python scripts/bench_robustness.py
	$(BIN)/python scripts/bench_generalisation.py
	$(BIN)/python scripts/bench_scale.py $(BENCH_SCALE_ARGS)

# Producers of the generalisation corpus (Debian packages, as root); `make test` never needs them.
corpus-deps:
	apt-get update
	apt-get install -y --no-install-recommends chromium libreoffice-writer-nogui fonts-dejavu-core

reconstruction: $(VENV)/.installed
	$(BIN)/python scripts/build_reconstruction.py

# The only download of the project: `make fetch URL=<address of the report PDF>`.
fetch: $(VENV)/.installed
	$(BIN)/python scripts/fetch_report.py "$(URL)"

clean:
	rm -rf dbt_project/target dbt_project/logs data/warehouse

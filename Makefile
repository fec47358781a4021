# `make run` sets everything up and materialises the warehouse; `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
# dbt must be on PATH for the Dagster dbt resource; one persistent Dagster instance folder.
export PATH := $(BIN):$(PATH)
export DAGSTER_HOME := $(CURDIR)/.dagster_home

DBT_SOURCES := $(shell find dbt_project -path dbt_project/target -prune -o -type f \( -name '*.sql' -o -name '*.yml' -o -name '*.csv' -o -name '*.md' \) -print)

.PHONY: help setup run sql test ui docs lint bench corpus-deps reconstruction fetch clean

# `make help` lists the targets that have a `## ` comment on their line.
help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(VENV)/.installed: pyproject.toml
	@echo "Installing the project into $(VENV) (a minute or two, the first time)..."
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(DAGSTER_HOME)/dagster.yaml: orchestration/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp $< $@

# DbtProject.prepare_if_dev() only parses under `dagster dev`: parse here for every entry point,
# with the vars of a build, so that the builds reuse this parse (dbt's partial parsing).
dbt_project/target/manifest.json: $(VENV)/.installed $(DBT_SOURCES)
	@echo "Parsing the dbt project..."
	@cd dbt_project && $(BIN)/dbt parse --quiet --profiles-dir . \
		--vars "$$($(BIN)/python -c 'import json; from warehouse.atomic_build import dbt_build_vars; print(json.dumps(dbt_build_vars()))')"

setup: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml dbt_project/target/manifest.json  ## create .venv, install, parse dbt

run: setup  ## extract every PDF of the raw folder and build the warehouse (dinum run)
	@$(BIN)/dinum run

# The DuckDB shell of the venv (the release the warehouse is written with), read-only.
sql: setup  ## open a SQL shell on the warehouse, read-only (.quit or Ctrl-D leaves)
	@$(BIN)/dinum sql

test: setup  ## run the whole test suite (what CI runs)
	$(BIN)/python -m pytest -n 3 --dist loadfile

# The UI's port, `make ui UI_PORT=3001` when 3000 is taken: a busy port stops `make ui` at once.
UI_PORT ?= 3000
ui: setup  ## Dagster UI on http://127.0.0.1:3000, or UI_PORT (Ctrl-C stops it)
	@exec $(BIN)/dinum ui --host 127.0.0.1 --port $(UI_PORT)

# dbt's docs site (models, columns, lineage, the warehouse's catalog), offline, on DOCS_PORT;
# target/static_index.html is the same site in one file that opens from disk.
DOCS_PORT ?= 8080
# The paths as the pipeline resolves them (DINUM_WAREHOUSE may be relative to this folder).
DBT_VARS = $$($(BIN)/python -c 'import json; from warehouse.settings import dbt_vars; print(json.dumps(dbt_vars()))')
docs: setup  ## dbt's docs site, offline, on DOCS_PORT
	@$(BIN)/python -c 'from warehouse.settings import warehouse_path as w; import sys; w().exists() or sys.exit(f"no warehouse at {w()}: run `make run` first")'
	cd dbt_project && $(BIN)/dbt docs generate --quiet --static --profiles-dir . --vars "$(DBT_VARS)"
	@echo "dbt docs on http://127.0.0.1:$(DOCS_PORT) (Ctrl-C stops it); the same site in one file: dbt_project/target/static_index.html"
	cd dbt_project && $(BIN)/dbt docs serve --profiles-dir . --host 127.0.0.1 --port $(DOCS_PORT) --no-browser

lint: $(VENV)/.installed  ## ruff
	$(BIN)/ruff check .

# `make bench BENCH_SCALE_ARGS='--large-pages 0'` leaves out the 1,500-page report (minutes).
bench: setup  ## benchmarks: tables, charts, pipeline timings, robustness, corpus, triage, scale, backfill
	$(BIN)/python scripts/bench_tables.py
	$(BIN)/python scripts/score_charts.py
	$(BIN)/python scripts/bench_pipeline.py
	$(BIN)/python scripts/bench_robustness.py
	$(BIN)/python scripts/bench_generalisation.py
	$(BIN)/python scripts/bench_triage.py
	$(BIN)/python scripts/bench_scale.py $(BENCH_SCALE_ARGS)
	$(BIN)/python scripts/bench_backfill.py

# Producers of the generalisation corpus (Debian packages, as root); `make test` never needs them.
corpus-deps:  ## install Chromium and LibreOffice (Debian, as root) for the corpus
	apt-get update
	apt-get install -y --no-install-recommends chromium libreoffice-writer-nogui fonts-dejavu-core

reconstruction: $(VENV)/.installed  ## rebuild the shipped PDF
	$(BIN)/python scripts/build_reconstruction.py

# The only download of the project: `make fetch URL=<address of the report PDF>`.
fetch: $(VENV)/.installed  ## download a report PDF into the raw folder: make fetch URL=...
	$(BIN)/dinum fetch "$(URL)"

# The Dagster instance goes too: its partitions and run history name the reports of the
# warehouse that is deleted here.
clean:  ## delete the warehouse, dbt's files and the Dagster instance (not .venv)
	rm -rf dbt_project/target dbt_project/logs data/warehouse $(DAGSTER_HOME)

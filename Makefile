# eventwire — two commands on a fresh machine: `make demo`, then `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.eventwire-installed
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint typecheck pytest install bench eval clean browser serve screenshots

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e '.[dev,ray]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@echo "=== One article: examples/kyiv-aid.txt"
	$(BIN)/eventwire extract examples/kyiv-aid.txt --format table
	@echo "=== The bundled corpus (text, HTML, JSONL, CSV, RSS; a few deliberately broken) into DuckDB"
	rm -f examples/corpus.duckdb
	$(BIN)/eventwire ingest examples/corpus --db examples/corpus.duckdb; test $$? -le 1
	@echo "=== USA-CHN relations by month"
	$(BIN)/eventwire dyad USA CHN --db examples/corpus.duckdb --by month
	@echo
	@echo "dashboard: run 'make serve', then open http://127.0.0.1:8000/"

serve: $(STAMP)
	@test -f examples/corpus.duckdb || { $(BIN)/eventwire ingest examples/corpus --db examples/corpus.duckdb; test $$? -le 1; }
	$(BIN)/eventwire serve --db examples/corpus.duckdb

# Browser tests drive Debian's chromium through Playwright (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/mypy tests

pytest: $(STAMP)
	$(BIN)/pytest -q

test: browser lint typecheck pytest

screenshots: browser $(STAMP)
	EVENTWIRE_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/test_browser.py

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

eval: $(STAMP)
	$(BIN)/eventwire eval actors --gold ../shared/data/gold/plover_gsr_cameo.json
	$(BIN)/eventwire eval quotes --gold ../shared/data/gold/quotes-polnear/dev
	$(BIN)/eventwire eval time --gold ../shared/data/gold/timeml
	$(BIN)/eventwire eval places --gold ../shared/data/gold/geo
	$(BIN)/eventwire eval events --gold ../shared/data/gold/plover_gsr_cameo.json
	$(BIN)/eventwire eval events --gold eval/events-dev-news.jsonl --section events-dev-news
	$(BIN)/eventwire eval events --gold eval/events-heldout.jsonl --section events-heldout

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache

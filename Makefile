# eventwire — two commands on a fresh machine: `make demo`, then `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.eventwire-installed
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint typecheck pytest install bench eval clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@for f in examples/*.txt; do \
	  echo; echo "=== $$f"; $(BIN)/eventwire extract "$$f" --format table || exit 1; \
	done

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

eval: $(STAMP)
	$(BIN)/eventwire eval quotes --gold ../shared/data/gold/quotes-polnear/dev
	$(BIN)/eventwire eval time --gold ../shared/data/gold/timeml
	$(BIN)/eventwire eval places --gold ../shared/data/gold/geo
	$(BIN)/eventwire eval events --gold ../shared/data/gold/plover_gsr_cameo.json

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache

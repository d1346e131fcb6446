# Two commands on a fresh machine: `make serve` and `make test`. Everything goes into .venv.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve site test lint clean setup

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

site: $(STAMP)
	$(BIN)/python scripts/build_site.py

test: $(STAMP)
	$(BIN)/ruff check lkip_build hooks tests scripts
	$(BIN)/pytest

clean:
	rm -rf $(VENV) site .builds

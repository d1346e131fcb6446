# Two commands on a fresh machine: `make serve` and `make test`. Everything goes into .venv.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve site test test-browser lint clean setup bench

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Live preview for editors: no PDF (it needs a browser run per report on every change).
serve: $(STAMP)
	LKIP_PDF=0 $(BIN)/mkdocs serve --dirty

site: $(STAMP)
	$(BIN)/python scripts/build_site.py

test: $(STAMP)
	$(BIN)/ruff check lkip_build hooks tests scripts bench
	$(BIN)/actionlint -color=false .github/workflows/*.yml
	$(BIN)/mypy
	$(BIN)/pytest

# Only the real-browser tests (also part of `make test`). They need /usr/bin/chromium
# (apt-get install -y chromium fonts-liberation) and are skipped without it.
# Screenshots go to build/screenshots/.
test-browser: $(STAMP)
	$(BIN)/pytest tests/browser

clean:
	rm -rf $(VENV) site .builds

# The benchmark (not part of `make test`): overhead over plain MkDocs, the N-report curve,
# preview latency, `lkip check` time. SIZES="1 10 40" for the full curve.
SIZES ?= 1 10
bench: $(STAMP)
	$(BIN)/python bench/run.py --sizes $(SIZES) --repeat 3

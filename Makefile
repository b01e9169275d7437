# The two commands: `make serve` (set up, generate, preview) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build site test eval bench chromium hugo clean compiled

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## The extractors compiled to C with mypyc (once per change of their sources; Python runs them if this fails).
compiled: $(STAMP)
	@$(BIN)/python -c 'from build_scripts import compiled; print(compiled.build(say=print))'

## Generate the pages from articles/ and serve the site with live reload.
serve: compiled
	$(BIN)/python -m build_scripts build
	$(BIN)/mkdocs serve --dirty

## Generate the pages only.
build: compiled
	$(BIN)/python -m build_scripts build

## Generate and build the static site into site/.
site: compiled
	$(BIN)/mkdocs build --strict

## Chromium from Debian's packages, for the browser tests.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

## Hugo from Debian's packages, the benchmark's yardstick.
hugo:
	@command -v hugo >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq hugo; }

## Set up and run every test.
test: compiled chromium
	$(BIN)/python -m pytest -q

## Time synthetic archives of 1,000, 10,000 and 20,000 articles (make bench SIZES=1000 for a quick run).
SIZES ?= 1000 10000 20000
bench: compiled chromium hugo
	$(BIN)/python -m benchmarks.bench $(SIZES)
	$(BIN)/python benchmarks/duplicates.py

## Precision and recall of the extractors on the sample articles and the gold sample.
eval: compiled
	$(BIN)/python -m build_scripts.evaluate

clean:
	rm -rf site .cache docs/articles docs/actors docs/countries docs/data docs/timeline docs/stories \
	  docs/sources docs/languages docs/feeds docs/charts

# Two commands on a fresh machine (Python 3.11):
#   make crawl   set up, then crawl (URL=https://... for a real site; none: the bundled demo site)
#   make test    set up, then run the whole test suite
# Each creates what it needs: system packages, the virtual environment, the packages.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: crawl test lint bench system clean

# System packages the tests need (redis-server for the distributed-crawl tests).
system:
	@bash scripts/system-packages

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	@touch $(STAMP)

crawl: $(STAMP)
	$(BIN)/scrapy demo $(if $(URL),$(URL),)

test: system $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The development corpora (kept outside the repository, see benchmarks/README.md):
# both by default; CORPORA="a b" for others, CORPUS=a for one (the older spelling).
CORPORA ?= $(if $(CORPUS),$(CORPUS),../shared/bench/article-extraction-benchmark ../shared/bench/readability-test-pages)
CORPUS_ARGS = $(foreach corpus,$(CORPORA),--corpus $(corpus))

bench: $(STAMP)
	$(BIN)/python -m benchmarks.extraction $(CORPUS_ARGS) --repeat 8 --worst 10 --no-fallback
	$(BIN)/python -m benchmarks.metadata $(CORPUS_ARGS) --worst 5
	$(BIN)/python -m benchmarks.pagetype $(CORPUS_ARGS) --errors 10
	$(BIN)/python -m benchmarks.text $(CORPUS_ARGS) --repeat 3

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

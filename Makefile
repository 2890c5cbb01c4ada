# The quick start is two commands: `make demo` and `make test`. Both set up .venv from scratch.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_STORE ?= embedded:./data/demo

.PHONY: setup install demo test lint bench bench-deps clean lock system-deps

WEB := api/web
# Neo4j's own Cypher parser and semantic analysis, which tests/test_neo4j_dialect.py runs every statement through.
DIALECT := tests/neo4j_dialect
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The tests' node packages too: a suite run after `make setup` alone needs them (tests/test_neo4j_dialect.py).
setup: $(VENV)/.installed $(WEB)/node_modules/.installed $(DIALECT)/node_modules/.installed

# Node packages from the npm registry, each folder's from its lock file: ECharts for the web page and Swagger UI
# for /docs (api/web, served by the app itself: no CDN), and Neo4j's Cypher front-end for the tests
# (tests/neo4j_dialect). No install scripts: none is needed, and swagger-ui-dist's @scarf/scarf would report
# the install home.
%/node_modules/.installed: %/package.json %/package-lock.json
	npm ci --prefix $* --no-audit --no-fund --silent --ignore-scripts
	touch $@

# The browser test and the compose check use Debian's chromium, chromium-driver, CJK fonts and docker-compose.
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
	    || ! command -v docker-compose >/dev/null || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    chromium chromium-driver fonts-noto-cjk docker-compose >/dev/null; \
	fi

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $@

# What a service runs from: the product alone, pinned by constraints.txt, in its own venv (SERVICE_VENV, e.g.
# /opt/dutygraph), not the development one: no test tools (pytest, selenium …) and none of the tests' node packages.
# A copy (`pip install .`), not a link to this checkout, so a `git pull` here changes nothing under a running
# service until `make install` is run again; the page's ECharts and Swagger UI go into that copy (pyproject's
# package data), so npm is needed here, once, and not where it runs. Run again to upgrade, then restart the service.
SERVICE_VENV ?= service-venv
SERVICE_BIN = $(abspath $(SERVICE_VENV))/bin

install: $(WEB)/node_modules/.installed
	$(PYTHON) -m venv $(SERVICE_VENV)
	$(SERVICE_BIN)/pip install --quiet --upgrade pip
	$(SERVICE_BIN)/pip install --quiet --constraint constraints.txt .
	rm -rf build  # setuptools' staging copy: a later build would take files from it that are gone from here
	@# Checked from outside this folder, where `python -c` would import the checkout's code instead.
	cd / && $(SERVICE_BIN)/python -c "from api.routes.pages import missing_files; \
	  assert not missing_files(), f'not installed: {missing_files()}'"
	$(SERVICE_BIN)/dutygraph --version

demo: setup
	$(BIN)/dutygraph reset --yes --store $(DEMO_STORE)
	$(BIN)/dutygraph ingest examples/ --region 示例市 --store $(DEMO_STORE)
	$(BIN)/dutygraph report --store $(DEMO_STORE)

test: setup system-deps
	$(BIN)/pytest

# Benchmark sizes in duty clauses; results go to bench/results.md and bench/results.json.
BENCH_SIZES ?= 10000 100000

bench: setup bench-deps
	$(BIN)/python -m bench.run --sizes $(BENCH_SIZES)

# The API load comes from Debian's wrk (without it, from Python threads that take CPU from the server).
bench-deps:
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  $(SUDO) apt-get install -y -qq wrk >/dev/null; } || echo "wrk not installed: the API load comes from Python"

lint: setup
	$(BIN)/ruff check .

# Re-pin every dependency to what resolves today (run, then commit constraints.txt).
lock:
	rm -rf /tmp/dutygraph-lock && $(PYTHON) -m venv /tmp/dutygraph-lock
	/tmp/dutygraph-lock/bin/pip install --quiet '.[dev]'
	/tmp/dutygraph-lock/bin/pip freeze --exclude dutygraph > constraints.txt

clean:
	rm -rf $(VENV) data $(WEB)/node_modules test-output

# The quick start is two commands: `make demo` and `make test`. Both set up .venv from scratch.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_STORE ?= embedded:./data/demo

.PHONY: setup demo test lint bench clean lock

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $@

demo: setup
	$(BIN)/dutygraph reset --yes --store $(DEMO_STORE)
	$(BIN)/dutygraph ingest examples/ --region 示例市 --store $(DEMO_STORE)
	$(BIN)/dutygraph stats --store $(DEMO_STORE)
	$(BIN)/dutygraph report --store $(DEMO_STORE)

test: setup
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .

# Re-pin every dependency to what resolves today (run, then commit constraints.txt).
lock:
	rm -rf /tmp/dutygraph-lock && $(PYTHON) -m venv /tmp/dutygraph-lock
	/tmp/dutygraph-lock/bin/pip install --quiet '.[dev]'
	/tmp/dutygraph-lock/bin/pip freeze --exclude dutygraph > constraints.txt

clean:
	rm -rf $(VENV) data

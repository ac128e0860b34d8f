# Time Warp Studio: the README's commands.  Everything installs into .venv in this checkout.
#   make run    set up, then start the hub on http://127.0.0.1:8000
#   make lab    set up, then start plain JupyterLab on http://127.0.0.1:8888 with every kernel
#   make test   set up, then run the whole test suite
#   make bench  set up, then run every benchmark
# Debian packages (python3-venv, chromium, ...) are installed with apt-get when run as root.

SYSTEM_PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
IS_ROOT := $(shell test "$$(id -u)" = 0 && echo yes)
# Debian packages the tests use: the browser, ucblogo under a virtual display as Logo's oracle,
# and PostgreSQL (the chart's backup is tested against a real server).
TEST_DEBS := chromium xvfb ucblogo postgresql

.PHONY: setup setup-test run lab test bench clean debs-test

setup: $(INSTALLED) node_modules/.installed

$(BIN)/python:
	@if ! $(SYSTEM_PYTHON) -c 'import ensurepip, venv' 2>/dev/null; then \
	  if [ "$(IS_ROOT)" = yes ]; then apt-get update -qq && apt-get install -y -qq python3-venv; \
	  else echo "Please install python3-venv (sudo apt-get install python3-venv)"; exit 1; fi; fi
	$(SYSTEM_PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# pip's build hook (extensions/hatch_build.py) builds the JupyterLab extension with npm: reinstall
# when its sources change.
EXTENSION_SOURCES := $(shell find extensions/src extensions/examples extensions/scripts extensions/settings \
  -type f -not -path '*/generated/*' 2>/dev/null) $(wildcard extensions/*.json extensions/*.js extensions/*.py)

# The files pyproject.toml's shared-data copies into .venv (kernel specs, Jupyter configuration)
# are copies, not links: reinstall when they change too.
SHARED_DATA := $(wildcard kernels/timewarp/kernel/kernelspecs/*/* grading/timewarp_grading/jupyter-config/* \
  hub_config/timewarp_hub/jupyter-config/*)

$(INSTALLED): pyproject.toml $(EXTENSION_SOURCES) $(SHARED_DATA) | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

# configurable-http-proxy comes from npm: the Python re-implementation corrupts binary websocket frames.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

debs-test:
	@missing=""; for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$(IS_ROOT)" = yes ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Missing Debian packages:$$missing (install them with apt-get)"; exit 1; fi; fi

setup-test: setup debs-test

lab: setup
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=8888 --no-browser

# The hub on http://127.0.0.1:8000; --demo adds teacher1, student1, student2 and a demo course.
run: setup
	$(BIN)/python -m timewarp_hub --demo

test: setup-test
	$(BIN)/python -m pytest

bench: setup-test
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) node_modules test-artifacts .pytest_cache
	rm -rf extensions/node_modules extensions/labextension extensions/lib extensions/src/generated \
	  extensions/tsconfig.tsbuildinfo

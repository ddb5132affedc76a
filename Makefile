# Fair Leverage: every target sets up what it needs itself (see README and CONTRIBUTING.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
REQUIREMENTS := build_scripts/requirements.txt
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

# Debian packages the build and tests need, installed only when missing.
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	else echo "error: please install the Debian package(s) $(1) (needs root)" >&2; exit 1; fi

.PHONY: help
help:
	@echo "make serve   set up, build the site assets and serve the site at http://127.0.0.1:8000 (live reload)"
	@echo "make test    set up (Python packages, Pyodide core, Chromium, Firefox, WebKit) and run every test"
	@echo "make check   run only the fast static checks (ruff, mypy, tsc, Prettier)"
	@echo "make format  format the Python (ruff) and the JavaScript (Prettier)"
	@echo "make build   write the deployable site to site/"
	@echo "make bench   run the benchmarks in tests/bench/ and print their figures"
	@echo "make report  print each page's prose word count and Flesch reading ease"
	@echo "make clean   remove everything the build made (.venv, .cache, build, site)"

$(INSTALLED): $(REQUIREMENTS)
	@python=$$(build_scripts/find-python.sh) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	rm -rf $(VENV) && "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r $(REQUIREMENTS)
	@touch $@

.PHONY: install
install: $(INSTALLED) npm fonts tools

.PHONY: npm
npm:
	@command -v npm >/dev/null || { echo "Installing npm (used to fetch the pinned Pyodide core)"; $(call APT_INSTALL,npm); }

# The checkers' npm tools (tests/tools/package.json), reinstalled only when the lock file changes.
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; Debian's is used instead.
TOOLS := tests/tools
TOOLS_STAMP := $(TOOLS)/node_modules/.installed
$(TOOLS_STAMP): $(TOOLS)/package-lock.json | npm
	npm ci --prefix $(TOOLS) --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: tools
tools: $(TOOLS_STAMP)

.PHONY: java
java:
	@command -v java >/dev/null || { echo "Installing Debian's Java runtime for the Nu HTML Checker"; $(call APT_INSTALL,default-jre-headless); }

# The social cards are drawn with a local font; the build never downloads one.
.PHONY: fonts
fonts:
	@[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || { echo "Installing Debian's DejaVu fonts for the social cards"; $(call APT_INSTALL,fonts-dejavu-core); }

.PHONY: chromium
chromium:
	@[ -x /usr/bin/chromium ] || { echo "Installing Debian's Chromium for the browser tests"; $(call APT_INSTALL,chromium); }

# The cross-engine tests (tests/engines): Firefox ESR, and WebKitGTK's WebDriver (which brings
# WebKit and its MiniBrowser) on an Xvfb display.
.PHONY: engines
engines:
	@[ -x /usr/bin/firefox-esr ] && [ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/bin/Xvfb ] || { echo "Installing Debian's Firefox ESR, WebKitGTK WebDriver and Xvfb for the cross-engine tests"; $(call APT_INSTALL,firefox-esr webkit2gtk-driver xvfb); }

.PHONY: serve
serve: install
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

.PHONY: build
build: install
	$(VENV)/bin/mkdocs build --strict --clean --site-dir site

.PHONY: test
test: install chromium engines tools java
	$(PY) -m pytest

# The fast static checks only: ruff (lint and format), mypy --strict, tsc --noEmit, Prettier.
.PHONY: check
check: $(INSTALLED) tools
	$(PY) -m pytest -q tests/checks/test_python_static.py tests/checks/test_javascript_static.py

# Formats what the checks hold to one style (the JavaScript files: tests/checks/javascript.py).
.PHONY: format
format: $(INSTALLED) tools
	$(VENV)/bin/ruff format .
	$(PY) -m tests.checks.javascript

.PHONY: bench
bench: install chromium tools
	$(PY) tests/bench/bench_score.py
	$(PY) tests/bench/quick_check.py
	$(PY) tests/bench/bench_workshop.py
	$(PY) tests/bench/plan_bench.py
	$(PY) tests/bench/browser_bench.py $(BENCH_ARGS)

.PHONY: report
report: install
	$(PY) -m tests.content.report

.PHONY: clean
clean:
	rm -rf $(VENV) .cache build site $(TOOLS)/node_modules

# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install run serve test browser bench eval loadtest rules lock clean

$(STAMP): requirements.lock requirements-pip.lock pyproject.toml
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); } || { \
		rm -rf $(VENV); \
		echo "Could not create a Python virtual environment. On Debian or Ubuntu: sudo apt-get install python3-venv"; \
		exit 1; }
	@echo "Installing (first time: a minute or two)..."
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/flask --app wsgi run --host $(HOST) --port $(PORT)

# Production: gunicorn, several workers. Needs FRAMING_SECRET_KEY (see README).
serve: install
	$(BIN)/gunicorn --config gunicorn.conf.py wsgi:app

test: install browser
	$(BIN)/python -m pytest

# The browser tests (tests/browser) drive Debian's Chromium through Playwright.
# As root with apt-get (CI, a fresh container) Chromium is installed; anywhere
# else the browser tests are skipped and this says how to enable them.
browser:
	@if command -v chromium >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else \
		echo "Browser tests will be skipped: Chromium is missing. To run them: sudo apt-get install chromium"; \
	fi

bench: install
	$(BIN)/python -m framing.bench
	$(BIN)/python -m webapp.bench

# How the guideline checks, the partner fit and the reframer do on annotated real texts
# (a benchmark, not a gate).
eval: install
	$(BIN)/python -m framing.evaluate --corpus tests/corpus/guidelines
	$(BIN)/python -m framing.evaluate_fit
	$(BIN)/python -m framing.evaluate_reframe

# Load and fault tests against the production server (slow; not part of `make test`).
loadtest: install
	$(BIN)/python -m webapp.loadtest

rules: install
	$(BIN)/framing rules

# Regenerate the hashed lock file after changing dependencies in pyproject.toml.
# Then copy the new pip pin and its hashes into requirements-pip.lock (a test checks they agree).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra dev \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info

# Two commands on a fresh machine: `make run` serves Guichet, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BROWSER_STAMP := $(VENV)/.browser-stamp
# The CPU build of torch lies on disk here; an unpinned torch would pull a multi-GB CUDA build.
TORCH := torch==2.13.0

.PHONY: run test install clean

$(STAMP): pyproject.toml Makefile
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Guichet needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet "$(TORCH)"
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/guichet index
	$(BIN)/guichet serve

# The browser tests drive Debian's Chromium (Playwright's own download would need its CDN).
$(BROWSER_STAMP): $(STAMP)
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	  || { echo "The browser tests need Debian's chromium: apt-get install chromium"; exit 1; }
	touch $(BROWSER_STAMP)

test: $(STAMP) $(BROWSER_STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV)

# Two commands on a fresh machine: `make run` serves Guichet, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
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

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV)

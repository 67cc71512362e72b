# CNN Studio: `make run` starts the app, `make test` runs every check (ruff, the import contracts
# in pyproject.toml, pytest). Both set up what a fresh machine lacks first: a virtual environment
# with torch's CPU build, PySide6, pyqtgraph and the test tools with the ONNX extra (and, for
# `make run`, the system libraries Qt's window needs).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
TORCH  ?= torch==2.13.0
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
ARGS   ?=

.PHONY: run test lint bench translations

run: $(STAMP)
	@packaging/install-qt-libs.sh
	$(BIN)/cnnstudio $(ARGS)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# the Korean translation: refresh resources/translations/ko/*.ts from the code, build the .qm
translations: $(STAMP)
	BIN=$(BIN) packaging/update-translations.sh

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q "$(TORCH)"
	$(BIN)/python -m pip install -q -e ".[dev,onnx]"
	rm -f $(VENV)/.installed-*
	touch $@

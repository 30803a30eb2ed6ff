# Two commands set everything up: `make book` (environment + HTML book) and `make test`.
# Everything runs in the project's own virtual environment, .venv (override with VENV=...).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-requirements
# uv installs the pinned, hashed lock; it is itself bootstrapped from PyPI into .venv with pip.
UV_VERSION ?= 0.13.9
UV     := $(BIN)/uv
UV_PIP := $(UV) pip install --quiet --python $(BIN)/python
# JupyterLab lives in an environment of its own (see requirements-lab.in); its kernel is .venv's.
LAB_VENV ?= .venv-lab
LAB_STAMP := $(LAB_VENV)/.installed-requirements
PORT   ?= 8000
LAB_DIR ?= exercises
# JupyterLab refuses to start as root (containers, CI) unless told to; other users get no extra flag.
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: book test test-browser env serve lab student publish clean lock bench

book: $(STAMP)                    ## set up if needed, then build the HTML book into _build/html
	$(BIN)/python -m barneskit.outputs.build

test: $(STAMP)                    ## set up if needed, then run every test
	$(BIN)/python -m pytest

bench: $(STAMP)                   ## time clean and incremental builds against an empty book (bench/results/)
	$(BIN)/python bench/benchmark.py

test-browser: $(STAMP)            ## build, then only the browser tests (screenshots in test-artifacts/screenshots/)
	$(BIN)/python -m pytest tests/browser

env: $(STAMP)

$(UV):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(STAMP): requirements.txt pyproject.toml | $(UV)
	$(UV_PIP) --require-hashes -r requirements.txt
	$(UV_PIP) --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name barnes-module --display-name "Python (Barnes module)"
	touch $(STAMP)

serve: $(STAMP)                   ## serve the built book on http://127.0.0.1:$(PORT)/
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

$(LAB_STAMP): requirements-lab.txt | $(UV)
	test -x $(LAB_VENV)/bin/python || $(PYTHON) -m venv $(LAB_VENV)
	$(UV) pip install --quiet --python $(LAB_VENV)/bin/python --require-hashes -r requirements-lab.txt
	touch $(LAB_STAMP)

lab: $(STAMP) $(LAB_STAMP)        ## open the exercises in JupyterLab (LAB_DIR=student/notebooks: the student edition)
	PYTHONPATH=$(CURDIR) JUPYTER_PATH=$(abspath $(VENV))/share/jupyter $(LAB_VENV)/bin/jupyter lab $(LAB_ARGS) $(LAB_DIR)

student: $(STAMP)                 ## student edition: notebooks, _build/student-html, handouts and _build/barnes-module-student.zip
	$(BIN)/python -m barneskit.outputs.student

REMOTE ?= origin
publish: student                  ## publish the STUDENT edition: force-push it to the gh-pages branch of REMOTE (URL, path or remote name)
	$(BIN)/python -m barneskit.outputs.publish --remote "$(REMOTE)"

clean:                            ## remove the built book and its execution cache
	rm -rf _build

# Re-pins from PyPI's newest versions; the patches' WRITTEN_FOR guards say which ones then need a look.
LOCK := $(UV) pip compile --quiet --generate-hashes --no-annotate --python $(BIN)/python
lock: | $(UV)                     ## re-pin requirements*.txt (with hashes) from their .in files (then commit them all)
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-dev.in -c requirements.txt -o requirements-dev.txt
	$(LOCK) requirements-lab.in -o requirements-lab.txt
	(echo "# The versions of requirements.txt without their hashes, for pip's -c (pip refuses hashes in a"; \
	 echo "# constraints file). Written by \`make lock\`; tests/test_installed.py checks it matches requirements.txt."; \
	 grep -o '^[A-Za-z0-9_.-]*==[^ ]*' requirements.txt) > binder/constraints.txt

.PHONY: handouts
handouts: book                    ## printable PDFs into handouts/ (letter, worksheet, teacher guide, exercise sheet)
	$(BIN)/python -m barneskit.outputs.handouts

# Developer tools (requirements-dev.txt: pre-commit's git hooks), on top of the book's environment.
DEV_STAMP := $(VENV)/.installed-dev-requirements

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(UV_PIP) --require-hashes -r requirements-dev.txt
	touch $(DEV_STAMP)

.PHONY: preview lint dev
dev: $(DEV_STAMP)                 ## install the developer tools into .venv (then: .venv/bin/pre-commit install)

preview: $(STAMP)                ## serve the book on http://127.0.0.1:$(PORT)/ and rebuild it (same checks as make book) on every save
	$(BIN)/python -m barneskit.outputs.preview --port $(PORT)

lint: $(STAMP)                   ## ruff on barneskit/ tests/ bench/ (ruff.toml); fails on any finding
	$(BIN)/ruff check barneskit tests bench

# Two commands set everything up: `make book` (environment + HTML book) and `make test`.
# Everything runs in the project's own virtual environment, .venv (override with VENV=...).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-requirements
PORT   ?= 8000

.PHONY: book test env serve lab clean lock

book: $(STAMP)                    ## set up if needed, then build the HTML book into _build/html
	$(BIN)/python -m barneskit.build

test: $(STAMP)                    ## set up if needed, then run every test
	$(BIN)/python -m pytest

env: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name barnes-module --display-name "Python (Barnes module)"
	touch $(STAMP)

serve: $(STAMP)                   ## serve the built book on http://127.0.0.1:$(PORT)/
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lab: $(STAMP)                     ## open the exercises in JupyterLab, in the project's environment
	PYTHONPATH=$(CURDIR) JUPYTER_PATH=$(abspath $(VENV))/share/jupyter $(BIN)/jupyter lab exercises

clean:                            ## remove the built book and its execution cache
	rm -rf _build

lock:                             ## re-pin requirements.txt from requirements.in (then commit both)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	.lock-venv/bin/pip freeze > requirements.txt && rm -rf .lock-venv

.PHONY: handouts
handouts: book                    ## printable PDFs into handouts/ (letter, worksheet, teacher guide, exercise sheet)
	$(BIN)/python -m barneskit.handouts

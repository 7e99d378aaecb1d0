# fanboard: `make run` starts the dashboard, `make test` runs every test.
# Both create a local virtual environment (.venv) on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: setup run test test-slow build bench eval-real clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

# Listens on this machine only: the Add page writes to disk and there is no login. To serve
# others, put a reverse proxy with authentication in front (it connects to 127.0.0.1:$(PORT));
# `make run ADDRESS=0.0.0.0` listens on every interface, for a trusted network or a container.
ADDRESS ?= 127.0.0.1
PORT    ?= 8501

run: setup
	$(PY) -m streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT)

build: setup
	$(PY) -m fanboard build

test: setup
	$(PY) -m pytest -q -n auto

# the long property-based runs (10,000 examples of the extractor) as CI runs them, on two cores
test-slow: setup
	FANBOARD_SLOW=1 $(PY) -m pytest -q -m slow -n 2

bench: setup
	$(PY) -m bench

# the real-article development set (texts not in git: see dev/real/COLLECTING.md)
eval-real: setup
	$(PY) dev/real/eval.py $(EVAL_ARGS)

clean:
	rm -rf $(VENV) data/tables data/cache .pytest_cache

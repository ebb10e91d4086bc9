# The course's commands. Quick start (see README.md):
#   make lab    set everything up and open the course in JupyterLab
#   make test   set everything up and run the whole test suite
#   make test-lowest   the same tests (not the browser ones) against the lowest versions the
#               course says it supports (constraints-lowest.txt), in a venv of their own
# Set-up happens once: a second run only re-installs if requirements.txt or
# pyproject.toml changed. The teachers' and clinicians' commands are the package's console
# script `course` (lessons/cli.py); the targets below call it.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to start as root without this flag (containers, CI machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

.PHONY: lab test test-lowest clinic notebooks figures benchmark handouts instructor-guide validate \
	setup clean

lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00-Start-Here.ipynb

test: $(STAMP)
	$(BIN)/python -m pytest

setup: $(STAMP)

# The unit tests, doctests and notebooks (not the browser tests) against the lowest version of
# every dependency range in pyproject.toml, pinned in constraints-lowest.txt (CI runs this too).
LOWEST       := .venv-lowest
LOWEST_STAMP := $(LOWEST)/.installed

test-lowest: $(LOWEST_STAMP)
	$(LOWEST)/bin/python -m pytest --ignore=tests/browser

$(LOWEST_STAMP): constraints-lowest.txt pyproject.toml
	@test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --disable-pip-version-check -q \
		-c constraints-lowest.txt -e '.[teach,test]'
	@mkdir -p $(dir $(LOWEST)/$(OVERRIDES_IN_VENV)) \
		&& cp jupyter-settings/overrides.json $(LOWEST)/$(OVERRIDES_IN_VENV)
	@touch $(LOWEST_STAMP)

# Open the clinic app: the patient-facing parts, no code, in the browser (docs/clinic.md).
# Options in CLINIC_ARGS, e.g.  make clinic CLINIC_ARGS="--cards ~/Desktop/cards"
clinic: $(STAMP)
	$(BIN)/course clinic $(CLINIC_ARGS)

# Re-execute every notebook in place, in order, each on a fresh kernel.
notebooks: $(STAMP)
	$(BIN)/python -m tools.notebooks execute

# Regenerate the static figures in figures/ from the package.
figures: $(STAMP)
	$(BIN)/python -m lessons.core.figures

# Measure the course end to end (prints a table, writes benchmarks/results.md; not a test).
benchmark: $(STAMP)
	$(BIN)/python -m tools.benchmark

# Print every lesson as a static HTML handout and every stretch card as a PDF, into build/handouts/.
handouts: $(STAMP)
	$(BIN)/course handouts

# Assemble the instructor guide (teaching notes + answer keys printed from the banks) into build/instructor/.
instructor-guide: $(STAMP)
	$(BIN)/course instructor-guide

# Check every data file (question banks, stretches, red flags...) after editing one.
validate: $(STAMP)
	$(BIN)/course validate

# JupyterLab's settings overrides (no news or update pop-ups). A wheel installs the file itself
# (pyproject's data-files); an editable install does not, so set-up copies it in.
OVERRIDES_IN_VENV := share/jupyter/lab/settings/overrides.json
LAB_OVERRIDES := $(VENV)/$(OVERRIDES_IN_VENV)

$(STAMP): requirements.txt pyproject.toml jupyter-settings/overrides.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "The course needs Python 3.10 or newer; this is " + sys.version.split()[0] + ". Use PYTHON=python3.x make ...")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	@mkdir -p $(dir $(LAB_OVERRIDES)) && cp jupyter-settings/overrides.json $(LAB_OVERRIDES)
	@touch $(STAMP)

clean:
	rm -rf $(VENV) $(LOWEST) test-output build .pytest_cache

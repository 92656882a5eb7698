# Two commands on a fresh machine (Python >= 3.11):
#   make map    set up, then extract, resolve and map the seed articles into outputs/
#   make test   set up (Chromium included, for the browser tests), then run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: map test setup browser bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

map: setup
	$(BIN)/conflict-mapper run seeds/ -o outputs/idlib.html --png outputs/idlib.png

# Browser tests drive Debian's Chromium through Playwright (never `playwright install`: it downloads a browser).
browser:
	@[ -x /usr/bin/chromium ] || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium chromium-driver; }

test: setup browser
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench_gazetteer.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_render.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

# svodka: `make demo` then `make test` on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
SVODKA := $(VENV)/bin/svodka
FACTRU ?= ../shared/data/factru/devset
NEREL ?= ../shared/data/nerel
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1

.PHONY: demo install dev test bench bench-scale eval fuzz clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: $(PY) pyproject.toml
	$(PIP) install -q -e .
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(PIP) install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev

demo: install
	$(SVODKA) analyze --sample --published 2013-05-08

test: dev
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-chromium.sh
	$(PY) -m pytest

bench: dev
	$(PY) -m svodka.bench --out docs/benchmarks.md

# The long hostile-input campaign (svodka.fuzz): >= 100,000 generated inputs over FUZZ_WORKERS
# processes; its counts replace the campaign section of docs/reliability.md.  `make test` runs a
# bounded part of it (tests/test_hostile.py).
FUZZ_INPUTS ?= 100000
FUZZ_WORKERS ?= 2
fuzz: dev
	mkdir -p .fuzz
	$(PY) -m svodka.fuzz --inputs $(FUZZ_INPUTS) --workers $(FUZZ_WORKERS) --state .fuzz --out docs/reliability.md
# The corpus as it grows (0, 10k, 100k, 1M stored documents; SVODKA_BENCH_PG=postgresql://… adds
# PostgreSQL): not part of `make test` or `make bench`; builds its stores under .bench/ once.
bench-scale: dev
	$(PY) -m svodka.corpus.bench_scale --out docs/benchmarks.md

eval: install
	$(SVODKA) eval factru $(FACTRU) --report docs/quality.md
	$(SVODKA) eval nerel $(NEREL)/dev --report docs/quality.md

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .fuzz

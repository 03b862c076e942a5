# One task runner for people and CI. The two set-up commands in the README are `make demo`
# and `make test`; both create .venv and install the hash-pinned lock file on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)  ## brief the bundled example corpus into out/
	mkdir -p out
	$(BIN)/storyline brief examples/corpus -o out/briefing.html --db out/examples.db
	$(BIN)/storyline brief examples/corpus -o out/briefing.md --db out/examples.db
	@echo "Open out/briefing.html (or read out/briefing.md)."

test: $(STAMP)  ## lint and type-check, then the whole test suite but the slow marks
	$(BIN)/ruff check src tests bench examples scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -m "not slow" -q

bench: $(STAMP)  ## every benchmark (slow; run by hand)
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

lock:  ## re-resolve requirements.lock from pyproject.toml
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock
	$(BIN)/python scripts/pin_model_hash.py requirements.lock

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache

# The one entry point: `make help` lists the targets.
# Every target creates (or reuses) .venv, so a fresh clone needs only python3.

PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export PATH := $(BIN):$(PATH)

UPSTREAM := openapi/upstream/author-recommended-videos-v1-zh.json
OVERLAY := openapi/overlay/xingtu-types.overlay.json
SPEC := openapi/xingtu.json
GEN_CONFIG := openapi/generator-config.yaml
GEN_PKG := justoneapi_xingtu_generated
# spec-diff compares the committed upstream document with the working copy by default.
OLD ?=
NEW ?= $(UPSTREAM)

.DEFAULT_GOAL := help
AUTHOR ?=

.PHONY: help venv demo test pull-spec spec-diff spec generate check-generated lint

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

venv: $(STAMP) ## create or update .venv with the project and its dev tools

demo: $(STAMP) ## the CLI against the bundled mock server (with JUSTONEAPI_TOKEN and AUTHOR=: the real API)
	@if [ -n "$$JUSTONEAPI_TOKEN" ] && [ -n "$(AUTHOR)" ]; then \
	  $(BIN)/xingtu rec-videos "$(AUTHOR)"; \
	else \
	  $(BIN)/xingtu demo; \
	fi

pull-spec: ## download the published OpenAPI document into openapi/upstream/
	$(PYTHON) openapi/tools/pull_spec.py $(UPSTREAM)

spec-diff: ## what the pulled upstream document changes against the committed one (OLD=, NEW= to compare files)
	@old="$(OLD)"; if [ -z "$$old" ]; then old=$$(mktemp); git show HEAD:$(UPSTREAM) > $$old; fi; \
	$(PYTHON) openapi/tools/spec_diff.py $$old $(NEW)

spec: $(STAMP) ## write openapi/xingtu.json: upstream + overlay, validated
	$(BIN)/python openapi/tools/overlay.py $(UPSTREAM) $(OVERLAY) $(SPEC)
	$(BIN)/python -c "import json,sys; from openapi_spec_validator import validate; validate(json.load(open('$(SPEC)')))"
	@echo "spec: $(SPEC) written and valid"

generate: $(STAMP) ## regenerate generated/ from openapi/xingtu.json
	@tmp=$$(mktemp -d); \
	$(BIN)/openapi-python-client generate --path $(SPEC) --config $(GEN_CONFIG) --meta none \
	  --output-path $$tmp/$(GEN_PKG) >/dev/null && \
	rm -rf generated/$(GEN_PKG) && mkdir -p generated && cp -r $$tmp/$(GEN_PKG) generated/ && \
	rm -rf $$tmp && echo "generate: generated/$(GEN_PKG) rewritten from $(SPEC)"

check-generated: $(STAMP) ## fail if generated/ differs from what the spec and config produce
	@tmp=$$(mktemp -d); \
	$(BIN)/openapi-python-client generate --path $(SPEC) --config $(GEN_CONFIG) --meta none \
	  --output-path $$tmp/$(GEN_PKG) >/dev/null || exit 1; \
	if diff -ru -x __pycache__ generated/$(GEN_PKG) $$tmp/$(GEN_PKG); then \
	  echo "check-generated: generated/ matches $(SPEC)"; rm -rf $$tmp; \
	else \
	  echo "check-generated: generated/ is stale or hand-edited: run 'make spec generate' and commit"; \
	  rm -rf $$tmp; exit 1; fi

lint: $(STAMP) ## ruff and mypy on the hand-written code
	$(BIN)/ruff check wrapper tests openapi/tools
	$(BIN)/ruff format --check wrapper tests openapi/tools
	$(BIN)/mypy

test: $(STAMP) ## the whole offline suite (what CI runs)
	$(BIN)/python -m pytest -q

.PHONY: bench
bench: $(STAMP) ## benchmarks against the bundled mock server (not part of make test; ~3 min)
	$(BIN)/python bench/bench_batch.py

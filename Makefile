# The one entry point: `make help` lists the targets.
# Every target creates (or reuses) .venv, so a fresh clone needs only python3.

PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export PATH := $(BIN):$(PATH)

UPSTREAM := openapi/upstream/douyin-creator-marketplace-xingtu.json
PULL_CONFIG := openapi/operations.json
LOCK := openapi/upstream.lock.json
SPEC_RELEASE := wrapper/justoneapi_xingtu/_spec_release.py
OVERLAY := openapi/overlay/xingtu-types.overlay.json
SPEC := openapi/xingtu.json
GEN_CONFIG := openapi/generator-config.yaml
GEN_PKG := justoneapi_xingtu_generated
SPEC_DATA := wrapper/justoneapi_xingtu/_spec_data.py
SPEC_METHODS := wrapper/justoneapi_xingtu/_operations.py
READMES := README.md README.zh-CN.md
# spec-diff compares the committed upstream document with the working copy by default.
OLD ?=
NEW ?= $(UPSTREAM)
# pull-spec and update: empty = the docs site's whole document (openapi-zh.json, then openapi.json).
SPEC_URL ?=
# make test-deps: the suite in .venv-RESOLUTION-PY, installed by uv at the lowest versions
# pyproject.toml allows for each direct dependency (lowest-direct) or the newest (highest).
RESOLUTION ?= lowest-direct
PY ?= 3.11
DEPS_VENV := .venv-$(RESOLUTION)-$(PY)
# Where pyenv manages the Pythons (these machines), its shims answer only for the selected
# version: name the one wanted. Elsewhere (CI's setup-python) this is empty and harmless.
DEPS_PYENV := $(shell pyenv versions --bare 2>/dev/null | grep -E '^$(PY)(\.|$$)' | tail -1)
DEPS_EXTRAS := test,pandas
UV_VERSION := 0.13.9
UV := $(BIN)/uv
# Three-way statuses survive make: make turns any failing recipe into exit 2, so a target
# whose tool means 0 same / 1 changed (or disagrees) / 2 could not run writes the tool's own
# status to the file named here (CI: rm the file, run make, read it; missing = 2).
SPEC_DIFF_STATUS_FILE ?=
CONTRACT_LIVE_STATUS_FILE ?=
# make update: the make targets its test step runs (empty: skip the tests).
UPDATE_TEST ?= test
UPDATE_SUMMARY ?=
UPDATE_REPORT ?=
BUMP ?=

# $(call keep_status,FILE,COMMAND): run COMMAND; write its exit status to FILE when FILE is set.
keep_status = status=0; $(2) || status=$$?; \
  if [ -n "$(1)" ]; then echo $$status > "$(1)"; fi; exit $$status

.DEFAULT_GOAL := help
AUTHOR ?=

.PHONY: help venv demo test test-all test-deps bench contract contract-live record record-mock pull-spec spec-diff spec \
        generate check-generated lint dist check-version release-notes github-release pr-body \
        update-outcome update

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@ $(DEMO_STAMP)

# `make demo` needs only the package and its [cli] extra, not the test and generator tools.
DEMO_STAMP := $(VENV)/.demo-stamp
$(DEMO_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[cli]'
	@touch $@

venv: $(STAMP) ## create or update .venv with the project and its dev tools

demo: $(DEMO_STAMP) ## the CLI against the bundled mock server (with JUSTONEAPI_TOKEN and AUTHOR=: the real API)
	@if [ -n "$$JUSTONEAPI_TOKEN" ] && [ -n "$(AUTHOR)" ]; then \
	  $(BIN)/xingtu rec-videos "$(AUTHOR)"; \
	else \
	  $(BIN)/xingtu demo; \
	fi

pull-spec: ## download the published document (SPEC_URL= overrides), vendor the operations openapi/operations.json names, write the lock
	$(PYTHON) openapi/tools/pull_spec.py $(UPSTREAM) $(SPEC_URL) --lock $(LOCK) --config $(PULL_CONFIG)

spec-diff: ## classified changes of the pulled document vs the committed one (OLD=, NEW=; SPEC_DIFF_STATUS_FILE=)
	@$(call keep_status,$(SPEC_DIFF_STATUS_FILE),$(PYTHON) openapi/tools/spec_diff.py --overlay $(OVERLAY) \
	  $(if $(OLD),$(OLD),--git-rev HEAD $(UPSTREAM)) $(NEW))

update: $(STAMP) ## pull, diff, bump _version.py, CHANGELOG.md, spec, generate, test (UPDATE_TEST=, BUMP=)
	@$(BIN)/python openapi/tools/update.py --make "$(MAKE)" --test "$(UPDATE_TEST)" \
	  $(if $(SPEC_URL),--url "$(SPEC_URL)") $(if $(BUMP),--bump "$(BUMP)") \
	  $(if $(UPDATE_SUMMARY),--summary "$(UPDATE_SUMMARY)") $(if $(UPDATE_REPORT),--report "$(UPDATE_REPORT)")

spec: $(STAMP) ## write openapi/xingtu.json: upstream + overlay, validated
	$(BIN)/python openapi/tools/overlay.py $(UPSTREAM) $(OVERLAY) $(SPEC)
	$(BIN)/python openapi/tools/spec_release.py $(LOCK) $(SPEC_RELEASE)
	$(BIN)/python -c "import json,sys; from openapi_spec_validator import validate; validate(json.load(open('$(SPEC)')))"
	@echo "spec: $(SPEC) written and valid"

# The spec facts first: a release the wrapper cannot absorb stops here, in one line,
# before generated/ is touched.
generate: $(STAMP) ## regenerate generated/ and the wrapper's spec facts from openapi/xingtu.json
	@$(BIN)/python openapi/tools/spec_module.py $(SPEC) $(SPEC_DATA) $(SPEC_METHODS) && \
	$(BIN)/ruff format --quiet --config pyproject.toml $(SPEC_DATA) $(SPEC_METHODS) && \
	echo "generate: $(SPEC_DATA) and $(SPEC_METHODS) rewritten from $(SPEC)" && \
	$(BIN)/python openapi/tools/readme_operations.py $(READMES) && echo "generate: the operations of $(READMES)"
	@tmp=$$(mktemp -d); \
	$(BIN)/openapi-python-client generate --path $(SPEC) --config $(GEN_CONFIG) --meta none \
	  --output-path $$tmp/$(GEN_PKG) >/dev/null && \
	rm -rf generated/$(GEN_PKG) && mkdir -p generated && cp -r $$tmp/$(GEN_PKG) generated/ && \
	rm -rf $$tmp && echo "generate: generated/$(GEN_PKG) rewritten from $(SPEC)"

check-generated: $(STAMP) ## fail if generated/ differs from what the spec and config produce
	@$(BIN)/python openapi/tools/spec_release.py $(LOCK) $(SPEC_RELEASE) --check
	@$(BIN)/python openapi/tools/readme_operations.py $(READMES) --check
	@tmp=$$(mktemp -d); \
	$(BIN)/openapi-python-client generate --path $(SPEC) --config $(GEN_CONFIG) --meta none \
	  --output-path $$tmp/$(GEN_PKG) >/dev/null || exit 1; \
	$(BIN)/python openapi/tools/spec_module.py $(SPEC) $$tmp/_spec_data.py $$tmp/_operations.py || exit 1; \
	$(BIN)/ruff format --quiet --config pyproject.toml $$tmp/_spec_data.py $$tmp/_operations.py; \
	if diff -ru -x __pycache__ generated/$(GEN_PKG) $$tmp/$(GEN_PKG) && diff -u $(SPEC_DATA) $$tmp/_spec_data.py \
	  && diff -u $(SPEC_METHODS) $$tmp/_operations.py; then \
	  echo "check-generated: generated/, $(SPEC_DATA) and $(SPEC_METHODS) match $(SPEC)"; rm -rf $$tmp; \
	else \
	  echo "check-generated: generated/ is stale or hand-edited: run 'make spec generate' and commit"; \
	  rm -rf $$tmp; exit 1; fi

LINTED := wrapper tests openapi/tools bench .github/scripts
lint: $(STAMP) ## ruff, mypy, the import-layer contract; actionlint and zizmor on .github/workflows
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/mypy --strict --python-version 3.11 $(RELEASE)
	$(BIN)/mypy openapi/tools
	$(BIN)/lint-imports --no-cache
	$(BIN)/actionlint -shellcheck=$(BIN)/shellcheck
	$(BIN)/zizmor --offline --no-progress --config .github/zizmor.yml .github/workflows

# Three workers on two cores: much of the suite waits (CLI subprocesses, sockets, the
# mock's latency), so a third keeps both cores busy (measured: 46-52 s against 64 s with 2).
PYTEST_WORKERS ?= 3
# pytest rewrites the asserts of every test module and plugin in each worker; with
# PYTHONDONTWRITEBYTECODE set (some shells and images set it) nothing is cached and each
# run pays that again, about 5 s of CPU per worker: the suite lets Python write its caches.
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)
# make test: -m "not slow" and --quick (a quarter of each property test's examples).
test: $(STAMP) ## the offline behaviour suite, in parallel (the long soak, slowest runs and all examples: test-all)
	$(PYTEST) -m "not slow" --quick

test-all: $(STAMP) ## everything: the suite plus the slow tests (20,000-author soak, lifecycle, mutations)
	$(PYTEST)

$(UV):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'uv==$(UV_VERSION)'

test-deps: $(UV) ## the suite at the lowest or newest versions allowed (RESOLUTION=lowest-direct|highest, PY=3.11)
	PYENV_VERSION="$(DEPS_PYENV)" UV_PYTHON_DOWNLOADS=never $(UV) venv --quiet --clear --python "$(PY)" $(DEPS_VENV)
	$(UV) pip install --quiet --python $(DEPS_VENV)/bin/python --resolution "$(RESOLUTION)" \
	  -e '.[$(DEPS_EXTRAS)]'
	@$(UV) pip list --python $(DEPS_VENV)/bin/python --format freeze > $(DEPS_VENV)/versions.txt
	@echo "test-deps: $(RESOLUTION) on Python $(PY); the versions are in $(DEPS_VENV)/versions.txt"
	PYTHONDONTWRITEBYTECODE= $(DEPS_VENV)/bin/python -m pytest -q -n $(PYTEST_WORKERS) -m "not slow" --quick

# The drift checks on their own: spec valid and what upstream + overlay make, generated/
# current, schemathesis against the mock, the client against every answer the spec allows,
# cassettes valid, replayed and token-free, and the mutation proofs. `make test` runs them too.
CONTRACT_TESTS := tests/test_spec.py tests/test_generated.py::test_check_generated_holds \
  tests/test_contract_schemathesis.py tests/test_contract_client.py \
  tests/test_contract_mutations.py tests/test_contract_live.py tests/test_cassettes.py \
  tests/test_workflow.py tests/test_offline_guard.py

contract: $(STAMP) ## spec, check-generated, schemathesis vs the mock, cassettes: the drift checks
	$(BIN)/python -m pytest -q $(CONTRACT_TESTS)

CONTRACT_LIVE_EXAMPLES ?= 5
CONTRACT_LIVE_AUTHORS ?=
contract-live: $(STAMP) ## the contract suite against the real API (JUSTONEAPI_TOKEN; costs CONTRACT_LIVE_EXAMPLES calls)
	@$(call keep_status,$(CONTRACT_LIVE_STATUS_FILE),\
	  CONTRACT_LIVE_EXAMPLES="$(CONTRACT_LIVE_EXAMPLES)" CONTRACT_LIVE_AUTHORS="$(CONTRACT_LIVE_AUTHORS)" \
	  $(BIN)/python tests/contract_live.py)

AUTHORS ?=
CASSETTE ?=
PLATFORM ?=
record: $(STAMP) ## re-record live cassettes (JUSTONEAPI_TOKEN, AUTHORS="id ..."; PLATFORM= optional)
	@AUTHORS="$(AUTHORS)" PLATFORM="$(PLATFORM)" $(BIN)/python tests/cassettes/record.py live

record-mock: $(STAMP) ## re-record the offline cassettes from the bundled mock server (CASSETTE=name: that one)
	$(BIN)/python tests/cassettes/record.py mock $(if $(CASSETTE),--only $(CASSETTE))

BENCH_STAMP := $(VENV)/.bench-stamp
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	@touch $@

bench: $(BENCH_STAMP) ## benchmarks: writes bench/RESULTS.md and bench/throughput.png (not part of test)
	@# bytecode caches kept, as an installed package has them: import time is measured, not compiling
	cd bench && PYTHONDONTWRITEBYTECODE= $(BIN)/python run.py

# -- packaging and release (.github/workflows/ci.yml, release.yml, spec-sync.yml) -----------
RELEASE := .github/scripts/release.py
# TAG (v1.2.3) and the other values below reach the recipes as environment variables and
# are quoted there, never pasted into the shell text: a git tag may contain `$(` or `;`.
export TAG UPDATE_OUTCOME UPDATE_SUMMARY

dist: $(STAMP) ## wheel + sdist into dist/, twine check, then install the wheel in a temp venv and run `xingtu demo` there
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	echo "dist: installing the wheel into a fresh venv in $$tmp (removed afterwards)"; \
	$(BIN)/python -m venv "$$tmp/venv" && \
	"$$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check dist/*.whl && \
	cd "$$tmp" && \
	if ! "$$tmp/venv/bin/xingtu" demo >demo.txt 2>&1; then cat demo.txt; exit 1; fi && \
	grep -q "videos" demo.txt && echo "dist: xingtu demo ran from the installed wheel" && \
	"$$tmp/venv/bin/python" -I "$(CURDIR)/$(RELEASE)" smoke
	@ls -l dist

check-version: $(STAMP) ## fail unless TAG=vX.Y.Z names justoneapi_xingtu.__version__
	@test -n "$$TAG" || { echo "check-version: give the tag, e.g. make check-version TAG=v1.2.3"; exit 2; }
	@$(BIN)/python $(RELEASE) check-version "$$TAG"

release-notes: ## write build/release-notes.md: the CHANGELOG.md section of TAG=vX.Y.Z
	@test -n "$$TAG" || { echo "release-notes: give the tag, e.g. make release-notes TAG=v1.2.3"; exit 2; }
	@$(PYTHON) $(RELEASE) notes "$$TAG" --out build/release-notes.md

github-release: release-notes ## create the GitHub release for TAG with dist/* and its changelog section (needs gh and GH_TOKEN)
	gh release create "$$TAG" dist/* --verify-tag --title "$$TAG" --notes-file build/release-notes.md

pr-body: ## write build/pr-body.md for spec-sync: UPDATE_OUTCOME, then the summary make update wrote to UPDATE_SUMMARY
	@$(PYTHON) $(RELEASE) pr-body --outcome "$$UPDATE_OUTCOME" --out build/pr-body.md

update-outcome: ## fail unless UPDATE_OUTCOME=success (spec-sync's last step)
	@$(PYTHON) $(RELEASE) update-outcome --outcome "$$UPDATE_OUTCOME"

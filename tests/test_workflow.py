"""The GitHub workflows cannot run here, so check what can be checked.

Every file in ``.github/workflows/`` parses, runs only Makefile targets that exist (each
``run:`` step is one ``make`` command; everything else is a SHA-pinned action), checks out
without persisting credentials and declares its permissions. Then what each workflow is
for: ``ci`` tests, lints and builds on every supported Python; ``release`` checks the tag
and publishes through PyPI trusted publishing; ``spec-sync`` proposes spec updates as pull
requests; ``contract`` checks drift and the real API. actionlint and zizmor (``make lint``)
check the rest; the last tests here show they catch what they are there for.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
BIN = ROOT / ".venv" / "bin"
# Actions allowed a ref instead of a commit SHA, each with its reason in .github/zizmor.yml.
REF_PINNED = {"pypa/gh-action-pypi-publish"}
SHA = re.compile(r"[0-9a-f]{40}")


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):(?!=)", text, flags=re.MULTILINE))


def load(path: Path) -> dict[str, Any]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(workflow, dict), f"{path.name}: not a YAML mapping"
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on` as true
    return workflow


def make_targets(command: str) -> list[str]:
    words = shlex.split(command)
    assert words[0] == "make", f"a step runs {command!r}: only make targets are allowed"
    return [w for w in words[1:] if "=" not in w and not w.startswith("-")]


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def runs(workflow: dict[str, Any], job: str) -> list[str]:
    return [step["run"] for step in workflow["jobs"][job]["steps"] if "run" in step]


def uses(workflow: dict[str, Any], job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in workflow["jobs"][job]["steps"] if "uses" in step]


def test_the_expected_workflows_are_there() -> None:
    assert {p.stem for p in FILES} >= {"ci", "contract", "release", "spec-sync"}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_step_runs_only_existing_make_targets(path: Path) -> None:
    known = makefile_targets()
    named = []
    for step in steps(load(path)):
        assert ("run" in step) != ("uses" in step), f"{path.name}: {step}"
        if "run" in step:
            assert "\n" not in step["run"].strip(), f"{path.name}: one make command per step"
            assert "${{" not in step["run"], f"{path.name}: pass values through env, not ${{{{ }}}}"
            named += make_targets(step["run"])
    assert named, f"{path.name}: no step runs make"
    missing = sorted(set(named) - known)
    assert not missing, f"{path.name} runs make targets not in the Makefile: {missing}"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_workflow_is_least_privilege_and_pinned(path: Path) -> None:
    workflow = load(path)
    assert "permissions" in workflow, f"{path.name}: no top-level permissions"
    assert workflow["permissions"] in ({}, {"contents": "read"}), path.name
    for step in steps(workflow):
        if "uses" not in step:
            continue
        action, _, ref = step["uses"].partition("@")
        if action not in REF_PINNED:
            assert SHA.fullmatch(ref), f"{path.name}: {step['uses']} is not pinned to a commit"
        if action == "actions/checkout":
            assert step.get("with", {}).get("persist-credentials") is False, path.name


def test_the_target_check_catches_a_missing_target() -> None:
    assert "contract-live" in makefile_targets() and "no-such-target" not in makefile_targets()
    assert make_targets("make pull-spec spec-diff CONTRACT_LIVE_EXAMPLES=5") == [
        "pull-spec",
        "spec-diff",
    ]
    with pytest.raises(AssertionError, match="only make targets"):
        make_targets("pip install twine")


def test_ci_tests_lints_and_builds_on_every_supported_python() -> None:
    workflow = load(WORKFLOWS / "ci.yml")
    assert {"push", "pull_request"} <= set(workflow["on"])
    job = workflow["jobs"]["test"]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    supported = [
        c.rsplit(" ", 1)[-1]
        for c in pyproject["project"]["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert job["strategy"]["matrix"]["python-version"] == supported == ["3.11", "3.12", "3.13"]
    assert runs(workflow, "test") == ["make test lint dist"]


def test_ci_runs_the_suite_at_both_ends_of_the_dependency_ranges() -> None:
    workflow = load(WORKFLOWS / "ci.yml")
    job = workflow["jobs"]["dependency-ranges"]
    matrix = job["strategy"]["matrix"]
    assert set(matrix["resolution"]) == {"lowest-direct", "highest"}
    assert {"3.11", "3.13"} <= set(matrix["python-version"])
    (step,) = [step for step in job["steps"] if "run" in step]
    assert make_targets(step["run"]) == ["test-deps"]
    assert step["env"] == {
        "RESOLUTION": "${{ matrix.resolution }}",
        "PY": "${{ matrix.python-version }}",
    }


def test_release_checks_the_tag_and_publishes_with_trusted_publishing() -> None:
    workflow = load(WORKFLOWS / "release.yml")
    assert workflow["on"] == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    (build,) = runs(workflow, "build")
    assert make_targets(build) == ["check-version", "release-notes", "check-generated", "dist"]
    assert jobs["build"]["steps"][2]["env"] == {"TAG": "${{ github.ref_name }}"}

    publish = jobs["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert uses(workflow, "publish")[-1] == "pypa/gh-action-pypi-publish"
    assert runs(workflow, "publish") == []  # nothing else runs where the OIDC token can be had

    release = jobs["github-release"]
    assert release["needs"] == "publish" and release["permissions"] == {"contents": "write"}
    assert runs(workflow, "github-release") == ["make github-release"]
    for name, job in jobs.items():
        if name != "publish":
            assert "id-token" not in job.get("permissions", {}), name


def test_spec_sync_opens_a_pull_request_with_the_spec_diff_and_changelog() -> None:
    workflow = load(WORKFLOWS / "spec-sync.yml")
    assert workflow["on"]["schedule"][0]["cron"] and "workflow_dispatch" in workflow["on"]
    assert runs(workflow, "update") == ["make update", "make pr-body", "make update-outcome"]
    job_steps = workflow["jobs"]["update"]["steps"]
    update, body, pull_request, verdict = job_steps[2:]
    assert update["continue-on-error"] is True  # a red suite still gets its pull request
    summary = update["env"]["UPDATE_SUMMARY"]
    assert summary.startswith("${{ runner.temp }}") and body["env"]["UPDATE_SUMMARY"] == summary
    for step in (body, verdict):
        assert step["env"]["UPDATE_OUTCOME"] == "${{ steps.update.outcome }}"
    assert pull_request["uses"].startswith("peter-evans/create-pull-request@")
    assert pull_request["with"]["body-path"] == "build/pr-body.md"
    assert workflow["jobs"]["update"]["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
    }


def test_contract_checks_drift_on_a_schedule_and_keeps_the_live_report_out_of_the_checkout() -> (
    None
):
    workflow = load(WORKFLOWS / "contract.yml")
    assert workflow["on"]["schedule"][0]["cron"]
    assert runs(workflow, "spec-drift") == ["make pull-spec spec-diff spec generate test"]
    live = next(s for s in workflow["jobs"]["contract-live"]["steps"] if "run" in s)
    assert live["run"] == "make contract-live"
    assert live["env"]["JUSTONEAPI_TOKEN"] == "${{ secrets.JUSTONEAPI_TOKEN }}"
    report_dir = live["env"]["CONTRACT_LIVE_REPORT_DIR"]
    assert report_dir.startswith("${{ runner.temp }}")
    upload = workflow["jobs"]["contract-live"]["steps"][-1]
    assert upload["with"]["path"].startswith(report_dir)


def test_make_lint_runs_actionlint_and_zizmor_on_the_workflows() -> None:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = text[text.index("\nlint:") : text.index("\n\n", text.index("\nlint:"))]
    assert "actionlint" in lint and "zizmor --offline" in lint


# -- the linters catch what they are there for ---------------------------------------------

UNSAFE = """\
name: unsafe
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed (make venv installs it)")
        return found
    return str(path)


def test_zizmor_fails_a_workflow_with_template_injection_and_unpinned_actions(
    tmp_path: Path,
) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "unsafe.yml").write_text(UNSAFE, encoding="utf-8")
    config = ROOT / ".github" / "zizmor.yml"
    proc = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--config", str(config), str(workflows)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0
    for audit in ("template-injection", "unpinned-uses", "artipacked", "excessive-permissions"):
        assert audit in proc.stdout, audit


def test_actionlint_fails_a_workflow_with_an_unknown_context(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        UNSAFE.replace("github.event.pull_request.title", "github.no_such_thing"), "utf-8"
    )
    proc = subprocess.run(
        [tool("actionlint"), "-no-color", str(broken)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert "no_such_thing" in proc.stdout

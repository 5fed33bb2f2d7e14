"""The CI workflow cannot run here, so check what can be checked: it parses, it is
scheduled, and every step runs only Makefile targets that exist."""

from __future__ import annotations

import re
import shlex
from typing import Any

import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "contract.yml"


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):(?!=)", text, flags=re.MULTILINE))


def load() -> dict[str, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on` as true
    return workflow


def make_targets(command: str) -> list[str]:
    words = shlex.split(command)
    assert words[0] == "make", f"a step runs {command!r}: only make targets are allowed"
    return [w for w in words[1:] if "=" not in w and not w.startswith("-")]


def test_every_step_runs_only_existing_make_targets() -> None:
    known = makefile_targets()
    named = []
    for job in load()["jobs"].values():
        for step in job["steps"]:
            if "run" in step:
                named += make_targets(step["run"])
    assert named, "no step runs make"
    assert set(named) <= known, f"not in the Makefile: {sorted(set(named) - known)}"


def test_a_scheduled_job_checks_spec_drift_and_another_runs_contract_live() -> None:
    workflow = load()
    assert workflow["on"]["schedule"][0]["cron"]
    runs = {
        name: [step for step in job["steps"] if "run" in step]
        for name, job in workflow["jobs"].items()
    }
    assert [s["run"] for s in runs["spec-drift"]] == ["make pull-spec spec-diff spec generate test"]
    (live,) = runs["contract-live"]
    assert live["run"] == "make contract-live"
    assert live["env"]["JUSTONEAPI_TOKEN"] == "${{ secrets.JUSTONEAPI_TOKEN }}"


def test_the_target_check_catches_a_missing_target() -> None:
    assert "contract-live" in makefile_targets() and "no-such-target" not in makefile_targets()
    assert make_targets("make pull-spec spec-diff CONTRACT_LIVE_EXAMPLES=5") == [
        "pull-spec",
        "spec-diff",
    ]

"""The release helpers behind make check-version, release-notes and pr-body."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import justoneapi_xingtu

_SPEC = importlib.util.spec_from_file_location("release", ROOT / ".github/scripts/release.py")
assert _SPEC is not None and _SPEC.loader is not None
release = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(release)

CHANGELOG = """\
# Changelog

## [Unreleased]

## [1.1.0] - 2026-12-01
### Spec changes
- additive: the operation's query parameter `region` was added (optional).

## [1.0.0] - 2026-11-29
- First release.

## [0.9.0]
"""


def make(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("version", "body"),
    [
        ("v1.1.0", "### Spec changes\n- additive: the operation's query parameter `region`"),
        ("1.0.0", "- First release.\n"),
    ],
)
def test_notes_are_the_section_of_the_version(version: str, body: str) -> None:
    assert release.section(CHANGELOG, version).startswith(body)
    assert "## [" not in release.section(CHANGELOG, version)


def test_a_missing_or_empty_section_is_an_error_naming_what_exists() -> None:
    with pytest.raises(release.ReleaseError, match=r"no section '## \[2.0.0\]'.*\[1.1.0\]"):
        release.section(CHANGELOG, "v2.0.0")
    with pytest.raises(release.ReleaseError, match=r"\[0.9.0\] is empty"):
        release.section(CHANGELOG, "v0.9.0")


@pytest.mark.parametrize("tag", ["release-1", "v1.0.0;rm", "v1.0.0 $(id)", "vX"])
def test_a_tag_that_is_not_a_version_is_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="not a version tag"):
        release.version_of_tag(tag)


def test_check_version_passes_for_the_packages_version_and_fails_otherwise() -> None:
    version = justoneapi_xingtu.__version__
    ok = make("check-version", f"TAG=v{version}")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert f"matches justoneapi_xingtu {version}" in ok.stdout
    wrong = make("check-version", "TAG=v999.0.0")
    assert wrong.returncode != 0
    assert f"tag v999.0.0 says 999.0.0, but the package is {version}" in wrong.stdout
    missing = make("check-version", TAG="")
    assert missing.returncode != 0 and "give the tag" in missing.stdout


def test_a_hostile_tag_reaches_the_script_as_data_not_shell(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    proc = make("check-version", TAG=f"v1$(shell touch {marker})$(touch {marker})")
    assert proc.returncode != 0
    assert not marker.exists()
    assert "not a version tag" in proc.stderr


def test_make_release_notes_writes_the_section(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(CHANGELOG, encoding="utf-8")
    out = tmp_path / "notes.md"
    assert release.main(["notes", "v1.0.0", "--changelog", str(changelog), "--out", str(out)]) == 0
    assert out.read_text("utf-8") == "- First release.\n"
    assert release.main(["notes", "v3.0.0", "--changelog", str(changelog)]) == 1


SUMMARY = """\
Proposed version **0.2.0** (from 0.1.0).

```
additive   query parameter `region` was added (optional)
```

## [0.2.0] - 2026-12-01
### Spec changes
- additive: query parameter `region` was added (optional)
"""


def test_pr_body_has_the_outcome_and_the_summary_of_make_update() -> None:
    body = release.pr_body(SUMMARY, CHANGELOG, "success")
    assert "`make update` passed" in body
    assert SUMMARY.strip() in body
    failed = release.pr_body(SUMMARY, CHANGELOG, "failure")
    assert "**`make update` failed**" in failed and "region" in failed


def test_without_a_summary_the_pr_body_falls_back_to_the_newest_entry() -> None:
    body = release.pr_body(None, CHANGELOG, "success")
    assert "wrote no summary" in body
    assert "### [1.1.0]" in body and "`region` was added" in body  # Unreleased is empty
    assert "no entry" in release.pr_body(None, None, "failure")


def test_make_pr_body_reads_update_summary_and_update_outcome_fails_unless_success(
    tmp_path: Path,
) -> None:
    summary = tmp_path / "update-summary.md"
    summary.write_text(SUMMARY, encoding="utf-8")
    out = tmp_path / "pr-body.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / ".github/scripts/release.py"),
            "pr-body",
            "--outcome",
            "success",
            "--out",
            str(out),
        ],
        env={**os.environ, "UPDATE_SUMMARY": str(summary)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Proposed version **0.2.0**" in out.read_text("utf-8")
    assert make("update-outcome", UPDATE_OUTCOME="success").returncode == 0
    failed = make("update-outcome", UPDATE_OUTCOME="failure")
    assert failed.returncode != 0 and "did not succeed (failure)" in failed.stdout

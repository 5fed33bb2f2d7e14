"""make update's pieces (bump, changelog, the no-change path) and the release id users see."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _scripted import Answer, scripted_server
from _specdocs import (
    LOCK,
    PATH,
    TOOLS,
    UPSTREAM,
    dump,
    family,
    new_operation,
    our_operation,
    vendored,
    whole_document,
)
from conftest import ROOT

sys.path.insert(0, str(TOOLS))
import spec_release
import update

VERSION_FILE = ROOT / "wrapper" / "justoneapi_xingtu" / "_version.py"
SPEC_RELEASE = ROOT / "wrapper" / "justoneapi_xingtu" / "_spec_release.py"
CHANGELOG = ROOT / "CHANGELOG.md"


# -- versions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "level", "expected"),
    [
        ((1, 4, 2), "breaking", (2, 0, 0)),
        ((1, 4, 2), "additive", (1, 5, 0)),
        ((1, 4, 2), "docs-only", (1, 4, 3)),
    ],
)
def test_bump_follows_the_class(
    base: tuple[int, int, int], level: str, expected: tuple[int, int, int]
) -> None:
    assert update.bump(base, update.LEVELS[level]) == expected


def test_the_version_file_is_rewritten_in_place() -> None:
    text = VERSION_FILE.read_text(encoding="utf-8")
    version = update.parse_version(text)
    again = update.set_version(text, (version[0], version[1] + 1, 0))
    assert update.parse_version(again) == (version[0], version[1] + 1, 0)
    assert again.replace(update.show((version[0], version[1] + 1, 0)), "") == text.replace(
        update.show(version), ""
    )


def test_the_changelog_gets_the_newest_entry_first_and_only_once() -> None:
    log = update.CHANGELOG_HEAD + "\n## [Unreleased]\n\n- wip\n\n## [0.1.0] - 2026-11-29\n\nfirst\n"
    one = update.insert_entry(log, "0.2.0", "## [0.2.0] - 2026-12-01\n\nspec\n")
    heads = [line for line in one.splitlines() if line.startswith("## [")]
    assert heads == ["## [Unreleased]", "## [0.2.0] - 2026-12-01", "## [0.1.0] - 2026-11-29"]
    twice = update.insert_entry(one, "0.2.0", "## [0.2.0] - 2026-12-01\n\nspec, again\n")
    assert twice.count("## [0.2.0]") == 1 and "spec, again" in twice and "\nspec\n" not in twice
    assert twice.endswith("first\n")


def test_the_committed_changelog_has_an_entry_for_the_current_version() -> None:
    version = update.show(update.parse_version(VERSION_FILE.read_text(encoding="utf-8")))
    assert f"## [{version}] - " in CHANGELOG.read_text(encoding="utf-8")


# -- update end to end, in a folder that is not a git repository ----------------------------


def make_root(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for rel in (update.UPSTREAM, update.LOCK, update.CONFIG, update.VERSION_FILE, update.CHANGELOG):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, root / rel)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def run_update(root: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """update.py's main, in-process (the validator is imported once), output captured."""
    import contextlib
    import io

    argv = ["--root", str(root), "--url", url, "--build", "", "--test", ""]
    argv += ["--date", "2026-12-01", *extra]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = update.main(argv)
    return subprocess.CompletedProcess(argv, status, out.getvalue(), err.getvalue())


def test_update_with_nothing_changed_says_so_and_writes_nothing(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    before = snapshot(root)
    doc = vendored()
    doc["x-openapi-release-id"] = "only-the-release-id-moved"
    with scripted_server([Answer(200, dump(doc))]) as (base_url, _):
        proc = run_update(root, f"{base_url}/openapi-zh.json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("update: nothing changed")
    assert snapshot(root) == before
    report_path = tmp_path / "report.json"
    with scripted_server([Answer(200, dump(doc))]) as (base_url, _):
        run_update(root, f"{base_url}/openapi-zh.json", "--report", str(report_path))
    report = json.loads(report_path.read_text())
    assert report["changes"] == [] and report["level"] is None
    assert report["release_id"]["new"] == "only-the-release-id-moved"
    assert report["version"]["new"] is None


def test_update_that_cannot_pull_writes_nothing(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    before = snapshot(root)
    with scripted_server([Answer(404, b"gone")]) as (base_url, _):
        proc = run_update(root, f"{base_url}/openapi-zh.json")
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and "nothing changed" in proc.stderr
    assert snapshot(root) == before


def test_update_writes_document_lock_version_and_changelog(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    doc = whole_document("rel-7")
    our_operation(doc)["parameters"].append(
        {"name": "cursor", "in": "query", "required": False, "schema": {"type": "integer"}}
    )
    body = dump(doc)
    summary, report = tmp_path / "summary.md", tmp_path / "report.json"
    with scripted_server([Answer(200, body)]) as (base_url, _):
        proc = run_update(
            root, f"{base_url}/openapi-zh.json", "--summary", str(summary), "--report", str(report)
        )
    assert proc.returncode == 0, proc.stderr
    base = update.parse_version((ROOT / update.VERSION_FILE).read_text())
    expected = update.show(update.bump(base, "minor"))
    version_text = (root / update.VERSION_FILE).read_text()
    assert update.show(update.parse_version(version_text)) == expected
    lock = json.loads((root / update.LOCK).read_text())
    assert lock["release_id"] == "rel-7"
    assert lock["file"] == update.UPSTREAM
    assert lock["sha256"] == hashlib.sha256(body).hexdigest()
    vendored_doc = json.loads((root / update.UPSTREAM).read_text())
    assert "cursor" in {p["name"] for p in vendored_doc["paths"][PATH]["get"]["parameters"]}
    log = (root / update.CHANGELOG).read_text()
    section = log[log.index(f"## [{expected}] - 2026-12-01") :].split("\n## [")[0]
    assert "`rel-7`" in section and "### Spec changes" in section
    assert f"- **additive**: parameter added: GET {PATH} query 'cursor': optional, integer" in (
        section
    )
    assert section in summary.read_text()
    written = json.loads(report.read_text())
    assert written["level"] == "additive" and written["counts"]["additive"] == 1
    assert written["version"] == {"old": update.show(base), "new": expected, "bump": "minor"}
    # Run again before committing: same version, the entry replaced, not repeated.
    with scripted_server([Answer(200, body)]) as (base_url, _):
        again = run_update(root, f"{base_url}/openapi-zh.json")
    assert again.returncode == 0, again.stderr
    assert (root / update.VERSION_FILE).read_text() == version_text
    assert (root / update.CHANGELOG).read_text().count(f"## [{expected}]") == 1


def test_a_breaking_change_in_0x_bumps_the_minor_number_unless_bump_says_otherwise(
    tmp_path: Path,
) -> None:
    root = make_root(tmp_path)
    (root / update.VERSION_FILE).write_text('__version__ = "0.3.1"\n')
    doc = vendored()
    our_operation(doc)["parameters"].pop()
    with scripted_server([Answer(200, dump(doc))]) as (base_url, _):
        proc = run_update(root, f"{base_url}/x.json")
        assert proc.returncode == 0, proc.stderr
        assert update.parse_version((root / update.VERSION_FILE).read_text()) == (0, 4, 0)
        assert "in 0.x a breaking change bumps the minor number" in (
            (root / update.CHANGELOG).read_text()
        )
        fresh = make_root(tmp_path / "again")
        (fresh / update.VERSION_FILE).write_text('__version__ = "0.3.1"\n')
        forced = run_update(fresh, f"{base_url}/x.json", "--bump", "major")
        assert forced.returncode == 0, forced.stderr
        assert update.parse_version((fresh / update.VERSION_FILE).read_text()) == (1, 0, 0)


NEW_PATH = "/api/douyin-xingtu/gw/api/data_sp/author_synthetic_stats/v1"


@pytest.mark.parametrize(
    ("change", "line", "bump"),
    [
        (
            lambda d: new_operation(d, NEW_PATH),
            f"- **additive**: operation added: GET {NEW_PATH}",
            "minor",
        ),
        (
            lambda d: d["paths"].pop(next(p for p in d["paths"] if p != PATH)),
            "- **breaking**: operation removed: GET ",
            "major",
        ),
        (
            lambda d: next(
                p
                for path in d["paths"]
                if path != PATH
                for p in our_operation(d, path)["parameters"]
                if not p["required"]
            ).update(required=True),
            "- **breaking**: parameter now required: GET ",
            "major",
        ),
    ],
    ids=["operation-added", "operation-removed", "parameter-now-required"],
)
def test_each_operation_of_the_family_is_classified_on_its_own(
    tmp_path: Path, change: Any, line: str, bump: str
) -> None:
    root = make_root(tmp_path)
    (root / update.VERSION_FILE).write_text('__version__ = "1.2.3"\n')
    doc = whole_document("rel-ops")
    change(doc)
    with scripted_server([Answer(200, dump(doc))]) as (base_url, _):
        proc = run_update(root, f"{base_url}/openapi-zh.json")
    assert proc.returncode == 0, proc.stderr
    expected = update.show(update.bump((1, 2, 3), bump))
    assert update.parse_version((root / update.VERSION_FILE).read_text()) == update.bump(
        (1, 2, 3), bump
    )
    log = (root / update.CHANGELOG).read_text()
    assert line in log[log.index(f"## [{expected}]") :].split("\n## [")[0]
    lock = json.loads((root / update.LOCK).read_text())
    assert lock["operations"] == family(json.loads((root / update.UPSTREAM).read_text()))
    assert lock["operation_count"] == len(lock["operations"])


# -- the release id users see ---------------------------------------------------------------


def test_spec_release_module_is_what_the_lock_says() -> None:
    proc = subprocess.run(
        [sys.executable, str(TOOLS / "spec_release.py"), str(LOCK), str(SPEC_RELEASE), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    import justoneapi_xingtu
    from justoneapi_xingtu import _spec_release

    lock = json.loads(LOCK.read_text())
    assert lock["release_id"] == justoneapi_xingtu.SPEC_RELEASE_ID
    assert lock["sha256"] == _spec_release.SPEC_SHA256
    assert "SPEC_RELEASE_ID" in justoneapi_xingtu.__all__


def check(lock: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOLS / "spec_release.py"), str(lock), str(out), "--check"],
        capture_output=True,
        text=True,
    )


def test_a_stale_release_module_or_a_hand_edited_upstream_fails_the_check(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "openapi" / "upstream").mkdir(parents=True)
    shutil.copyfile(UPSTREAM, root / update.UPSTREAM)
    lock_path = root / update.LOCK
    lock: dict[str, Any] = json.loads(LOCK.read_text())
    lock["release_id"] = "rel-9"
    lock_path.write_text(json.dumps(lock))
    out = tmp_path / "_spec_release.py"
    out.write_text(SPEC_RELEASE.read_text())
    stale = check(lock_path, out)
    assert stale.returncode == 1 and "run `make spec`" in stale.stderr
    out.write_text(spec_release.render(lock, out))
    assert check(lock_path, out).returncode == 0
    assert 'SPEC_RELEASE_ID: str | None = "rel-9"' in out.read_text()
    (root / update.UPSTREAM).write_bytes(UPSTREAM.read_bytes() + b" ")
    edited = check(lock_path, out)
    assert edited.returncode == 1 and "make pull-spec" in edited.stderr


@pytest.mark.parametrize("length", [20, 80, 96, 200])
def test_the_release_module_passes_ruff_format_whatever_the_url(length: int) -> None:
    url = "https://docs.example/" + "a" * length + ".json"
    text = spec_release.render({"release_id": "r" * length, "sha256": "0" * 64, "url": url})
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.exists():
        pytest.skip("ruff is not installed (the dev extra: make venv)")
    proc = subprocess.run(
        [str(ruff), "format", "--check", "--stdin-filename", "wrapper/x/_spec_release.py", "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

"""A series of published spec releases, each taken through ``make update`` in a fresh copy.

The copy is what a clone of this working tree would be: every tracked and untracked,
not ignored file, committed into a new git repository in a temporary folder. It uses
this checkout's virtualenv (``BIN=``, and a ``STAMP=`` newer than its pyproject, so make
installs nothing), with ``PYTHONPATH`` putting the copy's own packages first. The
documents are served from a loopback server; nothing leaves the host.

Each release: the right classification, version bump, changelog entry and lock, and the
regenerated client picking the change up without a hand edit; between releases the
maintainer's commit is simulated. The last release changes nothing and must write
nothing.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _scripted import Answer, Seen, scripted_server
from _specdocs import PATH, dump, family, our_operation, param, vendored, whole_document
from conftest import ROOT

pytestmark = pytest.mark.slow

VERSION_FILE = "wrapper/justoneapi_xingtu/_version.py"
GENERATED = "generated/justoneapi_xingtu_generated"


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.name=lifecycle", "-c", "user.email=lifecycle@localhost", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if sys.prefix == sys.base_prefix:
        pytest.skip("needs the project's virtualenv")
    repo = tmp_path / "repo"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        rel = raw.decode()
        source = ROOT / rel
        if source.is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / rel)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return repo


class Site:
    """A loopback docs site serving whatever document was published last."""

    def __init__(self) -> None:
        self.document: dict[str, Any] = {}

    def respond(self, seen: Seen) -> Answer:
        if seen.path != "/openapi-zh.json":
            return Answer(404, b"not found")
        return Answer(200, dump(self.document))


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    published = Site()
    with scripted_server(published.respond) as (base_url, _):
        yield published, f"{base_url}/openapi-zh.json"


def make_update(
    repo: Path, url: str, stamp: Path, test: str = "check-generated"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CHANGELOG_DATE": "2026-12-01"}
    env["PYTHONPATH"] = os.pathsep.join([str(repo / "wrapper"), str(repo / "generated")])
    # SPEC_URL by the environment, not the command line: make hands command-line variables
    # down to every make the test step runs (MAKEFLAGS), where they would override the
    # suite's own; BIN and the stamps do belong there (make installs nothing in the copy).
    env["SPEC_URL"] = url
    argv = ["make", "-s", "update", f"UPDATE_TEST={test}"]
    demo_stamp = stamp.with_name("demo-stamp")  # `make demo` installs nothing either
    shutil.copy2(stamp, demo_stamp)
    argv += [f"BIN={Path(sys.prefix) / 'bin'}", f"STAMP={stamp}", f"DEMO_STAMP={demo_stamp}"]
    return subprocess.run(argv, cwd=repo, capture_output=True, text=True, env=env)


def version(repo: Path) -> str:
    match = re.search(r'__version__ = "([^"]+)"', (repo / VERSION_FILE).read_text())
    assert match is not None
    return match.group(1)


def section(repo: Path, version: str) -> str:
    log = (repo / "CHANGELOG.md").read_text()
    start = log.index(f"## [{version}] - 2026-12-01")
    return log[start:].split("\n## [", 1)[0]


def generated_signature(repo: Path) -> set[str]:
    """The keyword arguments of the regenerated endpoint function."""
    code = (
        "import inspect, json\n"
        "from justoneapi_xingtu_generated.api.douyin_creator_marketplace_xingtu import "
        "get_api_douyin_xingtu_gw_api_data_sp_author_rec_videos_v2_v1 as m\n"
        "print(json.dumps(sorted(inspect.signature(m.sync_detailed).parameters)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(repo / "generated")},
    ).stdout
    return set(json.loads(out))


def video_fields(repo: Path) -> list[str]:
    """``justoneapi_xingtu.Video.FIELDS`` as the copy's own packages define it."""
    code = "import json, justoneapi_xingtu as x; print(json.dumps(list(x.Video.FIELDS)))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(repo / "wrapper"), str(repo / "generated")]),
        },
    ).stdout
    return list(json.loads(out))


def test_spec_releases_through_make_update(
    repo: Path, site: tuple[Site, str], tmp_path: Path
) -> None:
    published, url = site
    stamp = tmp_path / "stamp"
    stamp.touch()
    future = time.time() + 3600
    os.utime(stamp, (future, future))  # newer than any pyproject.toml: make installs nothing
    base = version(repo)
    major, minor, patch = (int(n) for n in base.split("."))
    assert major == 0, "the expected bumps below are those of semver 0.x"

    def release(doc: dict[str, Any], expected_version: str, cls: str) -> str:
        published.document = doc
        proc = make_update(repo, url, stamp)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert version(repo) == expected_version
        text = section(repo, expected_version)
        release_id = doc["x-openapi-release-id"]
        assert f"`{release_id}`" in text
        lock = json.loads((repo / "openapi/upstream.lock.json").read_text())
        assert (lock["url"], lock["release_id"]) == (url, release_id)
        assert lock["operations"] == family(doc) and lock["operation_count"] == len(family(doc))
        spec_release = (repo / "wrapper/justoneapi_xingtu/_spec_release.py").read_text()
        assert f'SPEC_RELEASE_ID: str | None = "{release_id}"' in spec_release
        classes = set(re.findall(r"^- \*\*([a-z-]+)\*\*", text, re.MULTILINE))
        highest = next(c for c in ("breaking", "additive", "docs-only") if c in classes)
        assert highest == cls, text
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"Release {expected_version} (spec {release_id})")
        return text

    # 1. The canonical whole document (the family among other platforms' operations); ours
    # reworded by the vendor.
    doc = whole_document("rel-1", others=60)
    our_operation(doc)["description"] = "Returns the recommended videos of a creator."
    text = release(doc, f"0.{minor}.{patch + 1}", "docs-only")
    assert f"- **docs-only**: description changed: GET {PATH}" in text
    upstream = json.loads(
        (repo / "openapi/upstream/douyin-creator-marketplace-xingtu.json").read_text()
    )
    assert family(upstream) == family(vendored()) == [f"GET {p}" for p in sorted(upstream["paths"])]
    assert "OtherResult" not in upstream["components"]["schemas"]
    assert "cursor" not in generated_signature(repo)

    # 2. An optional parameter added: minor.
    doc = copy.deepcopy(doc)
    doc["x-openapi-release-id"] = "rel-2"
    our_operation(doc)["parameters"].append(
        {"name": "cursor", "in": "query", "required": False, "schema": {"type": "integer"}}
    )
    text = release(doc, f"0.{minor + 1}.0", "additive")
    assert f"- **additive**: parameter added: GET {PATH} query 'cursor': optional, integer" in text
    assert "cursor" in generated_signature(repo)

    # 3. A new business code, and the vendor starts typing `data` (as the overlay does) with
    # a video field the overlay does not know: additive; the generated enum has the code,
    # and the field reaches the generated RecVideo and justoneapi_xingtu.Video.
    doc = copy.deepcopy(doc)
    doc["x-openapi-release-id"] = "rel-3"
    doc["components"]["schemas"]["Result"]["properties"]["code"]["enum"].append(700)
    schemas = doc["components"]["schemas"]
    schemas["Result"]["properties"]["data"] = {
        "description": "业务数据;失败时为 null",
        "anyOf": [{"$ref": "#/components/schemas/AuthorRecVideosData"}, {"type": "null"}],
    }
    lists = ("masterpiece_videos", "newest_videos", "order_hot_videos", "personal_hot_videos")
    schemas["AuthorRecVideosData"] = {
        "type": "object",
        "properties": {
            name: {"type": "array", "items": {"$ref": "#/components/schemas/RecVideo"}}
            for name in lists
        },
    }
    schemas["RecVideo"] = {
        "type": "object",
        "properties": {"collect_cnt": {"type": "integer", "description": "收藏数"}},
    }
    text = release(doc, f"0.{minor + 2}.0", "additive")
    assert "- **additive**: enum value added: Result.code: 700" in text
    assert "- **additive**: schema added: RecVideo" in text
    assert "- **additive**: type changed: Result.data: any -> AuthorRecVideosData | null" in text
    assert "700" in (repo / GENERATED / "models/result_code.py").read_text()
    assert "collect_cnt" in (repo / GENERATED / "models/rec_video.py").read_text()
    assert "collect_cnt" in video_fields(repo)

    # 4. A parameter removed: breaking; in 0.x that is the minor number.
    doc = copy.deepcopy(doc)
    doc["x-openapi-release-id"] = "rel-4"
    our_operation(doc)["parameters"].remove(param(doc, "cursor"))
    text = release(doc, f"0.{minor + 3}.0", "breaking")
    assert f"- **breaking**: parameter removed: GET {PATH} query 'cursor'" in text
    assert "in 0.x a breaking change bumps the minor number" in text
    assert "cursor" not in generated_signature(repo)

    # 5. A description only: patch.
    doc = copy.deepcopy(doc)
    doc["x-openapi-release-id"] = "rel-5"
    param(doc, "platform")["description"] = "Content channel."
    text = release(doc, f"0.{minor + 3}.1", "docs-only")
    assert f"- **docs-only**: description changed: GET {PATH} query 'platform'" in text

    # 6. A new release id and nothing else: nothing to do, nothing written.
    doc = copy.deepcopy(doc)
    doc["x-openapi-release-id"] = "rel-6"
    published.document = doc
    proc = make_update(repo, url, stamp)
    assert proc.returncode == 0, proc.stderr
    assert "nothing changed" in proc.stdout
    assert git(repo, "status", "--porcelain") == ""

    # The final state passes the spec, generated-code and spec-tool checks in the copy
    # (they assert what the package relies on, so release 3's typed `data` passes too).
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(repo / "wrapper"), str(repo / "generated")]),
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not slow",
            "tests/test_spec.py",
            "tests/test_spec_module.py",
            "tests/test_generated.py",
            "tests/test_update.py",
            "tests/test_pull_spec.py",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]

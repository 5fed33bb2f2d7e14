"""The release battery: each plausible future release through ``make update`` in a copy of
this repository, then the suite. A release the wrapper can absorb ends green with the
right bump; one it cannot stops ``make update`` with one line naming the change.

The copy, the loopback docs site and the ``make update`` call are those of
``test_spec_lifecycle.py``. After each release ``make update`` runs the whole offline
suite (``make test``) in the copy. The releases use names the suite's own synthetic
changes do not (those add ``cursor``, code 700, response 404, field ``collect_cnt``,
operation ``author_synthetic_stats``).
Not yet here: the maintainer typing a new field in the overlay (the committed mock
cassettes then differ: ``make record-mock``).
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from _specdocs import PATH, new_operation, our_operation, param, whole_document
from test_spec_lifecycle import Site, git, make_update, repo, section, site, version

pytestmark = pytest.mark.slow
__all__ = ["repo", "site"]  # the fixtures, shared with the lifecycle test

RESULTS = (
    Path(os.environ.get("SPEC_BATTERY_RESULTS", ""))
    if "SPEC_BATTERY_RESULTS" in os.environ
    else None
)


def in_copy(repo: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child Python on the copy's own packages."""
    paths = os.pathsep.join([str(repo / "wrapper"), str(repo / "generated")])
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": paths},
        timeout=120,
    )


def classes(text: str) -> set[str]:
    return set(re.findall(r"^- \*\*([a-z-]+)\*\*", text, re.MULTILINE))


def test_every_absorbable_release_ends_green_with_its_bump(
    repo: Path, site: tuple[Site, str], tmp_path: Path
) -> None:
    published, url = site
    stamp = tmp_path / "stamp"
    stamp.touch()
    future = time.time() + 3600
    os.utime(stamp, (future, future))  # newer than any pyproject.toml: make installs nothing
    major, minor, patch = (int(n) for n in version(repo).split("."))
    assert major == 0
    record: list[str] = []
    doc = whole_document("bat-0", others=5)

    def release(name: str, change: Any, bump: str, cls: str) -> str:
        nonlocal doc, major, minor, patch
        doc = copy.deepcopy(doc)
        doc["x-openapi-release-id"] = f"bat-{len(record) + 1}"
        change(doc)
        published.document = doc
        proc = make_update(repo, url, stamp, test="test")
        assert proc.returncode == 0, name + "\n" + (proc.stdout + proc.stderr)[-4000:]
        minor, patch = (minor + 1, 0) if bump == "minor" else (minor, patch + 1)
        expected = f"0.{minor}.{patch}"
        assert version(repo) == expected, (name, proc.stdout[-2000:])
        text = section(repo, expected)
        highest = next(c for c in ("breaking", "additive", "docs-only") if c in classes(text))
        assert highest == cls, (name, text)
        passed = re.findall(r"^\d+ passed.*$", proc.stdout, re.MULTILINE)
        assert passed, name + ": make test did not run in the copy"
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"{name}: {expected}")
        tail = passed[-1]
        record.append(f"| {name} | {cls} | {bump} -> {expected} | {tail} |")
        return text

    # 1. A new optional query parameter (the first pull also takes the whole document's
    # docs-only differences along).
    text = release(
        "optional query parameter",
        lambda d: our_operation(d)["parameters"].append(
            {"name": "page_size", "in": "query", "required": False, "schema": {"type": "integer"}}
        ),
        "minor",
        "additive",
    )
    assert "parameter added" in text and "page_size" in text

    # 2. A new business code.
    def new_code(d: dict[str, Any]) -> None:
        d["components"]["schemas"]["Result"]["properties"]["code"]["enum"].append(701)

    text = release("business code 701", new_code, "minor", "additive")
    assert "enum value added: Result.code: 701" in text

    # 3. A new non-2xx response, the envelope like every other.
    def new_status(d: dict[str, Any]) -> None:
        our_operation(d)["responses"]["502"] = dict(our_operation(d)["responses"]["400"])

    text = release("non-2xx response 502", new_status, "minor", "additive")
    assert "502" in text

    # 4. A new response header on the 200 answer.
    def new_header(d: dict[str, Any]) -> None:
        our_operation(d)["responses"]["200"]["headers"] = {
            "X-Request-Id": {"description": "请求 id", "schema": {"type": "string"}}
        }

    text = release("response header", new_header, "minor", "additive")
    assert "X-Request-Id" in text

    # 4b. A new operation of the family: additive. It lands in the operation table, the
    # generated client, the mock and the mock's cassette with no hand edit (make update
    # re-records that cassette), and the suite in the copy runs it through the contract.
    new_path = "/api/douyin-xingtu/gw/api/data_sp/author_battery_stats/v1"
    text = release("new operation", lambda d: new_operation(d, new_path), "minor", "additive")
    assert f"- **additive**: operation added: GET {new_path}" in text
    module = "get_api_douyin_xingtu_gw_api_data_sp_author_battery_stats_v1.py"
    assert (
        repo
        / "generated/justoneapi_xingtu_generated/api/douyin_creator_marketplace_xingtu"
        / module
    ).is_file()
    assert "author_battery_stats" in (repo / "tests/cassettes/operations-mock.yaml").read_text()
    called = in_copy(
        repo,
        "from justoneapi_xingtu import OPERATIONS, XingtuClient\n"
        "from justoneapi_xingtu.testing import MockServer\n"
        "with MockServer(tokens={'t0k'}) as s, XingtuClient('t0k', base_url=s.base_url) as c:\n"
        "    answer = c.call('author_battery_stats', o_author_id='42')\n"
        "print(OPERATIONS['author_battery_stats'].path, answer.code, answer.params)\n",
    )
    assert called.stdout.strip() == f"{new_path} 0 {{'oAuthorId': '42'}}", called.stderr

    # 5a. Upstream leaves `data` untyped: a new field in the answer reaches the document
    # only as words (the description, the example): docs-only.
    def data_words(d: dict[str, Any]) -> None:
        data = d["components"]["schemas"]["Result"]["properties"]["data"]
        data["description"] = "业务数据;视频含 download_cnt(下载数)"

    release("new field, upstream docs", data_words, "patch", "docs-only")

    # 6. Docs-only edits.
    def docs(d: dict[str, Any]) -> None:
        param(d, "platform")["description"] = "内容渠道 (battery release)."
        our_operation(d)["summary"] = "Author recommended videos (battery release)"

    release("docs-only edits", docs, "patch", "docs-only")

    # 7. and 8. operationId and tag renamed: the overlay pins both, nothing generated moves.
    generated = repo / "generated"
    before = git(repo, "ls-files", "-s", str(generated))

    def rename_operation(d: dict[str, Any]) -> None:
        our_operation(d)["operationId"] = "authorRecommendedVideosV1"

    text = release("operationId rename", rename_operation, "patch", "docs-only")
    assert "the overlay pins it" in text

    def rename_tag(d: dict[str, Any]) -> None:
        our_operation(d)["tags"] = ["Xingtu Creator Marketplace"]
        d["tags"].append({"name": "Xingtu Creator Marketplace"})

    text = release("tag rename", rename_tag, "patch", "docs-only")
    assert "the overlay pins it" in text
    assert git(repo, "ls-files", "-s", str(generated)) == before

    if RESULTS is not None:
        RESULTS.write_text("\n".join(record) + "\n", encoding="utf-8")


CANNOT_ABSORB = [
    (
        "oAuthorId removed",
        lambda d: our_operation(d)["parameters"].remove(param(d, "oAuthorId")),
        "the query parameter 'oAuthorId' the wrapper sends is removed",
    ),
    (
        "path renamed",
        lambda d: d["paths"].__setitem__(PATH + "2", d["paths"].pop(PATH)),
        f"no longer describes GET {PATH}",
    ),
    (
        "code type changed",
        lambda d: d["components"]["schemas"]["Result"]["properties"]["code"].update(
            type="string", enum=["0", "100"]
        ),
        "Result.code is no longer an integer enum",
    ),
    (
        "required parameter added",
        lambda d: our_operation(d)["parameters"].append(
            {"name": "sign", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        "new required query parameter(s) 'sign'",
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "line"), CANNOT_ABSORB, ids=[c[0] for c in CANNOT_ABSORB]
)
def test_a_release_the_wrapper_cannot_absorb_stops_in_one_line(
    repo: Path, site: tuple[Site, str], tmp_path: Path, name: str, change: Any, line: str
) -> None:
    published, url = site
    stamp = tmp_path / "stamp"
    stamp.touch()
    future = time.time() + 3600
    os.utime(stamp, (future, future))
    doc = whole_document("cannot-1", others=2)
    change(doc)
    published.document = doc
    generated_before = git(repo, "ls-files", "-s", "generated")
    proc = make_update(repo, url, stamp)
    assert proc.returncode != 0, proc.stdout + proc.stderr
    said = [ln for ln in proc.stderr.splitlines() if line in ln]
    assert len(said) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    # generated/ untouched: the refusal comes before the generator runs.
    assert git(repo, "status", "--porcelain", "generated") == ""
    assert git(repo, "ls-files", "-s", "generated") == generated_before

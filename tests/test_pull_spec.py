"""make pull-spec: the whole published document in, the Xingtu family and a lock out."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _scripted import Answer, Seen, scripted_server
from _specdocs import (
    CONFIG,
    LOCK,
    PATH,
    TAG,
    TOOLS,
    UPSTREAM,
    dump,
    family,
    our_operation,
    param,
    vendored,
    whole_document,
)
from conftest import ROOT

sys.path.insert(0, str(TOOLS))
import pull_spec
from pull_spec import Config, PullError, extract, load_config, prepare, select

CONFIGURED = load_config(CONFIG)


def run_pull(
    dest: Path, url: str | None, lock: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, str(TOOLS / "pull_spec.py"), str(dest)]
    argv += [url] if url else []
    return subprocess.run(
        [*argv, "--lock", str(lock)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def seeded(tmp_path: Path) -> tuple[Path, Path, bytes, bytes]:
    dest, lock = tmp_path / "upstream.json", tmp_path / "upstream.lock.json"
    dest.write_bytes(UPSTREAM.read_bytes())
    lock.write_bytes(LOCK.read_bytes())
    return dest, lock, dest.read_bytes(), lock.read_bytes()


def extracted(doc: dict[str, Any], config: Config = CONFIGURED) -> dict[str, Any]:
    return extract(doc, select(doc, config))


# -- extraction ---------------------------------------------------------------------------


def test_the_extract_of_the_whole_document_is_the_vendored_family() -> None:
    doc = whole_document()
    out = extracted(doc)
    assert out == vendored()  # other platforms, their components and the POST dropped
    assert len(family(out)) == len(out["paths"]) > 1
    assert set(out["paths"][PATH]) == {"get"}  # the POST on our path is not ours
    assert "OtherResult" not in out["components"]["schemas"]
    assert "securitySchemes" not in out["components"]
    # only the family's tags are kept (whatever the vendor names them this release)
    used = {tag for item in out["paths"].values() for tag in item["get"]["tags"]}
    assert {t["name"] for t in out["tags"]} == used and TAG in used
    assert {t["name"] for t in doc["tags"]} - used >= {"Other Platform", "Douyin"}


def test_the_config_adds_and_excludes_operations_by_method_and_path() -> None:
    doc = whole_document()
    doc["paths"]["/api/other-platform/item-007/v1"]["get"]["tags"] = ["Other Platform"]
    dropped = next(p for p in family(doc) if p != f"GET {PATH}")
    added = (*CONFIGURED.add, "GET /api/other-platform/item-007/v1")
    config = Config(TAG, add=added, exclude=(dropped,))
    chosen = select(doc, config)
    assert "GET /api/other-platform/item-007/v1" in chosen and dropped not in chosen
    assert len(chosen) == len(family(doc))
    out = extract(doc, chosen)
    assert "OtherResult" in out["components"]["schemas"]  # the added one's components come along
    assert {TAG, "Other Platform"} <= {t["name"] for t in out["tags"]}


def test_an_added_operation_is_taken_whatever_its_tag() -> None:
    doc = whole_document()
    our_operation(doc)["tags"] = ["Xingtu Creator Marketplace"]  # the vendor renamed our tag
    assert f"GET {PATH}" in select(doc, CONFIGURED)


def test_extract_follows_references_transitively_and_names_security_schemes() -> None:
    doc = whole_document()
    schemas = doc["components"]["schemas"]
    schemas["Result"]["properties"]["data"] = {"$ref": "#/components/schemas/Page"}
    schemas["Page"] = {
        "type": "object",
        "properties": {"rows": {"type": "array", "items": {"$ref": "#/components/schemas/Row"}}},
    }
    schemas["Row"] = {
        "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
        "discriminator": {"propertyName": "k", "mapping": {"c": "#/components/schemas/C"}},
    }
    for name in "ABC":
        schemas[name] = {"type": "object", "properties": {"k": {"type": "string"}}}
    schemas["Unused"] = {"type": "string"}
    doc["components"]["parameters"]["Platform"] = doc["paths"][PATH]["get"]["parameters"].pop()
    doc["paths"][PATH]["parameters"] = [{"$ref": "#/components/parameters/Platform"}]
    doc["components"]["securitySchemes"]["token"] = {"type": "apiKey", "in": "query", "name": "t"}
    doc["security"] = [{"token": []}]

    out = extracted(doc)

    assert set(out["components"]["schemas"]) == {"Result", "Page", "Row", "A", "B", "C"}
    assert set(out["components"]["parameters"]) == {"Platform"}
    assert out["paths"][PATH]["parameters"] == [{"$ref": "#/components/parameters/Platform"}]
    assert out["security"] == [{"token": []}]
    assert set(out["components"]["securitySchemes"]) == {"token"}


def test_extract_refuses_a_reference_it_cannot_follow() -> None:
    doc = whole_document()
    doc["components"]["schemas"]["Result"]["properties"]["data"] = {
        "$ref": "#/components/schemas/Missing"
    }
    with pytest.raises(PullError, match="Missing"):
        extracted(doc)


def shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [shuffled(v, rng) for v in value]
    return value


def test_the_extract_is_the_same_bytes_whatever_the_key_order() -> None:
    doc = whole_document()
    first = prepare("u", dump(doc), CONFIGURED).vendored
    again = prepare("u", dump(shuffled(doc, random.Random(7))), CONFIGURED).vendored
    assert first == again
    assert json.loads(first) == extracted(doc)


def test_the_committed_config_takes_the_typed_operation_whatever_its_tag() -> None:
    assert CONFIGURED.tag == TAG
    assert f"GET {PATH}" in CONFIGURED.add


# -- the lock and the files -----------------------------------------------------------------


def test_pull_of_a_whole_document_writes_the_extract_and_the_lock(tmp_path: Path) -> None:
    dest, lock, _, _ = seeded(tmp_path)
    body = dump(whole_document("rel-42"))
    with scripted_server([Answer(200, body)]) as (base_url, _):
        proc = run_pull(dest, f"{base_url}/openapi-zh.json", lock)
    assert proc.returncode == 0, proc.stderr
    operations = family(vendored())
    assert f"release id rel-42; {len(operations)} operations of {TAG!r}" in proc.stdout
    written = json.loads(lock.read_text())
    assert written["url"] == f"{base_url}/openapi-zh.json"
    assert written["release_id"] == "rel-42"
    assert written["sha256"] == hashlib.sha256(body).hexdigest()
    assert (written["tag"], written["operations"]) == (TAG, operations)
    assert written["operation_count"] == len(operations)
    assert written["file_sha256"] == hashlib.sha256(dest.read_bytes()).hexdigest()
    assert json.loads(dest.read_bytes()) == extracted(whole_document("rel-42"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["upstream.json", "upstream.lock.json"]


def test_the_committed_lock_describes_the_vendored_document() -> None:
    lock = json.loads(LOCK.read_text())
    doc = vendored()
    every_get = sorted(f"GET {path}" for path, item in doc["paths"].items() if "get" in item)
    assert lock["operations"] == every_get and lock["operation_count"] == len(every_get)
    assert set(CONFIGURED.add) <= set(lock["operations"])
    assert lock["tag"] == CONFIGURED.tag
    assert lock["file"] == UPSTREAM.relative_to(ROOT).as_posix()
    assert lock["file_sha256"] == hashlib.sha256(UPSTREAM.read_bytes()).hexdigest()
    assert lock["release_id"] == doc.get("x-openapi-release-id")


def without(doc: dict[str, Any], path: str) -> dict[str, Any]:
    del doc["paths"][path]
    return doc


def renamed_tag(doc: dict[str, Any]) -> dict[str, Any]:
    for item in doc["paths"].values():
        for operation in item.values():
            if TAG in operation.get("tags", []):
                operation["tags"] = ["Xingtu Creator Marketplace"]
    return doc


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html>maintenance</html>", "not JSON"),
        (b'{"swagger": "2.0", "paths": {}}', "not an OpenAPI 3.x document"),
        (
            json.dumps({"openapi": "3.1.0", "paths": {"/other": {"get": {}}}}).encode(),
            f"holds no GET operation tagged {TAG!r} (renamed? edit openapi/operations.json)",
        ),
        (dump(renamed_tag(whole_document())), "holds no GET operation tagged"),
        (
            dump(without(whole_document(), PATH)),
            f"no longer describes GET {PATH} (added by openapi/operations.json)",
        ),
    ],
    ids=["html", "swagger-2", "no-family", "tag-renamed", "typed-operation-gone"],
)
def test_an_unsound_download_changes_nothing(tmp_path: Path, body: bytes, reason: str) -> None:
    dest, lock, before, lock_before = seeded(tmp_path)
    with scripted_server([Answer(200, body)]) as (base_url, _):
        proc = run_pull(dest, f"{base_url}/spec.json", lock)
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1 and reason in proc.stderr, proc.stderr
    assert "left unchanged" in proc.stderr
    assert dest.read_bytes() == before and lock.read_bytes() == lock_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["upstream.json", "upstream.lock.json"]


def test_a_default_outside_its_enum_does_not_stop_the_pull() -> None:
    """The published document has six (``"default": "90"`` for ``DAY_30 | DAY_90``): the
    overlay drops them; anything else invalid still stops the pull."""
    doc = whole_document()
    param(doc, "platform")["schema"]["default"] = "1"
    assert prepare("u", dump(doc), CONFIGURED).operations == tuple(family(vendored()))
    param(doc, "platform")["schema"]["type"] = "text"
    with pytest.raises(PullError, match="not a valid OpenAPI document"):
        prepare("u", dump(doc), CONFIGURED)


@pytest.mark.parametrize(
    ("config", "reason"),
    [
        ("[]", "expected a JSON object"),
        ('{"tag": "T", "include": []}', "unknown key 'include'"),
        ('{"add": []}', "'tag' must name the tag"),
        ('{"tag": "T", "add": ["POST /x"]}', "'POST /x' is not \"GET /path\""),
        ('{"tag": "T", "add": ["GET /x"], "exclude": ["GET /x"]}', "both added and excluded"),
        ("{", "is not JSON"),
    ],
)
def test_a_config_it_cannot_use_is_one_line_and_changes_nothing(
    tmp_path: Path, config: str, reason: str
) -> None:
    dest, lock, before, lock_before = seeded(tmp_path)
    bad = tmp_path / "operations.json"
    bad.write_text(config)
    argv = [str(TOOLS / "pull_spec.py"), str(dest), "http://127.0.0.1:9/x.json"]
    argv += ["--lock", str(lock), "--config", str(bad)]
    proc = subprocess.run([sys.executable, *argv], capture_output=True, text=True)
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1 and reason in proc.stderr, proc.stderr
    assert dest.read_bytes() == before and lock.read_bytes() == lock_before


# -- candidates and fallbacks ---------------------------------------------------------------


def serve_site(pages: dict[str, bytes]) -> Any:
    def respond(seen: Seen) -> Answer:
        body = pages.get(seen.path)
        return Answer(200, body) if body is not None else Answer(404, b"not found")

    return scripted_server(respond)


def site_urls(base_url: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    paths = [u.removeprefix(pull_spec.BASE) for u in pull_spec.DEFAULT_URLS]
    monkeypatch.setattr(pull_spec, "DEFAULT_URLS", tuple(base_url + p for p in paths))
    return paths


def test_the_whole_documents_are_the_only_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-endpoint documents describe one operation each: no candidates for a family."""
    with serve_site({}) as (base_url, seen):
        paths = site_urls(base_url, monkeypatch)
        assert paths == ["/openapi-zh.json", "/openapi.json"]
        with pytest.raises(PullError, match="no usable document"):
            pull_spec.obtain(pull_spec.DEFAULT_URLS, CONFIGURED)
    assert [s.path for s in seen] == paths


def test_the_english_document_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {"/openapi-zh.json": b"<html>", "/openapi.json": dump(whole_document())}
    with serve_site(pages) as (base, seen):
        site_urls(base, monkeypatch)
        pulled = pull_spec.obtain(pull_spec.DEFAULT_URLS, CONFIGURED)
    assert pulled.url == base + "/openapi.json" and len(seen) == 2
    assert pulled.operations == tuple(family(vendored()))


def test_a_document_without_the_typed_operation_stops_the_fallback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = {
        "/openapi-zh.json": dump(without(whole_document(), PATH)),
        "/openapi.json": dump(whole_document()),
    }
    with serve_site(pages) as (base_url, seen):
        site_urls(base_url, monkeypatch)
        with pytest.raises(PullError, match="no longer describes"):
            pull_spec.obtain(pull_spec.DEFAULT_URLS, CONFIGURED)
    assert len(seen) == 1


def test_make_pull_spec_takes_spec_url_from_the_environment(tmp_path: Path) -> None:
    """SPEC_URL pointing at a closed port: make says so in one line and writes nothing."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    before, lock_before = UPSTREAM.read_bytes(), LOCK.read_bytes()
    proc = subprocess.run(
        ["make", "-s", "pull-spec"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SPEC_URL": f"http://127.0.0.1:{port}/openapi-zh.json"},
    )
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if not line.startswith("make")]
    assert len(lines) == 1 and lines[0].startswith(
        f"pull-spec: cannot reach http://127.0.0.1:{port}"
    )
    assert UPSTREAM.read_bytes() == before and LOCK.read_bytes() == lock_before
    assert not list(UPSTREAM.parent.glob(".pull-*")) and not list(LOCK.parent.glob(".pull-*"))

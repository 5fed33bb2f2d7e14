"""make pull-spec: the whole published document in, our operation and a lock out."""

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
from _specdocs import LOCK, PATH, TOOLS, UPSTREAM, dump, our_operation, vendored, whole_document
from conftest import ROOT

sys.path.insert(0, str(TOOLS))
import pull_spec
from pull_spec import PullError, extract, is_whole, prepare


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


# -- extraction ---------------------------------------------------------------------------


def test_extract_keeps_our_operation_and_exactly_what_it_references() -> None:
    doc = whole_document()
    out = extract(doc)
    assert list(out["paths"]) == [PATH]
    assert set(out["paths"][PATH]) == {"get"}  # the POST on our path is not ours
    assert out["x-openapi-release-id"] == "e0ede803fa64ee10"
    assert out["servers"] == doc["servers"] and out["info"] == doc["info"]
    assert set(out["components"]) == {"responses", "schemas"}
    assert set(out["components"]["schemas"]) == set(vendored()["components"]["schemas"])
    assert set(out["components"]["responses"]) == set(vendored()["components"]["responses"])
    # only our operation's tags are kept (whatever the vendor names them this release)
    assert [t["name"] for t in out["tags"]] == our_operation(doc)["tags"]


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

    out = extract(doc)

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
        extract(doc)


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
    first = prepare("u", dump(doc)).vendored
    again = prepare("u", dump(shuffled(doc, random.Random(7)))).vendored
    assert first == again
    assert json.loads(first) == extract(doc)


def test_a_per_endpoint_document_is_vendored_as_downloaded() -> None:
    body = UPSTREAM.read_bytes()
    assert not is_whole(vendored())
    pulled = prepare("u", body)
    assert pulled.source == "endpoint" and pulled.vendored == body
    assert is_whole(whole_document(others=1))


# -- the lock and the files -----------------------------------------------------------------


def test_pull_of_a_whole_document_writes_the_extract_and_the_lock(tmp_path: Path) -> None:
    dest, lock, _, _ = seeded(tmp_path)
    body = dump(whole_document("rel-42"))
    with scripted_server([Answer(200, body)]) as (base_url, _):
        proc = run_pull(dest, f"{base_url}/openapi-zh.json", lock)
    assert proc.returncode == 0, proc.stderr
    assert "release id rel-42" in proc.stdout
    written = json.loads(lock.read_text())
    assert written["url"] == f"{base_url}/openapi-zh.json"
    assert written["release_id"] == "rel-42"
    assert written["sha256"] == hashlib.sha256(body).hexdigest()
    assert written["operation"] == {"method": "GET", "path": PATH}
    assert written["source"] == "whole"
    assert written["file_sha256"] == hashlib.sha256(dest.read_bytes()).hexdigest()
    assert json.loads(dest.read_bytes()) == extract(whole_document("rel-42"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["upstream.json", "upstream.lock.json"]


def test_the_committed_lock_describes_the_vendored_document() -> None:
    lock = json.loads(LOCK.read_text())
    assert lock["operation"] == {"method": "GET", "path": PATH}
    assert lock["file"] == UPSTREAM.relative_to(ROOT).as_posix()
    assert lock["file_sha256"] == hashlib.sha256(UPSTREAM.read_bytes()).hexdigest()
    assert lock["release_id"] == vendored().get("x-openapi-release-id")
    if lock["source"] == "endpoint":
        assert lock["sha256"] == lock["file_sha256"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html>maintenance</html>", "not JSON"),
        (b'{"swagger": "2.0", "paths": {}}', "not an OpenAPI 3.x document"),
        (json.dumps({"openapi": "3.1.0", "paths": {"/other": {"get": {}}}}).encode(), "no longer"),
    ],
)
def test_an_unsound_download_changes_nothing(tmp_path: Path, body: bytes, reason: str) -> None:
    dest, lock, before, lock_before = seeded(tmp_path)
    with scripted_server([Answer(200, body)]) as (base_url, _):
        proc = run_pull(dest, f"{base_url}/spec.json", lock)
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1 and reason in proc.stderr
    assert "left unchanged" in proc.stderr
    assert dest.read_bytes() == before and lock.read_bytes() == lock_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["upstream.json", "upstream.lock.json"]


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


def test_the_whole_document_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve_site({}) as (base_url, seen):
        paths = site_urls(base_url, monkeypatch)
        assert paths[0] == "/openapi-zh.json"
        with pytest.raises(PullError, match="no usable document"):
            pull_spec.obtain(pull_spec.DEFAULT_URLS)
    assert [s.path for s in seen] == paths


def test_the_per_endpoint_documents_are_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    en = "/openapi/douyin-creator-marketplace-xingtu/recommended-videos-v1-en.json"
    with serve_site({"/openapi-zh.json": b"<html>", en: UPSTREAM.read_bytes()}) as (base, seen):
        site_urls(base, monkeypatch)
        pulled = pull_spec.obtain(pull_spec.DEFAULT_URLS)
    assert pulled.url == base + en and pulled.source == "endpoint"
    assert len(seen) == 3


def test_a_whole_document_without_our_path_stops_the_fallback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    moved = whole_document()
    del moved["paths"][PATH]
    pages = {
        "/openapi-zh.json": dump(moved),
        "/openapi/douyin-xingtu-apis/author-recommended-videos-v1-zh.json": UPSTREAM.read_bytes(),
    }
    with serve_site(pages) as (base_url, seen):
        site_urls(base_url, monkeypatch)
        with pytest.raises(PullError, match="no longer describes"):
            pull_spec.obtain(pull_spec.DEFAULT_URLS)
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

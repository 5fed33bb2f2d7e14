"""make spec-diff and make pull-spec, as a maintainer runs them."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

from conftest import ROOT

UPSTREAM = ROOT / "openapi" / "upstream" / "author-recommended-videos-v1-zh.json"
PATH = "/api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1"


def make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        ["make", "-s", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_spec_diff_names_an_added_parameter_and_a_removed_enum_value(tmp_path: Path) -> None:
    doc = json.loads(UPSTREAM.read_text(encoding="utf-8"))
    op = doc["paths"][PATH]["get"]
    op["parameters"].append(
        {"name": "cursor", "in": "query", "required": False, "schema": {"type": "integer"}}
    )
    platform = next(p for p in op["parameters"] if p["name"] == "platform")
    platform["schema"]["enum"].remove("SHORT_DRAMA")
    doc["components"]["schemas"]["Result"]["properties"]["code"]["enum"].append(700)
    changed = tmp_path / "pulled.json"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    proc = make("spec-diff", f"OLD={UPSTREAM}", f"NEW={changed}")

    assert proc.returncode != 0
    assert f"parameter added: GET {PATH} query 'cursor' (optional, integer)" in proc.stdout
    assert (
        f"enum value removed: parameter GET {PATH} query 'platform': \"SHORT_DRAMA\"" in proc.stdout
    )
    assert "enum value added: Result.code: 700" in proc.stdout
    assert "3 change(s)" in proc.stdout


def test_spec_diff_of_the_committed_document_against_itself_is_quiet() -> None:
    proc = make("spec-diff", f"OLD={UPSTREAM}", f"NEW={UPSTREAM}")
    assert proc.returncode == 0, proc.stdout
    assert "no changes" in proc.stdout


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/spec.json"


def test_pull_spec_offline_fails_in_one_line_and_leaves_the_vendored_file() -> None:
    before = UPSTREAM.read_bytes()
    proc = make("pull-spec", env={"SPEC_URL": closed_port_url()})
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if not line.startswith("make")]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("pull-spec: cannot reach") and "left unchanged" in lines[0]
    assert UPSTREAM.read_bytes() == before
    assert not list(UPSTREAM.parent.glob(".pull-*"))


def run_pull(dest: Path, url: str) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run(
        [sys.executable, str(ROOT / "openapi/tools/pull_spec.py"), str(dest), url],
        capture_output=True,
        text=True,
    )


def test_pull_spec_refuses_a_download_that_is_not_the_document(tmp_path: Path) -> None:
    from _scripted import Answer, scripted_server

    dest = tmp_path / "upstream.json"
    dest.write_bytes(UPSTREAM.read_bytes())
    html = Answer(200, b"<html>maintenance</html>", {"Content-Type": "text/html"})
    with scripted_server([html]) as (base_url, _):
        proc = run_pull(dest, f"{base_url}/spec.json")
    assert proc.returncode == 1
    assert "not JSON" in proc.stderr and "left unchanged" in proc.stderr
    assert dest.read_bytes() == UPSTREAM.read_bytes()


def test_pull_spec_replaces_the_vendored_file_with_a_sound_download(tmp_path: Path) -> None:
    from _scripted import Answer, scripted_server

    dest = tmp_path / "upstream.json"
    dest.write_text("{}", encoding="utf-8")
    with scripted_server([Answer(200, UPSTREAM.read_bytes())]) as (base_url, _):
        proc = run_pull(dest, f"{base_url}/spec.json")
    assert proc.returncode == 0, proc.stderr
    assert dest.read_bytes() == UPSTREAM.read_bytes()

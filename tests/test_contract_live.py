"""``make contract-live``, exercised against loopback stand-ins for the real API.

The harness reads the deployment from ``JUSTONEAPI_BASE_URL`` like the client does, so
these tests point it at a mock on 127.0.0.1 with a made-up token: nothing leaves the host.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import contract_live
import pytest
from _contract import ROOT
from _scripted import Answer, Seen, scripted_server
from conftest import TOKEN

from justoneapi_xingtu.testing import MockAPI

AUTHORS = "7012345678901234567,7098765432109876543"


def run_harness(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, base_url: str, **env: str
) -> tuple[int, str, str, dict[str, Any]]:
    settings = {
        "JUSTONEAPI_TOKEN": TOKEN,
        "JUSTONEAPI_BASE_URL": base_url,
        "CONTRACT_LIVE_EXAMPLES": "6",
        "CONTRACT_LIVE_AUTHORS": AUTHORS,
        "CONTRACT_LIVE_REPORT": str(tmp_path / "report.md"),
        **env,
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("JUSTONEAPI_ENV", raising=False)
    return _run(tmp_path)


def _run(tmp_path: Path) -> tuple[int, str, str, dict[str, Any]]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = contract_live.main()
    report = tmp_path / "report.md"
    text = report.read_text("utf-8") if report.exists() else ""
    data = json.loads(report.with_suffix(".json").read_text("utf-8")) if report.exists() else {}
    return status, out.getvalue(), text, data


def served_by(api: MockAPI, change: Any = None) -> Iterator[tuple[str, list[Seen]]]:
    """A loopback server answering through ``api``, with ``change(body)`` applied to successes."""

    def respond(seen: Seen) -> Answer:
        status, headers, body = api.handle("GET", seen.path, seen.query)
        document = json.loads(body)
        if change is not None and document["code"] == 0:
            change(document)
            body = json.dumps(document).encode()
        return Answer(status, body, dict(headers))

    return scripted_server(respond)


def test_without_a_token_make_contract_live_says_so_in_one_line_and_exits_0(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "JUSTONEAPI_TOKEN"}
    env["CONTRACT_LIVE_REPORT_DIR"] = str(tmp_path)
    proc = subprocess.run(
        ["make", "-s", "contract-live"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "contract-live: skipped, JUSTONEAPI_TOKEN is not set (no call made)"
    ]
    assert list(tmp_path.iterdir()) == []  # no call, no report


def test_the_report_goes_outside_the_repository_by_default(monkeypatch, tmp_path) -> None:
    # What a plain local `make contract-live` does: no report setting at all.
    import tempfile

    monkeypatch.delenv("CONTRACT_LIVE_REPORT", raising=False)
    monkeypatch.delenv("CONTRACT_LIVE_REPORT_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    default = contract_live.report_path()
    assert (
        default == tmp_path / "tmp" / "justoneapi-xingtu-contract-live" / "contract-live-report.md"
    )
    assert not default.is_relative_to(ROOT)

    monkeypatch.setenv("CONTRACT_LIVE_REPORT_DIR", str(tmp_path / "reports"))
    assert contract_live.report_path() == tmp_path / "reports" / "contract-live-report.md"


def test_a_run_without_report_settings_writes_to_the_temp_folder_and_prints_where(
    monkeypatch, tmp_path
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    api = MockAPI(tokens={TOKEN})
    with served_by(api) as (base_url, _):
        for name, value in {
            "JUSTONEAPI_TOKEN": TOKEN,
            "JUSTONEAPI_BASE_URL": base_url,
            "CONTRACT_LIVE_EXAMPLES": "2",
            "CONTRACT_LIVE_AUTHORS": AUTHORS,
        }.items():
            monkeypatch.setenv(name, value)
        for name in ("JUSTONEAPI_ENV", "CONTRACT_LIVE_REPORT", "CONTRACT_LIVE_REPORT_DIR"):
            monkeypatch.delenv(name, raising=False)
        before = set(ROOT.iterdir())
        import contextlib
        import io

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert contract_live.main() == 0
    report = tmp_path / "justoneapi-xingtu-contract-live" / "contract-live-report.md"
    assert report.exists() and report.with_suffix(".json").exists()
    assert f"report written to {report}" in out.getvalue()
    assert set(ROOT.iterdir()) == before  # nothing new in the checkout


def test_an_api_that_agrees_exits_0_within_the_budget(monkeypatch, tmp_path) -> None:
    api = MockAPI(tokens={TOKEN})
    with served_by(api) as (base_url, seen):
        status, out, text, data = run_harness(monkeypatch, tmp_path, base_url)
    assert status == 0, out
    assert len(seen) == data["calls"] == 6  # the budget, no more
    assert {s.query["oAuthorId"][0] for s in seen} <= set(AUTHORS.split(","))
    assert data["agrees"] is True and data["fields"] == [] and data["problems"] == []
    assert "result: AGREE" in text and "result: AGREE" in out
    assert TOKEN not in out + text + json.dumps(data)


def test_a_drifted_answer_exits_1_and_the_report_names_field_type_and_value(
    monkeypatch, tmp_path
) -> None:
    def drift(document: dict[str, Any]) -> None:
        for video in document["data"]["masterpiece_videos"]:
            video["play"] = str(video["play"])  # a count that turned into a string
        del document["data"]["order_hot_videos"]

    api = MockAPI(tokens={TOKEN})
    with served_by(api, drift) as (base_url, _):
        status, out, text, data = run_harness(
            monkeypatch, tmp_path, base_url, CONTRACT_LIVE_MODES="positive"
        )
    assert status == 1, out
    assert "result: DISAGREE" in text
    row = next(m for m in data["fields"] if m["path"] == "data.masterpiece_videos[*].play")
    assert row["expected"] == "integer"
    assert row["seen"].endswith("(string)") and row["seen"].startswith('"')
    assert row["answers"] == data["calls"] == 6  # positive only: every answer a success
    missing = {"path": "data.order_hot_videos", "expected": "array", "seen": "missing"}
    assert {**missing, "answers": 6} in data["fields"]
    assert "| data.masterpiece_videos[*].play | integer | " in text
    assert text in out  # printed as well as written
    assert TOKEN not in out + text + json.dumps(data)


def test_a_code_outside_the_enum_is_a_disagreement(monkeypatch, tmp_path) -> None:
    api = MockAPI(tokens={TOKEN})
    api.set_fault(777)
    with served_by(api) as (base_url, _):
        status, _, text, data = run_harness(monkeypatch, tmp_path, base_url)
    assert status == 1
    assert any(m["path"] == "code" and m["seen"] == "777 (integer)" for m in data["fields"])
    assert "| code | one of 0, 100," in text


def test_an_unreachable_api_exits_2_after_one_attempt(monkeypatch, tmp_path) -> None:
    with scripted_server([Answer()]) as (base_url, _):
        pass  # the port is closed again: connections are refused
    status, out, text, data = run_harness(monkeypatch, tmp_path, base_url)
    assert status == 2
    assert data["calls"] == 1 and "could not be reached" in text and "Unreachable:" in out
    assert TOKEN not in out + text + json.dumps(data)  # the error names the URL: masked


def test_bad_settings_exit_2_with_one_line(monkeypatch, tmp_path) -> None:
    status, out, _, _ = run_harness(
        monkeypatch, tmp_path, "http://127.0.0.1:9", CONTRACT_LIVE_EXAMPLES="lots"
    )
    assert status == 2
    assert out.splitlines() == [
        "contract-live: CONTRACT_LIVE_EXAMPLES: expected a whole number >= 1, got 'lots'"
    ]


def test_make_contract_live_with_a_token_fails_on_drift_and_writes_the_report(tmp_path) -> None:
    # End to end through the Makefile: settings passed as make variables, exit status kept.
    def drift(document: dict[str, Any]) -> None:
        document["data"]["newest_videos"][0]["item_id"] = 7553989899192519974

    api = MockAPI(tokens={TOKEN})
    with served_by(api, drift) as (base_url, seen):
        env = {**os.environ, "JUSTONEAPI_TOKEN": TOKEN, "JUSTONEAPI_BASE_URL": base_url}
        env["CONTRACT_LIVE_REPORT"] = str(tmp_path / "live.md")
        proc = subprocess.run(
            [
                "make",
                "-s",
                "contract-live",
                "CONTRACT_LIVE_EXAMPLES=3",
                f"CONTRACT_LIVE_AUTHORS={AUTHORS}",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode != 0
    assert len(seen) == 3
    text = (tmp_path / "live.md").read_text("utf-8")
    assert "| data.newest_videos[*].item_id | string | 7553989899192519974 (integer) |" in text
    assert text in proc.stdout
    assert TOKEN not in proc.stdout + proc.stderr + text

"""Three-way statuses through make: make turns any failing recipe into 2, the status file keeps
what the tool said (0 same/agrees, 1 changed/disagrees, 2 could not run)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from _scripted import Answer, scripted_server
from conftest import ROOT


def contract_live(tmp_path: Path, **env: str) -> tuple[int, str]:
    status_file = tmp_path / "status"
    settings = {
        k: v for k, v in os.environ.items() if not k.startswith(("JUSTONEAPI_", "CONTRACT_"))
    }
    settings |= {"CONTRACT_LIVE_REPORT": str(tmp_path / "report.md"), **env}
    proc = subprocess.run(
        ["make", "-s", "contract-live", f"CONTRACT_LIVE_STATUS_FILE={status_file}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=settings,
    )
    return proc.returncode, status_file.read_text().strip()


def test_contract_live_without_a_token_is_0(tmp_path: Path) -> None:
    assert contract_live(tmp_path) == (0, "0")


def closed_port_url() -> str:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_contract_live_with_bad_settings_is_2(tmp_path: Path) -> None:
    env = {"JUSTONEAPI_TOKEN": "t-123456", "CONTRACT_LIVE_EXAMPLES": "many"}
    env["JUSTONEAPI_BASE_URL"] = closed_port_url()  # never the real API, whatever happens
    assert contract_live(tmp_path, **env) == (2, "2")


@pytest.mark.slow
def test_contract_live_that_disagrees_is_1(tmp_path: Path) -> None:
    wrong = json.dumps({"code": 0, "data": 5, "message": None, "recordTime": None}).encode()
    with scripted_server([Answer(200, wrong)]) as (base_url, _):
        env = {
            "JUSTONEAPI_TOKEN": "t-123456",
            "JUSTONEAPI_BASE_URL": base_url,
            "CONTRACT_LIVE_EXAMPLES": "1",
            "CONTRACT_LIVE_MODES": "positive",
            "CONTRACT_LIVE_AUTHORS": "7012345678901234567",
        }
        assert contract_live(tmp_path, **env) == (2, "1")

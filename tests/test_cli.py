"""The xingtu command as a person runs it: output, one-line errors, exit codes, no token."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from conftest import AUTHOR, TOKEN

from justoneapi_xingtu.cli import main
from justoneapi_xingtu.testing import MockServer


@pytest.fixture(scope="module")
def server():
    with MockServer(tokens={TOKEN}) as running:
        yield running


def xingtu(*args: str, token: str | None = TOKEN, **env: str) -> subprocess.CompletedProcess[str]:
    """A real ``python -m justoneapi_xingtu`` process (kept for the few checks a process
    matters for: exit status, the demo, the verbose log)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("JUSTONEAPI_")}
    if token is not None:
        environ["JUSTONEAPI_TOKEN"] = token
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-m", "justoneapi_xingtu", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
    )


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys, monkeypatch) -> Callable[..., Run]:
    """``xingtu ARGS`` in-process (``main(argv)``), with ``token`` as JUSTONEAPI_TOKEN."""

    def invoke(*args: str, token: str | None = TOKEN) -> Run:
        for name in list(os.environ):
            if name.startswith("JUSTONEAPI_"):
                monkeypatch.delenv(name)
        if token is not None:
            monkeypatch.setenv("JUSTONEAPI_TOKEN", token)
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return invoke


def test_table_lists_every_video(server, run) -> None:
    proc = run("rec-videos", AUTHOR, "--base-url", server.base_url)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("masterpiece") == 2 and proc.stdout.count("personal_hot") == 2
    assert f"author {AUTHOR}" in proc.stdout


def test_json_is_the_answer_as_received(server, run) -> None:
    proc = run("rec-videos", AUTHOR, "--base-url", server.base_url, "--format", "json")
    document = json.loads(proc.stdout)
    assert document["code"] == 0 and set(document["data"]) >= {"masterpiece_videos", "base_resp"}


def test_jsonl_and_csv_have_one_row_per_video_with_exact_ids(server, run) -> None:
    jsonl = run("rec-videos", AUTHOR, "--base-url", server.base_url, "--format", "jsonl")
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert len(rows) == 6 and all(len(r["item_id"]) == 19 for r in rows)
    table = run(
        "rec-videos",
        AUTHOR,
        "--base-url",
        server.base_url,
        "--format",
        "csv",
        "--platform",
        "picture_text",
    )
    records = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [r["item_id"] for r in records] == [r["item_id"] for r in rows]
    assert {r["platform"] for r in records} == {"PICTURE_TEXT"}


@pytest.mark.parametrize(
    "code,exit_code", [(100, 3), (600, 3), (303, 4), (601, 4), (302, 5), (400, 2), (777, 1)]
)
def test_errors_are_one_line_with_a_distinct_exit_code(
    server, run, code: int, exit_code: int
) -> None:
    server.api.set_fault(code)
    try:
        proc = run("rec-videos", AUTHOR, "--base-url", server.base_url, "--max-retries", "0")
    finally:
        server.api.clear_faults()
    assert proc.returncode == exit_code
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("xingtu: error: ")
    assert f"code {code}" in proc.stderr and "Traceback" not in proc.stderr
    assert TOKEN not in proc.stderr + proc.stdout


def test_missing_token_and_bad_input_are_clear(server, run) -> None:
    proc = run("rec-videos", AUTHOR, "--base-url", server.base_url, token=None)
    assert proc.returncode == 3 and "JUSTONEAPI_TOKEN" in proc.stderr
    proc = run("rec-videos", AUTHOR, "--base-url", server.base_url, "--platform", "TV")
    assert proc.returncode == 2 and "platform: unknown platform 'TV'" in proc.stderr


def test_network_failure_is_transient_and_token_free() -> None:
    proc = xingtu(
        "rec-videos", AUTHOR, "--base-url", "http://127.0.0.1:1", "--max-retries", "0", "-v"
    )
    assert proc.returncode == 5 and proc.stderr.startswith("xingtu: error: request to")
    assert TOKEN not in proc.stderr


def test_demo_needs_no_token_or_network() -> None:
    proc = xingtu("demo", token=None)
    assert proc.returncode == 0, proc.stderr
    assert "mock server on http://127.0.0.1:" in proc.stdout and "6 videos" in proc.stdout


def test_make_demo_runs_on_the_mock_server_without_a_token() -> None:
    from conftest import ROOT

    environ = {k: v for k, v in os.environ.items() if not k.startswith("JUSTONEAPI_")}
    proc = subprocess.run(
        ["make", "-s", "demo"], cwd=ROOT, capture_output=True, text=True, env=environ, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert "personal_hot" in proc.stdout


def test_a_flag_beats_a_leftover_environment_variable(capsys, monkeypatch) -> None:
    """`--env prod-global` with JUSTONEAPI_BASE_URL left from a mock session reads
    prod-global (here a second mock standing in for it), and -v says which was chosen."""
    from justoneapi_xingtu import Environment, _config

    package_logger = logging.getLogger("justoneapi_xingtu")  # -v adds a handler to it
    monkeypatch.setattr(package_logger, "handlers", list(package_logger.handlers))
    monkeypatch.setattr(package_logger, "level", package_logger.level)
    with MockServer(tokens={TOKEN}) as leftover, MockServer(tokens={TOKEN}) as production:
        monkeypatch.setitem(_config._BASE_URLS, Environment.GLOBAL, production.base_url)
        monkeypatch.setenv("JUSTONEAPI_TOKEN", TOKEN)
        monkeypatch.setenv("JUSTONEAPI_BASE_URL", leftover.base_url)
        monkeypatch.delenv("JUSTONEAPI_ENV", raising=False)
        capsys.readouterr()
        code = main(["rec-videos", AUTHOR, "--env", "prod-global", "--format", "json", "-v"])
        err = capsys.readouterr().err
        assert code == 0, err
        assert production.api.calls_for(AUTHOR) == 1 and leftover.api.calls_for(AUTHOR) == 0
        assert f"using {production.base_url} (env=prod-global); ignored: JUSTONEAPI_BASE_URL" in err


def _help(*args: str, capsys) -> str:
    with pytest.raises(SystemExit):
        main([*args, "--help"])
    return " ".join(capsys.readouterr().out.split())  # reflowed: one line


REQUIRED = {"rec-videos": ["1"], "batch": ["ids.txt", "--db", "r"], "export": ["--db", "r"]}


@pytest.mark.parametrize("command", ["", "rec-videos", "batch", "export"])
def test_help_lists_every_exit_code(command: str, capsys) -> None:
    from justoneapi_xingtu.cli import _main

    codes = sorted({v for k, v in vars(_main).items() if k.startswith("EXIT_") and type(v) is int})
    assert {0, 1, 2, 3, 4, 5, 6, 130} <= set(codes)
    text = _help(*filter(None, [command]), capsys=capsys)
    listed = re.search(r"Exit codes: (.*)", text)
    assert listed, text
    for code in codes:
        assert re.search(rf"(^|, ){code} \w", listed.group(1)), (code, listed.group(1))
    documented = {int(n) for n in re.findall(r"^ {4}(\d+) ", _main.__doc__ or "", re.M)}
    assert documented == set(codes)  # the module's list says the same


@pytest.mark.parametrize("command", ["rec-videos", "batch", "export", "demo"])
def test_help_names_every_default(command: str, capsys) -> None:
    from justoneapi_xingtu.cli import build_parser

    options = _help(command, capsys=capsys).split(" options: ", 1)[1]
    parsed = build_parser().parse_args([command, *REQUIRED.get(command, [])])
    checked = 0
    for name, value in vars(parsed).items():
        if name in ("command", "author_id", "ids_file", "db") or value in (None, False):
            continue
        flag = "--" + name.replace("_", "-")
        entry = re.search(rf"{flag}\b.*?(?= --?[a-z]| Exit codes|$)", options)
        assert entry and str(value) in entry.group(0), (flag, value, entry and entry.group(0))
        checked += 1
    assert checked >= (0 if command == "export" else 1)  # export's --format: csv unless --operation
    if command == "export":
        assert "--format {csv,jsonl,parquet} output format (default: csv)" in options

"""A batch over two operations of the family, as a person runs it: each (operation, id)
stored once, a SIGKILL mid-run, a resume that sends none of the stored calls again, and
the export of each operation."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import TOKEN

from justoneapi_xingtu import AsyncXingtuClient, CallOutcome, XingtuClient
from justoneapi_xingtu.cli import main
from justoneapi_xingtu.testing import MockServer

PROFILE = "author_base_info"
VIDEOS = "author_rec_videos"


def rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(db)) as connection:  # `with connect()` only commits
        return connection.execute(query).fetchall()


def environ() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUSTONEAPI_")}
    return env | {"JUSTONEAPI_TOKEN": TOKEN}


def test_two_operations_for_100_ids_store_200_answers_resume_after_sigkill_and_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [str(7012345678901234000 + i) for i in range(100)]
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n", encoding="utf-8")
    db = tmp_path / "creators.sqlite"
    with MockServer(tokens={TOKEN}, latency=0.03) as server:
        command = [
            sys.executable, "-m", "justoneapi_xingtu", "batch", str(ids_file), "--db", str(db),
            "--operation", f"{PROFILE},{VIDEOS}", "--base-url", server.base_url,
            "--max-concurrency", "4",
        ]  # fmt: skip
        process = subprocess.Popen(
            command, env=environ(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            stored, deadline = 0, time.monotonic() + 60
            while stored < 40 and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.02)
                try:
                    stored = rows(db, "SELECT COUNT(*) FROM answers")[0][0]
                except sqlite3.Error:
                    stored = 0
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        answered = {i for (i,) in rows(db, "SELECT id FROM answers WHERE status = 'ok'")}
        fetched = {i for (i,) in rows(db, "SELECT author_id FROM fetches WHERE status = 'ok'")}
        assert 40 <= len(answered) + len(fetched) < 200  # killed mid-run

        # the requests the killed process had in flight are still being answered (the
        # mock counts a request once its latency has passed): let them end first
        settled = -1
        while settled != server.api.stats.total:
            settled = server.api.stats.total
            time.sleep(0.2)
        server.api.reset_stats()
        monkeypatch.setenv("JUSTONEAPI_TOKEN", TOKEN)
        monkeypatch.delenv("JUSTONEAPI_BASE_URL", raising=False)
        capsys.readouterr()
        code = main(
            ["batch", str(ids_file), "--db", str(db), "--operation", f"{PROFILE},{VIDEOS}",
             "--base-url", server.base_url]
        )  # fmt: skip
        out = capsys.readouterr().out
        assert code == 0, out
        assert f"{len(answered) + len(fetched)} already in" in out
        calls = server.api.stats.calls
    # nothing stored was asked again; everything else exactly once
    assert not any((PROFILE, i) in calls for i in answered)
    assert not any((VIDEOS, i) in calls for i in fetched)
    assert set(calls.values()) == {1}
    assert len(calls) == 200 - len(answered) - len(fetched)
    assert rows(db, "SELECT COUNT(*), MIN(status), MAX(status) FROM answers") == [(100, "ok", "ok")]
    assert rows(db, "SELECT COUNT(*) FROM fetches WHERE status = 'ok'") == [(100,)]

    code = main(["export", "--db", str(db), "--operation", PROFILE])
    exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0 and sorted(e["id"] for e in exported) == sorted(ids)
    assert all(e["operation"] == PROFILE and e["status"] == "ok" for e in exported)
    assert all(
        isinstance(e["data"], dict) and e["params"]["oAuthorId"] == e["id"] for e in exported
    )
    code = main(["export", "--db", str(db), "--format", "jsonl"])
    videos = capsys.readouterr().out.splitlines()
    assert code == 0 and {json.loads(v)["author_id"] for v in videos} == set(ids)


def test_call_many_sync_and_async_yield_one_outcome_per_operation_and_id() -> None:
    import asyncio

    ids = ["7012345678901234567", "7012345678901234568", "7012345678901234567"]
    with MockServer(tokens={TOKEN}) as server:
        with XingtuClient(TOKEN, base_url=server.base_url) as client:
            with client.call_many([PROFILE, VIDEOS], ids, params={"platform": "short_video"}) as b:
                outcomes = list(b)

        async def collect() -> list[CallOutcome]:
            async with AsyncXingtuClient(TOKEN, base_url=server.base_url) as client:
                async with client.call_many(f"{PROFILE},{VIDEOS}", ids) as batch:
                    return [outcome async for outcome in batch]

        async_outcomes = asyncio.run(collect())
    for got in (outcomes, async_outcomes):
        assert sorted((o.operation, o.id) for o in got) == sorted(
            (op, i) for op in (PROFILE, VIDEOS) for i in set(ids)
        )
        assert all(o.ok for o in got)
        profile = next(o for o in got if o.operation == PROFILE)
        assert profile.answer is not None and profile.answer.data is not None
        assert got is async_outcomes or profile.params["platform"] == "SHORT_VIDEO"


def test_a_batch_refuses_what_no_operation_takes_before_any_call() -> None:
    with MockServer(tokens={TOKEN}) as server:
        with XingtuClient(TOKEN, base_url=server.base_url) as client:
            with pytest.raises(ValueError, match="^nope: none of author_base_info takes it"):
                client.call_many(PROFILE, ["1"], params={"nope": 1})
            with pytest.raises(ValueError, match="search_kol_simple takes no id"):
                client.call_many("search_kol_simple", ["1"])
            with pytest.raises(ValueError, match=r"author_ids\[1\]: .*looks like a float"):
                client.call_many(PROFILE, ["1", "7.01e18"])
        assert server.api.stats.total == 0

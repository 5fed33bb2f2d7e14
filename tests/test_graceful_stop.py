"""A graceful stop: ``batch.stop()``, ``close(drain=True)`` and `xingtu batch` under SIGINT
and SIGTERM. An answered call is never thrown away: after a stop and a resume, the server
saw each author exactly once."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from _virtual import run_virtual
from conftest import TOKEN

from justoneapi_xingtu import (
    AsyncXingtuClient,
    AuthorRecVideos,
    CollectionFailedError,
    ConcurrencyController,
    Outcome,
    XingtuClient,
)
from justoneapi_xingtu.batch._engine import StopSignal, _run
from justoneapi_xingtu.models import BatchStats
from justoneapi_xingtu.testing import MockServer, instant_retries


def ids(n: int, offset: int = 0) -> list[str]:
    return [str(7_300_000_000_000_000_000 + offset + i) for i in range(n)]


def result_for(author_id: str) -> AuthorRecVideos:
    document = {"code": 0, "data": {"newest_videos": [{"item_id": "1"}]}, "requestId": "r"}
    return AuthorRecVideos(document, author_id=author_id, platform="SHORT_VIDEO")


# -- the engine, in virtual time ---------------------------------------------------------


def test_a_stop_starts_nothing_new_and_yields_every_call_in_flight() -> None:
    authors = ids(40)
    started: list[str] = []
    signal_ = StopSignal()

    async def call(author_id: str) -> AuthorRecVideos:
        started.append(author_id)
        if len(started) == 10:
            signal_.request()  # as a signal handler would, while 7 others are in flight
        await asyncio.sleep(0.1 + 0.01 * (len(started) % 3))
        if author_id == authors[9]:
            raise CollectionFailedError(301)  # would be retried; after a stop it is final
        return result_for(author_id)

    async def main() -> list[Outcome]:
        stats = BatchStats(total=len(authors))
        outcomes = [
            outcome
            async for outcome in _run(
                call,
                authors,
                "SHORT_VIDEO",
                ConcurrencyController(max_concurrency=8, adaptive=False),
                stats,
                max_retries=2,
                max_rate_limit_retries=3,
                clock=asyncio.get_running_loop().time,
                stop_signal=signal_,
            )
        ]
        assert stats.done == len(outcomes) and stats.calls == len(started)
        return outcomes

    with instant_retries():
        outcomes = run_virtual(main())
    assert len(started) == 10  # 8 at first, 2 more as the first answers came: then the stop
    assert sorted(o.author_id for o in outcomes) == sorted(started)  # each answer kept
    failed = [o for o in outcomes if not o.ok]
    assert [o.author_id for o in failed] == [authors[9]] and failed[0].attempts == 1
    assert signal_.unfinished == tuple(authors[10:])


def test_a_stop_during_a_retry_wait_ends_the_batch_without_waiting() -> None:
    signal_ = StopSignal()
    calls: list[str] = []

    async def call(author_id: str) -> AuthorRecVideos:
        calls.append(author_id)
        asyncio.get_running_loop().call_later(1.0, signal_.request)
        error = CollectionFailedError(301)
        error.retry_after = 30.0  # the retry is due in 30 s
        raise error

    async def main() -> tuple[list[Outcome], float]:
        loop = asyncio.get_running_loop()
        outcomes = [
            o
            async for o in _run(
                call,
                ["1"],
                "SHORT_VIDEO",
                ConcurrencyController(max_concurrency=1),
                BatchStats(total=1),
                max_retries=5,
                max_rate_limit_retries=0,
                clock=loop.time,
                stop_signal=signal_,
            )
        ]
        return outcomes, loop.time()

    outcomes, ended = run_virtual(main())
    # The first attempt failed and waits for its retry: the stop ends the batch there.
    assert calls == ["1"] and outcomes == [] and signal_.unfinished == ("1",)
    assert ended < 2.0  # virtual seconds: it did not wait for the retry


# -- the clients, against the mock server on loopback -------------------------------------


@pytest.fixture(scope="module")
def server():
    with MockServer(tokens={TOKEN}, latency=0.02) as running:
        yield running


def test_async_stop_keeps_every_answered_call_and_a_resume_fetches_each_author_once(
    server,
) -> None:
    authors = ids(120, 1000)

    async def fetch(todo: list[str], stop_after: int | None) -> tuple[list[Outcome], tuple]:
        async with AsyncXingtuClient(TOKEN, base_url=server.base_url) as client:
            async with client.author_rec_videos_many(todo, max_concurrency=8) as batch:
                outcomes = []
                async for outcome in batch:
                    outcomes.append(outcome)
                    if len(outcomes) == stop_after:
                        batch.stop()
                        assert batch.stopping
                return outcomes, batch.unfinished

    server.api.reset_stats()
    first, unfinished = asyncio.run(fetch(authors, stop_after=20))
    assert 20 <= len(first) < len(authors)
    requested = set(server.api.stats.authors)
    assert {o.author_id for o in first} == requested  # every call sent reached the caller
    assert set(unfinished) == set(authors) - requested and list(unfinished) == [
        a for a in authors if a in unfinished
    ]
    second, left = asyncio.run(fetch(list(unfinished), stop_after=None))
    assert left == () and len(first) + len(second) == len(authors)
    assert all(o.ok for o in first + second)
    assert dict(server.api.stats.authors) == {a: 1 for a in authors}


def test_async_aclose_abandons_by_default_and_drains_on_request(server) -> None:
    authors = ids(60, 2000)

    async def first_then_close(*, drain: bool) -> tuple[list[Outcome], list[Outcome], int]:
        async with AsyncXingtuClient(TOKEN, base_url=server.base_url) as client:
            batch = client.author_rec_videos_many(authors, max_concurrency=6, adaptive=False)
            seen = [await batch.__anext__()]
            drained = await batch.aclose(drain=drain)
            assert [o async for o in batch] == []  # closed: nothing more
            return seen, drained, batch.stats.calls

    server.api.reset_stats()
    seen, drained, _sent = asyncio.run(first_then_close(drain=True))
    requested = set(server.api.stats.authors)
    assert len(drained) >= 1 and {o.author_id for o in seen + drained} == requested
    assert all(o.ok for o in drained)

    server.api.reset_stats()
    seen, drained, sent = asyncio.run(first_then_close(drain=False))
    answered_by_server(server, sent)  # the abandoned calls are answered all the same
    assert drained == [] and len(server.api.stats.authors) > len(seen)  # answers lost


def answered_by_server(server: MockServer, calls: int) -> None:
    """Wait (at most 5 s) until the server answered ``calls`` requests: it counts each
    once its latency is over, even when the client went away meanwhile."""
    deadline = time.monotonic() + 5
    while server.api.stats.total < calls and time.monotonic() < deadline:
        time.sleep(0.01)


def test_sync_close_drain_returns_the_calls_in_flight_and_stop_ends_the_loop(server) -> None:
    authors = ids(80, 3000)
    server.api.reset_stats()
    with XingtuClient(TOKEN, base_url=server.base_url) as client:
        batch = client.author_rec_videos_many(authors, max_concurrency=6, adaptive=False)
        first = next(batch)
        drained = batch.close(drain=True)
        requested = set(server.api.stats.authors)
        assert {o.author_id for o in [first, *drained]} == requested and len(drained) >= 1
        assert list(batch) == [] and batch.unfinished
        assert set(batch.unfinished) == set(authors) - requested

        server.api.reset_stats()
        with client.author_rec_videos_many(batch.unfinished, max_concurrency=6) as again:
            outcomes = []
            for outcome in again:
                outcomes.append(outcome)
                if len(outcomes) == 5:
                    again.stop()
        requested_again = set(server.api.stats.authors)
        assert {o.author_id for o in outcomes} == requested_again
        assert set(again.unfinished) == set(batch.unfinished) - requested_again


# -- xingtu batch under SIGINT and SIGTERM, as a person runs it ------------------------------


def _rows(db: Path, sql: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql).fetchall()


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return int(_rows(db, "SELECT COUNT(*) FROM fetches")[0][0])
    except sqlite3.OperationalError:
        return 0  # tables not created yet


def _ids_file(tmp_path: Path, authors: list[str]) -> Path:
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(authors) + "\n")
    return ids_file


def _start_batch(
    ids_file: Path, db: Path, base_url: str, stdout: int = subprocess.PIPE
) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "justoneapi_xingtu", "batch", str(ids_file), "--db", str(db),
        "--base-url", base_url, "--max-concurrency", "8", "--fixed-concurrency",
    ]  # fmt: skip
    environ = {k: v for k, v in os.environ.items() if not k.startswith("JUSTONEAPI_")}
    environ["JUSTONEAPI_TOKEN"] = TOKEN
    return subprocess.Popen(command, env=environ, stdout=stdout, stderr=subprocess.PIPE, text=True)


def _signal_midway(process: subprocess.Popen[str], db: Path, signals: list[int]) -> None:
    deadline = time.monotonic() + 30
    while _stored(db) < 16 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    for number in signals:
        process.send_signal(number)
        time.sleep(0.005)


@pytest.mark.parametrize(
    ("number", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"]
)
def test_cli_interrupt_keeps_the_calls_in_flight_and_a_resume_fetches_each_author_once(
    tmp_path: Path, number: int, status: int
) -> None:
    authors = ids(160, 5000)
    ids_file, db = _ids_file(tmp_path, authors), tmp_path / "r.sqlite"
    with MockServer(tokens={TOKEN}, latency=0.05) as server:
        process = _start_batch(ids_file, db, server.base_url)
        _signal_midway(process, db, [number])
        out, err = process.communicate(timeout=30)
        assert process.returncode == status, err
        kept = _stored(db)
        sent = server.api.stats.total
        assert 16 <= kept < len(authors)
        assert sent == kept  # every call the server answered is in the store
        assert "stopping" in err and f"{kept} authors stored" in err
        assert "run the same command again to resume" in err
        assert "Traceback" not in err

        resume = _start_batch(ids_file, db, server.base_url)
        out, err = resume.communicate(timeout=60)
        assert resume.returncode == 0, err
        assert f"{kept} already in" in out
        assert dict(server.api.stats.authors) == {a: 1 for a in authors}  # no refetch
    assert sorted(_rows(db, "SELECT author_id, status FROM fetches")) == [
        (a, "ok") for a in sorted(authors)
    ]


def test_cli_a_second_signal_aborts_at_once_and_the_store_stays_consistent(
    tmp_path: Path,
) -> None:
    authors = ids(160, 6000)
    ids_file, db = _ids_file(tmp_path, authors), tmp_path / "r.sqlite"
    # Slow answers: the graceful stop would wait about 1 s for the calls in flight.
    with MockServer(tokens={TOKEN}, latency=1.0) as server:
        process = _start_batch(ids_file, db, server.base_url)
        deadline = time.monotonic() + 30
        while _stored(db) < 8 and time.monotonic() < deadline:
            time.sleep(0.01)
        answered = server.api.stats.total  # 8, stored; 8 more are in flight for 1 s
        process.send_signal(signal.SIGINT)
        time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
        assert process.returncode == 143, err
        assert "stopping" in err and "aborted" in err and "Traceback" not in err
        stored = _rows(db, "SELECT COUNT(*) FROM fetches")[0][0]
        assert stored == answered  # it did not wait for the calls in flight
        assert f"{stored} authors stored" in err
        videos = _rows(db, "SELECT COUNT(DISTINCT author_id) FROM videos")[0][0]
        assert stored == videos  # every stored author whole, nothing half-written
        assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize(
    ("number", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"]
)
def test_cli_interrupt_on_a_terminal_ends_the_bar_and_shows_the_cursor(
    tmp_path: Path, number: int, status: int
) -> None:
    pty = pytest.importorskip("pty")
    pytest.importorskip("rich")
    authors = ids(120, 7000)
    ids_file, db = _ids_file(tmp_path, authors), tmp_path / "r.sqlite"
    with MockServer(tokens={TOKEN}, latency=0.05) as server:
        leader, follower = pty.openpty()
        process = _start_batch(ids_file, db, server.base_url, stdout=follower)
        os.close(follower)
        screen = bytearray()

        def read_all() -> None:
            with contextlib.suppress(OSError):  # EIO once the process closed the terminal
                while chunk := os.read(leader, 65536):
                    screen.extend(chunk)

        reader = threading.Thread(target=read_all)
        reader.start()
        _signal_midway(process, db, [number])
        _out, err = process.communicate(timeout=30)
        reader.join(10)
        os.close(leader)
    assert process.returncode == status, err
    text = screen.decode(errors="replace")
    assert "\x1b[?25l" in text  # the bar hid the cursor while it ran...
    assert text.rindex("\x1b[?25h") > text.rindex("\x1b[?25l")  # ...and showed it again
    after_bar = text[text.rindex("━") :]
    assert "\n" in after_bar.split("xingtu:")[0]  # the bar's line was ended before the summary
    assert "xingtu: stopped after" in after_bar
    # Above the bar (rich shows stderr's lines there), then after it on stderr:
    assert (
        f"stopping ({signal.Signals(number).name})" in text
        and "run the same command again to resume" in err
    )

"""`xingtu batch` and `xingtu export` as a person runs them: the store, resuming, SIGKILL,
stop conditions, input hygiene, progress, export formats, the lazy pandas import."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TOKEN

from justoneapi_xingtu import AuthorRecVideos, Outcome, ResultStore
from justoneapi_xingtu.cli import IdsFileError, main, read_ids
from justoneapi_xingtu.errors import CollectionFailedError, InvalidParameterError
from justoneapi_xingtu.testing import MockServer

VIDEOS_PER_AUTHOR = 6  # the mock: 2 per list, order_hot empty


def ids(n: int, offset: int = 0) -> list[str]:
    return [str(7_300_000_000_000_000_000 + offset + i) for i in range(n)]


def write_ids(path: Path, authors: list[str]) -> Path:
    path.write_text("\n".join(authors) + "\n", encoding="utf-8")
    return path


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run_main(*args: str) -> Run:
    """``xingtu ARGS`` in-process (``main(argv)``) with the test token; output captured."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("JUSTONEAPI_"):
                patch.delenv(name)
        patch.setenv("JUSTONEAPI_TOKEN", TOKEN)
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        code = main(list(args))
    return Run(code, out.getvalue(), err.getvalue())


def rows(db: Path, sql: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture(scope="module")
def server():
    with MockServer(tokens={TOKEN}, latency=0.002) as running:
        yield running


# -- the store ------------------------------------------------------------------------


def success(author_id: str, n_videos: int = 2) -> Outcome:
    videos = [{"item_id": f"79{i:017d}", "play": i, "is_hot": True} for i in range(n_videos)]
    document = {"code": 0, "data": {"newest_videos": videos}, "requestId": "req-1"}
    result = AuthorRecVideos(document, author_id=author_id, platform="SHORT_VIDEO")
    return Outcome(author_id, "SHORT_VIDEO", result=result)


def test_store_replaces_an_author_whole_and_resumes_only_what_is_left(tmp_path) -> None:
    with ResultStore(tmp_path / "r.sqlite") as store:
        store.record(success("1", 3))
        store.record(success("1", 2))  # a refresh: replaced, not appended
        store.record(Outcome("2", "SHORT_VIDEO", error=InvalidParameterError(400)))
        store.record(Outcome("3", "SHORT_VIDEO", error=CollectionFailedError(301)))
        store.record(success("4"))
        store.record(Outcome("4", "SHORT_VIDEO", error=CollectionFailedError(301)))
        store.record(success("5"))  # a refresh that fails for good keeps what was collected
        store.record(Outcome("5", "SHORT_VIDEO", error=InvalidParameterError(400)))
        assert store.counts() == {"ok": 3, "failed": 1, "retry": 1}
        assert store.video_count() == 6
        assert store.todo(["1", "2", "3", "4", "5", "6"], "SHORT_VIDEO") == ["3", "6"]
        assert store.todo(["1", "5"], "LIVE_STREAMING") == ["1", "5"]
        assert store.todo(["1", "2"], "SHORT_VIDEO", refresh=True) == ["1", "2"]
        exported = list(store.video_rows())
    assert [r["item_id"] for r in exported if r["author_id"] == "1"] == [
        "7900000000000000000",
        "7900000000000000001",
    ]
    assert exported[0]["is_hot"] is True and exported[0]["category"] == "newest"
    fetched = rows(tmp_path / "r.sqlite", "SELECT author_id, status, code FROM fetches ORDER BY 1")
    assert fetched == [
        ("1", "ok", 0),
        ("2", "failed", 400),
        ("3", "retry", 301),
        ("4", "ok", 0),
        ("5", "ok", 0),
    ]


def test_store_tables_have_the_documented_columns(tmp_path) -> None:
    ResultStore(tmp_path / "r.sqlite").close()
    fetches = [r[1] for r in rows(tmp_path / "r.sqlite", "PRAGMA table_info(fetches)")]
    assert fetches == [
        "author_id",
        "platform",
        "status",
        "code",
        "message",
        "request_id",
        "fetched_at",
        "raw_json",
        "attempts",
    ]
    videos = {r[1]: r[2] for r in rows(tmp_path / "r.sqlite", "PRAGMA table_info(videos)")}
    assert videos["item_id"] == "TEXT" and videos["play"] == "INTEGER"
    assert {"category", "position", "favorite", "create_time"} <= set(videos)
    assert rows(tmp_path / "r.sqlite", "PRAGMA journal_mode") == [("wal",)]


# -- input hygiene ----------------------------------------------------------------------


def test_ids_file_trims_skips_comments_and_blanks_and_dedupes(tmp_path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text(
        "\ufeff# shortlist\n  7012345678901234567  \n\n7012345678901234568 # shoes\n"
        "7012345678901234567\n\t\n",
        encoding="utf-8",
    )
    assert read_ids(path) == (["7012345678901234567", "7012345678901234568"], 1)


def test_invalid_lines_are_reported_by_line_number(tmp_path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text("7012345678901234567\n70123 45678\n\n1,2\n", encoding="utf-8")
    with pytest.raises(IdsFileError, match=r"2 invalid line\(s\).*line 2: '70123 45678'.*line 4"):
        read_ids(path)
    proc = run_main("batch", str(path), "--db", str(tmp_path / "r.sqlite"))
    assert proc.returncode == 2 and "line 2" in proc.stderr and "line 4" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "r.sqlite").exists()


def test_an_empty_ids_file_is_an_error(tmp_path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text("# nothing yet\n\n", encoding="utf-8")
    assert main(["batch", str(path), "--db", str(tmp_path / "r.sqlite")]) == 2


# -- xingtu batch -----------------------------------------------------------------------


def test_batch_fetches_everything_resumes_and_refreshes(tmp_path, server) -> None:
    authors = ids(30)
    ids_file = write_ids(tmp_path / "ids.txt", authors)
    db = tmp_path / "r.sqlite"
    server.api.fail_authors[authors[5]] = 400
    try:
        first = run_main("batch", str(ids_file), "--db", str(db), "--base-url", server.base_url)
    finally:
        del server.api.fail_authors[authors[5]]
    assert first.returncode == 1, first.stderr  # one author failed for good
    assert "29 ok, 1 failed (code 400: 1)" in first.stdout
    assert "calls" in first.stdout and "retried" in first.stdout and "done in" in first.stdout
    assert rows(db, "SELECT COUNT(*) FROM videos") == [(29 * VIDEOS_PER_AUTHOR,)]

    server.api.reset_stats()
    again = run_main("batch", str(ids_file), "--db", str(db), "--base-url", server.base_url)
    assert again.returncode == 0 and "30 already in" in again.stdout
    assert server.api.stats.total == 0  # done and final failures are not asked again

    refresh = run_main(
        "batch", str(ids_file), "--db", str(db), "--base-url", server.base_url, "--refresh"
    )
    assert refresh.returncode == 0, refresh.stderr
    assert server.api.stats.total == 30
    assert rows(db, "SELECT status, COUNT(*) FROM fetches GROUP BY 1") == [("ok", 30)]
    assert rows(db, "SELECT COUNT(*) FROM videos") == [(30 * VIDEOS_PER_AUTHOR,)]


def test_transient_failures_are_kept_for_the_next_run(tmp_path, server) -> None:
    authors = ids(8, 100)
    ids_file = write_ids(tmp_path / "ids.txt", authors)
    db = tmp_path / "r.sqlite"
    server.api.fail_authors[authors[2]] = 500
    try:
        first = run_main(
            "batch", str(ids_file), "--db", str(db), "--base-url", server.base_url,
            "--max-retries", "0",
        )  # fmt: skip
    finally:
        del server.api.fail_authors[authors[2]]
    assert first.returncode == 5 and "run the same command again" in first.stderr
    assert rows(db, "SELECT author_id FROM fetches WHERE status = 'retry'") == [(authors[2],)]
    server.api.reset_stats()
    second = run_main("batch", str(ids_file), "--db", str(db), "--base-url", server.base_url)
    assert second.returncode == 0 and "fetching 1" in second.stdout
    assert server.api.stats.authors == {authors[2]: 1}


def test_a_303_halfway_stops_the_batch_and_keeps_every_earlier_success(tmp_path) -> None:
    authors = ids(40, 200)
    ids_file = write_ids(tmp_path / "ids.txt", authors)
    db = tmp_path / "r.sqlite"
    with MockServer(tokens={TOKEN}, fail_authors={authors[20]: 303}) as server:
        proc = run_main(
            "batch", str(ids_file), "--db", str(db), "--base-url", server.base_url,
            "--max-concurrency", "1", "--fixed-concurrency",
        )  # fmt: skip
        called = server.api.stats.authors
    assert proc.returncode == 4, proc.stderr  # quota or balance
    assert "daily quota exceeded" in proc.stderr and "run the same command again" in proc.stderr
    assert "20 not fetched" in proc.stderr
    stored = rows(db, "SELECT author_id, status FROM fetches ORDER BY author_id")
    assert stored == [(a, "ok") for a in authors[:20]]  # every earlier success, nothing else
    assert rows(db, "SELECT COUNT(*) FROM videos") == [(20 * VIDEOS_PER_AUTHOR,)]
    assert set(called) == set(authors[:21])  # nothing sent after the 303


def test_a_stop_with_concurrency_keeps_every_success_that_was_reported(tmp_path) -> None:
    authors = ids(200, 300)
    ids_file = write_ids(tmp_path / "ids.txt", authors)
    db = tmp_path / "r.sqlite"
    with MockServer(tokens={TOKEN}, latency=0.005, fail_authors={authors[100]: 601}) as server:
        proc = run_main(
            "batch",
            str(ids_file),
            "--db",
            str(db),
            "--base-url",
            server.base_url,
            "--max-concurrency",
            "8",
        )
    assert proc.returncode == 4 and "insufficient balance" in proc.stderr
    stored = {a for (a,) in rows(db, "SELECT author_id FROM fetches WHERE status = 'ok'")}
    # Ids start in order, at most 8 in flight: when authors[100] started, every author
    # before it but the (at most) 7 still in flight had finished, and was stored.
    assert len(stored) >= 100 - 7 and authors[100] not in stored
    assert rows(db, "SELECT COUNT(*) FROM fetches WHERE status != 'ok'") == [(0,)]
    assert f"{len(stored)} ok" in proc.stdout
    assert rows(db, "SELECT COUNT(*) FROM videos") == [(len(stored) * VIDEOS_PER_AUTHOR,)]


def test_sigkill_mid_run_then_resume_fetches_every_author_exactly_once(tmp_path) -> None:
    authors = ids(240, 400)
    ids_file = write_ids(tmp_path / "ids.txt", authors)
    db = tmp_path / "r.sqlite"
    with MockServer(tokens={TOKEN}, latency=0.04) as server:
        command = [
            sys.executable, "-m", "justoneapi_xingtu", "batch", str(ids_file), "--db", str(db),
            "--base-url", server.base_url, "--max-concurrency", "6",
        ]  # fmt: skip
        environ = {k: v for k, v in os.environ.items() if not k.startswith("JUSTONEAPI_")}
        environ["JUSTONEAPI_TOKEN"] = TOKEN
        process = subprocess.Popen(
            command, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            done = 0
            deadline = time.monotonic() + 60
            while done < 40 and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.02)
                if db.exists():
                    try:
                        done = rows(db, "SELECT COUNT(*) FROM fetches")[0][0]
                    except sqlite3.OperationalError:
                        done = 0  # tables not created yet
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        before = {a for (a,) in rows(db, "SELECT author_id FROM fetches WHERE status = 'ok'")}
        assert 40 <= len(before) < len(authors)  # killed mid-run
        assert rows(db, "SELECT COUNT(*) FROM videos") == [(len(before) * VIDEOS_PER_AUTHOR,)]

        server.api.reset_stats()
        resumed = run_main("batch", str(ids_file), "--db", str(db), "--base-url", server.base_url)
        assert resumed.returncode == 0, resumed.stderr
        assert f"{len(before)} already in" in resumed.stdout
        called = server.api.stats.authors
    assert not before & set(called)  # what was stored was not fetched again
    fetches = rows(db, "SELECT author_id, status FROM fetches")
    assert sorted(fetches) == [(a, "ok") for a in sorted(authors)]  # each exactly once
    per_author = rows(db, "SELECT author_id, COUNT(*) FROM videos GROUP BY author_id")
    assert per_author == [(a, VIDEOS_PER_AUTHOR) for a in sorted(authors)]
    distinct = rows(db, "SELECT COUNT(DISTINCT author_id || category || item_id) FROM videos")
    assert distinct == [(len(authors) * VIDEOS_PER_AUTHOR,)]  # no duplicate videos


def test_progress_lines_when_stdout_is_not_a_terminal(tmp_path) -> None:
    authors = ids(60, 600)
    ids_file = write_ids(tmp_path / "ids.txt", authors)
    with MockServer(tokens={TOKEN}, latency=0.02) as server:
        proc = run_main(
            "batch", str(ids_file), "--db", str(tmp_path / "r.sqlite"), "--base-url",
            server.base_url, "--max-concurrency", "2", "--fixed-concurrency",
            "--progress-every", "0.1",
        )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if " done · " in line]
    assert len(lines) >= 2 and lines[-1].startswith("xingtu: 60/60 done · 0 failed")
    assert "concurrency 2" in lines[-1] and "ETA" in lines[-1]
    assert "\x1b[" not in proc.stdout  # no terminal control codes in a log


def test_progress_bar_on_a_terminal() -> None:
    from justoneapi_xingtu.batch import BatchStats
    from justoneapi_xingtu.cli._progress import RichProgress, make_progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    stats = BatchStats(total=10, succeeded=4, failed=1, concurrency=6)
    progress = make_progress(stats, out, 5.0)
    assert isinstance(progress, RichProgress)
    progress.update()
    progress.close()
    text = out.getvalue()
    assert "5/10" in text and "1 failed" in text and "concurrency 6" in text


# -- export -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory, server) -> Path:
    tmp = tmp_path_factory.mktemp("export")
    ids_file = write_ids(tmp / "ids.txt", ids(25, 700))
    proc = run_main(
        "batch", str(ids_file), "--db", str(tmp / "r.sqlite"), "--base-url", server.base_url
    )
    assert proc.returncode == 0, proc.stderr
    return tmp / "r.sqlite"


def stored_item_ids(db: Path) -> list[str]:
    return sorted(r[0] for r in rows(db, "SELECT item_id FROM videos"))


def test_export_csv_reloads_with_the_same_rows(filled_db, tmp_path) -> None:
    out = tmp_path / "videos.csv"
    proc = run_main("export", "--db", str(filled_db), "--format", "csv", "--out", str(out))
    assert proc.returncode == 0 and "150 videos written" in proc.stderr
    with out.open(newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == rows(filled_db, "SELECT COUNT(*) FROM videos")[0][0] == 150
    assert sorted(r["item_id"] for r in table) == stored_item_ids(filled_db)
    assert {r["category"] for r in table} == {"masterpiece", "newest", "personal_hot"}
    assert list(table[0])[:5] == ["author_id", "platform", "category", "position", "item_id"]
    to_stdout = run_main("export", "--db", str(filled_db))  # csv on stdout by default
    assert to_stdout.stdout == out.read_text(encoding="utf-8")


def test_export_jsonl_reloads_with_the_same_rows(filled_db) -> None:
    proc = run_main("export", "--db", str(filled_db), "--format", "jsonl")
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 150
    assert sorted(r["item_id"] for r in records) == stored_item_ids(filled_db)
    assert all(isinstance(r["item_id"], str) and isinstance(r["play"], int) for r in records)


def test_export_parquet_reloads_with_the_same_rows_and_types(filled_db, tmp_path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "videos.parquet"
    proc = run_main("export", "--db", str(filled_db), "--format", "parquet", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    table = pq.read_table(out)
    assert table.num_rows == 150
    assert str(table.schema.field("item_id").type) == "string"
    assert str(table.schema.field("play").type) == "int64"
    assert sorted(table.column("item_id").to_pylist()) == stored_item_ids(filled_db)
    no_out = run_main("export", "--db", str(filled_db), "--format", "parquet")
    assert no_out.returncode == 2 and "--out" in no_out.stderr


def test_export_of_a_missing_store_is_a_clear_error(tmp_path) -> None:
    proc = run_main("export", "--db", str(tmp_path / "nope.sqlite"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    assert not (tmp_path / "nope.sqlite").exists()


# -- dataframes -------------------------------------------------------------------------


def test_import_does_not_load_pandas_or_pyarrow() -> None:
    code = (
        "import sys, justoneapi_xingtu\n"
        "from justoneapi_xingtu import XingtuClient, ResultStore, outcomes_to_dataframe\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_results_and_batches_to_dataframes(server) -> None:
    pytest.importorskip("pandas")
    from justoneapi_xingtu import XingtuClient, outcomes_to_dataframe

    authors = ids(5, 800)
    with XingtuClient(TOKEN, base_url=server.base_url) as client:
        frame = client.author_rec_videos(authors[0]).to_dataframe()
        with client.author_rec_videos_many(authors) as batch:
            outcomes = list(batch)
    assert len(frame) == VIDEOS_PER_AUTHOR and set(frame["author_id"]) == {authors[0]}
    assert str(frame["item_id"].dtype) == "string" and str(frame["play"].dtype) == "Int64"
    assert frame["item_id"].str.len().eq(19).all()
    everything = outcomes_to_dataframe(outcomes)
    assert len(everything) == 5 * VIDEOS_PER_AUTHOR
    assert sorted(set(everything["author_id"])) == authors


@pytest.mark.parametrize("width", [80, 60, 120])
def test_progress_bar_fits_the_terminal_and_keeps_the_total(width: int) -> None:
    import re

    from justoneapi_xingtu.batch import BatchStats
    from justoneapi_xingtu.cli._progress import RichProgress

    out = io.StringIO()
    stats = BatchStats(total=2000, succeeded=82, failed=3, concurrency=32, in_flight=32)
    stats.pacing, stats.rate_limited = 19.0, 5
    stats.started_at -= 60  # 85 done in a minute: 1.4/s, ETA 23 min
    progress = RichProgress(stats, out, width=width)
    progress.close()
    lines = [line for line in re.split(r"[\r\n]", out.getvalue()) if line.strip()]
    last = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", lines[-1])
    assert len(last.rstrip()) <= width, last
    assert "…" not in last
    assert "85/2000" in last and "3 failed" in last and "ETA" in last
    if width >= 120:  # room for every figure
        assert "concurrency 32 (32 in flight)" in last and "paced 19.0/s" in last


@pytest.mark.parametrize("verbose", [[], ["-v"]])
def test_the_plain_http_warning_shows_without_v_once(tmp_path: Path, verbose: list[str]) -> None:
    """prod-cn is plain HTTP: the token crosses the network in clear text. The CLI says so
    on stderr whether or not -v was given, once. (A rerun with every author done: the
    client is made and checked, nothing is sent to the remote address.)"""
    ids_file = write_ids(tmp_path / "ids.txt", ids(3, 900))
    db = str(tmp_path / "r.sqlite")
    with MockServer(tokens={TOKEN}) as server:
        first = run_main("batch", str(ids_file), "--db", db, "--base-url", server.base_url)
    assert first.returncode == 0 and "plain HTTP" not in first.stderr  # loopback
    remote = "http://203.0.113.7:30015"  # TEST-NET-3: never routed
    again = run_main("batch", str(ids_file), "--db", db, "--base-url", remote, *verbose)
    assert again.returncode == 0, again.stderr
    assert "fetching 0" in again.stdout
    warnings = [line for line in again.stderr.splitlines() if "plain HTTP" in line]
    assert warnings == [
        f"xingtu: {remote} sends the token over plain HTTP: anyone on the network path can "
        "read it. Use env='prod-global' (HTTPS) unless you accept that."
    ]
    assert TOKEN not in again.stderr


def test_a_stopped_batch_says_so_in_one_line_without_v(tmp_path: Path) -> None:
    ids_file = write_ids(tmp_path / "ids.txt", ids(2, 950))
    with MockServer(tokens={"another-token"}) as server:
        proc = run_main(
            "batch", str(ids_file), "--db", str(tmp_path / "r.sqlite"), "--base-url",
            server.base_url,
        )  # fmt: skip
    assert proc.returncode == 3
    assert [line for line in proc.stderr.splitlines() if "code 100" in line] == [
        line for line in proc.stderr.splitlines() if line.startswith("xingtu: error: ")
    ]
    assert len(proc.stderr.splitlines()) == 1, proc.stderr


@pytest.mark.parametrize(
    "flags,aiohttp_installed,expected",
    [
        ((), True, "aiohttp"),  # the default where aiohttp is installed (the cli extra)
        (("--backend", "httpx"), True, "httpx"),  # forced
        ((), False, "httpx"),  # aiohttp absent: httpx, silently
    ],
)
def test_batch_runs_on_aiohttp_where_installed_unless_told_otherwise(
    tmp_path, server, monkeypatch, flags, aiohttp_installed, expected
) -> None:
    if not aiohttp_installed:
        monkeypatch.setitem(sys.modules, "aiohttp", None)
        monkeypatch.delitem(sys.modules, "justoneapi_xingtu._http.aiohttp", raising=False)
    authors = ids(20, 900)
    db = tmp_path / "r.sqlite"
    args = ("batch", str(write_ids(tmp_path / "ids.txt", authors)), "--db", str(db))
    done = run_main(*args, "--base-url", server.base_url, *flags)
    assert done.returncode == 0, done.stderr
    assert f"s ({expected}): 20 ok" in done.stdout
    assert rows(db, "SELECT COUNT(*) FROM fetches WHERE status = 'ok'") == [(20,)]
    assert rows(db, "SELECT COUNT(*) FROM videos") == [(20 * VIDEOS_PER_AUTHOR,)]


def test_batch_backend_aiohttp_without_aiohttp_is_one_line_exit_2(tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "aiohttp", None)
    monkeypatch.delitem(sys.modules, "justoneapi_xingtu._http.aiohttp", raising=False)
    ids_file = write_ids(tmp_path / "ids.txt", ids(2))
    db = tmp_path / "r.sqlite"
    done = run_main("batch", str(ids_file), "--db", str(db), "--backend", "aiohttp")
    assert done.returncode == 2
    assert done.stderr == (
        "xingtu: error: --backend: aiohttp is not installed: pip install 'justoneapi-xingtu[cli]'\n"
    )
    assert not db.exists()  # refused before the store or any call

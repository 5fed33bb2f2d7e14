"""The one row model, the drift policy, the store's failures and the CLI's manners.

Issue 9 (one row model, CLI manners) and issue 10 items 1 (drifted values never abort),
4 (store failures are one line), 7 (one writer per store) and 17 (CSV formulas). The
CLI runs in-process (``main(argv)``); a real second process only where it matters.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _scripted import Answer, Seen, scripted_server
from conftest import AUTHOR, TOKEN

from justoneapi_xingtu import (
    AuthorRecVideos,
    Outcome,
    ProtocolError,
    ResultStore,
    StoreBusyError,
    StoreError,
    StoreFullError,
)
from justoneapi_xingtu.cli import main
from justoneapi_xingtu.io import store as store_module
from justoneapi_xingtu.io.export import write_csv, write_jsonl
from justoneapi_xingtu.io.rows import COLUMNS, result_rows
from justoneapi_xingtu.models import Video
from justoneapi_xingtu.testing import MockServer

# -- helpers ---------------------------------------------------------------------------


def success_document(videos: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "code": 0,
        "message": "success",
        "recordTime": "2026-11-29 12:00:00",
        "requestId": "req-rows",
        "data": {"masterpiece_videos": [], "newest_videos": videos, "personal_hot_videos": []},
    }


DRIFTED = [
    {"item_id": "7300000000000000001", "play": "oops", "surprise": {"a": 1}, "title": "ok"},
    {"item_id": "7300000000000000002", "play": 12, "like": 3, "is_hot": True},
]


@contextlib.contextmanager
def answering(videos: list[dict[str, Any]]) -> Iterator[tuple[str, list[Seen]]]:
    """A loopback server answering every request with one success holding ``videos``."""
    body = json.dumps(success_document(videos), ensure_ascii=False).encode()
    with scripted_server([Answer(body=body)]) as (base_url, seen):
        yield base_url, seen


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("JUSTONEAPI_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("JUSTONEAPI_TOKEN", TOKEN)


def xingtu(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``xingtu ARGS`` in-process: (exit status, stdout, stderr)."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    assert TOKEN not in out + err
    return code, out, err


def one_line_error(code: int, err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("xingtu: error: "), err
    assert "Traceback" not in err
    return err


def write_ids(path: Path, *ids: str) -> Path:
    path.write_text("\n".join(ids) + "\n", encoding="utf-8")
    return path


def batch_into(capsys, tmp_path: Path, base_url: str, *ids: str) -> tuple[int, str, str]:
    ids_file = write_ids(tmp_path / "ids.txt", *ids)
    db = tmp_path / "r.sqlite"
    return xingtu(capsys, "batch", str(ids_file), "--db", str(db), "--base-url", base_url)


def csv_header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


def table_columns(db: Path, table: str = "videos") -> list[str]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


# -- issue 9: one row model ------------------------------------------------------------


def test_rec_videos_csv_export_csv_and_the_store_have_the_same_columns(capsys, tmp_path):
    with MockServer(tokens={TOKEN}) as server:
        code, rec_csv, _ = xingtu(
            capsys, "rec-videos", AUTHOR, "--base-url", server.base_url, "--format", "csv"
        )
        assert code == 0
        code, rec_jsonl, _ = xingtu(
            capsys, "rec-videos", AUTHOR, "--base-url", server.base_url, "--format", "jsonl"
        )
        assert code == 0
        assert batch_into(capsys, tmp_path, server.base_url, AUTHOR)[0] == 0
    code, export_csv, _ = xingtu(capsys, "export", "--db", str(tmp_path / "r.sqlite"))
    assert code == 0
    code, export_jsonl, _ = xingtu(
        capsys, "export", "--db", str(tmp_path / "r.sqlite"), "--format", "jsonl"
    )
    expected = list(COLUMNS)
    assert expected[:5] == ["author_id", "platform", "category", "position", "item_id"]
    assert expected[-2:] == ["extra", "drift"]
    assert set(expected[4:-2]) == set(Video.FIELDS)  # derived from the spec's field table
    assert csv_header(rec_csv) == expected
    assert csv_header(export_csv) == expected
    assert table_columns(tmp_path / "r.sqlite") == expected
    assert list(json.loads(rec_jsonl.splitlines()[0])) == expected
    assert list(json.loads(export_jsonl.splitlines()[0])) == expected
    assert rec_csv == export_csv  # one author: the same rows, value for value


def test_play_oops_and_an_unknown_field_export_everywhere(capsys, tmp_path):
    pd = pytest.importorskip("pandas")
    with answering(DRIFTED) as (base_url, _):
        code, rec_csv, _ = xingtu(
            capsys, "rec-videos", AUTHOR, "--base-url", base_url, "--format", "csv"
        )
        assert code == 0
        code, rec_jsonl, _ = xingtu(
            capsys, "rec-videos", AUTHOR, "--base-url", base_url, "--format", "jsonl"
        )
        assert code == 0
        code, table, _ = xingtu(capsys, "rec-videos", AUTHOR, "--base-url", base_url)
        assert code == 0 and "7300000000000000001" in table  # the table shows it blank
        code, _out, _ = batch_into(capsys, tmp_path, base_url, AUTHOR)
        assert code == 0
    db = str(tmp_path / "r.sqlite")
    assert xingtu(capsys, "export", "--db", db, "--format", "parquet", "--out", f"{db}.pq")[0] == 0
    outputs: dict[str, dict[str, Any]] = {
        "rec-videos csv": next(csv.DictReader(io.StringIO(rec_csv))),
        "rec-videos jsonl": json.loads(rec_jsonl.splitlines()[0]),
        "export csv": next(csv.DictReader(io.StringIO(xingtu(capsys, "export", "--db", db)[1]))),
        "export jsonl": json.loads(
            xingtu(capsys, "export", "--db", db, "--format", "jsonl")[1].splitlines()[0]
        ),
        "parquet": pd.read_parquet(f"{db}.pq").iloc[0].to_dict(),
    }
    result = AuthorRecVideos(success_document(DRIFTED), author_id=AUTHOR, platform="SHORT_VIDEO")
    outputs["dataframe"] = result.to_dataframe().iloc[0].to_dict()
    for where, row in outputs.items():
        assert row["play"] in (None, "") or pd.isna(row["play"]), where
        assert json.loads(row["drift"]) == {"play": "oops"}, where
        assert json.loads(row["extra"]) == {"surprise": {"a": 1}}, where
        assert row["title"] == "ok", where
    second = json.loads(rec_jsonl.splitlines()[1])
    assert second["play"] == 12 and second["drift"] is None and second["extra"] is None


def test_parquet_counts_read_back_as_nullable_integers(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from justoneapi_xingtu.io.export import write_parquet

    result = AuthorRecVideos(success_document(DRIFTED), author_id=AUTHOR, platform="SHORT_VIDEO")
    write_parquet(list(result_rows(result)), str(tmp_path / "v.parquet"))
    frame = pd.read_parquet(tmp_path / "v.parquet")  # no dtype_backend, no types_mapper
    assert str(frame["play"].dtype) == "Int64" and str(frame["like"].dtype) == "Int64"
    assert frame["play"].isna().tolist() == [True, False] and frame["play"][1] == 12
    assert str(frame["position"].dtype) == "Int64"
    assert str(frame["is_hot"].dtype) == "boolean" and str(frame["item_id"].dtype) == "string"
    assert list(frame.columns) == list(COLUMNS)


def test_batch_and_export_summaries_count_drifted_values(capsys, tmp_path):
    with answering(DRIFTED) as (base_url, _):
        code, out, _ = batch_into(capsys, tmp_path, base_url, "1", "2")
    assert code == 0
    assert "4 videos, 2 drifted value(s) kept as received in the drift column" in out
    out_file = tmp_path / "v.csv"
    code, _, err = xingtu(
        capsys, "export", "--db", str(tmp_path / "r.sqlite"), "--out", str(out_file)
    )
    assert code == 0 and "4 videos, 2 drifted value(s)" in err


# -- issue 9: CLI manners --------------------------------------------------------------


@pytest.mark.parametrize(
    "problem,args,code",
    [
        ("no token", (), 3),
        ("bad rate", ("--rate", "0"), 2),
        ("bad rate", ("--rate", "nan"), 2),
        ("bad base url", ("--base-url", "ftp://nowhere"), 2),
    ],
)
def test_batch_checks_token_and_rate_before_creating_the_store(
    capsys, tmp_path, monkeypatch, problem, args, code
):
    if problem == "no token":
        monkeypatch.delenv("JUSTONEAPI_TOKEN")
    ids_file = write_ids(tmp_path / "ids.txt", AUTHOR)
    db = tmp_path / "r.sqlite"
    status, out, err = xingtu(capsys, "batch", str(ids_file), "--db", str(db), *args)
    assert status == code, err
    one_line_error(status, err)
    assert "fetching" not in out
    assert not db.exists() and not Path(f"{db}.lock").exists()


def test_missing_token_message_names_the_environment_variable(capsys, monkeypatch):
    monkeypatch.delenv("JUSTONEAPI_TOKEN")
    code, _, err = xingtu(capsys, "rec-videos", AUTHOR, "--base-url", "http://127.0.0.1:1")
    assert code == 3
    one_line_error(code, err)
    assert "JUSTONEAPI_TOKEN" in err and "token=" not in err


def test_an_ids_header_line_is_skipped_not_paid_for(capsys, tmp_path):
    ids_file = tmp_path / "ids.csv"
    ids_file.write_text("author_id\n7300000000000000001\n7300000000000000002\n", "utf-8")
    with MockServer(tokens={TOKEN}) as server:
        code, out, _ = xingtu(
            capsys, "batch", str(ids_file), "--db", str(tmp_path / "r.sqlite"),
            "--base-url", server.base_url,
        )  # fmt: skip
        called = server.api.stats.authors
    assert code == 0
    assert "2 authors in" in out and "header line 'author_id' skipped" in out
    assert set(called) == {"7300000000000000001", "7300000000000000002"}


def test_dash_reads_the_ids_from_stdin(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(
        sys, "stdin", io.StringIO("7300000000000000001\n# c\n7300000000000000002\n")
    )
    with MockServer(tokens={TOKEN}) as server:
        code, out, _ = xingtu(
            capsys, "batch", "-", "--db", str(tmp_path / "r.sqlite"), "--base-url", server.base_url
        )
        assert server.api.stats.total == 2
    assert code == 0 and "2 authors in stdin" in out


def test_the_table_says_its_dates_are_utc(capsys):
    with MockServer(tokens={TOKEN}) as server:
        code, out, _ = xingtu(capsys, "rec-videos", AUTHOR, "--base-url", server.base_url)
    assert code == 0 and "published (UTC)" in out


# -- issue 10 item 1: values that cannot be their type never abort ---------------------

BAD_VALUES = {
    "u64": 18446744073709551615,
    "superscript two": "²",
    "5000 digits": "9" * 5000,
}


@pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_item1_batch_completes_and_keeps_the_value_in_drift(capsys, tmp_path, value):
    videos = [{"item_id": "7300000000000000001", "play": value, "like": 5}]
    with answering(videos) as (base_url, seen):
        code, out, err = batch_into(capsys, tmp_path, base_url, "1", "2", "3")
        assert code == 0, err
        assert "3 ok, 0 failed" in out
        again = batch_into(capsys, tmp_path, base_url, "1", "2", "3")
        assert again[0] == 0 and "fetching 0" in again[1]
        assert len(seen) == 3  # stored as done: the rerun asks nothing
    db = tmp_path / "r.sqlite"
    code, out, _ = xingtu(capsys, "export", "--db", str(db), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    for row in rows:
        assert row["play"] is None and row["like"] == 5
        assert json.loads(row["drift"]) == {"play": value}
    with contextlib.closing(sqlite3.connect(db)) as connection:
        kinds = connection.execute("SELECT DISTINCT typeof(play) FROM videos").fetchall()
    assert kinds == [("null",)]  # never text or a float in the INTEGER column
    if pytest.importorskip("pyarrow"):
        parquet = str(tmp_path / "v.parquet")
        code, _, err = xingtu(
            capsys, "export", "--db", str(db), "--format", "parquet", "--out", parquet
        )
        assert code == 0, err


@pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_item1_reading_the_field_raises_protocol_error_naming_it(value):
    video = Video({"play": value})
    with pytest.raises(ProtocolError, match="'play'"):
        _ = video.play


# -- issue 10 item 4: store failures are one line --------------------------------------


def test_item4_db_in_missing_directory_is_one_line_exit_2(capsys, tmp_path):
    ids_file = write_ids(tmp_path / "ids.txt", AUTHOR)
    db = tmp_path / "missing" / "r.sqlite"
    code, out, err = xingtu(capsys, "batch", str(ids_file), "--db", str(db))
    assert code == 2 and str(db) in one_line_error(code, err)
    assert "does not exist" in err and "fetching" not in out
    code, _, err = xingtu(capsys, "export", "--db", str(db))
    assert code == 2 and str(db) in one_line_error(code, err)


def test_item4_db_naming_a_directory_is_one_line_exit_2(capsys, tmp_path):
    ids_file = write_ids(tmp_path / "ids.txt", AUTHOR)
    code, _, err = xingtu(capsys, "batch", str(ids_file), "--db", str(tmp_path))
    assert code == 2 and "is a directory" in one_line_error(code, err)
    code, _, err = xingtu(capsys, "export", "--db", str(tmp_path))
    assert code == 2 and "is a directory" in one_line_error(code, err)


def test_item4_a_file_that_is_not_a_database_is_one_line_exit_2(capsys, tmp_path):
    ids_file = write_ids(tmp_path / "ids.txt", AUTHOR)
    db = tmp_path / "notes.txt"
    db.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    for args in (("batch", str(ids_file), "--db", str(db)), ("export", "--db", str(db))):
        code, _, err = xingtu(capsys, *args)
        assert code == 2 and f"{db}: not a SQLite database" in one_line_error(code, err)
    assert db.read_text(encoding="utf-8").startswith("these are my notes")


@pytest.mark.parametrize(
    "schema",
    [
        "CREATE TABLE customers (id INTEGER, name TEXT)",
        "CREATE TABLE videos (id INTEGER, url TEXT); CREATE TABLE fetches (x TEXT)",
        "CREATE TABLE fetches (x TEXT); PRAGMA user_version = 2",
        "CREATE TABLE t (x); PRAGMA user_version = 99",
    ],
    ids=["other tables", "same names, other columns", "our version, other columns", "v99"],
)
def test_item4_a_database_with_a_foreign_schema_is_one_line_exit_2(capsys, tmp_path, schema):
    db = tmp_path / "other.sqlite"
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.executescript(schema)
    before = db.read_bytes()
    ids_file = write_ids(tmp_path / "ids.txt", AUTHOR)
    with MockServer(tokens={TOKEN}) as server:
        for args in (
            ("batch", str(ids_file), "--db", str(db), "--base-url", server.base_url),
            ("export", "--db", str(db)),
        ):
            code, _, err = xingtu(capsys, *args)
            assert code == 2 and str(db) in one_line_error(code, err)
            assert "xingtu store" in err or "schema version" in err
        assert server.api.stats.total == 0
    assert db.read_bytes() == before  # not even switched to WAL mode


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files and directories read-only even for root (``chattr +i``), or skip."""
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    done: list[Path] = []
    try:
        for path in paths:
            proc = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
            if proc.returncode != 0:
                pytest.skip("running as root and chattr +i is not available")
            done.append(path)
        yield
    finally:
        for path in done:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)


def filled_store(path: Path, n: int = 3) -> Path:
    with ResultStore(path) as store:
        for i in range(n):
            result = AuthorRecVideos(
                success_document(DRIFTED), author_id=str(i), platform="SHORT_VIDEO"
            )
            store.record(Outcome(str(i), "SHORT_VIDEO", result=result))
    return path


@pytest.mark.parametrize("what", ["file", "file and directory"])
def test_item4_a_read_only_store_is_read_and_exported(capsys, tmp_path, what):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = filled_store(folder / "r.sqlite")
    before = db.read_bytes()
    ids_file = write_ids(tmp_path / "ids.txt", AUTHOR)
    with read_only(db, *([folder] if what == "file and directory" else [])):
        code, out, err = xingtu(capsys, "export", "--db", str(db), "--format", "jsonl")
        assert code == 0, err
        assert len(out.splitlines()) == 6
        with ResultStore(db) as store:  # the default opens a read-only file for reading
            assert store.readonly and store.counts()["ok"] == 3 and store.video_count() == 6
            with pytest.raises(StoreError, match="read-only"):
                store.record(Outcome("9", "SHORT_VIDEO", result=None, error=ProtocolError("x")))
        code, out, err = xingtu(capsys, "batch", str(ids_file), "--db", str(db))
        assert code == 2 and "read-only" in one_line_error(code, err)
        assert "fetching" not in out
    assert db.read_bytes() == before


def test_item4_reading_never_writes_the_store(tmp_path, monkeypatch):
    db = filled_store(tmp_path / "r.sqlite")
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    seen: list[str] = []
    connect = sqlite3.connect

    def tracing(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = connect(*args, **kwargs)
        seen.append(f"open {args[0]} uri={kwargs.get('uri', False)}")
        connection.set_trace_callback(seen.append)
        return connection

    monkeypatch.setattr(store_module.sqlite3, "connect", tracing)
    with ResultStore(db, readonly=True) as store:
        rows = list(store.video_rows())
    assert len(rows) == 6
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    assert seen[0].endswith("?mode=ro uri=True")
    assert not [
        sql
        for sql in seen[1:]
        if not sql.lstrip()
        .upper()
        .startswith(("SELECT", "PRAGMA SCHEMA", "PRAGMA USER_VERSION", "PRAGMA TABLE_INFO"))
    ]


def full_after(pages: int):
    """A ResultStore._connect that caps the database at its size plus ``pages`` pages."""
    connect = store_module.ResultStore._connect

    def capped(self: ResultStore) -> sqlite3.Connection:
        db = connect(self)
        if not self.readonly:
            used = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count = {max(used, 10) + pages}")  # 10: an empty store
        return db

    return capped


def test_item4_a_full_disk_says_disk_full_exit_6(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(store_module.ResultStore, "_connect", full_after(4))
    many = [
        dict(DRIFTED[1], item_id=str(7300000000000000000 + i), title="t" * 900) for i in range(40)
    ]
    with answering(many) as (base_url, _):
        code, _, err = batch_into(capsys, tmp_path, base_url, *(str(i) for i in range(20)))
    assert code == 6, err
    assert "disk full" in err and str(tmp_path / "r.sqlite") in err
    assert "cannot rollback" not in err
    assert "Traceback" not in err and err.count("\n") == 1
    monkeypatch.undo()
    with ResultStore(tmp_path / "r.sqlite", readonly=True) as store:
        counts = store.counts()  # what was stored before the disk filled is intact
        assert store.video_count() == counts["ok"] * 40


def test_item4_library_errors_name_the_path_and_the_cause(tmp_path, monkeypatch):
    with pytest.raises(StoreError) as caught:
        ResultStore(tmp_path / "nope" / "r.sqlite")
    assert caught.value.path == str(tmp_path / "nope" / "r.sqlite")
    assert "does not exist" in caught.value.reason
    monkeypatch.setattr(store_module.ResultStore, "_connect", full_after(1))
    with ResultStore(tmp_path / "r.sqlite") as store:
        big = [dict(DRIFTED[1], item_id=str(i), title="x" * 2000) for i in range(50)]
        result = AuthorRecVideos(success_document(big), author_id="1", platform="SHORT_VIDEO")
        with pytest.raises(StoreFullError, match="disk full"):
            store.record(Outcome("1", "SHORT_VIDEO", result=result))
        assert store.counts()["ok"] == 0  # the author stays as it was: absent


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_item4_export_out_in_a_missing_directory_is_one_line_exit_2(capsys, tmp_path, fmt):
    db = filled_store(tmp_path / "r.sqlite")
    out = tmp_path / "missing_dir" / f"x.{fmt}"
    code, _, err = xingtu(capsys, "export", "--db", str(db), "--format", fmt, "--out", str(out))
    assert code == 2 and str(out) in one_line_error(code, err)
    assert "does not exist" in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_item4_an_export_to_a_full_disk_says_disk_full_exit_6(capsys, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    db = filled_store(tmp_path / "r.sqlite")
    code, _, err = xingtu(capsys, "export", "--db", str(db), "--format", fmt, "--out", "/dev/full")
    assert code == 6, err
    assert "/dev/full" in one_line_error(code, err) and "disk full" in err


# -- issue 10 item 7: one writer per store ---------------------------------------------


def test_item7_a_second_writer_in_the_same_process_is_refused(tmp_path):
    db = tmp_path / "r.sqlite"
    with ResultStore(db, readonly=False):
        with pytest.raises(StoreBusyError, match="in use by another writer"):
            ResultStore(db, readonly=False)
        with ResultStore(db, readonly=True) as reader:  # readers are welcome
            assert reader.counts()["ok"] == 0
    ResultStore(db, readonly=False).close()  # free again once the first closed


def test_item7_a_second_batch_on_one_store_is_refused_at_once(capsys, tmp_path):
    authors = [str(7300000000000000000 + i) for i in range(60)]
    ids_file = write_ids(tmp_path / "ids.txt", *authors)
    db = tmp_path / "r.sqlite"
    with MockServer(tokens={TOKEN}, latency=0.05) as server:
        environ = {k: v for k, v in os.environ.items() if not k.startswith("JUSTONEAPI_")}
        environ["JUSTONEAPI_TOKEN"] = TOKEN
        first = subprocess.Popen(
            [sys.executable, "-m", "justoneapi_xingtu", "batch", str(ids_file), "--db", str(db),
             "--base-url", server.base_url, "--max-concurrency", "2", "--fixed-concurrency"],
            env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while server.api.stats.total == 0 and time.monotonic() < deadline:
                time.sleep(0.02)  # the first batch is paying for calls
            code, out, err = xingtu(
                capsys, "batch", str(ids_file), "--db", str(db), "--base-url", server.base_url
            )
            exported = xingtu(capsys, "export", "--db", str(db), "--format", "jsonl")
            assert exported[0] == 0, exported[2]  # reading while a batch writes is fine
            assert first.poll() is None, "the first batch ended too soon to test anything"
        finally:
            _stdout, stderr = first.communicate(timeout=60)
        assert first.returncode == 0, stderr
        assert code == 5 and "in use by another writer" in one_line_error(code, err)
        assert f"process {first.pid}" in err and "fetching" not in out
        calls = server.api.stats.authors
    assert sorted(calls) == sorted(authors) and set(calls.values()) == {1}  # paid once each


# -- issue 10 item 17: CSV formulas ----------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"]


def test_item17_csv_neutralises_formulas_and_csv_raw_keeps_them(capsys, tmp_path):
    videos = [
        {"item_id": str(7300000000000000000 + i), "title": text, "favorite": "-12", "play": -5}
        for i, text in enumerate(FORMULAS)
    ]
    result = AuthorRecVideos(success_document(videos), author_id=AUTHOR, platform="SHORT_VIDEO")
    guarded, raw = io.StringIO(), io.StringIO()
    write_csv(result_rows(result), guarded)
    write_csv(result_rows(result), raw, formula_guard=False)
    guarded_rows = list(csv.DictReader(io.StringIO(guarded.getvalue())))
    assert [r["title"] for r in guarded_rows] == ["'" + text for text in FORMULAS]
    assert {r["play"] for r in guarded_rows} == {"-5"}  # numbers stay numbers
    assert {r["favorite"] for r in guarded_rows} == {"-12"}  # a number written as text too
    assert [r["title"] for r in csv.DictReader(io.StringIO(raw.getvalue()))] == FORMULAS
    exact = io.StringIO()
    write_jsonl(result_rows(result), exact)
    assert [json.loads(line)["title"] for line in exact.getvalue().splitlines()] == FORMULAS
    with answering(videos) as (base_url, _):
        code, out, _ = xingtu(
            capsys, "rec-videos", AUTHOR, "--base-url", base_url, "--format", "csv"
        )
        assert code == 0 and out == guarded.getvalue()
        code, out, _ = xingtu(
            capsys, "rec-videos", AUTHOR, "--base-url", base_url, "--format", "csv", "--csv-raw"
        )
        assert code == 0 and out == raw.getvalue()
        assert batch_into(capsys, tmp_path, base_url, AUTHOR)[0] == 0
    db = str(tmp_path / "r.sqlite")
    assert xingtu(capsys, "export", "--db", db)[1] == guarded.getvalue()
    assert xingtu(capsys, "export", "--db", db, "--csv-raw")[1] == raw.getvalue()
    pq = pytest.importorskip("pyarrow.parquet")
    assert xingtu(capsys, "export", "--db", db, "--format", "parquet", "--out", f"{db}.pq")[0] == 0
    assert pq.read_table(f"{db}.pq").column("title").to_pylist() == FORMULAS


# -- stores written by the previous version --------------------------------------------


def version_1_store(path: Path) -> Path:
    """A store as the previous version wrote it: ``extra_json``, drifted values as text
    in their typed columns, schema version 1."""
    columns = [*COLUMNS[:-2], "extra_json"]
    document = success_document(DRIFTED)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute(
            "CREATE TABLE fetches (author_id TEXT NOT NULL, platform TEXT NOT NULL, "
            "status TEXT NOT NULL, code INTEGER, message TEXT, request_id TEXT, "
            "fetched_at TEXT NOT NULL, raw_json TEXT, attempts INTEGER NOT NULL, "
            "PRIMARY KEY (author_id, platform))"
        )
        connection.execute(f"CREATE TABLE videos ({', '.join(columns)})")
        connection.execute(
            "INSERT INTO fetches VALUES ('1', 'SHORT_VIDEO', 'ok', 0, 'success', 'r', "
            "'2026-11-29T00:00:00+00:00', ?, 1)",
            (json.dumps(document),),
        )
        values = {"author_id": "1", "platform": "SHORT_VIDEO", "category": "newest"}
        values |= {"position": 0, "item_id": DRIFTED[0]["item_id"], "play": "oops"}
        connection.execute(
            f"INSERT INTO videos ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            tuple(values.values()),
        )
        connection.execute("PRAGMA user_version = 1")
        connection.commit()
    return path


def test_a_version_1_store_is_upgraded_from_the_answers_it_kept(tmp_path):
    db = version_1_store(tmp_path / "old.sqlite")
    with pytest.raises(StoreError, match="earlier version"):
        ResultStore(db, readonly=True)  # reading cannot upgrade: it says how
    with ResultStore(db) as store:
        assert store.counts()["ok"] == 1 and store.video_count() == 2
        rows = list(store.video_rows())
    assert rows[0]["play"] is None and json.loads(rows[0]["drift"]) == {"play": "oops"}
    assert json.loads(rows[0]["extra"]) == {"surprise": {"a": 1}}
    assert rows[1]["play"] == 12 and rows[1]["is_hot"] is True
    assert table_columns(db) == list(COLUMNS)
    with ResultStore(db, readonly=True) as store:
        assert store.video_count() == 2


def test_record_many_stores_a_group_in_one_transaction_or_none_of_it(tmp_path, monkeypatch):
    def outcome(author: str, videos: int) -> Outcome:
        big = [dict(DRIFTED[1], item_id=f"{author}{i}", title="x" * 2000) for i in range(videos)]
        document = success_document(big)
        result = AuthorRecVideos(document, author_id=author, platform="SHORT_VIDEO")
        return Outcome(author, "SHORT_VIDEO", result=result)

    with ResultStore(tmp_path / "ok.sqlite") as store:
        store.record_many([outcome("1", 2), outcome("2", 3)])
        assert store.counts()["ok"] == 2 and store.video_count() == 5
    monkeypatch.setattr(store_module.ResultStore, "_connect", full_after(1))
    with ResultStore(tmp_path / "r.sqlite") as store:
        with pytest.raises(StoreFullError, match="disk full"):
            store.record_many([outcome("1", 1), outcome("2", 50)])  # the second fills the disk
        assert store.counts()["ok"] == 0 and store.video_count() == 0  # the first too: absent

"""Stores across versions: a store written by release 0.1.0 (``tests/fixtures``) opened by
the next release (one more field, :mod:`_releases`), and the other way round.

The next release runs in a child process (its ``Video`` and row model have the extra
field); this one runs in-process. Both talk to the mock API on loopback.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _releases import NEW_FIELD, AnswersWithNewField, collect_cnt, next_release_cli
from conftest import ROOT, TOKEN

from justoneapi_xingtu import ResultStore, StoreError
from justoneapi_xingtu.cli import main
from justoneapi_xingtu.io.rows import COLUMNS
from justoneapi_xingtu.testing import MockServer

FIXTURE = ROOT / "tests" / "fixtures" / "store-0.1.0.sqlite"
NEW = NEW_FIELD[0]
OK_BEFORE = ("1001", "1002", "1003", "1004")
IDS = (*OK_BEFORE, "1005", "1006", "1007", "1008")
"""1005 failed for good and 1006 is to retry in the fixture; 1007 and 1008 are new."""


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("JUSTONEAPI_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("JUSTONEAPI_TOKEN", TOKEN)


@pytest.fixture
def server() -> Iterator[MockServer]:
    with MockServer(api=AnswersWithNewField()) as running:
        yield running


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    """A copy of the store release 0.1.0 wrote."""
    return Path(shutil.copyfile(FIXTURE, tmp_path / "store.sqlite"))


def sql(db: Path, query: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute(query).fetchall()


def answers(db: Path) -> dict[str, str]:
    return dict(sql(db, "SELECT author_id, raw_json FROM fetches WHERE raw_json IS NOT NULL"))


def ids_file(tmp_path: Path) -> str:
    path = tmp_path / "ids.txt"
    path.write_text("\n".join(IDS) + "\n", encoding="utf-8")
    return str(path)


def xingtu(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``xingtu ARGS`` as this release runs it: (exit status, stdout, stderr)."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def expected_new_field(row: dict[str, Any]) -> int:
    return collect_cnt({"item_id": row["item_id"]})


def assert_every_row_has_the_new_field(rows: list[dict[str, Any]]) -> None:
    assert rows and all(row[NEW] == expected_new_field(row) for row in rows)
    assert all(NEW not in json.loads(row["extra"] or "{}") for row in rows)


def test_the_fixture_is_what_0_1_0_wrote(old_store):
    assert sql(old_store, "PRAGMA user_version") == [(2,)]
    tables = {name for (name,) in sql(old_store, "SELECT name FROM sqlite_master")}
    assert "xingtu_store" not in tables
    columns = [row[1] for row in sql(old_store, "PRAGMA table_info(videos)")]
    assert NEW not in columns and set(columns) <= set(COLUMNS)
    assert dict(sql(old_store, "SELECT author_id, status FROM fetches")) == {
        **dict.fromkeys(OK_BEFORE, "ok"),
        "1005": "failed",
        "1006": "retry",
    }
    # the vendor already sent the field: 0.1.0 kept it in extra and in the answer
    extras = [json.loads(text) for (text,) in sql(old_store, "SELECT extra FROM videos")]
    assert len(extras) == 24 and all(NEW in extra for extra in extras)


def test_the_next_release_exports_the_old_store_read_only_without_writing(old_store, tmp_path):
    before = old_store.read_bytes()
    proc = next_release_cli("export", "--db", str(old_store), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = jsonl(proc.stdout)
    assert len(rows) == 24 and {row["author_id"] for row in rows} == set(OK_BEFORE)
    assert_every_row_has_the_new_field(rows)  # made from the answers as received
    assert old_store.read_bytes() == before


def test_the_next_release_upgrades_resumes_and_exports_every_row(old_store, tmp_path, server):
    kept = answers(old_store)
    proc = next_release_cli(
        "batch", ids_file(tmp_path), "--db", str(old_store), "--base-url", server.base_url
    )
    assert proc.returncode == 0, proc.stderr
    # only the author to retry and the new ones were asked for: nothing paid twice
    assert {a for a in IDS if server.api.calls_for(a)} == {"1006", "1007", "1008"}
    assert server.api.stats.total == 3
    after = answers(old_store)
    assert {a: after[a] for a in OK_BEFORE} == kept  # every stored answer as it was
    assert set(after) == {*OK_BEFORE, "1006", "1007", "1008"}

    proc = next_release_cli("export", "--db", str(old_store), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = jsonl(proc.stdout)
    assert len(rows) == 7 * 6
    assert_every_row_has_the_new_field(rows)
    proc = next_release_cli("export", "--db", str(old_store), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    table = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(table) == 42 and all(int(r[NEW]) == expected_new_field(r) for r in table)
    # the column sits where the next release's row model puts it, in the table too
    header = next(csv.reader(io.StringIO(proc.stdout)))
    columns = [row[1] for row in sql(old_store, "PRAGMA table_info(videos)")]
    assert columns == header and header.index(NEW) < header.index("extra")
    assert dict(sql(old_store, "SELECT key, value FROM xingtu_store"))["written_by"]
    assert sql(old_store, "PRAGMA user_version") == [(3,)]


def test_this_release_upgrades_the_0_1_0_store_in_place_and_keeps_every_row(old_store):
    with ResultStore(old_store, readonly=True) as store:
        before = list(store.video_rows())
    with ResultStore(old_store) as store:
        assert store.counts() == {"ok": 4, "failed": 1, "retry": 1}
        assert list(store.video_rows()) == before and len(before) == 24
    meta = dict(sql(old_store, "SELECT key, value FROM xingtu_store"))
    assert json.loads(meta["filled_columns"]) == list(COLUMNS)


def test_this_release_reads_and_resumes_a_store_the_next_release_wrote(capsys, tmp_path, server):
    db = tmp_path / "next.sqlite"
    first = tmp_path / "first.txt"
    first.write_text("1001\n1002\n", encoding="utf-8")
    proc = next_release_cli("batch", str(first), "--db", str(db), "--base-url", server.base_url)
    assert proc.returncode == 0, proc.stderr
    assert NEW in [row[1] for row in sql(db, "PRAGMA table_info(videos)")]

    code, out, err = xingtu(capsys, "export", "--db", str(db), "--format", "jsonl")
    assert code == 0, err
    rows = jsonl(out)
    assert len(rows) == 12 and all(NEW not in row for row in rows)
    # the field this release does not know is carried in extra, as it would keep it
    assert all(json.loads(row["extra"])[NEW] == expected_new_field(row) for row in rows)
    ResultStore(db).close()  # opened for writing, no row written: the column stays filled
    assert NEW in json.loads(dict(sql(db, "SELECT * FROM xingtu_store"))["filled_columns"])

    code, _, err = xingtu(
        capsys, "batch", ids_file(tmp_path), "--db", str(db), "--base-url", server.base_url
    )
    assert code == 0, err  # this mock answers every author (1005 included)
    code, out, err = xingtu(capsys, "export", "--db", str(db), "--format", "jsonl")
    assert code == 0 and len(jsonl(out)) == 8 * 6
    meta = dict(sql(db, "SELECT * FROM xingtu_store"))
    assert NEW not in json.loads(meta["filled_columns"])  # this release's rows lack it

    # back in the next release, the rows this one added get the field from raw_json
    proc = next_release_cli("export", "--db", str(db), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    assert_every_row_has_the_new_field(jsonl(proc.stdout))
    proc = next_release_cli(
        "batch", ids_file(tmp_path), "--db", str(db), "--base-url", server.base_url
    )
    assert proc.returncode == 0, proc.stderr
    filled = [name for (name,) in sql(db, f"SELECT {NEW} FROM videos")]
    assert len(filled) == 48 and None not in filled


def test_a_store_of_a_higher_schema_version_is_refused_in_one_line(capsys, tmp_path, server):
    db = tmp_path / "later.sqlite"
    ResultStore(db).close()
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE xingtu_store SET value = '9.1.0' WHERE key = 'written_by'")
        connection.execute("PRAGMA user_version = 4")
        connection.commit()
    before = db.read_bytes()
    for args in (
        ("export", "--db", str(db)),
        ("batch", ids_file(tmp_path), "--db", str(db), "--base-url", server.base_url),
    ):
        code, _, err = xingtu(capsys, *args)
        assert code == 2 and err.count("\n") == 1, err
        assert "written by justoneapi-xingtu 9.1.0 (store schema version 4)" in err
        assert "upgrade justoneapi-xingtu to >= 9.1.0" in err
    assert server.api.stats.total == 0 and db.read_bytes() == before
    with pytest.raises(StoreError, match="this is justoneapi-xingtu"):
        ResultStore(db, readonly=True)


def earlier_store(tmp_path: Path, column: str) -> Path:
    """The fixture as a release before ``column`` existed would have written it."""
    db = Path(shutil.copyfile(FIXTURE, tmp_path / "earlier.sqlite"))
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute(f"ALTER TABLE videos DROP COLUMN {column}")
        connection.commit()
    return db


def test_an_answer_that_cannot_be_read_again_keeps_its_rows(tmp_path):
    db = earlier_store(tmp_path, "share")
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE fetches SET raw_json = '{' WHERE author_id = '1001'")
        connection.commit()
    with ResultStore(db, readonly=True) as store:
        read = list(store.video_rows())
    with ResultStore(db) as store:
        assert store.counts()["ok"] == 4
        upgraded = list(store.video_rows())
    assert read == upgraded and len(upgraded) == 24
    kept = [row for row in upgraded if row["author_id"] == "1001"]
    rebuilt = [row for row in upgraded if row["author_id"] != "1001"]
    assert len(kept) == 6 and all(row["share"] is None for row in kept)
    assert all(isinstance(row["share"], int) for row in rebuilt)
    assert sql(db, "SELECT raw_json FROM fetches WHERE author_id = '1001'") == [("{",)]


def test_a_column_another_version_declared_with_another_type_is_made_again(tmp_path):
    """A release that declared ``share`` as text (the store says it is filled): this one
    reads it from the answers, as an integer, and a writable open rebuilds the column."""
    db = earlier_store(tmp_path, "share")
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("ALTER TABLE videos ADD COLUMN share TEXT")
        connection.execute("UPDATE videos SET share = 'shared ' || position")
        connection.commit()
    kept = answers(db)
    with ResultStore(db, readonly=True) as store:
        read = list(store.video_rows())
    assert len(read) == 24 and all(isinstance(row["share"], int) for row in read)
    assert all(row["drift"] is None for row in read)
    with ResultStore(db) as store:
        assert list(store.video_rows()) == read
    declared = {row[1]: row[2] for row in sql(db, "PRAGMA table_info(videos)")}
    assert declared["share"] == "INTEGER" and answers(db) == kept


def test_a_value_of_another_type_kept_from_an_unreadable_answer_drifts(tmp_path):
    db = earlier_store(tmp_path, "share")
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("ALTER TABLE videos ADD COLUMN share TEXT")
        connection.execute("UPDATE videos SET share = 'shared ' || position")
        connection.execute("UPDATE fetches SET raw_json = '{' WHERE author_id = '1001'")
        connection.commit()
    with ResultStore(db, readonly=True) as store:
        read = list(store.video_rows())
    kept = [row for row in read if row["author_id"] == "1001"]
    assert len(kept) == 6 and all(row["share"] is None for row in kept)
    assert [json.loads(row["drift"])["share"] for row in kept] == [
        f"shared {row['position']}" for row in kept
    ]
    with ResultStore(db) as store:  # the upgrade keeps those rows, the same way
        assert list(store.video_rows()) == read
    assert sql(db, "SELECT COUNT(*) FROM videos WHERE typeof(share) = 'text'") == [(0,)]


def test_an_upgrade_keeps_the_columns_of_a_later_version_in_rows_it_cannot_rebuild(tmp_path):
    db = earlier_store(tmp_path, "share")  # a column to add, and one of a later version
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute(f"ALTER TABLE videos ADD COLUMN {NEW} INTEGER")
        connection.execute(f"UPDATE videos SET {NEW} = position + 100")
        connection.execute("UPDATE fetches SET raw_json = '{' WHERE author_id = '1001'")
        connection.commit()
    ResultStore(db).close()
    stored = sql(db, f"SELECT author_id, position, {NEW} FROM videos ORDER BY 1, 2")
    assert len(stored) == 24
    assert [row[2] for row in stored if row[0] == "1001"] == [
        row[1] + 100 for row in stored if row[0] == "1001"
    ]
    assert {row[2] for row in stored if row[0] != "1001"} == {None}  # rebuilt by this one
    with ResultStore(db, readonly=True) as store:
        kept = [row for row in store.video_rows() if row["author_id"] == "1001"]
    assert [json.loads(row["extra"])[NEW] for row in kept] == [r["position"] + 100 for r in kept]

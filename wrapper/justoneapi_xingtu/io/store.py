"""A resumable SQLite store of batch outcomes (stdlib ``sqlite3``, WAL mode).

Two tables::

    fetches  one row per (author_id, platform): status, code, message, request_id,
             fetched_at, raw_json (the answer as received, on success), attempts
    videos   one row per video, the columns of the one row model (:mod:`.rows`):
             author_id, platform, category, position, item_id (TEXT), every other
             field of Video.FIELDS, extra (JSON text), drift (JSON text)

Each answer is written in one transaction that replaces the author's fetch row and all
of its videos (answers that arrive together share one: :meth:`ResultStore.record_many`),
so a process killed at any moment (SIGKILL included) leaves every author either whole or
absent, never half-written or duplicated. A value that cannot be its
declared type is null in its column and kept as received in ``drift`` (and the whole
answer in ``raw_json``): it never stops a batch, and the author counts as done.

``status`` is ``ok``, ``failed`` (final: asking again cannot help, e.g. code 400) or
``retry`` (transient, or rate limited to the end: the next run asks again).

One writer at a time: a writing store holds an exclusive lock on ``<store>.lock``; a
second writer is refused at once with :class:`StoreBusyError` (no author is paid for
twice). Readers (``readonly=True``, ``xingtu export``) take no lock, open the file
read-only and work on a read-only file or mount. Every failure of the file (missing
directory, a directory, not a database, a foreign schema, read-only, disk full) is a
:class:`StoreError` naming the path and the cause.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self
from urllib.parse import quote

import orjson

from ..errors import JustOneAPIError, ProtocolError
from ..models import CATEGORIES, AuthorRecVideos, Outcome
from ._lock import WriterLock
from .rows import COLUMN_TYPES, COLUMNS, result_rows

__all__ = [
    "STATUSES",
    "VIDEO_COLUMNS",
    "ResultStore",
    "StoreBusyError",
    "StoreError",
    "StoreFullError",
]

STATUSES: Final = ("ok", "failed", "retry")
VIDEO_COLUMNS: Final[tuple[str, ...]] = COLUMNS
"""The columns of ``videos``, in order: the one row model's."""
FETCH_COLUMNS: Final = (
    "author_id",
    "platform",
    "status",
    "code",
    "message",
    "request_id",
    "fetched_at",
    "raw_json",
    "attempts",
)
_SQL_TYPES: Final = {"int": "INTEGER", "float": "REAL", "str": "TEXT", "bool": "INTEGER"}
_SCHEMA_VERSION: Final = 2
"""1: videos had ``extra_json`` and kept drifted values in their typed columns (upgraded
in place on the first write: the videos are rebuilt from ``raw_json``)."""


class StoreError(JustOneAPIError):
    """The store file cannot be used: the message names the path and the cause.

    Attributes:
        path: the store's path, as given.
        reason: the cause in a few words (``"disk full"``, ``"not a SQLite database"``...).
    """

    def __init__(self, path: str | Path, reason: str, detail: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}" + (f" ({detail})" if detail else ""))


class StoreFullError(StoreError):
    """The disk (or the store's size limit) is full; what was stored before is kept."""


class StoreBusyError(StoreError):
    """Another writer (a running ``xingtu batch``) holds the store; try again later."""

    retryable = True


def _schema() -> str:
    categories = ", ".join(f"'{c}'" for c in CATEGORIES)
    statuses = ", ".join(f"'{s}'" for s in STATUSES)
    constraints = dict.fromkeys(("author_id", "platform", "position"), " NOT NULL")
    constraints["category"] = f" NOT NULL CHECK (category IN ({categories}))"
    fields = ",\n  ".join(
        f"{name} {_SQL_TYPES.get(kind, 'TEXT')}{constraints.get(name, '')}"
        for name, kind in COLUMN_TYPES.items()
    )
    return f"""
CREATE TABLE IF NOT EXISTS fetches (
  author_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ({statuses})),
  code INTEGER,
  message TEXT,
  request_id TEXT,
  fetched_at TEXT NOT NULL,
  raw_json TEXT,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (author_id, platform)
);
CREATE TABLE IF NOT EXISTS videos (
  {fields},
  PRIMARY KEY (author_id, platform, category, position)
);
CREATE INDEX IF NOT EXISTS videos_item_id ON videos (item_id);
"""


def _sql_value(value: Any) -> Any:
    if isinstance(value, list):
        return orjson.dumps(value).decode()
    if isinstance(value, bool):
        return int(value)
    return value


_CONVERTED: Final = frozenset({list, bool})
"""The value types :func:`_sql_value` changes (a video's values are typed: exact types)."""


def _sql_row(row: dict[str, Any]) -> tuple[Any, ...]:
    """A row of :data:`VIDEO_COLUMNS` (a row model row holds them in that order) as
    SQLite values; only lists and booleans are converted, without a call per value."""
    return tuple([_sql_value(v) if type(v) in _CONVERTED else v for v in row.values()])


_CAUSES: Final = {
    "SQLITE_FULL": "disk full",
    "SQLITE_NOTADB": "not a SQLite database",
    "SQLITE_CORRUPT": "the database file is corrupt",
    "SQLITE_READONLY": "read-only: the file or its directory cannot be written",
    "SQLITE_CANTOPEN": "cannot open the file",
    "SQLITE_BUSY": "locked by another process",
    "SQLITE_LOCKED": "locked by another process",
    "SQLITE_IOERR": "I/O error",
    "SQLITE_PERM": "permission denied",
}


def _translate(path: Path, error: sqlite3.Error) -> StoreError:
    name = getattr(error, "sqlite_errorname", "") or ""
    base = "_".join(name.split("_")[:2])
    reason = _CAUSES.get(base, "SQLite error")
    if base == "SQLITE_FULL":
        return StoreFullError(
            path, reason, f"{error}; what was stored before is kept: free some space, run again"
        )
    return StoreError(path, reason, str(error))


class ResultStore:
    """Batch outcomes in a SQLite file; safe to kill at any moment, resumable.

    Args:
        path: the SQLite file (created when missing, unless reading).
        readonly: ``True`` reads only (the file must exist; it may be read-only, no lock
            is taken); ``False`` writes (takes the writer lock at once); ``None`` (the
            default) writes when the file can be written, else reads, and takes the
            writer lock at the first :meth:`record`.

    Raises:
        StoreError: the file cannot be used (the message names the path and the cause);
            :class:`StoreBusyError` when another writer holds it, :class:`StoreFullError`
            when the disk is full.

    Example::

        with ResultStore("results.sqlite") as store:
            todo = store.todo(ids, "SHORT_VIDEO")
            for outcome in client.author_rec_videos_many(todo):
                store.record(outcome)
    """

    def __init__(self, path: str | Path, *, readonly: bool | None = None) -> None:
        self.path = Path(path)
        self._lock = WriterLock(Path(f"{self.path}.lock"))
        if readonly is None:  # read-only when the file or its directory cannot be written
            readonly = self.path.is_file() and not (
                os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)
            )
        self.readonly = readonly
        self._check_path()
        if not readonly:
            self._take_lock()
        try:
            with self._guard():
                self._db = self._connect()
            try:
                with self._guard():
                    self._prepare()
            except BaseException:
                self._db.close()
                raise
        except BaseException:
            self._lock.release()
            raise

    # -- opening -----------------------------------------------------------------------

    def _check_path(self) -> None:
        path = self.path
        if path.is_dir():
            raise StoreError(path, "is a directory, not a store file")
        if self.readonly:
            if not path.exists():
                raise StoreError(path, "does not exist (write it with `xingtu batch`)")
            return
        parent = path.parent
        if not parent.exists():
            raise StoreError(path, f"directory {parent} does not exist")
        if not parent.is_dir():
            raise StoreError(path, f"{parent} is not a directory")
        if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise StoreError(
                path,
                "read-only: the file or its directory cannot be written "
                "(`xingtu export` can still read it)",
            )

    def _take_lock(self) -> None:
        try:
            acquired = self._lock.acquire()
        except OSError as error:
            reason = "read-only: cannot create its lock file beside it"
            raise StoreError(self.path, reason, error.strerror or str(error)) from None
        if not acquired:
            holder = self._lock.holder()
            by = f" (process {holder})" if holder else ""
            raise StoreBusyError(
                self.path,
                f"in use by another writer{by}, e.g. a running `xingtu batch`; wait for it "
                "to finish, or use another --db",
            )

    def _connect(self) -> sqlite3.Connection:
        if not self.readonly:  # WAL mode is set by _prepare, once the schema is known
            return sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        uri = f"file:{quote(str(self.path.absolute()))}?mode=ro"
        db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0)
        try:
            db.execute("PRAGMA schema_version").fetchone()
        except sqlite3.OperationalError:
            db.close()
            # A WAL store on a read-only mount: its -shm cannot be created. With no -wal
            # file left (every writer closed cleanly), reading it as immutable is exact.
            if Path(f"{self.path}-wal").exists():
                raise
            db = sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None)
        return db

    def _prepare(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(row[0]).startswith("sqlite_")
        }
        foreign = tables - {"fetches", "videos"}
        if version == 0 and foreign:
            shown = ", ".join(sorted(foreign)[:5])
            raise StoreError(self.path, f"not a xingtu store (it holds other tables: {shown})")
        if version not in (0, 1, _SCHEMA_VERSION):
            raise StoreError(
                self.path,
                f"store schema version {version}; this version of justoneapi-xingtu reads "
                f"{_SCHEMA_VERSION}: use a new --db file",
            )
        for table in sorted(tables):  # a table of ours in another shape: say so first
            if table == "fetches":
                self._check_columns(table, FETCH_COLUMNS)
            elif version != 1:  # version 1's videos are rebuilt below
                self._check_columns(table, VIDEO_COLUMNS)
        if self.readonly:
            if version == 0:
                raise StoreError(self.path, "is empty, not a xingtu store yet")
            if version == 1:
                raise StoreError(
                    self.path,
                    "written by an earlier version: open it once for writing (xingtu "
                    "batch, or ResultStore(path)) to upgrade it",
                )
            self._check_columns("fetches", FETCH_COLUMNS)
            self._check_columns("videos", VIDEO_COLUMNS)
            return
        # Only now, once it is known to be a store (or empty), is the file changed.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across a crash
        if version == 1:
            self._upgrade_from_1()
        else:
            self._create_tables()
            db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")
        self._check_columns("fetches", FETCH_COLUMNS)
        self._check_columns("videos", VIDEO_COLUMNS)

    def _create_tables(self) -> None:
        # One statement at a time: executescript() would commit an open transaction.
        for statement in _schema().split(";"):
            if statement.strip():
                self._db.execute(statement)

    def _check_columns(self, table: str, expected: tuple[str, ...]) -> None:
        found = tuple(row[1] for row in self._db.execute(f"PRAGMA table_info({table})"))
        if found != expected:
            raise StoreError(
                self.path,
                f"not a xingtu store of this version (table {table} has columns "
                f"{', '.join(found[:6]) or 'none'}...)",
            )

    def _upgrade_from_1(self) -> None:
        """Rebuild ``videos`` from each answer as received (``raw_json``), in one go."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DROP TABLE videos")
            self._create_tables()
            for author_id, platform, raw in db.execute(
                "SELECT author_id, platform, raw_json FROM fetches "
                "WHERE status = 'ok' AND raw_json IS NOT NULL"
            ).fetchall():
                try:
                    result = AuthorRecVideos(
                        orjson.loads(raw), author_id=author_id, platform=platform
                    )
                except (orjson.JSONDecodeError, ProtocolError):  # unreadable: fetch it again
                    db.execute(
                        "UPDATE fetches SET status = 'retry' WHERE author_id = ? AND platform = ?",
                        (author_id, platform),
                    )
                    continue
                self._insert_videos(result)
            db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite's failures as one :class:`StoreError` naming the path and the cause."""
        try:
            yield
        except sqlite3.Error as error:
            raise _translate(self.path, error) from None

    def _rollback(self) -> None:
        # After SQLITE_FULL (and a few others) SQLite has already rolled back: a second
        # ROLLBACK would fail with "no transaction is active" and hide the real cause.
        if self._db.in_transaction:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    # -- writing -----------------------------------------------------------------------

    def _insert_videos(self, result: AuthorRecVideos) -> None:
        rows = [_sql_row(row) for row in result_rows(result)]
        marks = ", ".join("?" * len(VIDEO_COLUMNS))
        self._db.executemany(f"INSERT INTO videos VALUES ({marks})", rows)  # noqa: S608

    def record(self, outcome: Outcome) -> None:
        """Replace the author's fetch row (and, on success, videos) in one transaction.

        Raises :class:`StoreError` when the file cannot be written (the transaction is
        rolled back: the author stays as it was).
        """
        self.record_many((outcome,))

    def record_many(self, outcomes: Iterable[Outcome]) -> None:
        """:meth:`record` for outcomes that arrived together, in one transaction (one
        commit instead of one per author: what a batch's store writes cost most).

        Raises :class:`StoreError` when the file cannot be written (the transaction is
        rolled back: every author of the group stays as it was).
        """
        if self.readonly:
            raise StoreError(self.path, "read-only (opened for reading): cannot record")
        self._take_lock()
        with self._guard():
            now = datetime.now(UTC).isoformat(timespec="seconds")
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                for outcome in outcomes:
                    self._record(outcome, now)
                db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _record(self, outcome: Outcome, now: str) -> None:
        key = (outcome.author_id, outcome.platform)
        db = self._db
        fetch: tuple[object, ...]
        if outcome.result is not None:
            result = outcome.result
            db.execute("DELETE FROM videos WHERE author_id = ? AND platform = ?", key)
            self._insert_videos(result)
            fetch = (
                *key,
                "ok",
                0,
                result.message,
                result.request_id,
                now,
                orjson.dumps(result.raw).decode(),
                outcome.attempts,
            )
        else:
            error = outcome.error
            assert error is not None
            code = getattr(error, "code", None)
            fetch = (
                *key,
                "retry" if error.retryable else "failed",
                code if isinstance(code, int) else None,
                str(error),
                error.request_id,
                now,
                None,
                outcome.attempts,
            )
            if self._status_of(*key) == "ok":  # a refresh that failed, for any reason:
                return  # the earlier success and its videos stay
        db.execute("INSERT OR REPLACE INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", fetch)

    # -- reading -----------------------------------------------------------------------

    def _status_of(self, author_id: str, platform: str) -> str | None:
        row = self._db.execute(
            "SELECT status FROM fetches WHERE author_id = ? AND platform = ?",
            (author_id, platform),
        ).fetchone()
        return None if row is None else str(row[0])

    def todo(self, author_ids: Iterable[str], platform: str, *, refresh: bool = False) -> list[str]:
        """The ids still to fetch, in order: not yet stored, or stored as ``retry``.

        An author that failed transiently before but succeeded once is kept as done.
        ``refresh=True``: every id.
        """
        ids = list(dict.fromkeys(author_ids))
        if refresh:
            return ids
        with self._guard():
            done = {
                row[0]
                for row in self._db.execute(
                    "SELECT author_id FROM fetches "
                    "WHERE platform = ? AND status IN ('ok', 'failed')",
                    (platform,),
                )
            }
        return [author_id for author_id in ids if author_id not in done]

    def counts(self) -> dict[str, int]:
        """Fetch rows by status (every status present, 0 when none)."""
        counts = dict.fromkeys(STATUSES, 0)
        with self._guard():
            for status, count in self._db.execute(
                "SELECT status, COUNT(*) FROM fetches GROUP BY status"
            ):
                counts[status] = count
        return counts

    def video_count(self) -> int:
        with self._guard():
            count: int = self._db.execute("SELECT COUNT(*) FROM videos").fetchone()[0]
        return count

    def drift_count(self) -> int:
        """Drifted values over every stored video (entries of the ``drift`` columns)."""
        with self._guard():
            cursor = self._db.execute("SELECT drift FROM videos WHERE drift IS NOT NULL")
            return sum(len(orjson.loads(text)) for (text,) in cursor)

    def video_rows(self) -> Iterator[dict[str, Any]]:
        """Every stored video as a row of :data:`VIDEO_COLUMNS` (typed like the row model:
        ``is_hot`` a bool, ``head_image_uris`` a list, ``item_id`` text), in order."""
        columns = ", ".join(VIDEO_COLUMNS)
        bools = [name for name, kind in COLUMN_TYPES.items() if kind == "bool"]
        lists = [name for name, kind in COLUMN_TYPES.items() if kind == "list[str]"]
        with self._guard():
            cursor = self._db.execute(
                f"SELECT {columns} FROM videos "  # noqa: S608 - fixed column names
                "ORDER BY author_id, platform, category, position"
            )
            for values in cursor:
                row = dict(zip(VIDEO_COLUMNS, values, strict=True))
                for name in bools:
                    if row[name] is not None:
                        row[name] = bool(row[name])
                for name in lists:
                    if row[name] is not None:
                        row[name] = orjson.loads(row[name])
                yield row

    def close(self) -> None:
        try:
            with self._guard():
                self._db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

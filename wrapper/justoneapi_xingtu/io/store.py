"""A resumable SQLite store of batch outcomes (stdlib ``sqlite3``, WAL mode).

Four tables::

    fetches  one row per (author_id, platform): status, code, message, request_id,
             fetched_at, raw_json (the answer as received, on success), attempts
    videos   one row per video, the columns of the one row model (:mod:`.rows`):
             author_id, platform, category, position, item_id (TEXT), every other
             field of Video.FIELDS, extra (JSON text), drift (JSON text)
    answers  one row per (operation, id, params) of the other operations (a batch over
             operations): status, code, message, request_id, fetched_at, raw_json (the
             envelope as received, on success), attempts; ``params`` is the query sent
             (wire names, the token aside) as JSON text with sorted keys
    xingtu_store  key, value: ``written_by`` (the package version that last opened it
             for writing), ``schema_version``, ``filled_columns`` (the ``videos``
             columns every row was computed for, as a JSON list)

**Stores across versions.** ``videos`` has one column per field of the spec, so a release
that adds a field adds a column; the store's schema version (``PRAGMA user_version``)
changes only when an older package could not read the store any more. Opening a store:

* written by an earlier version, for writing: ``videos`` is rebuilt in one transaction
  from each answer as received (``raw_json``), so the new columns are filled for every
  row; an answer that cannot be read keeps its stored rows. Answers are never changed.
* written by an earlier version, read-only (``xingtu export``): nothing is written; the
  rows are made from ``raw_json`` as the rebuild would, so the export is complete.
* written by a later version with columns this one does not know: read (their values
  go to ``extra``, as this version would have put them there) and written (rows added
  leave those columns null, and the store remembers they are not filled, so the later
  version rebuilds them from ``raw_json`` when it next opens the store).
* with a column another version declared with another type (a field whose type the spec
  changed): that column counts as not filled, so it is made from ``raw_json`` as above.
* written with a higher schema version: refused, naming both versions.

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
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Self
from urllib.parse import quote

import msgspec

from .._version import __version__
from ..errors import JustOneAPIError, ProtocolError
from ..models import CATEGORIES, Answer, AuthorRecVideos, CallOutcome, Outcome
from ._lock import WriterLock
from .rows import COLUMN_TYPES, COLUMNS, KEY_COLUMNS, json_text, result_rows

__all__ = [
    "STATUSES",
    "VIDEO_COLUMNS",
    "ResultStore",
    "StoreBusyError",
    "StoreError",
    "StoreFullError",
    "XingtuStoreError",
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
ANSWER_COLUMNS: Final = ("operation", "id", "params", *FETCH_COLUMNS[2:])
ANSWER_ROW_KEYS: Final = (*ANSWER_COLUMNS[:-2], "attempts", "data")
"""The keys of :meth:`ResultStore.answer_rows`, in order (``raw_json`` read as ``data``)."""
_SQL_TYPES: Final = {"int": "INTEGER", "float": "REAL", "str": "TEXT", "bool": "INTEGER"}
_SCHEMA_VERSION: Final = 3
"""1: videos had ``extra_json`` and kept drifted values in their typed columns (upgraded
in place on the first write: the videos are rebuilt from ``raw_json``). 2 (0.1.0): no
``xingtu_store`` table; its ``videos`` columns are all filled. 3: ``xingtu_store``."""
_META: Final = "xingtu_store"
_CORE_COLUMNS: Final = (*KEY_COLUMNS, "item_id", "extra", "drift")
"""The ``videos`` columns of every version since 2: the rest follow the spec's fields."""


class XingtuStoreError(Exception):
    """Root of the result store's errors: the file failed, not the API.

    Attributes:
        path: the store's path, as given.
        reason: the cause in a few words (``"disk full"``, ``"not a SQLite database"``...).
        retryable: whether trying again later can help (another writer holds the store).
    """

    retryable: bool = False

    def __init__(self, path: str | Path, reason: str, detail: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.message = f"{path}: {reason}" + (f" ({detail})" if detail else "")
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self) -> tuple[object, ...]:
        # picklable with every attribute, as the API's errors are
        return (_rebuild, (type(self), self.message, dict(vars(self))))


def _rebuild(cls: type[XingtuStoreError], message: str, state: dict[str, object]) -> Exception:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    vars(error).update(state)
    return error


class StoreError(XingtuStoreError, JustOneAPIError):
    """The store file cannot be used: the message names the path and the cause.

    Every store failure the package raises is one. It is also a
    :class:`~justoneapi_xingtu.JustOneAPIError`, so that ``except JustOneAPIError``
    written before the store's errors had their own base still catches it; catch
    :class:`XingtuStoreError` (or this class) for the store's failures alone.
    """


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
    outcome = (  # the columns fetches and answers share, after their keys
        f"status TEXT NOT NULL CHECK (status IN ({statuses})), code INTEGER, message TEXT, "
        "request_id TEXT, fetched_at TEXT NOT NULL, raw_json TEXT, attempts INTEGER NOT NULL"
    )
    return f"""
CREATE TABLE IF NOT EXISTS fetches (
  author_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  {outcome},
  PRIMARY KEY (author_id, platform)
);
CREATE TABLE IF NOT EXISTS videos (
  {fields},
  PRIMARY KEY (author_id, platform, category, position)
);
CREATE INDEX IF NOT EXISTS videos_item_id ON videos (item_id);
CREATE TABLE IF NOT EXISTS answers (
  operation TEXT NOT NULL,
  id TEXT NOT NULL,
  params TEXT NOT NULL,
  {outcome},
  PRIMARY KEY (operation, id, params)
);
CREATE TABLE IF NOT EXISTS {_META} (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


_INSERT: Final = (
    f"INSERT INTO videos ({', '.join(VIDEO_COLUMNS)}) "  # noqa: S608 - fixed column names
    f"VALUES ({', '.join('?' * len(VIDEO_COLUMNS))})"
)


def _answer(raw: str, author_id: str, platform: str) -> AuthorRecVideos | None:
    """A stored answer read again, or ``None`` when it cannot be read."""
    try:
        return AuthorRecVideos(msgspec.json.decode(raw), author_id=author_id, platform=platform)
    except (msgspec.DecodeError, ProtocolError):
        return None


def _status_row(
    key: tuple[str, ...],
    answer: AuthorRecVideos | Answer | None,
    error: JustOneAPIError | None,
    attempts: int,
    now: str,
) -> tuple[object, ...]:
    """A ``fetches`` or ``answers`` row: the key, then status, code, message, request id,
    fetched at, the answer as received (on success) and the attempts."""
    if answer is not None:
        raw = msgspec.json.encode(answer.raw).decode()
        return (*key, "ok", 0, answer.message, answer.request_id, now, raw, attempts)
    assert error is not None
    code = getattr(error, "code", None)
    status = "retry" if error.retryable else "failed"
    code = code if isinstance(code, int) else None
    return (*key, status, code, str(error), error.request_id, now, None, attempts)


def params_text(params: Mapping[str, str]) -> str:
    """The ``params`` key of ``answers``: the query as JSON text with sorted keys."""
    return msgspec.json.encode(dict(sorted(params.items()))).decode()


def _sql_value(value: Any) -> Any:
    if isinstance(value, list):
        return msgspec.json.encode(value).decode()
    if isinstance(value, bool):
        return int(value)
    return value


def _fits(kind: str, value: Any) -> bool:
    """Whether a stored SQL value can be read back as a column of ``kind``."""
    if kind == "str":
        return isinstance(value, str)
    if kind == "list[str]":
        try:
            return isinstance(value, str) and isinstance(msgspec.json.decode(value), list)
        except msgspec.DecodeError:
            return False
    if kind == "bool":
        return value in (0, 1) and isinstance(value, int)
    return isinstance(value, int | float) if kind == "float" else isinstance(value, int)


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
        self._unknown: tuple[str, ...] = ()  # videos columns of a later version
        self._unfilled: tuple[str, ...] = ()  # ours, not computed for every row yet
        self._marked = False  # the store says this version wrote rows (see _write_meta)
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
        except BaseException:  # not a database at all: close it before saying so
            db.close()
            raise
        return db

    def _prepare(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(row[0]).startswith("sqlite_")
        }
        meta = self._meta() if _META in tables else {}
        if version > _SCHEMA_VERSION:
            by = meta.get("written_by")
            raise StoreError(
                self.path,
                f"written by {'justoneapi-xingtu ' + by if by else 'a later version'} "
                f"(store schema version {version}); this is justoneapi-xingtu "
                f"{__version__} (schema version {_SCHEMA_VERSION}): upgrade "
                f"justoneapi-xingtu{' to >= ' + by if by else ''}, or use another --db",
            )
        foreign = tables - {"fetches", "videos", "answers", _META}
        if foreign:
            shown = ", ".join(sorted(foreign)[:5])
            raise StoreError(self.path, f"not a xingtu store (it holds other tables: {shown})")
        if version not in (0, 1, 2, _SCHEMA_VERSION):
            raise StoreError(self.path, f"not a xingtu store (schema version {version})")
        if "fetches" in tables:  # a table of ours in another shape: say so first
            self._check_columns("fetches", FETCH_COLUMNS)
        if "videos" in tables and version != 1:  # version 1's videos are rebuilt below
            self._check_columns("videos", _CORE_COLUMNS)
        if _META in tables:
            self._check_columns(_META, ("key", "value"))
        if "answers" in tables:
            self._check_columns("answers", ANSWER_COLUMNS)
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
            self._check_columns("videos", _CORE_COLUMNS)
            self._read_columns(meta)
            return
        # Only now, once it is known to be a store (or empty), is the file changed.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across a crash
        if "videos" in tables:
            self._read_columns(meta)
            if version == 1 or self._unfilled:  # an upgrade: the only writer while it runs
                self._take_lock()
        db.execute("BEGIN IMMEDIATE")
        try:
            self._create_tables()
            self._read_columns(meta)
            if version == 1:  # its columns are replaced, not kept
                self._unknown = ()
            rebuild = version == 1 or bool(self._unfilled)
            if rebuild:  # the rows it makes leave the columns of a later version null
                self._rebuild(keep_unreadable=version != 1)
            self._write_meta(meta, writing_rows=rebuild)
            db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self._check_columns("fetches", FETCH_COLUMNS)
        self._check_columns("videos", _CORE_COLUMNS)
        self._read_columns(self._meta())

    def _meta(self) -> dict[str, str]:
        return dict(self._db.execute(f"SELECT key, value FROM {_META}").fetchall())  # noqa: S608

    def _read_columns(self, meta: dict[str, str]) -> None:
        """What ``videos`` holds: its columns, those this version does not know, and those
        this version knows but not every row was computed for, or declared with another
        type by another version (both made from ``raw_json``)."""
        declared = {row[1]: row[2] for row in self._db.execute("PRAGMA table_info(videos)")}
        filled = (
            set(msgspec.json.decode(meta["filled_columns"])) if "filled_columns" in meta else None
        )
        self._unknown = tuple(name for name in declared if name not in VIDEO_COLUMNS)
        self._unfilled = tuple(
            name
            for name in VIDEO_COLUMNS
            if declared.get(name) != _SQL_TYPES.get(COLUMN_TYPES[name], "TEXT")
            or (filled is not None and name not in filled)
        )

    def _columns_in_order(self, table: str) -> tuple[str, ...]:
        return tuple(row[1] for row in self._db.execute(f"PRAGMA table_info({table})"))

    def _columns(self, table: str) -> set[str]:
        return set(self._columns_in_order(table))

    def _write_meta(self, meta: dict[str, str], *, writing_rows: bool = False) -> None:
        """Say this version wrote last, and which columns every row holds: its own, and
        those of a later version still filled until this one writes a row."""
        before = msgspec.json.decode(meta["filled_columns"]) if "filled_columns" in meta else None
        filled = [
            name
            for name in self._columns_in_order("videos")
            if name in VIDEO_COLUMNS or (not writing_rows and (before is None or name in before))
        ]
        for key, value in (
            ("written_by", __version__),
            ("schema_version", str(_SCHEMA_VERSION)),
            ("filled_columns", json_text(filled)),
        ):
            self._db.execute(
                f"INSERT OR REPLACE INTO {_META} VALUES (?, ?)",  # noqa: S608
                (key, value),
            )

    def _create_tables(self) -> None:
        # One statement at a time: executescript() would commit an open transaction.
        for statement in _schema().split(";"):
            if statement.strip():
                self._db.execute(statement)

    def _check_columns(self, table: str, expected: tuple[str, ...]) -> None:
        found = self._columns_in_order(table)
        exact = table != "videos"
        if (found != expected) if exact else not set(expected) <= set(found):
            raise StoreError(
                self.path,
                f"not a xingtu store (table {table} has columns "
                f"{', '.join(found[:6]) or 'none'}...)",
            )

    def _rebuild(self, *, keep_unreadable: bool) -> None:
        """Rebuild ``videos`` from each answer as received (``raw_json``), inside the open
        transaction. An answer that cannot be read keeps its stored rows
        (``keep_unreadable``) or, from a version 1 store, is asked again (status
        ``retry``). Columns this version does not know are kept."""
        db = self._db
        old = self._columns_in_order("videos")
        db.execute("DROP INDEX IF EXISTS videos_item_id")
        db.execute("ALTER TABLE videos RENAME TO videos_old")
        self._create_tables()
        types = {row[1]: row[2] for row in db.execute("PRAGMA table_info(videos_old)")}
        for name in self._unknown:
            db.execute(f'ALTER TABLE videos ADD COLUMN "{name}" {types[name]}')
        for author_id, platform, raw in db.execute(
            "SELECT author_id, platform, raw_json FROM fetches "
            "WHERE status = 'ok' AND raw_json IS NOT NULL"
        ).fetchall():
            result = _answer(raw, author_id, platform)
            if result is not None:
                self._insert_videos(result)
            elif not keep_unreadable:
                db.execute(
                    "UPDATE fetches SET status = 'retry' WHERE author_id = ? AND platform = ?",
                    (author_id, platform),
                )
        if keep_unreadable:  # rows of answers not rebuilt, as read (the drift policy)
            names = [*(name for name in VIDEO_COLUMNS if name in old), *self._unknown]
            quoted = ", ".join(f'"{name}"' for name in names)
            marks = ", ".join("?" * len(names))
            insert = f"INSERT INTO videos ({quoted}) VALUES ({marks})"  # noqa: S608 - columns
            for key in db.execute(
                "SELECT author_id, platform FROM videos_old EXCEPT "
                "SELECT author_id, platform FROM videos"
            ).fetchall():
                rows = self._stored_rows(key, table="videos_old", carry=False)
                db.executemany(insert, [tuple(_sql_value(row[n]) for n in names) for row in rows])
        db.execute("DROP TABLE videos_old")
        self._unfilled = ()

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
        self._db.executemany(_INSERT, rows)

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
        self.record_calls(outcomes)

    def record_calls(self, outcomes: Iterable[Outcome | CallOutcome]) -> None:
        """Outcomes that arrived together, in one transaction: recommended videos (an
        :class:`Outcome`, or a :class:`CallOutcome` of that operation) go to ``fetches``
        and ``videos``, every other answer of a batch over operations to ``answers``. A
        failed refresh keeps the earlier success. Raises :class:`StoreError` as
        :meth:`record_many` does."""
        if self.readonly:
            raise StoreError(self.path, "read-only (opened for reading): cannot record")
        self._take_lock()
        with self._guard():
            now = datetime.now(UTC).isoformat(timespec="seconds")
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                if self._unknown and not self._marked:  # those columns stay null in its rows
                    self._write_meta(self._meta(), writing_rows=True)
                for outcome in outcomes:
                    typed = outcome.typed() if isinstance(outcome, CallOutcome) else outcome
                    if typed is not None:
                        self._record(typed, now)
                    else:
                        assert isinstance(outcome, CallOutcome)
                        self._record_answer(outcome, now)
                db.execute("COMMIT")
                self._marked = True
            except BaseException:
                self._rollback()
                raise

    def _record(self, outcome: Outcome, now: str) -> None:
        key = (outcome.author_id, outcome.platform)
        db = self._db
        if outcome.result is not None:
            db.execute("DELETE FROM videos WHERE author_id = ? AND platform = ?", key)
            self._insert_videos(outcome.result)
        elif self._status_of(*key) == "ok":  # a refresh that failed, for any reason:
            return  # the earlier success and its videos stay
        row = _status_row(key, outcome.result, outcome.error, outcome.attempts, now)
        db.execute("INSERT OR REPLACE INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)

    def _record_answer(self, outcome: CallOutcome, now: str) -> None:
        key = (outcome.operation, outcome.id, params_text(outcome.params))
        if outcome.answer is None:
            done = self._db.execute(
                "SELECT 1 FROM answers WHERE operation = ? AND id = ? AND params = ? "
                "AND status = 'ok'",
                key,
            ).fetchone()
            if done is not None:  # a refresh that failed: the earlier answer stays
                return
        row = _status_row(key, outcome.answer, outcome.error, outcome.attempts, now)
        self._db.execute(
            f"INSERT OR REPLACE INTO answers VALUES ({', '.join('?' * len(ANSWER_COLUMNS))})",  # noqa: S608
            row,
        )

    def answered(self, operation: str, params: Iterable[Mapping[str, str]]) -> set[str]:
        """The params (as :func:`params_text`) of ``operation`` already done: stored
        ``ok`` or ``failed`` (``retry`` is asked again)."""
        wanted = {params_text(p) for p in params}
        if "answers" not in self._tables():
            return set()
        with self._guard():
            cursor = self._db.execute(
                "SELECT params FROM answers WHERE operation = ? AND status IN ('ok', 'failed')",
                (operation,),
            )
            return {row[0] for row in cursor if row[0] in wanted}

    def answer_counts(self) -> dict[str, dict[str, int]]:
        """Answer rows by operation, then by status."""
        counts: dict[str, dict[str, int]] = {}
        if "answers" not in self._tables():
            return counts
        with self._guard():
            for operation, status, count in self._db.execute(
                "SELECT operation, status, COUNT(*) FROM answers GROUP BY 1, 2"
            ):
                counts.setdefault(operation, dict.fromkeys(STATUSES, 0))[status] = count
        return counts

    def answer_rows(self, operation: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored answers (of one operation, when given) in order: ``operation``, ``id``,
        ``params`` (a dict), ``status``, ``code``, ``message``, ``request_id``,
        ``fetched_at``, ``attempts`` and ``data`` (the answer's data, as received)."""
        if "answers" not in self._tables():
            return
        where = "" if operation is None else "WHERE operation = ? "
        with self._guard():
            cursor = self._db.execute(
                f"SELECT {', '.join(ANSWER_COLUMNS)} FROM answers {where}"  # noqa: S608
                "ORDER BY operation, id, params",
                () if operation is None else (operation,),
            )
            for values in cursor:
                row = dict(zip(ANSWER_COLUMNS, values, strict=True))
                row["params"] = msgspec.json.decode(row["params"])
                raw = row.pop("raw_json")
                envelope = msgspec.json.decode(raw) if raw is not None else None
                row["data"] = envelope.get("data") if isinstance(envelope, dict) else None
                yield row

    def _tables(self) -> set[str]:
        with self._guard():
            return {
                row[0]
                for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }

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
            return sum(len(msgspec.json.decode(text)) for (text,) in cursor)

    def video_rows(self) -> Iterator[dict[str, Any]]:
        """Every stored video as a row of :data:`VIDEO_COLUMNS` (typed like the row model:
        ``is_hot`` a bool, ``head_image_uris`` a list, ``item_id`` text), in order.

        From a store an earlier version wrote and nobody upgraded yet (a read-only open),
        the rows are made from the answers as received, as the upgrade would make them.
        From a store a later version wrote, the values of the columns this version does
        not know are in ``extra``."""
        with self._guard():
            if not self._unfilled:
                yield from self._stored_rows()
                return
            keys = self._db.execute(
                "SELECT author_id, platform FROM fetches WHERE status = 'ok' "
                "UNION SELECT author_id, platform FROM videos ORDER BY 1, 2"
            ).fetchall()
            for author_id, platform in keys:
                found = self._db.execute(
                    "SELECT raw_json FROM fetches WHERE author_id = ? AND platform = ? "
                    "AND status = 'ok' AND raw_json IS NOT NULL",
                    (author_id, platform),
                ).fetchone()
                result = None if found is None else _answer(found[0], author_id, platform)
                if result is not None:
                    yield from result_rows(result)
                else:  # an answer that cannot be read: its rows as stored
                    yield from self._stored_rows((author_id, platform))

    def _stored_rows(
        self, key: tuple[str, str] | None = None, *, table: str = "videos", carry: bool = True
    ) -> Iterator[dict[str, Any]]:
        """Rows as stored in ``table`` (of one author when ``key``); the values of columns
        this version does not know go to ``extra`` (``carry``) or under their names."""
        present = self._columns(table)
        known = [name for name in VIDEO_COLUMNS if name in present]
        unknown = self._unknown
        selected = ", ".join(f'"{name}"' for name in (*known, *unknown))
        bools = [name for name, kind in COLUMN_TYPES.items() if kind == "bool"]
        lists = [name for name, kind in COLUMN_TYPES.items() if kind == "list[str]"]
        where = "" if key is None else "WHERE author_id = ? AND platform = ? "
        cursor = self._db.execute(
            f"SELECT {selected} FROM {table} {where}"  # noqa: S608 - column names of the table
            "ORDER BY author_id, platform, category, position",
            () if key is None else key,
        )
        for values in cursor:
            row: dict[str, Any] = dict.fromkeys(VIDEO_COLUMNS)
            row.update(zip(known, values, strict=False))
            drift = {  # declared with another type by another version: the drift policy
                name: row[name]
                for name in self._unfilled
                if row[name] is not None and not _fits(COLUMN_TYPES[name], row[name])
            }
            if drift:
                row.update(dict.fromkeys(drift))
                before = msgspec.json.decode(row["drift"]) if row["drift"] else {}
                row["drift"] = json_text({**before, **drift})
            for name in bools:
                if row[name] is not None:
                    row[name] = bool(row[name])
            for name in lists:
                if row[name] is not None:
                    row[name] = msgspec.json.decode(row[name])
            carried = {
                name: value
                for name, value in zip(unknown, values[len(known) :], strict=True)
                if value is not None
            }
            if not carry:
                row.update(dict.fromkeys(unknown), **carried)
            elif carried:  # fields this version does not know: where it keeps such fields
                extra = msgspec.json.decode(row["extra"]) if row["extra"] else {}
                row["extra"] = json_text({**extra, **carried})
            yield row

    def close(self) -> None:
        try:
            with self._guard():
                self._db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

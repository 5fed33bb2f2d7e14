"""A resumable SQLite store of batch outcomes (stdlib ``sqlite3``, WAL mode).

Two tables::

    fetches  one row per (author_id, platform): status, code, message, request_id,
             fetched_at, raw_json (the answer as received, on success), attempts
    videos   one row per video: author_id, platform, category, position, item_id (TEXT),
             then every field of Video.FIELDS, and extra_json (fields the spec lacks)

Each answer is written in one transaction that replaces the author's fetch row and all
of its videos, so a process killed at any moment (SIGKILL included) leaves every author
either whole or absent, never half-written or duplicated.

``status`` is ``ok``, ``failed`` (final: asking again cannot help, e.g. code 400) or
``retry`` (transient, or rate limited to the end: the next run asks again).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self

import orjson

from ..errors import JustOneAPIError, ProtocolError
from ..models import CATEGORIES, Outcome, Video
from .export import COLUMNS

__all__ = ["STATUSES", "VIDEO_COLUMNS", "ResultStore"]

STATUSES: Final = ("ok", "failed", "retry")
_SQL_TYPES: Final = {"int": "INTEGER", "float": "REAL", "str": "TEXT", "bool": "INTEGER"}
_FIELDS: Final = tuple(name for name in Video.FIELDS if name != "item_id")
VIDEO_COLUMNS: Final[tuple[str, ...]] = COLUMNS
"""The columns of ``videos`` an export gives, in order (``extra_json`` aside)."""
_SCHEMA_VERSION: Final = 1


def _schema() -> str:
    fields = ",\n  ".join(
        f"{name} {_SQL_TYPES.get(Video.FIELD_TYPES[name], 'TEXT')}" for name in _FIELDS
    )
    categories = ", ".join(f"'{c}'" for c in CATEGORIES)
    return f"""
CREATE TABLE IF NOT EXISTS fetches (
  author_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'retry')),
  code INTEGER,
  message TEXT,
  request_id TEXT,
  fetched_at TEXT NOT NULL,
  raw_json TEXT,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (author_id, platform)
);
CREATE TABLE IF NOT EXISTS videos (
  author_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ({categories})),
  position INTEGER NOT NULL,
  item_id TEXT,
  {fields},
  extra_json TEXT,
  PRIMARY KEY (author_id, platform, category, position)
);
CREATE INDEX IF NOT EXISTS videos_item_id ON videos (item_id);
"""


def _cell(video: Video, name: str) -> Any:
    try:
        value = getattr(video, name)
    except ProtocolError:  # a drifted value: keep what was sent, as text
        raw = video.raw.get(name)
        return raw if isinstance(raw, str) else orjson.dumps(raw).decode()
    if isinstance(value, list):
        return orjson.dumps(value).decode()
    if isinstance(value, bool):
        return int(value)
    return value


def _status(error: JustOneAPIError) -> str:
    return "retry" if error.retryable else "failed"


class ResultStore:
    """Batch outcomes in a SQLite file; safe to kill at any moment, resumable.

    Example::

        with ResultStore("results.sqlite") as store:
            todo = store.todo(ids, "SHORT_VIDEO")
            for outcome in client.author_rec_videos_many(todo):
                store.record(outcome)
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across a crash
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, _SCHEMA_VERSION):
            self._db.close()
            raise ValueError(
                f"{self.path}: store schema version {version}, this version reads "
                f"{_SCHEMA_VERSION}; use a new --db file"
            )
        self._db.executescript(_schema())
        self._db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")

    # -- writing -----------------------------------------------------------------------

    def record(self, outcome: Outcome) -> None:
        """Replace the author's fetch row (and, on success, videos) in one transaction."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        key = (outcome.author_id, outcome.platform)
        db = self._db
        fetch: tuple[object, ...]
        db.execute("BEGIN IMMEDIATE")
        try:
            if outcome.result is not None:
                result = outcome.result
                db.execute("DELETE FROM videos WHERE author_id = ? AND platform = ?", key)
                rows = [
                    (
                        *key,
                        category,
                        position,
                        _cell(video, "item_id"),
                        *(_cell(video, name) for name in _FIELDS),
                        orjson.dumps(video.extra).decode() if video.extra else None,
                    )
                    for category in CATEGORIES
                    for position, video in enumerate(result.videos(category))
                ]
                marks = ", ".join("?" * (len(VIDEO_COLUMNS) + 1))
                db.executemany(f"INSERT INTO videos VALUES ({marks})", rows)  # noqa: S608
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
                    _status(error),
                    code if isinstance(code, int) else None,
                    str(error),
                    error.request_id,
                    now,
                    None,
                    outcome.attempts,
                )
                if self._status_of(*key) == "ok":  # a refresh that failed, for any reason:
                    db.execute("COMMIT")  # the earlier success and its videos stay
                    return
            db.execute("INSERT OR REPLACE INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", fetch)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

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
        done = {
            row[0]
            for row in self._db.execute(
                "SELECT author_id FROM fetches WHERE platform = ? AND status IN ('ok', 'failed')",
                (platform,),
            )
        }
        return [author_id for author_id in ids if author_id not in done]

    def counts(self) -> dict[str, int]:
        """Fetch rows by status (every status present, 0 when none)."""
        counts = dict.fromkeys(STATUSES, 0)
        for status, count in self._db.execute(
            "SELECT status, COUNT(*) FROM fetches GROUP BY status"
        ):
            counts[status] = count
        return counts

    def video_count(self) -> int:
        count: int = self._db.execute("SELECT COUNT(*) FROM videos").fetchone()[0]
        return count

    def video_rows(self) -> Iterator[dict[str, Any]]:
        """Every stored video as a dict of :data:`VIDEO_COLUMNS` (typed like the video:
        ``is_hot`` a bool, ``head_image_uris`` a list, ``item_id`` text), in order."""
        columns = ", ".join(VIDEO_COLUMNS)
        cursor = self._db.execute(
            f"SELECT {columns} FROM videos "  # noqa: S608 - fixed column names
            "ORDER BY author_id, platform, category, position"
        )
        kinds = Video.FIELD_TYPES
        for values in cursor:
            row = dict(zip(VIDEO_COLUMNS, values, strict=True))
            for name in _FIELDS:
                value = row[name]
                if value is None:
                    continue
                if kinds[name] == "bool" and isinstance(value, int):
                    row[name] = bool(value)
                elif kinds[name] == "list[str]" and isinstance(value, str):
                    row[name] = orjson.loads(value)
            yield row

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

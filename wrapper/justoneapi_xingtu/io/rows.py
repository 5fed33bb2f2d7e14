"""The one row model: a video as a flat row, with one column list for every output.

``xingtu rec-videos --format csv|jsonl``, the store's ``videos`` table and every export
(CSV, JSON lines, Parquet, pandas) use :func:`video_row` and :data:`COLUMNS`, so they
hold the same columns in the same order:

    author_id, platform, category, position,
    item_id, then every other field of Video.FIELDS (the spec's RecVideo, in its order),
    extra   fields the spec does not declare, as JSON text (null when none)
    drift   declared fields whose value cannot be the declared type: JSON text mapping
            each such field to its value exactly as received (null when none)

**The drift policy.** A value that cannot be its declared type (``play: "oops"``,
``18446744073709551615``, ``"²"``, a 5,000-digit string) never aborts a row, an export or
a batch: the field is null in the row and the raw value is kept in ``drift``, so nothing
received is lost and no typed column (SQLite, Parquet, pandas) ever holds a value of the
wrong type or out of the 64-bit range. Summaries count drifted values. Reading the field
on the :class:`~justoneapi_xingtu.models.Video` itself still raises
:class:`~justoneapi_xingtu.errors.ProtocolError` naming the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import orjson

from ..errors import ProtocolError
from ..models import CATEGORIES, AuthorRecVideos, Outcome, Video

__all__ = [
    "COLUMNS",
    "COLUMN_TYPES",
    "FIELD_COLUMNS",
    "KEY_COLUMNS",
    "Tally",
    "json_text",
    "result_rows",
    "results",
    "video_row",
]

KEY_COLUMNS: Final[tuple[str, ...]] = ("author_id", "platform", "category", "position")
"""Where a video was found: one author's answer, one list, one position in it."""
FIELD_COLUMNS: Final[tuple[str, ...]] = (
    "item_id",
    *(name for name in Video.FIELDS if name != "item_id"),
)
"""Every declared video field, ``item_id`` (the video's id, always text) first."""
COLUMNS: Final[tuple[str, ...]] = (*KEY_COLUMNS, *FIELD_COLUMNS, "extra", "drift")
"""The columns of every output, in order."""
COLUMN_TYPES: Final[Mapping[str, str]] = {
    "author_id": "str",
    "platform": "str",
    "category": "str",
    "position": "int",
    **{name: Video.FIELD_TYPES[name] for name in FIELD_COLUMNS},
    "extra": "str",
    "drift": "str",
}
"""Each column's type: ``"int"``, ``"float"``, ``"str"``, ``"bool"`` or ``"list[str]"``."""


def _plain(value: Any) -> Any:
    """``value`` with integers past Python's int-to-text limit (4,300 digits) replaced."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            str(value)
        except ValueError:
            return f"<integer of {value.bit_length()} bits>"
    return value


def json_text(value: Any) -> str:
    """Compact JSON text of a decoded value, for the ``extra`` and ``drift`` columns.

    Exact for anything decoded from JSON; never raises for a number out of range.
    """
    try:
        return orjson.dumps(value, default=repr).decode()
    except orjson.JSONEncodeError:  # an integer past 64 bits: only from hand-built data
        pass
    options: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":"), "default": repr}
    try:
        return json.dumps(value, **options)
    except ValueError:
        return json.dumps(_plain(value), **options)


def video_row(
    author_id: str, platform: str, category: str, position: int, video: Video
) -> dict[str, Any]:
    """One video as a row of :data:`COLUMNS` (the drift policy above)."""
    row: dict[str, Any] = {
        "author_id": author_id,
        "platform": platform,
        "category": category,
        "position": position,
    }
    drift: dict[str, Any] = {}
    for name in FIELD_COLUMNS:
        try:
            row[name] = getattr(video, name)
        except ProtocolError:
            row[name] = None
            drift[name] = video.raw.get(name)
    extra = video.extra
    row["extra"] = json_text(extra) if extra else None
    row["drift"] = json_text(drift) if drift else None
    return row


def result_rows(result: AuthorRecVideos) -> Iterator[dict[str, Any]]:
    """The rows of one answer: every list in :data:`CATEGORIES` order, by position."""
    for category in CATEGORIES:
        for position, video in enumerate(result.videos(category)):
            yield video_row(result.author_id, result.platform, category, position, video)


def results(items: Iterable[AuthorRecVideos | Outcome]) -> Iterator[AuthorRecVideos]:
    """The answers among results and outcomes (outcomes without a result are skipped)."""
    for item in items:
        if isinstance(item, Outcome):
            if item.result is not None:
                yield item.result
        else:
            yield item


def drifted(row: Mapping[str, Any]) -> int:
    """How many values of a row drifted (entries of its ``drift`` column)."""
    drift = row.get("drift")
    if not drift:
        return 0
    decoded = orjson.loads(drift) if isinstance(drift, str) else drift
    return len(decoded) if isinstance(decoded, dict) else 1


class Counted:
    """Counts rows as they pass: ``for row in counted.track(rows)``."""

    def __init__(self) -> None:
        self.rows = 0

    def track(self, rows: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
        for row in rows:
            self.rows += 1
            yield row


class Tally:
    """Counts rows and drifted values as they pass: ``for row in tally.track(rows)``."""

    def __init__(self) -> None:
        self.rows = 0
        self.drifted = 0

    def track(self, rows: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
        for row in rows:
            self.rows += 1
            self.drifted += drifted(row)
            yield row

    def summary(self) -> str:
        """``"150 videos"``, or ``"150 videos, 2 drifted values (see the drift column)"``."""
        text = f"{self.rows} videos"
        if self.drifted:
            text += f", {self.drifted} drifted value(s) kept as received in the drift column"
        return text

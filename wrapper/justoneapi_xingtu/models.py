"""Typed, lazy views over the decoded answer.

A :class:`Video` keeps the record exactly as received and converts a field only when it
is read, so a call that returns 800 videos costs little more than decoding the JSON.
Reading is tolerant where that is lossless (a missing field reads as ``None``; ``"12"``
reads as ``12`` for an integer field) and loud where it is not: a value that cannot be
the declared type raises :class:`~justoneapi_xingtu.errors.ProtocolError` naming the
field, never a silently wrong number. Fields the spec does not know yet are kept in
:attr:`Video.raw` and :attr:`Video.extra`.

The declared fields are ``RecVideo``'s in ``openapi/xingtu.json``: ``make generate``
writes them into ``_spec_data`` (names and types), and :class:`Video` installs one typed
attribute per field from that table, so a field added to the spec needs no edit here.

This module also holds what a batch produces: :class:`Outcome` and :class:`BatchStats`.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from ._spec import VIDEO_FIELDS, rec_video_model
from ._spec_data import RecVideoFields
from .errors import JustOneAPIError, ProtocolError

if TYPE_CHECKING:
    import pandas

    from ._spec import RecVideo

__all__ = ["CATEGORIES", "AuthorRecVideos", "BatchStats", "Category", "Outcome", "Video"]

T = TypeVar("T")

Category = Literal["masterpiece", "newest", "order_hot", "personal_hot"]
CATEGORIES: tuple[Category, ...] = ("masterpiece", "newest", "order_hot", "personal_hot")


def _bad(name: str, value: object, expected: str) -> ProtocolError:
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return ProtocolError(
        f"video field {name!r} is {shown} ({type(value).__name__}), expected {expected}"
    )


_INT64 = 2**63


def _to_int(name: str, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        if -_INT64 <= value < _INT64:
            return value
        raise _bad(name, value, "an integer within 64 bits")
    if isinstance(value, str):
        digits = value.strip()
        body = digits[1:] if digits[:1] == "-" else digits
        if body.isascii() and body.isdigit() and len(body) <= 19:
            number = int(digits)
            if -_INT64 <= number < _INT64:
                return number
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return int(value)  # exact: a double holds every integer up to 2**53
    raise _bad(name, value, "an integer")


def _to_float(name: str, value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and value.isascii() and len(value) <= 64:
        try:
            number = float(value)
        except ValueError:
            pass
        else:
            if math.isfinite(number):
                return number
    raise _bad(name, value, "a number")


def _to_str(name: str, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # an integer is exact: its digits are the string the spec promises
    raise _bad(name, value, "a string")


def _to_bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    raise _bad(name, value, "a boolean")


def _to_str_list(name: str, value: object) -> list[str]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise _bad(name, value, "a list of strings")


class _Field(Generic[T]):
    """A typed attribute of :class:`Video`, read from the raw record on access."""

    __slots__ = ("convert", "name")

    def __init__(self, convert: Callable[[str, object], T]) -> None:
        self.convert = convert
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> _Field[T]: ...
    @overload
    def __get__(self, obj: Video, owner: type) -> T | None: ...
    def __get__(self, obj: Video | None, owner: type) -> _Field[T] | T | None:
        if obj is None:
            return self
        value = obj._raw.get(self.name)
        return None if value is None else self.convert(self.name, value)


def _int() -> _Field[int]:
    return _Field(_to_int)


def _str() -> _Field[str]:
    return _Field(_to_str)


class Video(RecVideoFields):
    """One recommended video. Every field of the spec's ``RecVideo`` reads as its declared
    type (``play: int``, ``favorite: str``, ``is_hot: bool``...) or ``None``."""

    __slots__ = ("_raw",)

    FIELDS: tuple[str, ...]
    """The declared field names, in the spec's order."""
    FIELD_TYPES: Mapping[str, str]
    """Each declared field's type: ``"int"``, ``"float"``, ``"str"``, ``"bool"`` or
    ``"list[str]"`` (what a store or a dataframe column should hold)."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self._raw = raw

    @property
    def raw(self) -> Mapping[str, Any]:
        """The record exactly as decoded, unknown fields included."""
        return self._raw

    @property
    def extra(self) -> dict[str, Any]:
        """Fields the spec does not declare (yet)."""
        return {k: v for k, v in self._raw.items() if k not in _FIELD_SET}

    def to_dict(self) -> dict[str, Any]:
        """Every declared field, converted (``None`` when missing), then the extra ones."""
        out: dict[str, Any] = {name: getattr(self, name) for name in self.FIELDS}
        out.update(self.extra)
        return out

    def to_model(self) -> RecVideo:
        """The strict generated model (raises if a required field is missing)."""
        return rec_video_model().from_dict(dict(self._raw))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Video) and other._raw == self._raw

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Video(item_id={self._raw.get('item_id')!r}, play={self._raw.get('play')!r}, "
            f"create_time={self._raw.get('create_time')!r})"
        )


_CONVERTERS: dict[str, Callable[[str, object], object]] = {
    "int": _to_int,
    "float": _to_float,
    "str": _to_str,
    "bool": _to_bool,
    "list[str]": _to_str_list,
}
for _name, _kind in VIDEO_FIELDS:
    _descriptor: _Field[Any] = _Field(_CONVERTERS[_kind])
    _descriptor.__set_name__(Video, _name)
    setattr(Video, _name, _descriptor)
Video.FIELDS = tuple(name for name, _ in VIDEO_FIELDS)
Video.FIELD_TYPES = dict(VIDEO_FIELDS)
_FIELD_SET = frozenset(Video.FIELDS)


def _videos(data: Mapping[str, Any], key: str) -> list[Video]:
    items = data.get(key)
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ProtocolError(f"data.{key} is not a list of video objects")
    return [Video(item) for item in items]


class AuthorRecVideos:
    """A successful answer: four lists of :class:`Video` and the envelope's metadata."""

    __slots__ = (
        "attempts",
        "author_id",
        "masterpiece_videos",
        "newest_videos",
        "order_hot_videos",
        "personal_hot_videos",
        "platform",
        "raw",
    )

    def __init__(self, raw: Mapping[str, Any], *, author_id: str = "", platform: str = ""):
        data = raw.get("data")
        if not isinstance(data, dict):
            raise ProtocolError("a successful answer (code 0) came without a data object")
        self.raw = raw
        """The decoded JSON exactly as received."""
        self.author_id = author_id
        self.platform = platform
        self.attempts = 1
        """How many requests this answer took (1 + retries)."""
        self.masterpiece_videos = _videos(data, "masterpiece_videos")
        self.newest_videos = _videos(data, "newest_videos")
        self.order_hot_videos = _videos(data, "order_hot_videos")
        self.personal_hot_videos = _videos(data, "personal_hot_videos")

    @property
    def request_id(self) -> str | None:
        value = self.raw.get("requestId")
        return value if isinstance(value, str) else None

    @property
    def record_time(self) -> str | None:
        value = self.raw.get("recordTime")
        return value if isinstance(value, str) else None

    @property
    def message(self) -> str | None:
        value = self.raw.get("message")
        return value if isinstance(value, str) else None

    @property
    def base_resp(self) -> Mapping[str, Any]:
        value = self.raw["data"].get("base_resp")
        return value if isinstance(value, dict) else {}

    def videos(self, category: Category) -> list[Video]:
        """The list for one category: masterpiece, newest, order_hot or personal_hot."""
        if category not in CATEGORIES:
            raise ValueError(f"category: expected one of {', '.join(CATEGORIES)}, got {category!r}")
        result: list[Video] = getattr(self, f"{category}_videos")
        return result

    def __iter__(self) -> Iterator[tuple[Category, Video]]:
        """Every video with its category, list by list."""
        for category in CATEGORIES:
            for video in self.videos(category):
                yield category, video

    def __len__(self) -> int:
        return sum(len(self.videos(c)) for c in CATEGORIES)

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per video: author_id, platform, category, position, then every field.

        Needs the ``pandas`` extra (``pip install 'justoneapi-xingtu[pandas]'``); pandas
        is imported here, never by ``import justoneapi_xingtu``. ``item_id`` stays text.
        """
        from .io.export import to_dataframe

        return to_dataframe([self])

    def __repr__(self) -> str:
        counts = ", ".join(f"{c}={len(self.videos(c))}" for c in CATEGORIES)
        return (
            f"AuthorRecVideos(author_id={self.author_id!r}, {counts}, "
            f"request_id={self.request_id!r})"
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """One author's result: ``result`` on success, else ``error``; never both."""

    author_id: str
    platform: str
    result: AuthorRecVideos | None = None
    error: JustOneAPIError | None = None
    attempts: int = 1
    """Requests sent for this author (retries and rate-limited calls included)."""

    @property
    def ok(self) -> bool:
        return self.error is None and self.result is not None

    def __repr__(self) -> str:
        what = repr(self.result) if self.ok else repr(self.error)
        return f"Outcome({self.author_id!r}, {self.platform}, attempts={self.attempts}, {what})"


@dataclass
class BatchStats:
    """Live counters of a batch (read them while it runs, e.g. for a progress bar)."""

    total: int
    succeeded: int = 0
    failed: int = 0
    calls: int = 0
    """Requests sent."""
    retried: int = 0
    """Requests that repeated an author's earlier one (after a failure or a rate limit)."""
    rate_limited: int = 0
    """Answers that were rate limits (302 or HTTP 429)."""
    in_flight: int = 0
    concurrency: int = 0
    """The controller's current window."""
    pacing: float | None = None
    """The controller's current pacing, calls per second (``None``: not paced)."""
    errors: Counter[str] = field(default_factory=Counter)
    """Final failures by kind: ``"code 400"``, ``"TransportError"``..."""
    started_at: float = field(default_factory=time.monotonic)
    finished_at: float | None = None

    @property
    def done(self) -> int:
        return self.succeeded + self.failed

    @property
    def elapsed(self) -> float:
        end = self.finished_at if self.finished_at is not None else time.monotonic()
        return max(0.0, end - self.started_at)

    @property
    def throughput(self) -> float:
        """Authors finished per second so far."""
        elapsed = self.elapsed
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current throughput, if it can be told."""
        rate = self.throughput
        if self.done == 0 or rate <= 0:
            return None
        return (self.total - self.done) / rate

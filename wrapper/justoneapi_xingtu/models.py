"""Typed views over the decoded answer.

A :class:`Video` holds every field of the spec's ``RecVideo`` already converted, so
reading ``video.play`` is a plain attribute read (as cheap as ``record["play"]``) and
``to_dict()`` one C-level copy. An answer whose every video is already exactly typed
(the usual case) is decoded straight into videos by msgspec, without building a dict per
record first; any other answer takes the tolerant path, with the same results:

* a missing field (or ``null``) reads as ``None``;
* lossless conversions are made (``"12"`` reads as ``12`` for an integer field, ``0``/``1``
  as a boolean, an integer as a float or a string where that field wants one);
* a value that cannot be its declared type (an integer past 64 bits, ``"١٢"``,
  ``"lots"``...) reads as ``None``, never as a silently wrong number, and is kept as
  received in :attr:`Video.drift` (field -> value): the drift policy, the same as the
  rows' ``drift`` column (:mod:`.io.rows`);
* :meth:`Video.checked` is the strict reading: it raises
  :class:`~justoneapi_xingtu.errors.ProtocolError` naming the field when a value drifted;
* fields the spec does not know yet are kept in :attr:`Video.extra` and :attr:`Video.raw`.

The record as received (:attr:`Video.raw`, :attr:`AuthorRecVideos.raw`) is decoded from
the answer's bytes the first time it is asked for.

The declared fields are ``RecVideo``'s in ``openapi/xingtu.json``: ``make generate``
writes them into ``_spec_data`` (names and types), and :class:`Video` takes its fields
from that table, so a field added to the spec needs no edit here.

This module also holds what a batch produces: :class:`Outcome` (a :class:`Success` or a
:class:`Failure`) and :class:`BatchStats`.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

import msgspec

from ._spec import VIDEO_FIELDS, rec_video_model
from ._spec_data import RecVideoFields
from .errors import JustOneAPIError, ProtocolError

if TYPE_CHECKING:
    import pandas

    from ._spec import RecVideo

__all__ = [
    "CATEGORIES",
    "Answer",
    "AuthorRecVideos",
    "BatchStats",
    "CallOutcome",
    "Category",
    "Outcome",
    "Video",
]

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
        try:
            return float(value)
        except OverflowError:  # an integer past a double's range
            raise _bad(name, value, "a number within a double's range") from None
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


_CONVERTERS = {
    "int": _to_int,
    "float": _to_float,
    "str": _to_str,
    "bool": _to_bool,
    "list[str]": _to_str_list,
}
# What msgspec accepts without any conversion of its own (strict mode): exactly the values
# the tolerant converters above return unchanged. Anything else goes through them.
_STRICT_TYPES: dict[str, Any] = {
    "int": Annotated[int, msgspec.Meta(ge=-_INT64, le=_INT64 - 1)] | None,
    "float": float | None,  # an integer too: float(value), as _to_float does
    "str": str | None,
    "bool": bool | None,
    "list[str]": list[str] | None,
}
_FIELD_SET = frozenset(name for name, _ in VIDEO_FIELDS)


class _VideoMeta(msgspec.StructMeta):
    def __call__(cls, raw: Mapping[str, Any], /) -> Any:
        """``Video(raw)``: the view of one record as decoded (a mapping)."""
        return Video._from_raw(raw)


class Video(
    msgspec.Struct,
    RecVideoFields,
    metaclass=_VideoMeta,
    frozen=True,
    dict=True,
    forbid_unknown_fields=True,
):
    """One recommended video. Every field of the spec's ``RecVideo`` reads as its declared
    type (``play: int``, ``favorite: str``, ``is_hot: bool``...) or ``None`` (missing, or
    a value that cannot be its type: see :attr:`drift` and :meth:`checked`).

    ``Video(record)`` makes one from a decoded record (a mapping).
    """

    __annotations__ = {name: _STRICT_TYPES[kind] for name, kind in VIDEO_FIELDS}
    locals().update(dict.fromkeys(__annotations__))  # every field defaults to None

    FIELDS: ClassVar[tuple[str, ...]]
    """The declared field names, in the spec's order."""
    FIELD_TYPES: ClassVar[Mapping[str, str]]
    """Each declared field's type: ``"int"``, ``"float"``, ``"str"``, ``"bool"`` or
    ``"list[str]"`` (what a store or a dataframe column should hold)."""

    @classmethod
    def _from_raw(cls, raw: Mapping[str, Any]) -> Video:
        try:
            video = msgspec.convert(raw, cls)  # C speed when every value is exactly typed
        except msgspec.ValidationError:
            video = cls._tolerant(raw)
        else:
            video.__dict__["_raw"] = raw
        return video

    @classmethod
    def _tolerant(cls, raw: Mapping[str, Any]) -> Video:
        """Field by field: lossless conversions made; a value that cannot be its type is
        a ``None`` slot, kept in ``drift`` (no ``__getattr__``: one would make every
        attribute read of the class about three times slower)."""
        if not isinstance(raw, Mapping):
            raise TypeError(f"Video: expected a mapping, got {type(raw).__name__}")
        values: dict[str, Any] = {}
        drift: dict[str, Any] = {}
        for name, kind in VIDEO_FIELDS:
            value = raw.get(name)
            if value is None:
                continue
            try:
                values[name] = _CONVERTERS[kind](name, value)
            except ProtocolError:
                drift[name] = value
        video = msgspec.convert(values, cls)  # each value now exactly its type
        video.__dict__.update(_raw=raw, _drift=drift)
        return video

    @property
    def raw(self) -> Mapping[str, Any]:
        """The record exactly as decoded, unknown fields included."""
        state = self.__dict__
        raw: Mapping[str, Any] | None = state.get("_raw")
        if raw is None:
            source = state.get("_src")
            if source is None:  # made by msgspec itself (msgspec.structs.replace, say)
                return {k: v for k, v in msgspec.structs.asdict(self).items() if v is not None}
            answer, key, index = source  # decoded straight from the answer: find it there
            raw = state["_raw"] = answer.value["data"][key][index]
        return raw

    @property
    def extra(self) -> dict[str, Any]:
        """Fields the spec does not declare (yet)."""
        if "_drift" not in self.__dict__:
            return {}  # typed without conversion: no field outside the spec was there
        return {k: v for k, v in self.raw.items() if k not in _FIELD_SET}

    @property
    def drift(self) -> dict[str, Any]:
        """Declared fields whose value cannot be their type (they read as ``None``),
        each with its value as received: what the rows' ``drift`` column holds."""
        return dict(self.__dict__.get("_drift", ()))

    def checked(self, *fields: str) -> Video:
        """The strict reading: this video, or :class:`~justoneapi_xingtu.errors.ProtocolError`
        naming the first of ``fields`` (by default every declared field) whose value
        drifted. ``video.checked("play").play`` is an int or ``None`` (missing), or raises."""
        for name in fields:
            if name not in _FIELD_SET:
                raise ValueError(f"checked: {name!r} is not a field of Video")
        drift = self.__dict__.get("_drift")
        if drift:
            for name in fields or self.FIELDS:
                if name in drift:
                    _CONVERTERS[self.FIELD_TYPES[name]](name, drift[name])  # raises
        return self

    def to_dict(self) -> dict[str, Any]:
        """Every declared field, converted (``None`` when missing or drifted), then the
        extra ones."""
        out = msgspec.structs.asdict(self)
        if "_drift" in self.__dict__:
            out.update(self.extra)
        return out

    def to_model(self) -> RecVideo:
        """The strict generated model (raises if a required field is missing)."""
        return rec_video_model().from_dict(dict(self.raw))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Video) and other.raw == self.raw

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Video, (dict(self.raw),))

    def __copy__(self) -> Video:
        return self  # immutable, like a tuple

    def __repr__(self) -> str:
        raw = self.raw
        return (
            f"Video(item_id={raw.get('item_id')!r}, play={raw.get('play')!r}, "
            f"create_time={raw.get('create_time')!r})"
        )


Video.FIELDS = tuple(name for name, _ in VIDEO_FIELDS)
Video.FIELD_TYPES = dict(VIDEO_FIELDS)


def _videos(data: Mapping[str, Any], key: str) -> list[Video]:
    items = data.get(key)
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ProtocolError(f"data.{key} is not a list of video objects")
    return [Video._from_raw(item) for item in items]


_LIST_KEYS = tuple(f"{c}_videos" for c in CATEGORIES)


def mask_shown_fields(document: Any, mask: Callable[[str], str]) -> None:
    """Apply ``mask`` in place to the envelope fields that are shown and stored
    (``message``, ``requestId``), where ``document`` is an object holding them as text."""
    if isinstance(document, dict):
        for name in ("message", "requestId"):
            if isinstance(document.get(name), str):
                document[name] = mask(document[name])


class _LazyJSON:
    """An answer's JSON, decoded the first time it is asked for (shared by the result
    and its videos, which hold no reference to the result itself)."""

    __slots__ = ("_body", "_mask", "_value")

    def __init__(self, body: bytes, mask: Callable[[str], str]) -> None:
        self._body = body
        self._mask = mask
        self._value: Any = None

    @property
    def value(self) -> Any:
        if self._value is None:
            try:
                value = msgspec.json.decode(self._body)
            except RecursionError:  # read once already, typed, higher up the stack
                raise ProtocolError("the answer's JSON nests too deeply to read") from None
            mask_shown_fields(value, self._mask)  # as the typed envelope shows them
            self._value, self._body = value, b""
        return self._value


class _Data(msgspec.Struct):
    masterpiece_videos: list[Video] | None = None
    newest_videos: list[Video] | None = None
    order_hot_videos: list[Video] | None = None
    personal_hot_videos: list[Video] | None = None


class _Success(msgspec.Struct):
    """A code-0 envelope whose every video is exactly typed: the fast path."""

    code: Literal[0]
    data: _Data
    message: str | None = None
    recordTime: str | None = None
    requestId: str | None = None


_decode_success = msgspec.json.Decoder(_Success).decode


def _same(text: str) -> str:
    return text


def decode_success(
    body: bytes,
    *,
    author_id: str = "",
    platform: str = "",
    mask: Callable[[str], str] = _same,
) -> AuthorRecVideos | None:
    """The result of a code-0 answer decoded straight into typed videos, or ``None``
    when the answer needs the general path (any other code, or a value to convert).

    ``mask`` is applied to the fields shown and stored (``message``, ``requestId``), in
    the typed result and in its raw JSON alike, as the general path does."""
    try:
        envelope = _decode_success(body)
    except (msgspec.DecodeError, RecursionError):  # ValidationError included; too deep
        return None
    if envelope.message is not None:
        envelope.message = mask(envelope.message)
    if envelope.requestId is not None:
        envelope.requestId = mask(envelope.requestId)
    return AuthorRecVideos._typed(envelope, body, author_id, platform, mask)


class AuthorRecVideos:
    """A successful answer: four lists of :class:`Video` and the envelope's metadata."""

    __slots__ = (
        "_envelope",
        "_json",
        "_raw",
        "attempts",
        "author_id",
        "masterpiece_videos",
        "newest_videos",
        "order_hot_videos",
        "personal_hot_videos",
        "platform",
    )

    def __init__(self, raw: Mapping[str, Any], *, author_id: str = "", platform: str = ""):
        data = raw.get("data")
        if not isinstance(data, dict):
            raise ProtocolError("a successful answer (code 0) came without a data object")
        self._raw: Mapping[str, Any] | None = raw
        self._json: _LazyJSON | None = None
        self._envelope: _Success | None = None
        self.author_id = author_id
        self.platform = platform
        self.attempts = 1
        """How many requests this answer took (1 + retries)."""
        self.masterpiece_videos = _videos(data, "masterpiece_videos")
        self.newest_videos = _videos(data, "newest_videos")
        self.order_hot_videos = _videos(data, "order_hot_videos")
        self.personal_hot_videos = _videos(data, "personal_hot_videos")

    @classmethod
    def _typed(
        cls,
        envelope: _Success,
        body: bytes,
        author_id: str,
        platform: str,
        mask: Callable[[str], str],
    ) -> AuthorRecVideos:
        self = cls.__new__(cls)
        self._raw = None
        self._json = answer = _LazyJSON(body, mask)
        self._envelope = envelope
        self.author_id = author_id
        self.platform = platform
        self.attempts = 1
        data = envelope.data
        for key in _LIST_KEYS:
            videos = getattr(data, key) or []
            for index, video in enumerate(videos):
                video.__dict__["_src"] = (answer, key, index)
            setattr(self, key, videos)
        return self

    @property
    def raw(self) -> Mapping[str, Any]:
        """The decoded JSON exactly as received."""
        raw = self._raw
        if raw is None:
            assert self._json is not None
            raw = self._raw = self._json.value
        return raw

    @property
    def request_id(self) -> str | None:
        if self._envelope is not None:
            return self._envelope.requestId
        value = self.raw.get("requestId")
        return value if isinstance(value, str) else None

    @property
    def record_time(self) -> str | None:
        if self._envelope is not None:
            return self._envelope.recordTime
        value = self.raw.get("recordTime")
        return value if isinstance(value, str) else None

    @property
    def message(self) -> str | None:
        if self._envelope is not None:
            return self._envelope.message
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


def _text(raw: Mapping[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return value if isinstance(value, str) else None


class Answer:
    """A successful answer (code 0) of an operation whose ``data`` the spec leaves
    untyped: ``data`` is the decoded JSON as received (the publisher documents no schema
    for it, so none is invented here)."""

    __slots__ = ("attempts", "operation", "params", "raw")

    def __init__(self, raw: Mapping[str, Any], *, operation: str, params: Mapping[str, str]):
        self.raw = raw
        """The decoded envelope exactly as received (secrets masked)."""
        self.operation = operation
        """The operation's Python name (``kol_info``)."""
        self.params = dict(params)
        """The query sent, by wire name, without the token."""
        self.attempts = 1
        """How many requests this answer took (1 + retries)."""

    @property
    def data(self) -> Any:
        return self.raw.get("data")

    @property
    def code(self) -> int:
        return 0

    @property
    def request_id(self) -> str | None:
        return _text(self.raw, "requestId")

    @property
    def record_time(self) -> str | None:
        return _text(self.raw, "recordTime")

    @property
    def message(self) -> str | None:
        return _text(self.raw, "message")

    def __repr__(self) -> str:
        kind = type(self.data).__name__
        return (
            f"Answer(operation={self.operation!r}, params={self.params!r}, data={kind}, "
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


@dataclass(frozen=True, slots=True)
class CallOutcome:
    """One call of a batch over operations: ``answer`` on success, else ``error``."""

    operation: str
    """The operation's name (``kol_info``)."""
    id: str
    """The value of its id parameter (``kolId`` for ``kol_info``)."""
    params: Mapping[str, str]
    """The query sent, by wire name, the token aside."""
    answer: Answer | AuthorRecVideos | None = None
    error: JustOneAPIError | None = None
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.error is None and self.answer is not None

    def typed(self) -> Outcome | None:
        """The recommended-videos outcome this is, for the ``fetches``/``videos`` tables;
        ``None`` for any other operation."""
        if isinstance(self.answer, AuthorRecVideos):
            return Success(
                self.id, self.answer.platform, result=self.answer, attempts=self.attempts
            )
        if (
            self.answer is None
            and "platform" in self.params
            and self.operation == "author_rec_videos"
        ):
            return Failure(
                self.id, self.params["platform"], error=self.error, attempts=self.attempts
            )
        return None

    def __repr__(self) -> str:
        what = repr(self.answer) if self.ok else repr(self.error)
        return f"CallOutcome({self.operation}, {self.id!r}, attempts={self.attempts}, {what})"


class Success(Outcome):
    """An :class:`Outcome` with its ``result``: what a batch yields for a fetched author.

    A batch yields ``Success | Failure``, so ``if outcome.ok:`` narrows ``outcome.result``
    to :class:`AuthorRecVideos` (and ``outcome.error`` to a ``JustOneAPIError`` in the
    ``else`` branch) under ``mypy --strict`` (tests/test_typing.py).
    """

    __slots__ = ()
    if TYPE_CHECKING:
        result: AuthorRecVideos
        error: None

        @property
        def ok(self) -> Literal[True]: ...


class Failure(Outcome):
    """An :class:`Outcome` with its ``error``: what a batch yields for a failed author."""

    __slots__ = ()
    if TYPE_CHECKING:
        result: None
        error: JustOneAPIError

        @property
        def ok(self) -> Literal[False]: ...


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

"""Typed, lazy views over the decoded answer.

A :class:`Video` keeps the record exactly as received and converts a field only when it
is read, so a call that returns 800 videos costs little more than decoding the JSON.
Reading is tolerant where that is lossless (a missing field reads as ``None``; ``"12"``
reads as ``12`` for an integer field) and loud where it is not: a value that cannot be
the declared type raises :class:`~justoneapi_xingtu.errors.ProtocolError` naming the
field, never a silently wrong number. Fields the spec does not know yet are kept in
:attr:`Video.raw` and :attr:`Video.extra`.

The declared fields mirror ``RecVideo`` in ``openapi/xingtu.json``; a test keeps the two
in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from .errors import ProtocolError

if TYPE_CHECKING:
    import pandas

    from justoneapi_xingtu_generated.models import RecVideo

__all__ = ["CATEGORIES", "AuthorRecVideos", "Category", "Video"]

T = TypeVar("T")

Category = Literal["masterpiece", "newest", "order_hot", "personal_hot"]
CATEGORIES: tuple[Category, ...] = ("masterpiece", "newest", "order_hot", "personal_hot")


def _bad(name: str, value: object, expected: str) -> ProtocolError:
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return ProtocolError(
        f"video field {name!r} is {shown} ({type(value).__name__}), expected {expected}"
    )


def _to_int(name: str, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return int(value)  # exact: a double holds every integer up to 2**53
    raise _bad(name, value, "an integer")


def _to_float(name: str, value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
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


class Video:
    """One recommended video. Every field reads as its declared type or ``None``."""

    __slots__ = ("_raw",)

    acu = _int()
    avg_watch = _int()
    barrage = _int()
    biz_id = _str()
    comment = _int()
    core_user_id = _str()
    create_time = _int()
    """Publication time, Unix seconds."""
    create_timestamp = _int()
    duration = _int()
    duration_min = _Field(_to_float)
    fans_club = _int()
    favorite = _str()
    """Favourites, as the digit string the API sends."""
    finish_time = _int()
    head_image_uri = _str()
    head_image_uris = _Field(_to_str_list)
    head_image_url_signed = _str()
    height = _str()
    impression = _int()
    industry = _str()
    interact_rate = _Field(_to_float)
    is_hot = _Field(_to_bool)
    is_playlet = _int()
    item_animated_cover = _str()
    item_cover = _str()
    item_date = _str()
    item_id = _str()
    """The video id: 19 digits, kept as an exact string."""
    item_title = _str()
    like = _int()
    live_status = _int()
    max_watch = _int()
    media_type = _str()
    original_status = _int()
    play = _int()
    """Play count."""
    play_over_5min = _int()
    read_cnt = _str()
    repin = _int()
    send_gift = _int()
    send_prop = _int()
    send_red_packet = _int()
    share = _int()
    status = _int()
    title = _str()
    url = _str()
    video_id = _str()
    width = _str()

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
        from justoneapi_xingtu_generated.models import RecVideo

        return RecVideo.from_dict(self._raw)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Video) and other._raw == self._raw

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Video(item_id={self._raw.get('item_id')!r}, play={self._raw.get('play')!r}, "
            f"create_time={self._raw.get('create_time')!r})"
        )


Video.FIELDS = tuple(k for k, v in vars(Video).items() if isinstance(v, _Field))
_FIELD_SET = frozenset(Video.FIELDS)
_KINDS: dict[Callable[[str, object], object], str] = {
    _to_int: "int",
    _to_float: "float",
    _to_str: "str",
    _to_bool: "bool",
    _to_str_list: "list[str]",
}
Video.FIELD_TYPES = {name: _KINDS[vars(Video)[name].convert] for name in Video.FIELDS}


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
        from .export import to_dataframe

        return to_dataframe([self])

    def __repr__(self) -> str:
        counts = ", ".join(f"{c}={len(self.videos(c))}" for c in CATEGORIES)
        return (
            f"AuthorRecVideos(author_id={self.author_id!r}, {counts}, "
            f"request_id={self.request_id!r})"
        )

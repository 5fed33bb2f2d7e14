"""The one door to the spec: the operation's path and parameters, the platforms, and the
generated package (``justoneapi_xingtu_generated``), which is imported on first use.

The facts come from ``_spec_data`` (written by ``make generate`` from
``openapi/xingtu.json``), so nothing here repeats what the spec says.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._spec_data import CODES, DEFAULT_PLATFORM, PATH, PLATFORMS, QUERY, VIDEO_FIELDS

if TYPE_CHECKING:
    from justoneapi_xingtu_generated.models import Platform, RecVideo

__all__ = [
    "CODES",
    "DEFAULT_PLATFORM",
    "PATH",
    "PLATFORMS",
    "VIDEO_FIELDS",
    "Platform",
    "RecVideo",
    "check_author_id",
    "parse_platform",
    "platform_enum",
    "query",
    "rec_video_model",
]

_WIRE = {python: wire for wire, python, _ in QUERY}
_UPPER = {p.upper(): p for p in PLATFORMS}


def platform_enum() -> type[Platform]:
    """The generated ``Platform`` enum (imported on first use)."""
    from justoneapi_xingtu_generated.models import Platform

    return Platform


def rec_video_model() -> type[RecVideo]:
    """The generated strict ``RecVideo`` model (imported on first use)."""
    from justoneapi_xingtu_generated.models import RecVideo

    return RecVideo


def parse_platform(platform: object) -> str:
    """The platform's value: the enum, or its value as a string (case-insensitive)."""
    if isinstance(platform, str):
        chosen = _UPPER.get(platform.strip().upper())
        if chosen is not None:
            return chosen
    valid = ", ".join(PLATFORMS)
    raise ValueError(f"platform: unknown platform {platform!r}; expected one of {valid}")


def check_author_id(o_author_id: object) -> str:
    """A non-empty string without whitespace; anything else is a ValueError naming it."""
    if not isinstance(o_author_id, str):
        raise ValueError(
            f"o_author_id: expected the author id as a string, got {type(o_author_id).__name__}"
            " (pass ids as text: 19-digit ids do not survive a float)"
        )
    if not o_author_id.strip():
        raise ValueError("o_author_id: must not be empty")
    if len(o_author_id) > 128 or o_author_id.split() != [o_author_id]:  # no whitespace
        raise ValueError(
            f"o_author_id: {o_author_id[:40]!r} is not an author id "
            "(no whitespace, at most 128 characters)"
        )
    try:
        o_author_id.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            f"o_author_id: {o_author_id[:40]!r} cannot be sent (not encodable as UTF-8)"
        ) from None
    return o_author_id


@functools.cache
def _order() -> tuple[str, ...]:
    return tuple(_WIRE)


def query(**values: str) -> dict[str, str]:
    """The query parameters by their names on the wire, in the spec's order."""
    return {_WIRE[name]: values[name] for name in _order() if name in values}

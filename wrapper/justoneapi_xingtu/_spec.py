"""The one door to the spec: the operation's path and parameters, the platforms, and the
generated package (``justoneapi_xingtu_generated``), which is imported on first use.

The facts come from ``_spec_data`` (written by ``make generate`` from
``openapi/xingtu.json``), so nothing here repeats what the spec says.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._ids import ID_ADVICE, author_id_problem, check_author_id
from ._spec_data import (
    CODES,
    DEFAULT_PLATFORM,
    OPERATIONS,
    PLATFORMS,
    VIDEO_FIELDS,
    PlatformName,
)

if TYPE_CHECKING:
    from justoneapi_xingtu_generated.models import Platform, RecVideo

    from ._operation import Operation

__all__ = [
    "CODES",
    "DEFAULT_PLATFORM",
    "ID_ADVICE",
    "OPERATIONS",
    "PATH",
    "PLATFORMS",
    "REC_VIDEOS",
    "VIDEO_FIELDS",
    "Platform",
    "PlatformName",
    "RecVideo",
    "author_id_problem",
    "check_author_id",
    "find_operation",
    "parse_platform",
    "platform_enum",
    "query",
    "rec_video_model",
]

REC_VIDEOS = OPERATIONS["author_rec_videos"]
"""The operation the package types (its name comes from its path: see spec_module)."""
PATH = REC_VIDEOS.path
_WIRE = {"token": "token"} | {p.name: p.wire for p in REC_VIDEOS.params}
_UPPER = {p.upper(): p for p in PLATFORMS}


def find_operation(name: object) -> Operation:
    """The operation called ``name``, or a ValueError listing the known names."""
    found = OPERATIONS.get(name) if isinstance(name, str) else None
    if found is None:
        known = ", ".join(sorted(OPERATIONS))
        raise ValueError(f"operation: unknown operation {name!r}; expected one of {known}")
    return found


def platform_enum() -> type[Platform]:
    """The generated ``Platform`` enum (imported on first use)."""
    from justoneapi_xingtu_generated.models import Platform

    return Platform


def rec_video_model() -> type[RecVideo]:
    """The generated strict ``RecVideo`` model (imported on first use)."""
    from justoneapi_xingtu_generated.models import RecVideo

    return RecVideo


def parse_platform(platform: object) -> PlatformName:
    """The platform's value: the enum, or its value as a string (case-insensitive)."""
    if isinstance(platform, str):
        chosen = _UPPER.get(platform.strip().upper())
        if chosen is not None:
            return chosen
    valid = ", ".join(PLATFORMS)
    raise ValueError(f"platform: unknown platform {platform!r}; expected one of {valid}")


@functools.cache
def _order() -> tuple[str, ...]:
    return tuple(_WIRE)


def query(**values: str) -> dict[str, str]:
    """The query parameters by their names on the wire, in the spec's order."""
    return {_WIRE[name]: values[name] for name in _order() if name in values}

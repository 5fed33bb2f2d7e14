"""The one id rule of the library, the batch, the CLI and the ids file."""

from __future__ import annotations

import re

_AUTHOR_ID = re.compile(r"[0-9A-Za-z_-]{1,128}")
_EXPONENT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+\.\d*|\.\d+)")
_MISSING = frozenset({"nan", "none", "null", "nat", "<na>"})
ID_ADVICE = "author ids are digit strings; read the column as text (pandas: dtype=str)"
"""What the messages about a float- or missing-value-looking id end with."""


def author_id_problem(value: object) -> str | None:
    """Why ``value`` is not an author id, or ``None`` when it is one.

    The one rule of the library, the batch, ``rec-videos`` and the ids file: a string of
    1 to 128 letters, digits, ``_`` or ``-`` (ids are 19 digits today). What a float or
    a missing value turns into as text (``7.012345678901235e+18``, ``...567.0``,
    ``nan``) is refused with the reason, before anything is sent.
    """
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 128:
        return None  # the usual id, at once
    if not isinstance(value, str):
        if isinstance(value, float):
            return f"got the float {value!r}: {ID_ADVICE} (19 digits do not survive a float)"
        return (
            f"expected the author id as a string, got {type(value).__name__}"
            " (pass ids as text: 19-digit ids do not survive a float)"
        )
    if not value.strip():
        return "must not be empty"
    shown = repr(value if len(value) <= 40 else value[:37] + "...")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"{shown} cannot be sent (not encodable as UTF-8)"
    if _AUTHOR_ID.fullmatch(value) and not _EXPONENT.fullmatch(value):
        if value.lower() not in _MISSING:
            return None
        return f"{shown} looks like a missing value turned into text: {ID_ADVICE}"
    if _EXPONENT.fullmatch(value):
        return f"{shown} looks like a float (exponent): {ID_ADVICE}"
    if _DECIMAL.fullmatch(value):
        return f"{shown} looks like a float (decimal point): {ID_ADVICE}"
    if any(c.isspace() for c in value):
        return f"{shown} is not an author id: it contains whitespace"
    if len(value) > 128:
        return f"{shown} is not an author id: longer than 128 characters"
    bad = next(c for c in value if not _AUTHOR_ID.fullmatch(c))
    return f"{shown} is not an author id: {bad!r} (an id is letters, digits, '_' or '-')"


def check_author_id(o_author_id: object, name: str = "o_author_id") -> str:
    """``o_author_id`` when it is an author id (:func:`author_id_problem`), else a
    ValueError naming ``name`` and why."""
    problem = author_id_problem(o_author_id)
    if problem is not None or not isinstance(o_author_id, str):
        raise ValueError(f"{name}: {problem}")
    return o_author_id

"""The ids file of ``xingtu batch``: one author id per line, or ``-`` for stdin."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["HEADER_NAMES", "IdsFile", "IdsFileError", "load_ids", "read_ids"]

_ID = re.compile(r"[0-9A-Za-z_-]{1,128}")
HEADER_NAMES = frozenset({"author_id", "authorid", "oauthorid", "author", "id"})
"""A first line holding one of these (any case) is a column header, not an id."""


class IdsFileError(ValueError):
    """The ids file has lines that are not author ids (each named by line number)."""


@dataclass(frozen=True)
class IdsFile:
    ids: list[str]
    """The ids, in order, first occurrence kept."""
    duplicates: int
    """Repeated ids dropped."""
    header: str | None
    """The first line, when it was a column header (skipped), else ``None``."""
    source: str
    """The file's name as given, or ``stdin``."""


def _text(path: str | Path) -> str:
    if str(path) == "-":
        text = sys.stdin.read()
        return text.removeprefix("\ufeff")
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise IdsFileError(f"{path}: cannot read the ids file: {error}") from None


def load_ids(path: str | Path) -> IdsFile:
    """Author ids from a file (``-``: standard input): one per line, trimmed; blank lines
    and ``#`` comments (whole line or after the id) ignored; duplicates dropped; a first
    line naming the column (``author_id``...) skipped.

    Raises :class:`IdsFileError` naming every invalid line (an id is letters, digits,
    ``_`` or ``-``, at most 128 characters).
    """
    source = "stdin" if str(path) == "-" else str(path)
    ids: dict[str, None] = {}
    duplicates = 0
    header: str | None = None
    bad: list[str] = []
    first = True
    for number, line in enumerate(_text(path).splitlines(), start=1):
        value = line.split("#", 1)[0].strip()
        if not value:
            continue
        if first and value.lower() in HEADER_NAMES:
            header = value
        elif not _ID.fullmatch(value):
            shown = value if len(value) <= 40 else value[:37] + "..."
            bad.append(f"line {number}: {shown!r}")
        elif value in ids:
            duplicates += 1
        else:
            ids[value] = None
        first = False
    if bad:
        shown_bad = "; ".join(bad[:10]) + (f"; and {len(bad) - 10} more" if len(bad) > 10 else "")
        raise IdsFileError(
            f"{source}: {len(bad)} invalid line(s), not author ids (letters, digits, '_' or "
            f"'-', one per line): {shown_bad}"
        )
    if not ids:
        raise IdsFileError(f"{source}: no author ids (one per line; # starts a comment)")
    return IdsFile(list(ids), duplicates, header, source)


def read_ids(path: str | Path) -> tuple[list[str], int]:
    """``(ids, duplicates dropped)`` of :func:`load_ids` (kept for existing callers)."""
    loaded = load_ids(path)
    return loaded.ids, loaded.duplicates

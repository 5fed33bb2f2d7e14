"""The ids file of ``xingtu batch``: one author id per line, or ``-`` for stdin."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .._spec import ID_ADVICE, author_id_problem

__all__ = ["IdsFile", "IdsFileError", "is_header", "load_ids", "read_ids"]


def is_header(value: str) -> bool:
    """A first line without a digit names the column (``author_id``, ``达人ID``), in any
    script: author ids carry digits, a header does not."""
    return not any("0" <= c <= "9" for c in value)


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
    line without a digit (a column name: ``author_id``, ``达人ID``) skipped.

    Raises :class:`IdsFileError` naming every line that is not an author id and why, by
    the rule the library applies (:func:`~justoneapi_xingtu._spec.author_id_problem`).
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
        if first and is_header(value):
            header = value
        elif (problem := author_id_problem(value)) is not None:
            bad.append(f"line {number}: {problem.removesuffix(': ' + ID_ADVICE)}")
        elif value in ids:
            duplicates += 1
        else:
            ids[value] = None
        first = False
    if bad:
        shown_bad = "; ".join(bad[:10]) + (f"; and {len(bad) - 10} more" if len(bad) > 10 else "")
        advice = f". {ID_ADVICE.capitalize()}" if any("looks like" in b for b in bad) else ""
        raise IdsFileError(
            f"{source}: {len(bad)} invalid line(s), not author ids (one per line): "
            f"{shown_bad}{advice}"
        )
    if not ids:
        raise IdsFileError(f"{source}: no author ids (one per line; # starts a comment)")
    return IdsFile(list(ids), duplicates, header, source)


def read_ids(path: str | Path) -> tuple[list[str], int]:
    """``(ids, duplicates dropped)`` of :func:`load_ids` (kept for existing callers)."""
    loaded = load_ids(path)
    return loaded.ids, loaded.duplicates

"""An operation of the API as the spec describes it, and how a call's arguments become
its query: the rows of ``_spec_data.OPERATIONS`` (written by ``make generate``).

One rule for every operation: required parameters must be given; an enum takes one of
its values (any case); a boolean is ``True``/``False``; an integer is an ``int``; an id
(a text parameter whose name ends in ``Id``) follows the author-id rule; a parameter
left out is not sent, so the server applies its own default.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, NamedTuple

from ._ids import author_id_problem


class Param(NamedTuple):
    """One query parameter (the token excepted)."""

    wire: str
    """Its name on the wire (``oAuthorId``)."""
    name: str
    """Its Python name (``o_author_id``)."""
    kind: str
    """``"str"``, ``"int"``, ``"float"`` or ``"bool"``."""
    required: bool = False
    default: Any = None
    """The spec's default (the server's: it is not sent when the argument is left out)."""
    enum: tuple[str, ...] = ()
    description: str = ""

    @property
    def is_id(self) -> bool:
        return self.kind == "str" and not self.enum and self.wire.endswith("Id")

    def encode(self, value: object) -> str:
        """The value as sent, or a ValueError naming this parameter and what it expects."""
        if self.enum:
            if isinstance(value, str):
                wanted = value.strip().upper()
                for choice in self.enum:
                    if choice.upper() == wanted:
                        return choice
            raise ValueError(
                f"{self.name}: unknown {self.name.replace('_', ' ')} {value!r}; "
                f"expected one of {', '.join(self.enum)}"
            )
        if self.kind == "bool":
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, str) and value.strip().lower() in ("true", "false"):
                return value.strip().lower()
            raise ValueError(f"{self.name}: expected True or False, got {value!r}")
        if self.kind in ("int", "float"):
            if isinstance(value, str) and value.strip().lstrip("-").isdigit():
                return str(int(value))
            if isinstance(value, int) and not isinstance(value, bool):
                return str(value)
            if self.kind == "float" and isinstance(value, float) and value == value:
                return repr(value)
            raise ValueError(f"{self.name}: expected an integer, got {value!r}")
        if isinstance(value, datetime.date) and self.wire.endswith("Date"):
            return value.isoformat()  # yyyy-MM-dd, as the spec's dates are written
        if self.is_id:
            problem = author_id_problem(value)
            if problem is not None:
                raise ValueError(f"{self.name}: {problem}")
        if not isinstance(value, str):
            raise ValueError(f"{self.name}: expected text, got {type(value).__name__}")
        return value


class Operation(NamedTuple):
    """One GET operation: where it is, what it takes, what its answer's data is."""

    name: str
    """The stable Python name, derived from the path (``author_rec_videos``)."""
    path: str
    params: tuple[Param, ...]
    summary: str = ""
    description: str = ""
    method: str = "GET"
    data_schema: str | None = None
    """The schema of a successful answer's ``data`` when the spec types it, else None."""
    deprecated: bool = False
    """The publisher marks it deprecated (it may go in a later release)."""

    @property
    def id_param(self) -> Param | None:
        """The first required id parameter (the one a batch iterates over), if any."""
        return next((p for p in self.params if p.required and p.is_id), None)

    def query(self, values: Mapping[str, object]) -> dict[str, str]:
        """The query for these arguments (Python names), in the spec's order, without the
        token; a ValueError names an unknown, missing or ill-typed argument."""
        known = {p.name for p in self.params}
        unknown = [name for name in values if name not in known]
        if unknown:
            expected = ", ".join(p.name for p in self.params) or "no parameters"
            raise ValueError(
                f"{unknown[0]}: {self.name} has no such parameter; it takes {expected}"
            )
        query: dict[str, str] = {}
        for param in self.params:
            value = values.get(param.name)
            if value is None and param.required and param.name not in values:
                raise ValueError(f"{param.name}: required by {self.name}, and not given")
            if value is None and not param.required:
                continue
            query[param.wire] = param.encode(value)
        return query

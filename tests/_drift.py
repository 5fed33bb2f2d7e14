"""Drift messages that say what moved and what to run.

When the spec and the code part, a test must fail with the JSON path that differs and the
command that brings them back together, never with ``KeyError: 'paths'`` or
``At index 8516 diff: b's' != b'i'``:

* :func:`spec_part` reads a part of a spec (a path, a schema, a property) and, when it is
  not there, raises :class:`SpecDrift` naming the JSON path, what is there instead and
  the command to run.
* :func:`json_differences` lists where two JSON documents differ, by JSON path;
  :func:`assert_same_json` fails with that list and the command to run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

#: What to run when the committed effective spec is not what upstream + overlay make.
REBUILD_SPEC = "run `make spec` (then `make generate`) and commit openapi/xingtu.json"
#: What to run when the spec no longer has what the wrapper, mock and tests are built on.
SEE_SPEC_CHANGE = (
    "run `make spec-diff` to see what the published spec changed, then follow it in the "
    "overlay, the wrapper (ENDPOINT, errors), the mock and these tests"
)


class SpecDrift(AssertionError):
    """The spec does not have what the code was built for; the message says where and why."""


def json_path(parts: Sequence[str | int]) -> str:
    """``$.paths["/api/..."].get.parameters[2]``: names that are not identifiers are quoted."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def spec_part(
    spec: Mapping[str, Any], *keys: str | int, source: str = "openapi/xingtu.json"
) -> Any:
    """``spec[k1][k2]...``, or :class:`SpecDrift` naming the first missing part."""
    node: Any = spec
    for depth, key in enumerate(keys):
        here = json_path(keys[:depth])
        if isinstance(node, Mapping) and key in node:
            node = node[key]
            continue
        if isinstance(node, list) and isinstance(key, int) and -len(node) <= key < len(node):
            node = node[key]
            continue
        if isinstance(node, Mapping):
            present = (
                ", ".join(json.dumps(k, ensure_ascii=False) for k in list(node)[:12]) or "none"
            )
            instead = f"{here} has: {present}"
        else:
            instead = f"{here} is {type(node).__name__}, not an object"
        raise SpecDrift(
            f"{source} has no {json_path(keys[: depth + 1])} ({instead}): {SEE_SPEC_CHANGE}"
        )
    return node


def json_differences(
    expected: Any, actual: Any, parts: tuple[str | int, ...] = ()
) -> Iterator[tuple[str, str, str]]:
    """``(JSON path, expected, actual)`` for every place the two documents differ.

    Values are compared with their JSON types: ``1`` and ``true`` differ, so do ``1`` and
    ``1.0``.
    """

    def show(value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        return text if len(text) <= 80 else text[:77] + "..."

    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected.keys() | actual.keys():
            where = (*parts, key)
            if key not in actual:
                yield json_path(where), show(expected[key]), "(missing)"
            elif key not in expected:
                yield json_path(where), "(missing)", show(actual[key])
            else:
                yield from json_differences(expected[key], actual[key], where)
    elif isinstance(expected, list) and isinstance(actual, list):
        for index, (a, b) in enumerate(zip(expected, actual, strict=False)):
            yield from json_differences(a, b, (*parts, index))
        if len(expected) != len(actual):
            yield json_path(parts), f"{len(expected)} items", f"{len(actual)} items"
    elif type(expected) is not type(actual) or expected != actual:
        yield json_path(parts), show(expected), show(actual)


def drift_message(
    expected: Any, actual: Any, *, expected_name: str, actual_name: str, fix: str, limit: int = 12
) -> str | None:
    """``None`` when the documents are equal; otherwise every difference, by path, and ``fix``."""
    found = sorted(json_differences(expected, actual))
    if not found:
        return None
    lines = [f"{actual_name} differs from {expected_name} at {len(found)} JSON path(s):"]
    lines += [f"  {path}: {expected_name} {a}, {actual_name} {b}" for path, a, b in found[:limit]]
    if len(found) > limit:
        lines.append(f"  ... and {len(found) - limit} more")
    lines.append(f"To fix: {fix}.")
    return "\n".join(lines)


def assert_same_json(
    expected: bytes, actual: bytes, *, expected_name: str, actual_name: str, fix: str
) -> None:
    """The two files hold the same bytes; if not, say which JSON paths differ and ``fix``."""
    if expected == actual:
        return
    message = drift_message(
        json.loads(expected),
        json.loads(actual),
        expected_name=expected_name,
        actual_name=actual_name,
        fix=fix,
    )
    if message is None:  # same document, other bytes: key order, indentation, escaping
        message = (
            f"{actual_name} holds the same JSON as {expected_name} but not the same bytes "
            f"(formatting or key order). To fix: {fix}."
        )
    raise AssertionError(message)

"""Apply an OpenAPI Overlay 1.0 document to an OpenAPI document.

Only the part of the Overlay specification this project needs: each action's
``target`` is a JSONPath (RFC 9535) made of name steps (``$.a.b``, ``$['a/b']``,
``$.a["b"]``), wildcards (``.*``, ``[*]``: every member or item) and equality filters
on a member (``[?@.name=='platform']``: the items whose ``name`` is that string), and
an action either ``update``s each node it selects (objects merge recursively, arrays
are appended to, anything else is replaced) or ``remove``s it. A target that selects
nothing is an error rather than a silent no-op: if a re-pulled upstream document moved
something the overlay types, the maintainer has to hear about it.

    python overlay.py UPSTREAM.json OVERLAY.json OUT.json
"""

from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_NAME = r"""\.([A-Za-z_$][\w$-]*)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]"""
_WILD = r"""|(\.\*|\[\s*\*\s*\])"""
_FILTER = r"""|\[\s*\?\s*\(?\s*@\.([A-Za-z_$][\w$-]*)\s*==\s*(?:'([^']*)'|"([^"]*)")\s*\)?\s*\]"""
_STEP = re.compile(_NAME + _WILD + _FILTER)


class OverlayError(Exception):
    """The overlay cannot be applied; the message names the action and why."""


class Wild:
    """The ``*`` step: every member of an object, every item of an array."""

    def __repr__(self) -> str:
        return "*"


WILD = Wild()


@dataclass(frozen=True)
class Filter:
    """The ``[?@.key=='value']`` step: the items (or members) whose ``key`` is ``value``."""

    key: str
    value: str

    def __repr__(self) -> str:
        return f"?@.{self.key}=={self.value!r}"


Step = str | Wild | Filter


def parse_target(target: str) -> list[Step]:
    """Split a JSONPath into its steps: names, :data:`WILD` and :class:`Filter`\\ s."""
    if not target.startswith("$"):
        raise OverlayError(f"target {target!r} must start with '$'")
    steps: list[Step] = []
    pos = 1
    while pos < len(target):
        m = _STEP.match(target, pos)
        if m is None:
            raise OverlayError(
                f"target {target!r}: unsupported JSONPath syntax at {target[pos:]!r} "
                "(supported: .name, ['name'], [\"name\"], .*, [*] and [?@.name=='value'])"
            )
        name = next((g for g in m.groups()[:3] if g is not None), None)
        if name is not None:
            steps.append(name)
        elif m.group(4) is not None:
            steps.append(WILD)
        else:
            value = m.group(6) if m.group(6) is not None else m.group(7)
            steps.append(Filter(m.group(5), value))
        pos = m.end()
    return steps


def _children(node: Any, step: Step) -> list[tuple[Any, Any]]:
    """The ``(key, child)`` pairs of ``node`` that ``step`` selects."""
    if isinstance(node, dict):
        pairs = list(node.items())
    elif isinstance(node, list) and not isinstance(step, str):
        pairs = list(enumerate(node))
    else:
        return []
    if isinstance(step, str):
        return [(step, node[step])] if step in node else []
    if isinstance(step, Filter):
        return [(k, v) for k, v in pairs if isinstance(v, dict) and v.get(step.key) == step.value]
    return pairs


def select(document: Any, steps: list[Step]) -> list[tuple[Any, Any, Any]]:
    """Every node ``steps`` select, as ``(parent, key, node)``, in document order;
    OverlayError naming the first step that selects nothing when there is none."""
    found: list[tuple[Any, Any, Any]] = [(None, None, document)]
    for step in steps:
        found = [(node, k, child) for _, _, node in found for k, child in _children(node, step)]
        if not found:
            raise OverlayError(f"target matches nothing (no {step!r})")
    return found


def _merge(target: Any, update: Any) -> Any:
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = _merge(target[key], value) if key in target else value
        return target
    if isinstance(target, list) and isinstance(update, list):
        return target + update
    if isinstance(target, list):
        return [*target, update]
    return update


def apply_overlay(document: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Return ``document`` with every action of ``overlay`` applied, in order."""
    version = str(overlay.get("overlay", ""))
    if not version.startswith("1."):
        raise OverlayError(f"not an Overlay 1.x document (overlay: {version!r})")
    for index, action in enumerate(overlay.get("actions", [])):
        target = action.get("target", "")
        label = f"action {index} ({target})"
        try:
            matches = select(document, parse_target(target))
        except OverlayError as exc:
            raise OverlayError(f"{label}: {exc}") from None
        if action.get("remove"):
            if matches[0][0] is None:
                raise OverlayError(f"{label}: cannot remove the whole document")
            for parent, key, _ in reversed(matches):  # list items: the last index first
                del parent[key]
        elif "update" in action:
            for parent, key, node in matches:
                merged = _merge(node, copy.deepcopy(action["update"]))
                if parent is None:
                    document = merged
                else:
                    parent[key] = merged
        else:
            raise OverlayError(f"{label}: needs 'update' or 'remove: true'")
    return document


PINNABLE = ("operationId", "tags")


def pinned_keys(overlay: dict[str, Any]) -> frozenset[str]:
    """The keys of an operation (``operationId``, ``tags``) the overlay sets or removes for
    every operation (``$.paths.*.<method>``): whatever upstream calls them, the effective
    spec (and the generated names) keep ours. A pin on one path only does not count."""
    pinned: set[str] = set()
    for action in overlay.get("actions", []):
        update = action.get("update")
        steps = parse_target(str(action.get("target", "")))
        if steps[:2] != ["paths", WILD] or len(steps) not in (3, 4):
            continue
        if len(steps) == 3 and isinstance(update, dict):
            pinned.update(k for k in PINNABLE if k in update)
        elif len(steps) == 4 and action.get("remove") and steps[3] in PINNABLE:
            pinned.add(str(steps[3]))
    return frozenset(pinned)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: overlay.py UPSTREAM.json OVERLAY.json OUT.json", file=sys.stderr)
        return 2
    upstream, overlay_path, out = (Path(a) for a in argv)
    document = json.loads(upstream.read_text(encoding="utf-8"))
    overlay = json.loads(overlay_path.read_text(encoding="utf-8"))
    try:
        result = apply_overlay(document, overlay)
    except OverlayError as exc:
        print(f"overlay: {overlay_path}: {exc}", file=sys.stderr)
        return 1
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

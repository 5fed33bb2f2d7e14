"""Apply an OpenAPI Overlay 1.0 document to an OpenAPI document.

Only the part of the Overlay specification this project needs: each action's
``target`` is a JSONPath made of plain steps (``$.a.b``, ``$['a/b']``,
``$.a["b"]``), and an action either ``update``s its target (objects merge
recursively, arrays are appended to, anything else is replaced) or ``remove``s
it. A target that matches nothing is an error rather than a silent no-op: if a
re-pulled upstream document moved something the overlay types, the maintainer
has to hear about it.

    python overlay.py UPSTREAM.json OVERLAY.json OUT.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

_STEP = re.compile(r"""\.([A-Za-z_$][\w$-]*)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]""")


class OverlayError(Exception):
    """The overlay cannot be applied; the message names the action and why."""


def parse_target(target: str) -> list[str]:
    """Split a JSONPath made of plain steps into its keys."""
    if not target.startswith("$"):
        raise OverlayError(f"target {target!r} must start with '$'")
    keys: list[str] = []
    pos = 1
    while pos < len(target):
        m = _STEP.match(target, pos)
        if m is None:
            raise OverlayError(
                f"target {target!r}: unsupported JSONPath syntax at {target[pos:]!r} "
                "(only .name, ['name'] and [\"name\"] steps are supported)"
            )
        keys.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
    return keys


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
        keys = parse_target(target)
        label = f"action {index} ({target})"
        parent: Any = None
        node: Any = document
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                raise OverlayError(f"{label}: target matches nothing (no {key!r})")
            parent, node = node, node[key]
        if action.get("remove"):
            if parent is None:
                raise OverlayError(f"{label}: cannot remove the whole document")
            del parent[keys[-1]]
        elif "update" in action:
            merged = _merge(node, action["update"])
            if parent is None:
                document = merged
            else:
                parent[keys[-1]] = merged
        else:
            raise OverlayError(f"{label}: needs 'update' or 'remove: true'")
    return document


PINNABLE = ("operationId", "tags")


def pinned_keys(overlay: dict[str, Any]) -> frozenset[str]:
    """The keys of an operation (``operationId``, ``tags``) that ``overlay`` sets itself:
    whatever upstream calls them, the effective spec (and the generated names) keep ours."""
    pinned: set[str] = set()
    for action in overlay.get("actions", []):
        update = action.get("update")
        keys = parse_target(str(action.get("target", "")))
        if isinstance(update, dict) and len(keys) == 3 and keys[0] == "paths":
            pinned.update(k for k in PINNABLE if k in update)
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

"""Say what one OpenAPI document changes against another, in words a maintainer acts on.

    python spec_diff.py OLD.json NEW.json

Prints one line per change (servers, paths, operations, parameters, enum values,
defaults, responses and the properties of shared schemas) and exits 1 when there
is any change, 0 when the documents agree on all of these. Descriptions and
examples are ignored on purpose: they do not change what a client sends or reads.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _fmt(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _schema_type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(str(k) for k in kind)
    if kind == "array":
        return f"array of {_schema_type(schema.get('items', {}))}"
    if "anyOf" in schema or "oneOf" in schema:
        return " | ".join(_schema_type(s) for s in schema.get("anyOf", schema.get("oneOf", [])))
    return str(kind) if kind else "any"


def diff_schema(label: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Compare two schemas: type, enum values, default, properties and required."""
    out: list[str] = []
    if _schema_type(old) != _schema_type(new):
        out.append(f"type changed: {label}: {_schema_type(old)} -> {_schema_type(new)}")
    old_enum, new_enum = old.get("enum", []), new.get("enum", [])
    for value in new_enum:
        if value not in old_enum:
            out.append(f"enum value added: {label}: {_fmt(value)}")
    for value in old_enum:
        if value not in new_enum:
            out.append(f"enum value removed: {label}: {_fmt(value)}")
    if old.get("default") != new.get("default"):
        out.append(
            f"default changed: {label}: {_fmt(old.get('default'))} -> {_fmt(new.get('default'))}"
        )
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    old_req, new_req = set(old.get("required", [])), set(new.get("required", []))
    for name in new_props:
        if name not in old_props:
            need = "required" if name in new_req else "optional"
            kind = _schema_type(new_props[name])
            out.append(f"property added: {label}.{name} ({need}, {kind})")
    for name in old_props:
        if name not in new_props:
            out.append(f"property removed: {label}.{name}")
        else:
            out.extend(diff_schema(f"{label}.{name}", old_props[name], new_props[name]))
            if (name in old_req) != (name in new_req):
                now = "required" if name in new_req else "optional"
                out.append(f"requiredness changed: {label}.{name} is now {now}")
    if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
        out.extend(diff_schema(f"{label}[]", old["items"], new["items"]))
    return out


def _params(op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p.get("in", "?"), p.get("name", "?")): p for p in op.get("parameters", [])}


def diff_operation(label: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if old.get("operationId") != new.get("operationId"):
        out.append(
            f"operationId changed: {label}: {old.get('operationId')} -> {new.get('operationId')}"
        )
    old_params, new_params = _params(old), _params(new)
    for key, param in new_params.items():
        if key not in old_params:
            need = "required" if param.get("required") else "optional"
            kind = _schema_type(param.get("schema", {}))
            out.append(f"parameter added: {label} {key[0]} '{key[1]}' ({need}, {kind})")
    for key, param in old_params.items():
        plabel = f"{label} {key[0]} '{key[1]}'"
        if key not in new_params:
            out.append(f"parameter removed: {plabel}")
            continue
        newp = new_params[key]
        if bool(param.get("required")) != bool(newp.get("required")):
            now = "required" if newp.get("required") else "optional"
            out.append(f"requiredness changed: parameter {plabel} is now {now}")
        out.extend(
            diff_schema(f"parameter {plabel}", param.get("schema", {}), newp.get("schema", {}))
        )
    old_resp, new_resp = old.get("responses", {}), new.get("responses", {})
    for status in new_resp:
        if status not in old_resp:
            out.append(f"response added: {label} HTTP {status}")
    for status in old_resp:
        if status not in new_resp:
            out.append(f"response removed: {label} HTTP {status}")
    return out


def diff_documents(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Every change from ``old`` to ``new``, one readable line each."""
    out: list[str] = []
    old_servers = [s.get("url") for s in old.get("servers", [])]
    new_servers = [s.get("url") for s in new.get("servers", [])]
    out += [f"server added: {u}" for u in new_servers if u not in old_servers]
    out += [f"server removed: {u}" for u in old_servers if u not in new_servers]
    old_paths, new_paths = old.get("paths", {}), new.get("paths", {})
    out += [f"path added: {p}" for p in new_paths if p not in old_paths]
    out += [f"path removed: {p}" for p in old_paths if p not in new_paths]
    for path in old_paths:
        if path not in new_paths:
            continue
        for method in METHODS:
            o, n = old_paths[path].get(method), new_paths[path].get(method)
            label = f"{method.upper()} {path}"
            if o and not n:
                out.append(f"operation removed: {label}")
            elif n and not o:
                out.append(f"operation added: {label}")
            elif o and n:
                out.extend(diff_operation(label, o, n))
    old_schemas = old.get("components", {}).get("schemas", {})
    new_schemas = new.get("components", {}).get("schemas", {})
    out += [f"schema added: {s}" for s in new_schemas if s not in old_schemas]
    out += [f"schema removed: {s}" for s in old_schemas if s not in new_schemas]
    for name in old_schemas:
        if name in new_schemas:
            out.extend(diff_schema(name, old_schemas[name], new_schemas[name]))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: spec_diff.py OLD.json NEW.json", file=sys.stderr)
        return 2
    old_path, new_path = (Path(a) for a in argv)
    try:
        old = json.loads(old_path.read_text(encoding="utf-8"))
        new = json.loads(new_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"spec-diff: cannot read a document: {exc}", file=sys.stderr)
        return 2
    changes = diff_documents(old, new)
    if not changes:
        print(f"spec-diff: no changes between {old_path} and {new_path}")
        return 0
    print(f"spec-diff: {len(changes)} change(s) from {old_path} to {new_path}:")
    for line in changes:
        print(f"  - {line}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

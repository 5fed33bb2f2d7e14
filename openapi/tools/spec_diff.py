"""Say what one OpenAPI document changes against another, and how much it matters.

    python spec_diff.py [--json] OLD.json NEW.json
    python spec_diff.py [--json] --git-rev REV PATH NEW.json   # OLD is PATH as of REV
    ... [--overlay OVERLAY.json]   # what the overlay pins is not a change a client sees

Every change a client can notice is reported on one line, prefixed by its class, and
a summary line closes the report. Exit status: 0 no change, 1 changed, 2 could not
run (a file unreadable or not a JSON object, a git revision missing); the message for
2 is one line on stderr. ``--json`` prints one JSON object instead (``changes``, each
with ``class``, ``kind``, ``where``, ``detail`` and ``text``; ``counts``; ``level``,
the highest class or null; ``release_id`` old and new), with the same exit status.
Nothing is written to disk: ``--git-rev`` reads the old document through ``git show``.

What is compared: top-level ``openapi``, ``info``, ``servers``, ``security`` and tags;
every path and operation (``operationId``, tags, parameters with the path item's
merged in, request body, responses and their content types, headers and schemas, the
operation's servers and effective security); and every component schema, by name. The
classes are per operation: each operation added or removed is a line of its own
(``operation added: GET /path``), whether or not its path is new or gone.
Response, parameter, request-body and header components are compared where they are
used (their names never reach generated code; a rename alone is no change). Keys the
tool has no rule for are still compared: a change there is reported as breaking
(unknown is treated as dangerous), or docs-only for ``x-`` extensions. The top-level
``x-openapi-release-id`` is not a change: it is shown in the summary.

Classes. A change is judged from two sides: does a client built from OLD still work
against a server speaking NEW (the wire), and does code written against the client
regenerated from NEW still work (the source). It is **breaking** when either can fail,
**additive** when both hold and something new is available, and **docs-only** when
nothing a client sends or reads changes. Schemas are judged by where they are used:
in a request (parameters, request body) a client *sends* values, in a response it
*reads* them; a schema used on both sides gets the stricter class.

breaking
  path, operation, parameter, request body, component schema or server removed;
  a required parameter added, or an optional one made required; ``operationId`` or
  operation tags changed (the generated module path changes), unless the overlay
  given with ``--overlay`` pins them (then docs-only); a request enum value
  removed, an enum added to a request value; any enum value removed from a response
  (the regenerated enum loses a member); a type changed other than widened in a request
  or narrowed in a response; ``format`` changed; a schema reference now pointing to
  another schema; a response property removed, or made optional; a request property
  added as required or made required; a ``default`` of a request value changed,
  added or removed (the generated client sends defaults explicitly); a request
  constraint tightened (``minLength``, ``maximum``, ``pattern`` ...); a 2xx response,
  a content type or a response header removed; a security alternative removed;
  a security scheme changed; ``openapi`` moved to another minor version; any other
  non-documentation key changed.
additive
  path, operation, optional parameter, server, response code, content type, response
  header, component schema or security alternative added; a parameter made optional;
  a request enum value added; a response enum value added (for example a new business
  ``code``: an old generated client cannot read it, but this SDK's wrapper reads codes
  tolerantly and surfaces an unknown code as an error that carries it, so for its users
  the change is additive); a response property added, or made required; a type
  widened in a request or narrowed in a response (an untyped value that gains a type or
  alternatives is narrowed); a request constraint loosened; any
  response constraint changed; a non-2xx response code removed (the wrapper reads the
  envelope whatever the HTTP status).
docs-only
  ``description``, ``summary``, ``title``, ``example(s)``, ``externalDocs``,
  ``deprecated``, ``$comment``, ``info`` (``version`` included), tag descriptions,
  server descriptions, a response schema's ``default``, the ``openapi`` patch version
  and ``x-`` extensions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
BREAKING, ADDITIVE, DOCS = "breaking", "additive", "docs-only"
CLASSES = (BREAKING, ADDITIVE, DOCS)
REQUEST, RESPONSE = "request", "response"
RELEASE_KEY = "x-openapi-release-id"
DOC_KEYS = frozenset(
    {
        "description",
        "summary",
        "title",
        "example",
        "examples",
        "externalDocs",
        "deprecated",
        "$comment",
        "contact",
        "license",
        "termsOfService",
    }
)
MIN_KEYS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
MAX_KEYS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
OTHER_CONSTRAINTS = ("pattern", "multipleOf", "uniqueItems", "minContains", "maxContains")


class DiffError(Exception):
    """The comparison cannot be made; the message is one line."""


@dataclass(frozen=True)
class Change:
    cls: str
    kind: str
    where: str
    detail: str = ""

    @property
    def text(self) -> str:
        return f"{self.kind}: {self.where}" + (f": {self.detail}" if self.detail else "")

    def as_dict(self) -> dict[str, str]:
        return {
            "class": self.cls,
            "kind": self.kind,
            "where": self.where,
            "detail": self.detail,
            "text": self.text,
        }


def _canon(value: Any) -> str:
    """A comparison key that keeps JSON's types apart (in Python ``1 == True``)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _same(a: Any, b: Any) -> bool:
    return _canon(a) == _canon(b)


def _fmt(value: Any, limit: int = 80) -> str:
    text = _canon(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _strictest(sides: Iterable[str], request: str, response: str) -> str:
    """The class of a change on the given sides: the stricter one when both apply."""
    picked = [request if side == REQUEST else response for side in sides]
    return min(picked or [request, response], key=CLASSES.index)


def _types(schema: dict[str, Any]) -> frozenset[str] | None:
    """The JSON types a schema admits, or None when it does not say (any)."""
    kind = schema.get("type")
    if kind is None:
        return None
    kinds = {str(k) for k in kind} if isinstance(kind, list) else {str(kind)}
    if schema.get("nullable") is True:
        kinds.add("null")
    if "number" in kinds:
        kinds.add("integer")
    return frozenset(kinds)


def _is_any(schema: dict[str, Any]) -> bool:
    """Whether a schema constrains nothing a client would type (no type, no alternatives)."""
    shaping = ("type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const", "properties", "items")
    return not any(key in schema for key in shaping)


def schema_type(schema: Any) -> str:
    """A short human description of a schema's type."""
    if not isinstance(schema, dict):
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf", "allOf"):
        if isinstance(schema.get(key), list):
            joiner = " & " if key == "allOf" else " | "
            return joiner.join(schema_type(s) for s in schema[key])
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(str(k) for k in kind)
    if kind == "array":
        return f"array of {schema_type(schema.get('items', {}))}"
    text = str(kind) if kind else "any"
    return f"{text} | null" if schema.get("nullable") is True else text


def _schema_refs(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                found.add(ref.rsplit("/", 1)[-1])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


class Differ:
    """Compare two documents; ``changes`` collects what differs, in document order."""

    def __init__(
        self, old: dict[str, Any], new: dict[str, Any], pinned: frozenset[str] = frozenset()
    ) -> None:
        self.old, self.new = old, new
        self.pinned = pinned
        self.changes: list[Change] = []
        old_sides, new_sides = self._schema_sides(old), self._schema_sides(new)
        self.sides = {
            name: old_sides.get(name, set()) | new_sides.get(name, set())
            for name in set(self._schemas(old)) | set(self._schemas(new))
        }

    # -- helpers ---------------------------------------------------------------------

    def add(self, cls: str, kind: str, where: str, detail: str = "") -> None:
        self.changes.append(Change(cls, kind, where, detail))

    @staticmethod
    def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
        schemas = doc.get("components", {}).get("schemas", {})
        return schemas if isinstance(schemas, dict) else {}

    def _resolve(self, doc: dict[str, Any], node: Any) -> Any:
        """Follow non-schema component references (responses, parameters, ...)."""
        for _ in range(32):
            if not isinstance(node, dict) or not isinstance(node.get("$ref"), str):
                return node
            ref = node["$ref"]
            if ref.startswith("#/components/schemas/") or not ref.startswith("#/"):
                return node
            target: Any = doc
            for token in ref[2:].split("/"):
                token = token.replace("~1", "/").replace("~0", "~")
                target = target.get(token) if isinstance(target, dict) else None
            if target is None:
                return node
            node = target
        return node

    def _schema_sides(self, doc: dict[str, Any]) -> dict[str, set[str]]:
        """For each component schema, the sides (request, response) it is used on."""
        sides: dict[str, set[str]] = {}
        schemas = self._schemas(doc)

        def mark(node: Any, side: str) -> None:
            pending = list(_schema_refs(self._deep_resolve(doc, node)))
            while pending:
                name = pending.pop()
                if side in sides.setdefault(name, set()):
                    continue
                sides[name].add(side)
                pending += _schema_refs(schemas.get(name, {}))

        for item in doc.get("paths", {}).values():
            if not isinstance(item, dict):
                continue
            for method in METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                mark(item.get("parameters", []), REQUEST)
                mark(op.get("parameters", []), REQUEST)
                mark(op.get("requestBody", {}), REQUEST)
                mark(op.get("responses", {}), RESPONSE)
        return sides

    def _deep_resolve(self, doc: dict[str, Any], node: Any, depth: int = 0) -> Any:
        if depth > 16:
            return node
        node = self._resolve(doc, node)
        if isinstance(node, dict):
            return {k: self._deep_resolve(doc, v, depth + 1) for k, v in node.items()}
        if isinstance(node, list):
            return [self._deep_resolve(doc, v, depth + 1) for v in node]
        return node

    def leftover(
        self, where: str, old: dict[str, Any], new: dict[str, Any], handled: Iterable[str]
    ) -> None:
        """Compare every key no rule handled: docs-only for documentation, else breaking."""
        skip = set(handled)
        for key in sorted((set(old) | set(new)) - skip):
            if _same(old.get(key), new.get(key)):
                continue
            if key in DOC_KEYS or key.startswith("x-"):
                self.add(DOCS, f"{key} changed", where)
            else:
                before, after = _fmt(old.get(key)), _fmt(new.get(key))
                self.add(BREAKING, f"{key} changed", where, f"{before} -> {after}")

    # -- schemas ---------------------------------------------------------------------

    def schema(self, where: str, old: Any, new: Any, sides: set[str]) -> None:
        old = old if isinstance(old, dict) else {}
        new = new if isinstance(new, dict) else {}
        old_ref, new_ref = old.get("$ref"), new.get("$ref")
        if old_ref or new_ref:
            if old_ref != new_ref:
                self.add(
                    BREAKING, "type changed", where, f"{schema_type(old)} -> {schema_type(new)}"
                )
            # The referenced schema is compared once, under its own name.
            self.leftover(where, old, new, {"$ref"} if old_ref and new_ref else set(old) | set(new))
            return
        handled: set[str] = {"type", "nullable", "format", "enum", "default", "properties"}
        handled |= {"required", "items", "additionalProperties", "anyOf", "oneOf", "allOf"}
        handled |= set(MIN_KEYS) | set(MAX_KEYS) | set(OTHER_CONSTRAINTS)
        self._type(where, old, new, sides)
        if old.get("format") != new.get("format"):
            self.add(
                BREAKING, "format changed", where, f"{old.get('format')} -> {new.get('format')}"
            )
        self._enum(where, old, new, sides)
        if not _same(old.get("default"), new.get("default")):
            cls = _strictest(sides, BREAKING, DOCS)
            detail = f"{_fmt(old.get('default'))} -> {_fmt(new.get('default'))}"
            self.add(cls, "default changed", where, detail)
        self._properties(where, old, new, sides)
        if "items" in old or "items" in new:
            self.schema(f"{where}[]", old.get("items"), new.get("items"), sides)
        self._additional(where, old, new, sides)
        for key in ("anyOf", "oneOf", "allOf"):
            if key in old or key in new:
                self._composition(where, key, old, new, sides)
        self._constraints(where, old, new, sides)
        self.leftover(where, old, new, handled)

    def _type(self, where: str, old: dict[str, Any], new: dict[str, Any], sides: set[str]) -> None:
        before, after = _types(old), _types(new)
        if before == after:
            return
        widened = before is not None and (after is None or after > before)
        narrowed = after is not None and (before is None or after < before)
        cls = _strictest(
            sides, ADDITIVE if widened else BREAKING, ADDITIVE if narrowed else BREAKING
        )
        old_text = schema_type({k: old[k] for k in ("type", "nullable") if k in old})
        new_text = schema_type({k: new[k] for k in ("type", "nullable") if k in new})
        self.add(cls, "type changed", where, f"{old_text} -> {new_text}")

    def _enum(self, where: str, old: dict[str, Any], new: dict[str, Any], sides: set[str]) -> None:
        if "enum" not in old and "enum" not in new:
            return
        if "enum" not in old:
            self.add(_strictest(sides, BREAKING, ADDITIVE), "enum added", where, _fmt(new["enum"]))
            return
        if "enum" not in new:
            self.add(
                _strictest(sides, ADDITIVE, BREAKING), "enum removed", where, _fmt(old["enum"])
            )
            return
        old_values = {_canon(v): v for v in old.get("enum") or []}
        new_values = {_canon(v): v for v in new.get("enum") or []}
        for key, value in new_values.items():
            if key not in old_values:
                self.add(ADDITIVE, "enum value added", where, _fmt(value))
        for key, value in old_values.items():
            if key not in new_values:
                self.add(BREAKING, "enum value removed", where, _fmt(value))

    def _properties(
        self, where: str, old: dict[str, Any], new: dict[str, Any], sides: set[str]
    ) -> None:
        old_props = old.get("properties") or {}
        new_props = new.get("properties") or {}
        old_req, new_req = set(old.get("required") or []), set(new.get("required") or [])
        for name, prop in new_props.items():
            if name not in old_props:
                need = "required" if name in new_req else "optional"
                request = BREAKING if need == "required" else ADDITIVE
                detail = f"{need}, {schema_type(prop)}"
                self.add(
                    _strictest(sides, request, ADDITIVE),
                    "property added",
                    f"{where}.{name}",
                    detail,
                )
        for name, prop in old_props.items():
            label = f"{where}.{name}"
            if name not in new_props:
                self.add(BREAKING, "property removed", label, schema_type(prop))
                continue
            self.schema(label, prop, new_props[name], sides)
            if (name in old_req) != (name in new_req):
                if name in new_req:
                    self.add(_strictest(sides, BREAKING, ADDITIVE), "now required", label)
                else:
                    self.add(_strictest(sides, ADDITIVE, BREAKING), "now optional", label)
        for name in sorted((old_req ^ new_req) - set(old_props) - set(new_props)):
            now = "required" if name in new_req else "optional"
            self.add(
                BREAKING, f"now {now}", f"{where}.{name}", "a property the schema does not list"
            )

    def _additional(
        self, where: str, old: dict[str, Any], new: dict[str, Any], sides: set[str]
    ) -> None:
        before, after = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if isinstance(before, dict) and isinstance(after, dict):
            self.schema(f"{where}{{*}}", before, after, sides)
        elif not _same(before, after):
            opened = after is True or after == {}
            cls = _strictest(sides, ADDITIVE if opened else BREAKING, ADDITIVE)
            self.add(cls, "additionalProperties changed", where, f"{_fmt(before)} -> {_fmt(after)}")

    def _composition(
        self,
        where: str,
        key: str,
        old_schema: dict[str, Any],
        new_schema: dict[str, Any],
        sides: set[str],
    ) -> None:
        old, new = old_schema.get(key), new_schema.get(key)
        # A schema that said nothing (any value) gaining alternatives is narrowed, and the
        # reverse widened: judged like a type change.
        narrowed = key != "allOf" and old is None and _is_any(old_schema)
        widened = key != "allOf" and new is None and _is_any(new_schema)
        if narrowed or widened:
            before = "any" if narrowed else schema_type(old_schema)
            after = "any" if widened else schema_type(new_schema)
            cls = _strictest(
                sides, ADDITIVE if widened else BREAKING, ADDITIVE if narrowed else BREAKING
            )
            self.add(cls, "type changed", where, f"{before} -> {after}")
            return
        old_list = old if isinstance(old, list) else []
        new_list = new if isinstance(new, list) else []
        if len(old_list) == len(new_list) and old is not None and new is not None:
            for index, (a, b) in enumerate(zip(old_list, new_list, strict=True)):
                self.schema(f"{where}.{key}[{index}]", a, b, sides)
            return
        old_kinds = [schema_type(s) for s in old_list]
        new_kinds = [schema_type(s) for s in new_list]
        # allOf adds constraints; anyOf/oneOf add alternatives.
        more = (BREAKING, ADDITIVE) if key == "allOf" else (ADDITIVE, BREAKING)
        fewer = (ADDITIVE, BREAKING) if key == "allOf" else (BREAKING, ADDITIVE)
        found = len(self.changes)
        for kind in new_kinds:
            if kind not in old_kinds:
                self.add(_strictest(sides, *more), f"{key} member added", where, kind)
        for kind in old_kinds:
            if kind not in new_kinds:
                self.add(_strictest(sides, *fewer), f"{key} member removed", where, kind)
        if len(self.changes) == found:
            detail = f"{' | '.join(old_kinds)} -> {' | '.join(new_kinds)}"
            self.add(BREAKING, f"{key} changed", where, detail)

    def _constraints(
        self, where: str, old: dict[str, Any], new: dict[str, Any], sides: set[str]
    ) -> None:
        for key in (*MIN_KEYS, *MAX_KEYS, *OTHER_CONSTRAINTS):
            before, after = old.get(key), new.get(key)
            if _same(before, after):
                continue
            if key in MIN_KEYS:
                tighter = after is not None and (before is None or after > before)
            elif key in MAX_KEYS:
                tighter = after is not None and (before is None or after < before)
            else:
                tighter = after is not None and after is not False
            cls = _strictest(sides, BREAKING if tighter else ADDITIVE, ADDITIVE)
            self.add(cls, f"{key} changed", where, f"{_fmt(before)} -> {_fmt(after)}")

    # -- operations ------------------------------------------------------------------

    def _params(
        self, doc: dict[str, Any], item: dict[str, Any], op: dict[str, Any]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
            param = self._resolve(doc, raw)
            if isinstance(param, dict):
                merged[(str(param.get("in", "?")), str(param.get("name", "?")))] = param
        return merged

    def parameters(
        self, label: str, old: dict[tuple[str, str], Any], new: dict[tuple[str, str], Any]
    ) -> None:
        for key, param in new.items():
            if key not in old:
                need = "required" if param.get("required") else "optional"
                kind = schema_type(param.get("schema", {}))
                cls = BREAKING if param.get("required") else ADDITIVE
                self.add(cls, "parameter added", f"{label} {key[0]} '{key[1]}'", f"{need}, {kind}")
        for key, param in old.items():
            where = f"{label} {key[0]} '{key[1]}'"
            if key not in new:
                self.add(BREAKING, "parameter removed", where)
                continue
            newp = new[key]
            if bool(param.get("required")) != bool(newp.get("required")):
                if newp.get("required"):
                    self.add(BREAKING, "parameter now required", where)
                else:
                    self.add(ADDITIVE, "parameter now optional", where)
            self.schema(f"parameter {where}", param.get("schema"), newp.get("schema"), {REQUEST})
            self.content(f"parameter {where}", param.get("content"), newp.get("content"), REQUEST)
            self.leftover(where, param, newp, {"name", "in", "required", "schema", "content"})

    def content(self, where: str, old: Any, new: Any, side: str) -> None:
        old = old if isinstance(old, dict) else {}
        new = new if isinstance(new, dict) else {}
        for media in new:
            if media not in old:
                self.add(ADDITIVE, "content type added", where, media)
        for media, body in old.items():
            if media not in new:
                self.add(BREAKING, "content type removed", where, media)
                continue
            label = f"{where} {media}"
            self.schema(label, body.get("schema"), new[media].get("schema"), {side})
            self.leftover(label, body, new[media], {"schema"})

    def responses(self, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for status in new:
            if status not in old:
                self.add(ADDITIVE, "response added", f"{label} HTTP {status}")
        for status, raw in old.items():
            where = f"{label} HTTP {status}"
            if status not in new:
                cls = BREAKING if str(status).startswith("2") else ADDITIVE
                self.add(cls, "response removed", where)
                continue
            before, after = self._resolve(self.old, raw), self._resolve(self.new, new[status])
            if not isinstance(before, dict) or not isinstance(after, dict):
                continue
            self.content(where, before.get("content"), after.get("content"), RESPONSE)
            self.headers(where, before.get("headers") or {}, after.get("headers") or {})
            self.leftover(where, before, after, {"content", "headers", "$ref"})

    def headers(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for name in new:
            if name not in old:
                self.add(ADDITIVE, "response header added", where, name)
        for name, raw in old.items():
            if name not in new:
                self.add(BREAKING, "response header removed", where, name)
                continue
            before, after = self._resolve(self.old, raw), self._resolve(self.new, new[name])
            if not isinstance(before, dict) or not isinstance(after, dict):
                continue
            label = f"{where} header {name}"
            if bool(before.get("required")) and not bool(after.get("required")):
                self.add(BREAKING, "header now optional", label)
            self.schema(label, before.get("schema"), after.get("schema"), {RESPONSE})
            self.leftover(label, before, after, {"schema", "required"})

    def request_body(self, label: str, old: Any, new: Any) -> None:
        before, after = self._resolve(self.old, old), self._resolve(self.new, new)
        if before is None and after is None:
            return
        where = f"{label} request body"
        if before is None:
            self.add(BREAKING if after.get("required") else ADDITIVE, "request body added", where)
            return
        if after is None:
            self.add(BREAKING, "request body removed", where)
            return
        if bool(before.get("required")) != bool(after.get("required")):
            cls = BREAKING if after.get("required") else ADDITIVE
            self.add(
                cls,
                "request body now " + ("required" if after.get("required") else "optional"),
                where,
            )
        self.content(where, before.get("content"), after.get("content"), REQUEST)
        self.leftover(where, before, after, {"content", "required", "$ref"})

    def servers(self, where: str, old: Any, new: Any) -> None:
        old_by = {s.get("url"): s for s in old or [] if isinstance(s, dict)}
        new_by = {s.get("url"): s for s in new or [] if isinstance(s, dict)}
        for url in new_by:
            if url not in old_by:
                self.add(ADDITIVE, "server added", where, str(url))
        for url, server in old_by.items():
            if url not in new_by:
                self.add(BREAKING, "server removed", where, str(url))
            else:
                self.leftover(f"{where} server {url}", server, new_by[url], {"url"})

    def security(self, where: str, old: Any, new: Any) -> None:
        def alternatives(value: Any) -> dict[str, Any]:
            requirements = value if isinstance(value, list) and value else [{}]
            return {_canon({k: sorted(v) for k, v in r.items()}): r for r in requirements}

        before, after = alternatives(old), alternatives(new)
        for key, req in after.items():
            if key not in before:
                self.add(
                    ADDITIVE, "security alternative added", where, _fmt(req) if req else "none"
                )
        for key, req in before.items():
            if key not in after:
                self.add(
                    BREAKING,
                    "security alternative removed",
                    where,
                    _fmt(req) if req else "none (anonymous)",
                )

    def operation(
        self, label: str, item_old: dict[str, Any], item_new: dict[str, Any], method: str
    ) -> None:
        old, new = item_old[method], item_new[method]
        if old.get("operationId") != new.get("operationId"):
            detail = f"{old.get('operationId')} -> {new.get('operationId')}"
            self._naming("operationId changed", label, detail, "operationId")
        if not _same(old.get("tags"), new.get("tags")):
            detail = f"{_fmt(old.get('tags'))} -> {_fmt(new.get('tags'))}"
            self._naming("tags changed", label, detail, "tags")
        self.parameters(
            label, self._params(self.old, item_old, old), self._params(self.new, item_new, new)
        )
        self.request_body(label, old.get("requestBody"), new.get("requestBody"))
        self.responses(label, old.get("responses") or {}, new.get("responses") or {})
        old_servers = old.get("servers", item_old.get("servers", self.old.get("servers")))
        new_servers = new.get("servers", item_new.get("servers", self.new.get("servers")))
        if "servers" in old or "servers" in new or "servers" in item_old or "servers" in item_new:
            self.servers(label, old_servers, new_servers)
        self.security(
            label,
            old.get("security", self.old.get("security")),
            new.get("security", self.new.get("security")),
        )
        handled = {
            "operationId",
            "tags",
            "parameters",
            "requestBody",
            "responses",
            "servers",
            "security",
        }
        self.leftover(label, old, new, handled)

    def _naming(self, kind: str, label: str, detail: str, key: str) -> None:
        """The generated module and function are named after ``operationId`` and tags."""
        if key in self.pinned:
            self.add(DOCS, kind, label, detail + " (the overlay pins it: nothing generated moves)")
        else:
            self.add(BREAKING, kind, label, detail + " (the generated module path follows it)")

    # -- the document ----------------------------------------------------------------

    def run(self) -> list[Change]:
        old, new = self.old, self.new
        before, after = str(old.get("openapi", "")), str(new.get("openapi", ""))
        if before != after:
            same_minor = before.split(".")[:2] == after.split(".")[:2]
            self.add(
                DOCS if same_minor else BREAKING,
                "openapi version changed",
                "document",
                f"{before} -> {after}",
            )
        old_info, new_info = old.get("info") or {}, new.get("info") or {}
        for key in sorted(set(old_info) | set(new_info)):
            if not _same(old_info.get(key), new_info.get(key)):
                self.add(DOCS, f"{key} changed", "info")
        self.servers("document", old.get("servers"), new.get("servers"))
        self._tags(old.get("tags") or [], new.get("tags") or [])
        old_paths, new_paths = old.get("paths") or {}, new.get("paths") or {}
        for path, item in new_paths.items():
            if path not in old_paths:
                self._whole_path(ADDITIVE, "added", path, item)
        for path, item in old_paths.items():
            if path not in new_paths:
                self._whole_path(BREAKING, "removed", path, item)
                continue
            item_new = new_paths[path]
            for method in METHODS:
                label = f"{method.upper()} {path}"
                o, n = item.get(method), item_new.get(method)
                if o and not n:
                    self.add(BREAKING, "operation removed", label)
                elif n and not o:
                    self.add(ADDITIVE, "operation added", label)
                elif o and n:
                    self.operation(label, item, item_new, method)
            self.leftover(path, item, item_new, {*METHODS, "parameters", "servers"})
        self._components()
        top = {"openapi", "info", "servers", "tags", "paths", "components", "security", RELEASE_KEY}
        self.leftover("document", old, new, top)
        return self.changes

    def _whole_path(self, cls: str, what: str, path: str, item: Any) -> None:
        """A path added or removed: one line per operation on it (the path when it has none)."""
        methods = [m for m in METHODS if isinstance(item, dict) and isinstance(item.get(m), dict)]
        for method in methods:
            self.add(cls, f"operation {what}", f"{method.upper()} {path}")
        if not methods:
            self.add(cls, f"path {what}", path)

    def _tags(self, old: list[Any], new: list[Any]) -> None:
        old_by = {t.get("name"): t for t in old if isinstance(t, dict)}
        new_by = {t.get("name"): t for t in new if isinstance(t, dict)}
        for name in sorted(set(old_by) ^ set(new_by), key=str):
            self.add(
                DOCS, "tag " + ("added" if name in new_by else "removed"), "document", str(name)
            )
        for name in old_by.keys() & new_by.keys():
            self.leftover(f"tag {name}", old_by[name], new_by[name], {"name"})

    def _components(self) -> None:
        old_c, new_c = self.old.get("components") or {}, self.new.get("components") or {}
        old_s, new_s = self._schemas(self.old), self._schemas(self.new)
        for name in new_s:
            if name not in old_s:
                self.add(ADDITIVE, "schema added", name)
        for name, schema in old_s.items():
            if name not in new_s:
                self.add(BREAKING, "schema removed", name)
            else:
                sides = self.sides.get(name) or {REQUEST, RESPONSE}
                self.schema(name, schema, new_s[name], sides)
        old_sec, new_sec = old_c.get("securitySchemes") or {}, new_c.get("securitySchemes") or {}
        for name in new_sec:
            if name not in old_sec:
                self.add(ADDITIVE, "security scheme added", name)
        for name, scheme in old_sec.items():
            if name not in new_sec:
                self.add(BREAKING, "security scheme removed", name)
            else:
                self.leftover(f"security scheme {name}", scheme, new_sec[name], ())


def diff_documents(
    old: dict[str, Any], new: dict[str, Any], pinned: frozenset[str] = frozenset()
) -> list[Change]:
    """Every change from ``old`` to ``new``, each with its class: breaking ones first,
    then additive, then docs-only, each group in document order. ``pinned``: the
    operation keys the overlay sets itself (``overlay.pinned_keys``)."""
    return sorted(Differ(old, new, pinned).run(), key=lambda c: CLASSES.index(c.cls))


def level(changes: Iterable[Change]) -> str | None:
    """The highest class among ``changes`` (None when there is none)."""
    found = {c.cls for c in changes}
    return next((cls for cls in CLASSES if cls in found), None)


def counts(changes: Iterable[Change]) -> dict[str, int]:
    found = list(changes)
    return {cls: sum(1 for c in found if c.cls == cls) for cls in CLASSES}


def load(path: str, git_rev: str | None = None) -> dict[str, Any]:
    """A document from a file, or from ``git show REV:PATH``; DiffError when unreadable."""
    if git_rev is not None:
        spec = f"{git_rev}:{Path(path).as_posix()}"
        try:
            proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
                ["git", "show", spec],  # noqa: S607
                capture_output=True,
                check=False,
            )
        except OSError as exc:
            raise DiffError(f"cannot run git ({exc})") from None
        if proc.returncode != 0:
            first = proc.stderr.decode(errors="replace").strip().splitlines()
            raise DiffError(f"cannot read {spec} ({first[0] if first else 'git show failed'})")
        raw, name = proc.stdout, spec
    else:
        try:
            raw, name = Path(path).read_bytes(), path
        except OSError as exc:
            raise DiffError(f"cannot read {path} ({exc.strerror or exc})") from None
    try:
        document = json.loads(raw)
    except ValueError as exc:
        raise DiffError(f"{name} is not JSON ({exc})") from None
    if not isinstance(document, dict):
        raise DiffError(f"{name} is not a JSON object")
    return document


def report(
    changes: list[Change], old: dict[str, Any], new: dict[str, Any], names: tuple[str, str]
) -> dict[str, Any]:
    return {
        "old": names[0],
        "new": names[1],
        "release_id": {"old": old.get(RELEASE_KEY), "new": new.get(RELEASE_KEY)},
        "changes": [c.as_dict() for c in changes],
        "counts": counts(changes),
        "level": level(changes),
    }


def summary_line(
    changes: list[Change], old: dict[str, Any], new: dict[str, Any], names: tuple[str, str]
) -> str:
    before, after = old.get(RELEASE_KEY), new.get(RELEASE_KEY)
    release = f"; release id {before} -> {after}" if before != after else ""
    if not changes:
        return f"spec-diff: no changes between {names[0]} and {names[1]}{release}"
    tally = ", ".join(f"{n} {cls}" for cls, n in counts(changes).items() if n)
    return f"spec-diff: {len(changes)} change(s) ({tally}) from {names[0]} to {names[1]}{release}"


USAGE = (
    "usage: spec_diff.py [--json] [--overlay OVERLAY.json] OLD.json NEW.json"
    " | ... --git-rev REV PATH NEW.json"
)


def load_pinned(path: str) -> frozenset[str]:
    """The operation keys the overlay at ``path`` pins (``overlay.pinned_keys``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from overlay import OverlayError, pinned_keys

    try:
        return pinned_keys(load(path))
    except OverlayError as exc:
        raise DiffError(f"{path}: {exc}") from None


def main(argv: list[str]) -> int:
    args = list(argv)
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    pinned_from: str | None = None
    if "--overlay" in args:
        at = args.index("--overlay")
        if at + 1 >= len(args):
            print(USAGE, file=sys.stderr)
            return 2
        pinned_from = args[at + 1]
        del args[at : at + 2]
    git_rev: str | None = None
    if args[:1] == ["--git-rev"]:
        if len(args) < 2:
            print(USAGE, file=sys.stderr)
            return 2
        git_rev, args = args[1], args[2:]
    if len(args) != 2 or any(a.startswith("--") for a in args):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        old = load(args[0], git_rev)
        new = load(args[1])
        pinned = load_pinned(pinned_from) if pinned_from else frozenset()
    except DiffError as exc:
        print(f"spec-diff: {exc}", file=sys.stderr)
        return 2
    names = (f"{git_rev}:{args[0]}" if git_rev else args[0], args[1])
    changes = diff_documents(old, new, pinned)
    if as_json:
        print(json.dumps(report(changes, old, new, names), ensure_ascii=False, indent=2))
    else:
        width = max(len(cls) for cls in CLASSES)
        for change in changes:
            print(f"{change.cls:<{width}}  {change.text}")
        print(summary_line(changes, old, new, names))
    return 1 if changes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

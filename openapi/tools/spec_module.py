"""Write the spec facts the hand-written wrapper needs as a small Python module.

    python spec_module.py openapi/xingtu.json wrapper/justoneapi_xingtu/_spec_data.py

The wrapper reads the operation table (each GET operation's path, its stable Python name
derived from the path, its parameters with their wire and Python names, types, enums,
defaults and whether they are required, and the schema of its answer's data), the
platform enum, the documented business codes and the ``RecVideo`` field table from this
module, never from a hand-written copy: an operation or a field added to the spec reaches
the client through ``make generate`` alone. ``make check-generated``
rewrites it into a temporary folder and fails when the committed file differs.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

TYPED = "author_rec_videos"
"""The operation the wrapper types (``AuthorRecVideos``), by its name (from its path)."""
METHOD = "get"
SENT = ("token", "oAuthorId")
"""The query parameters the wrapper sends on every call of :data:`TYPED`: each must
stay, and no other may become required (the wrapper would not send it)."""
RESERVED = frozenset({"call", "close", "aclose", "with_options", "operations"})
"""Client attributes an operation name must not take."""
CANNOT_ABSORB = "a release the wrapper cannot absorb: adapt the wrapper (_spec.py, client)"
_KINDS = {"integer": "int", "number": "float", "string": "str", "boolean": "bool"}
_PY = {"int": "int", "float": "float", "str": "str", "bool": "bool", "list[str]": "list[str]"}


class SpecModuleError(Exception):
    pass


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        ref = str(node["$ref"])
        if not ref.startswith("#/"):
            raise SpecModuleError(f"external $ref {ref} is not supported")
        target: Any = document
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def _kind(name: str, schema: dict[str, Any]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    if kind == "array":
        items = schema.get("items", {})
        if items.get("type") == "string":
            return "list[str]"
        raise SpecModuleError(f"RecVideo.{name}: only arrays of strings are supported")
    if kind not in _KINDS:
        raise SpecModuleError(f"RecVideo.{name}: unsupported type {schema.get('type')!r}")
    return _KINDS[str(kind)]


def operation_name(path: str) -> str:
    """The stable Python name of the operation at ``path``: its last segment before the
    version, ``-`` as ``_``, without a leading ``get_`` or a trailing ``_v2``; on the
    newer ``get-*`` paths (which take ``kolId``) a leading ``author_`` reads ``kol_``.
    Derived from the path alone, so a renamed ``operationId`` or tag renames nothing."""
    segments = [s for s in path.split("/") if s and not re.fullmatch(r"v\d+", s)]
    last = segments[-1] if segments else ""
    name = re.sub(r"_v\d+$", "", last.replace("-", "_").lower())
    name = name.removeprefix("get_")
    if "-" in last and name.startswith("author_"):
        name = "kol_" + name.removeprefix("author_")
    if not name.isidentifier() or keyword.iskeyword(name):
        raise SpecModuleError(f"{path}: no Python name can be derived from this path")
    return name


def python_name(wire: str) -> str:
    name = _snake(wire)
    return name + "_" if keyword.iskeyword(name) else name


def _parameter(document: dict[str, Any], where: str, parameter: dict[str, Any]) -> dict[str, Any]:
    schema = _resolve(document, parameter.get("schema", {}))
    kind = schema.get("type", "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind not in _KINDS:
        raise SpecModuleError(f"{where}: parameter {parameter['name']!r} of type {kind!r}")
    return {
        "wire": str(parameter["name"]),
        "name": python_name(str(parameter["name"])),
        "kind": _KINDS[kind],
        "required": bool(parameter.get("required")),
        "default": schema.get("default"),
        "enum": tuple(str(v) for v in schema.get("enum", ())),
        "description": str(parameter.get("description", "")).split("\n")[0].strip(),
    }


def data_schema(document: dict[str, Any], operation: dict[str, Any]) -> str | None:
    """The schema name of ``data`` in the operation's 200 answer, when the spec types it
    (in the envelope's own properties or in one of its ``allOf`` members)."""
    try:
        answer = _resolve(document, operation["responses"]["200"])
        envelope = answer["content"]["application/json"]["schema"]
    except (KeyError, TypeError):
        return None
    for data in _data_options(document, envelope):
        for option in [data, *data.get("anyOf", ()), *data.get("oneOf", ())]:
            ref = option.get("$ref", "") if isinstance(option, dict) else ""
            if ref.startswith("#/components/schemas/"):
                return ref.rsplit("/", 1)[1]
    return None


def _data_options(document: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every schema the envelope ``schema`` gives ``data``: its own, then its allOf members'."""
    schema = _resolve(document, schema)
    own = schema.get("properties", {}).get("data")
    found = [own] if isinstance(own, dict) else []
    for member in schema.get("allOf", ()):
        if isinstance(member, dict):
            found += _data_options(document, member)
    return found


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The GET operations of the spec, sorted by name, each with its query parameters
    (the token aside: every operation must take it)."""
    found: dict[str, dict[str, Any]] = {}
    for path, item in sorted(document.get("paths", {}).items()):
        operation = item.get(METHOD) if isinstance(item, dict) else None
        if not isinstance(operation, dict):
            continue
        name = operation_name(path)
        if name in found or name in RESERVED:
            other = found[name]["path"] if name in found else "the client"
            raise SpecModuleError(
                f"{path}: its name {name!r} is already taken by {other}; exclude one "
                "operation in the spec's pull configuration"
            )
        resolved = [_resolve(document, p) for p in operation.get("parameters", [])]
        query = [_parameter(document, path, p) for p in resolved if p.get("in") == "query"]
        if not any(p["wire"] == "token" and p["required"] for p in query):
            raise SpecModuleError(f"{path}: it does not take the required token: {CANNOT_ABSORB}")
        found[name] = {
            "name": name,
            "path": path,
            "summary": str(operation.get("summary", "")).strip(),
            "description": str(operation.get("description", "")).strip(),
            "params": [p for p in query if p["wire"] != "token"],
            "data_schema": data_schema(document, operation),
            "deprecated": bool(operation.get("deprecated")),
        }
    return [found[name] for name in sorted(found)]


def facts(document: dict[str, Any]) -> dict[str, Any]:
    """What the wrapper needs, read from the effective spec; errors name what is missing."""
    table = operations(document)
    typed = next((op for op in table if op["name"] == TYPED), None)
    if typed is None:
        raise SpecModuleError(
            f"the spec has no GET operation named {TYPED!r} (its path moved?): "
            f"{CANNOT_ABSORB}. Update openapi/tools/spec_module.py and the overlay, then "
            "run make spec generate"
        )
    query = [("token", "token", True)] + [
        (p["wire"], p["name"], p["required"]) for p in typed["params"]
    ]
    platforms: list[str] = []
    default_platform = None
    for parameter in typed["params"]:
        if parameter["wire"] == "platform":
            platforms = list(parameter["enum"])
            default_platform = parameter["default"]
    _relied_on_parameters(query)
    schemas = document.get("components", {}).get("schemas", {})
    try:
        rec_video = _resolve(document, schemas["RecVideo"])
        code = _resolve(document, schemas["Result"]["properties"]["code"])
    except KeyError as exc:
        raise SpecModuleError(f"the spec has no {exc.args[0]} schema: run make spec") from None
    if code.get("type") != "integer" or not isinstance(code.get("enum"), list):
        raise SpecModuleError(
            f"Result.code is no longer an integer enum (type {code.get('type')!r}): "
            f"the wrapper maps integer business codes; {CANNOT_ABSORB}"
        )
    codes = [int(c) for c in code["enum"]]
    fields = [
        (name, _kind(name, _resolve(document, schema)), str(schema.get("description", "")))
        for name, schema in rec_video.get("properties", {}).items()
    ]
    return {
        "operations": table,
        "platforms": platforms,
        "default_platform": default_platform,
        "codes": codes,
        "fields": fields,
    }


def _relied_on_parameters(query: list[tuple[str, str, bool]]) -> None:
    required = {wire for wire, _, req in query if req}
    for name in SENT:
        if name not in required:
            state = "optional now" if any(w == name for w, _, _ in query) else "removed"
            raise SpecModuleError(
                f"the query parameter {name!r} the wrapper sends is {state}: {CANNOT_ABSORB}"
            )
    extra = sorted(required - set(SENT))
    if extra:
        raise SpecModuleError(
            f"new required query parameter(s) {', '.join(map(repr, extra))} the wrapper does "
            f"not send: {CANNOT_ABSORB}"
        )


def _snake(name: str) -> str:
    out = "".join("_" + c.lower() if c.isupper() else c for c in name)
    return out.lstrip("_")


def render(f: dict[str, Any]) -> str:
    lines = [
        '"""Facts of openapi/xingtu.json for the wrapper: written by `make generate`',
        "(openapi/tools/spec_module.py). Never edit by hand: change the spec and regenerate.",
        '"""',
        "",
        "from typing import Final, Literal",
        "",
        "from ._operation import Operation, Param",
        "",
        "OPERATIONS: Final[dict[str, Operation]] = {",
        *_render_operations(f["operations"]),
        "}",
        '"""Every GET operation of the spec by its Python name (derived from its path)."""',
        "PlatformName = Literal[" + ", ".join(repr(p) for p in f["platforms"]) + "]",
        '"""A platform by its name, as type checkers see ``platform=`` (any case at run time)."""',
        f"PLATFORMS: Final[tuple[PlatformName, ...]] = {tuple(f['platforms'])!r}",
        f"DEFAULT_PLATFORM: Final = {f['default_platform']!r}",
        f"CODES: Final[tuple[int, ...]] = {tuple(f['codes'])!r}",
        "VIDEO_FIELDS: Final[tuple[tuple[str, str], ...]] = (",
        *[f"    ({name!r}, {kind!r})," for name, kind, _ in f["fields"]],
        ")",
        "",
        "",
        "class RecVideoFields:",
        '    """The fields of ``RecVideo``, each its declared type or ``None`` when missing."""',
        "",
        "    __slots__ = ()",
        "",
    ]
    for name, kind, description in f["fields"]:
        lines.append(f"    {name}: {_PY[kind]} | None")
        if description:
            lines.append(f'    """{description}"""')
    return "\n".join(lines) + "\n"


def _render_operations(table: list[dict[str, Any]]) -> list[str]:
    lines = []
    for op in table:
        lines += [
            f"    {op['name']!r}: Operation(",
            f"        name={op['name']!r},",
            f"        path={op['path']!r},",
            f"        summary={op['summary']!r},",
            f"        description={op['description']!r},",
            f"        data_schema={op['data_schema']!r},",
            f"        deprecated={op['deprecated']!r},",
            "        params=(",
        ]
        for p in op["params"]:
            lines.append(
                f"            Param({p['wire']!r}, {p['name']!r}, {p['kind']!r}, "
                f"required={p['required']!r}, default={p['default']!r}, enum={p['enum']!r}, "
                f"description={p['description']!r}),"
            )
        lines += ["        ),", "    ),"]
    return lines


_ANNOTATION = {"str": "str", "int": "int", "float": "float", "bool": "bool"}


def _annotation(param: dict[str, Any]) -> str:
    if param["enum"]:
        return "Literal[" + ", ".join(repr(v) for v in param["enum"]) + "]"
    if param["kind"] == "str" and param["wire"].endswith("Date"):
        return "str | datetime.date"
    return _ANNOTATION[param["kind"]]


def _docstring(op: dict[str, Any], indent: str) -> list[str]:
    """The method's docstring: summary, description, the parameters with their defaults."""
    text = [op["summary"] or op["name"]]
    if op["description"] and op["description"] != op["summary"]:
        text += ["", op["description"]]
    if op["deprecated"]:
        text += ["", "Deprecated by the publisher: it may be removed in a later release."]
    text += ["", f"``GET {op['path']}``; answers :class:`~justoneapi_xingtu.Answer`."]
    if op["params"]:
        text += ["", "Args:"]
        for p in op["params"]:
            line = f"    {p['name']}: {p['description'] or p['wire']}"
            if not p["required"]:
                shown = "" if p["default"] is None else f"; the server's default: {p['default']!r}"
                line += f" (optional{shown})"
            text.append(line)
    wrapped: list[str] = []
    for line in text:
        hanging = " " * 8 if line.startswith("    ") else ""
        wrapped += textwrap.wrap(line, 84, subsequent_indent=hanging) or [""]
    body = "\n".join(f"{indent}{line}" if line else "" for line in wrapped)
    body = body.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return [f'{indent}"""{body.lstrip()}', f'{indent}"""']


def _method(op: dict[str, Any], is_async: bool) -> list[str]:
    required = [p for p in op["params"] if p["required"]]
    optional = [p for p in op["params"] if not p["required"]]
    args = ["self"] + [f"{p['name']}: {_annotation(p)}" for p in required]
    if optional:
        args += ["*"] + [f"{p['name']}: {_annotation(p)} | None = None" for p in optional]
    values = ", ".join(f"{p['name']!r}: {p['name']}" for p in op["params"])
    prefix, wait = ("async def", "await ") if is_async else ("def", "")
    return [
        f"    {prefix} {op['name']}({', '.join(args)}) -> Answer:",
        *_docstring(op, "        "),
        f"        return {wait}self._answer(OPERATIONS[{op['name']!r}], {{{values}}})",
        "",
    ]


def render_methods(f: dict[str, Any]) -> str:
    """One method per untyped operation, for the sync and the async client (the typed
    operations are written by hand with their result types)."""
    untyped = [op for op in f["operations"] if op["data_schema"] is None]
    params = [p for op in untyped for p in op["params"]]
    lines = [
        '"""A method per operation of openapi/xingtu.json: written by `make generate`',
        "(openapi/tools/spec_module.py). Never edit by hand: change the spec and regenerate.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        *(["import datetime"] if any("datetime" in _annotation(p) for p in params) else []),
        "from collections.abc import Mapping",
        *(["from typing import Literal"] if any(p["enum"] for p in params) else []),
        "",
        "from ._operation import Operation",
        *(["from ._spec_data import OPERATIONS"] if untyped else []),
        "from .models import Answer",
        "",
        "",
    ]
    for cls, is_async in (("Operations", False), ("AsyncOperations", True)):
        kind = "awaitable " if is_async else ""
        lines += [
            f"class {cls}:",
            f'    """The {kind}methods of the untyped operations (a client supplies _answer)."""',
            "",
            "    __slots__ = ()",
            "",
        ]
        lines += [  # ruff format joins these lines where they fit
            f"    {'async ' if is_async else ''}def _answer(",
            "        self, operation: Operation, values: Mapping[str, object]",
            "    ) -> Answer:",
            "        raise NotImplementedError",
            "",
        ]
        for op in untyped:
            lines += _method(op, is_async)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print("usage: spec_module.py SPEC.json OUT.py [METHODS.py]", file=sys.stderr)
        return 2
    try:
        document = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        found = facts(document)
        text = render(found)
        methods = render_methods(found)
    except (OSError, ValueError, SpecModuleError) as exc:
        print(f"spec_module: {exc}", file=sys.stderr)
        return 2
    Path(argv[2]).write_text(text, encoding="utf-8")
    if len(argv) == 4:
        Path(argv[3]).write_text(methods, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

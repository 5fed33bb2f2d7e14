"""Write the spec facts the hand-written wrapper needs as a small Python module.

    python spec_module.py openapi/xingtu.json wrapper/justoneapi_xingtu/_spec_data.py

The wrapper reads the operation's path and query parameters, the platform enum and its
default, the documented business codes and the ``RecVideo`` field table from this
module, never from a hand-written copy: a field added to the overlay reaches
``justoneapi_xingtu.Video`` through ``make generate`` alone. ``make check-generated``
rewrites it into a temporary folder and fails when the committed file differs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

PATH = "/api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1"
METHOD = "get"
SENT = ("token", "oAuthorId")
"""The query parameters the wrapper sends on every call: each must stay, and no other
may become required (the wrapper would not send it)."""
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


def facts(document: dict[str, Any]) -> dict[str, Any]:
    """What the wrapper needs, read from the effective spec; errors name what is missing."""
    try:
        operation = document["paths"][PATH][METHOD]
    except KeyError:
        raise SpecModuleError(
            f"the spec has no {METHOD.upper()} {PATH}: did the path move? {CANNOT_ABSORB}. "
            "Update openapi/tools/spec_module.py and the overlay, then run make spec generate"
        ) from None
    query: list[tuple[str, str, bool]] = []
    platforms: list[str] = []
    default_platform = None
    for parameter in operation.get("parameters", []):
        parameter = _resolve(document, parameter)
        if parameter.get("in") != "query":
            continue
        name = str(parameter["name"])
        query.append((name, _snake(name), bool(parameter.get("required"))))
        if parameter["name"] == "platform":
            schema = _resolve(document, parameter.get("schema", {}))
            platforms = [str(v) for v in schema.get("enum", [])]
            default_platform = schema.get("default")
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
        "query": query,
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
        f"PATH: Final = {PATH!r}",
        f"METHOD: Final = {METHOD.upper()!r}",
        "QUERY: Final[tuple[tuple[str, str, bool], ...]] = (",
        "    # (name on the wire, Python name, required)",
        *[f"    ({wire!r}, {py!r}, {req!r})," for wire, py, req in f["query"]],
        ")",
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


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: spec_module.py SPEC.json OUT.py", file=sys.stderr)
        return 2
    try:
        document = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        text = render(facts(document))
    except (OSError, ValueError, SpecModuleError) as exc:
        print(f"spec_module: {exc}", file=sys.stderr)
        return 2
    Path(argv[2]).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Published-looking OpenAPI documents for the spec tool tests, built from the vendored one.

The vendored document is the Xingtu family as ``make pull-spec`` extracted it (every GET
operation of the tag ``openapi/operations.json`` names). ``whole_document`` is shaped
like the docs site's canonical ``openapi-zh.json`` around it: other platforms'
operations that share components with ours and bring their own (which an extract must
drop), a second method on one of our paths, a top-level ``x-openapi-release-id``, other
tags and a security scheme nobody here uses. Extracting it gives the family back.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

from conftest import ROOT

from justoneapi_xingtu.testing import ENDPOINT_PATH

UPSTREAM = ROOT / "openapi" / "upstream" / "douyin-creator-marketplace-xingtu.json"
LOCK = ROOT / "openapi" / "upstream.lock.json"
CONFIG = ROOT / "openapi" / "operations.json"
TAG = "Douyin Creator Marketplace (Xingtu)"
PATH = ENDPOINT_PATH  # the typed operation: the spec's path, through the table
"""The operation the package types (recommended videos)."""
TOOLS = ROOT / "openapi" / "tools"


def vendored() -> dict[str, Any]:
    return json.loads(UPSTREAM.read_text(encoding="utf-8"))


def our_operation(doc: dict[str, Any], path: str = PATH) -> dict[str, Any]:
    return doc["paths"][path]["get"]


def family(doc: dict[str, Any]) -> list[str]:
    """The operations the committed ``openapi/operations.json`` takes from ``doc`` (GET
    operations of its tag, plus its additions, minus its exclusions), as sorted
    ``"GET /path"``: what ``make pull-spec`` would vendor."""
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    import pull_spec

    return pull_spec.select(doc, pull_spec.load_config(CONFIG))


def new_operation(doc: dict[str, Any], path: str, *, like: str = PATH) -> dict[str, Any]:
    """``doc`` with a new GET operation of the family at ``path``, a copy of the one at
    ``like`` (same envelope, same parameters) under its own operationId and summary."""
    operation = copy.deepcopy(our_operation(doc, like))
    operation["operationId"] = "get" + "".join(p.title() for p in re.split(r"[/_-]", path))
    operation["summary"] = "Synthetic operation " + path.rsplit("/", 2)[-2]
    operation["tags"] = [TAG]  # whatever the vendor calls the one it copies
    doc["paths"][path] = {"get": operation}
    return doc


def param(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in our_operation(doc)["parameters"] if p["name"] == name)


def whole_document(release_id: str | None = None, others: int = 40) -> dict[str, Any]:
    """The vendored family inside a whole document, under ``release_id`` (by default the
    vendored document's own)."""
    doc = vendored()
    doc["x-openapi-release-id"] = release_id or doc.get("x-openapi-release-id") or "rel-0"
    doc["tags"].append({"name": "Other Platform", "description": "not ours"})
    doc["tags"].insert(0, {"name": "Douyin", "description": "not ours either"})
    components = doc["components"]
    components["parameters"] = {
        "Token": {"name": "token", "in": "query", "required": True, "schema": {"type": "string"}}
    }
    bad_request = "#/components/responses/" + next(iter(components["responses"]))
    components["responses"]["OtherOk"] = {
        "description": "OK",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OtherResult"}}},
    }
    components["schemas"]["OtherResult"] = {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/OtherItem"}},
        },
    }
    components["schemas"]["OtherItem"] = {
        "type": "object",
        "properties": {"id": {"type": "string"}},
    }
    components["securitySchemes"] = {"unusedKey": {"type": "apiKey", "in": "header", "name": "X"}}
    for index in range(others):
        doc["paths"][f"/api/other-platform/item-{index:03d}/v1"] = {
            "get": {
                "tags": ["Other Platform"],
                "operationId": f"getOtherItem{index:03d}",
                "summary": f"Other item {index}",
                "parameters": [{"$ref": "#/components/parameters/Token"}],
                "responses": {
                    "200": {"$ref": "#/components/responses/OtherOk"},
                    "400": {"$ref": bad_request},
                },
            }
        }
    # A second method on our own path: not ours either.
    doc["paths"][PATH]["post"] = copy.deepcopy(our_operation(doc))
    doc["paths"][PATH]["post"]["operationId"] = "postSomethingElse"
    return doc


def dump(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()


def write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_bytes(dump(doc))
    return path

"""Published-looking OpenAPI documents for the spec tool tests, built from the vendored one.

``whole_document`` is shaped like the docs site's canonical ``openapi-zh.json``: our
operation among many others that share components with it and bring their own (which
an extract must drop), a top-level ``x-openapi-release-id``, tags and a security
scheme nobody here uses.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from conftest import ROOT

UPSTREAM = ROOT / "openapi" / "upstream" / "author-recommended-videos-v1-zh.json"
LOCK = ROOT / "openapi" / "upstream.lock.json"
PATH = "/api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1"
TOOLS = ROOT / "openapi" / "tools"


def vendored() -> dict[str, Any]:
    return json.loads(UPSTREAM.read_text(encoding="utf-8"))


def our_operation(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["paths"][PATH]["get"]


def param(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in our_operation(doc)["parameters"] if p["name"] == name)


def whole_document(release_id: str = "e0ede803fa64ee10", others: int = 40) -> dict[str, Any]:
    doc = vendored()
    doc["x-openapi-release-id"] = release_id
    doc["info"] = {"title": "OpenAPI definition", "version": "v0"}
    doc["tags"].append({"name": "Other Platform", "description": "not ours"})
    components = doc["components"]
    components["parameters"] = {
        "Token": {"name": "token", "in": "query", "required": True, "schema": {"type": "string"}}
    }
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
                    "400": {"$ref": "#/components/responses/BadRequest"},
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

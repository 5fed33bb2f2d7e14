"""The effective spec: valid, deterministic, and what the overlay says it is."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from _drift import REBUILD_SPEC, assert_same_json, spec_part
from conftest import ROOT
from openapi_spec_validator import validate

sys.path.insert(0, str(ROOT / "openapi" / "tools"))
from overlay import OverlayError, apply_overlay, parse_target
from pull_spec import _stray_defaults_dropped

from justoneapi_xingtu.testing import ENDPOINT_PATH

UPSTREAM = ROOT / "openapi" / "upstream" / "douyin-creator-marketplace-xingtu.json"
OVERLAY = ROOT / "openapi" / "overlay" / "xingtu-types.overlay.json"
SPEC = ROOT / "openapi" / "xingtu.json"
PATH = ENDPOINT_PATH  # the typed operation: the spec's path, through the table


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_effective_and_upstream_specs_are_valid_openapi_31() -> None:
    """The effective spec in full; upstream but for its defaults outside their own enum,
    which the overlay drops (``"default": "90"`` for ``DAY_30 | DAY_90``)."""
    validate(load(SPEC))
    for name, parameter in every_parameter(load(SPEC)):
        schema = parameter.get("schema", {})
        assert "enum" not in schema or schema.get("default", schema["enum"][0]) in schema["enum"]
    upstream = load(UPSTREAM)
    assert upstream["openapi"].startswith("3.1") and load(SPEC)["openapi"].startswith("3.1")
    validate(_stray_defaults_dropped(upstream))


def every_parameter(doc: dict) -> list[tuple[str, dict]]:
    return [
        (f"GET {path} {p['name']}", p)
        for path, item in doc["paths"].items()
        for p in item["get"].get("parameters", [])
    ]


def test_upstream_describes_what_the_package_relies_on() -> None:
    """What the wrapper relies on, and nothing a release may add to: more parameters
    (optional), responses, servers, codes or platforms leave this green."""
    doc = load(UPSTREAM)
    assert "https://api.justoneapi.com" in [s["url"] for s in doc["servers"]]
    op = spec_part(doc, "paths", PATH, "get", source=UPSTREAM.name)
    params = {p["name"]: p for p in op["parameters"]}
    assert params["token"]["required"] and params["oAuthorId"]["required"]
    assert {n for n, p in params.items() if p.get("required")} == {"token", "oAuthorId"}
    assert not params["platform"]["required"]
    assert {"SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"} <= set(
        params["platform"]["schema"]["enum"]
    )
    assert params["platform"]["schema"]["default"] == "SHORT_VIDEO"
    # Every answer the page documents, success or not, is the Result envelope.
    assert "200" in op["responses"]
    for status in op["responses"]:
        schema = spec_part(doc, "paths", PATH, "get", "responses", status, source=UPSTREAM.name)
        if "$ref" in schema:
            schema = spec_part(doc, *schema["$ref"][2:].split("/"), source=UPSTREAM.name)
        media = schema["content"]["application/json"]["schema"]
        assert media == {"$ref": "#/components/schemas/Result"}, status
    result = spec_part(doc, "components", "schemas", "Result", source=UPSTREAM.name)
    assert result["properties"]["code"]["type"] == "integer"
    assert {0, 100, 301, 302, 303, 400, 500, 600, 601} <= set(result["properties"]["code"]["enum"])
    assert {"code", "data", "message"} <= set(result["properties"])


def test_every_operation_takes_the_token_and_answers_the_envelope() -> None:
    """What the wrapper relies on for every operation of the family: the required token,
    and the Result envelope (data untyped) on every status."""
    doc = load(UPSTREAM)
    assert len(doc["paths"]) > 1
    for path, item in doc["paths"].items():
        parameters = {p["name"]: p for p in item["get"]["parameters"]}
        assert parameters["token"]["required"] and parameters["token"]["in"] == "query", path
        for status, answer in item["get"]["responses"].items():
            if "$ref" in answer:
                answer = spec_part(doc, *answer["$ref"][2:].split("/"), source=UPSTREAM.name)
            media = answer["content"]["application/json"]["schema"]
            assert media == {"$ref": "#/components/schemas/Result"}, (path, status)


def test_only_the_recommended_videos_answer_has_typed_data() -> None:
    """The overlay types the recommended-videos answer through its own envelope
    (``AuthorRecVideosResult``); ``Result``, which every other operation answers, keeps
    ``data`` untyped, as the publisher leaves it."""
    spec = load(SPEC)
    schemas = spec["components"]["schemas"]
    assert (
        schemas["Result"]["properties"]["data"]
        == load(UPSTREAM)["components"]["schemas"]["Result"]["properties"]["data"]
    )
    assert "if" not in schemas["Result"]
    typed = schemas["AuthorRecVideosResult"]
    assert typed["allOf"][0] == {"$ref": "#/components/schemas/Result"}
    assert typed["then"]["properties"]["data"] == {
        "$ref": "#/components/schemas/AuthorRecVideosData"
    }
    for path, item in spec["paths"].items():
        ok = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        expected = "AuthorRecVideosResult" if path == PATH else "Result"
        assert ok == {"$ref": f"#/components/schemas/{expected}"}, path


def test_the_generated_names_do_not_follow_upstream() -> None:
    """The generator names each operation's module after its operationId and tag, which
    real releases renamed: the overlay drops the one (the generator then names it after
    method and path) and pins the other, for every operation, so a release that renames
    them all gives the very same effective spec."""
    renamed = load(UPSTREAM)
    for index, item in enumerate(renamed["paths"].values()):
        item["get"]["operationId"] = f"renamedOperation{index}"
        item["get"]["tags"] = ["Xingtu Creator APIs"]
    assert apply_overlay(renamed, load(OVERLAY)) == load(SPEC)
    assert all("operationId" not in item["get"] for item in load(SPEC)["paths"].values())


def test_make_spec_output_is_exactly_upstream_plus_overlay(tmp_path: Path) -> None:
    out1, out2 = tmp_path / "a.json", tmp_path / "b.json"
    for out in (out1, out2):
        subprocess.run(
            [sys.executable, str(ROOT / "openapi/tools/overlay.py"), UPSTREAM, OVERLAY, out],
            check=True,
        )
    assert out1.read_bytes() == out2.read_bytes(), "make spec is not deterministic"
    assert_same_json(
        SPEC.read_bytes(),
        out1.read_bytes(),
        expected_name="the committed openapi/xingtu.json",
        actual_name="upstream + overlay",
        fix=REBUILD_SPEC,
    )


def test_overlay_types_the_video_record_like_the_documented_example(documented_example) -> None:
    schemas = spec_part(load(SPEC), "components", "schemas")
    video = schemas["RecVideo"]["properties"]
    sample = documented_example["data"]["masterpiece_videos"][0]
    assert set(sample) <= set(video)
    assert video["item_id"]["type"] == "string"
    assert video["play"]["type"] == "integer"
    for digits_as_text in ("favorite", "height", "width", "biz_id", "read_cnt", "core_user_id"):
        assert video[digits_as_text]["type"] == "string"
    assert video["is_hot"]["type"] == "boolean"
    assert video["head_image_uris"]["type"] == "array"
    data = schemas["AuthorRecVideosData"]
    assert set(data["required"]) == {
        "base_resp",
        "masterpiece_videos",
        "newest_videos",
        "order_hot_videos",
        "personal_hot_videos",
    }


def test_overlay_rejects_a_target_that_matches_nothing() -> None:
    overlay = {
        "overlay": "1.0.0",
        "actions": [{"target": "$.components.schemas.Gone.properties", "update": {"x": {}}}],
    }
    with pytest.raises(OverlayError, match="matches nothing"):
        apply_overlay(load(UPSTREAM), overlay)


def test_overlay_update_merges_and_remove_deletes() -> None:
    doc = {"a": {"b": {"c": 1, "keep": True}, "list": [1]}}
    overlay = {
        "overlay": "1.0.0",
        "actions": [
            {"target": "$.a['b']", "update": {"c": 2, "d": 3}},
            {"target": "$.a.list", "update": 2},
            {"target": '$["a"].b.keep', "remove": True},
        ],
    }
    assert apply_overlay(copy.deepcopy(doc), overlay) == {
        "a": {"b": {"c": 2, "d": 3}, "list": [1, 2]}
    }


def test_overlay_wildcards_and_filters_select_every_match() -> None:
    doc = {
        "paths": {
            "/a": {"get": {"operationId": "a", "parameters": [{"name": "x"}, {"name": "y"}]}},
            "/b": {"get": {"parameters": [{"name": "x", "schema": {"default": "1"}}]}},
        }
    }
    overlay = {
        "overlay": "1.0.0",
        "actions": [
            {"target": "$.paths.*.get.operationId", "remove": True},
            {"target": "$.paths[*].get", "update": {"tags": ["T"]}},
            {"target": "$.paths.*.get.parameters[?@.name=='x']", "update": {"in": "query"}},
            {
                "target": "$.paths['/b'].get.parameters[?(@.name == \"x\")].schema.default",
                "remove": True,
            },
        ],
    }
    assert apply_overlay(copy.deepcopy(doc), overlay) == {
        "paths": {
            "/a": {
                "get": {
                    "parameters": [{"name": "x", "in": "query"}, {"name": "y"}],
                    "tags": ["T"],
                }
            },
            "/b": {
                "get": {"parameters": [{"name": "x", "schema": {}, "in": "query"}], "tags": ["T"]}
            },
        }
    }
    gone = {
        "overlay": "1.0.0",
        "actions": [{"target": "$.paths.*.get.parameters[?@.name=='z']", "remove": True}],
    }
    with pytest.raises(OverlayError, match="matches nothing"):
        apply_overlay(copy.deepcopy(doc), gone)


def test_overlay_rejects_unsupported_jsonpath() -> None:
    for target in ("$..get", "$.paths[0]", "$.paths[?@.name>1]"):
        with pytest.raises(OverlayError, match="unsupported JSONPath"):
            parse_target(target)

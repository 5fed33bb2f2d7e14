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

UPSTREAM = ROOT / "openapi" / "upstream" / "author-recommended-videos-v1-zh.json"
OVERLAY = ROOT / "openapi" / "overlay" / "xingtu-types.overlay.json"
SPEC = ROOT / "openapi" / "xingtu.json"
PATH = "/api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_effective_and_upstream_specs_are_valid_openapi_31() -> None:
    for path in (UPSTREAM, SPEC):
        document = load(path)
        assert document["openapi"].startswith("3.1")
        validate(document)


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


def test_the_generated_names_do_not_follow_upstream() -> None:
    """The generator names the endpoint's module after operationId and tag, which real
    releases renamed: the effective spec holds the overlay's, whatever upstream says."""
    doc = load(UPSTREAM)
    renamed = copy.deepcopy(doc)
    op = spec_part(renamed, "paths", PATH, "get", source=UPSTREAM.name)
    op["operationId"], op["tags"] = "authorRecommendedVideos", ["Xingtu Creator APIs"]
    effective = apply_overlay(renamed, load(OVERLAY))
    pinned = spec_part(load(SPEC), "paths", PATH, "get", source=SPEC.name)
    assert effective["paths"][PATH]["get"]["operationId"] == pinned["operationId"]
    assert effective["paths"][PATH]["get"]["tags"] == pinned["tags"]


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


def test_overlay_rejects_unsupported_jsonpath() -> None:
    with pytest.raises(OverlayError, match="unsupported JSONPath"):
        parse_target("$.paths[*].get")

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


def test_upstream_describes_the_endpoint_as_documented() -> None:
    doc = load(UPSTREAM)
    assert [s["url"] for s in doc["servers"]] == [
        "https://api.justoneapi.com",
        "http://47.117.133.51:30015",
    ]
    op = spec_part(doc, "paths", PATH, "get", source=UPSTREAM.name)
    params = {p["name"]: p for p in op["parameters"]}
    assert set(params) == {"token", "oAuthorId", "platform"}
    assert params["token"]["required"] and params["oAuthorId"]["required"]
    assert not params["platform"]["required"]
    assert params["platform"]["schema"]["enum"] == [
        "SHORT_VIDEO",
        "LIVE_STREAMING",
        "PICTURE_TEXT",
        "SHORT_DRAMA",
    ]
    assert params["platform"]["schema"]["default"] == "SHORT_VIDEO"
    assert set(op["responses"]) == {"200", "400", "401", "403", "429", "500", "503"}
    result = spec_part(doc, "components", "schemas", "Result", source=UPSTREAM.name)
    for code in (0, 100, 301, 302, 303, 400, 500, 600, 601):
        assert code in result["properties"]["code"]["enum"]
    # Like the published document, upstream leaves `data` untyped.
    assert "anyOf" not in result["properties"]["data"]


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
    assert set(video) == set(sample)
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

"""_spec_data.py is what openapi/tools/spec_module.py writes from the spec, and Video
takes its fields from it: a field added to the spec reaches Video with no hand edit."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from justoneapi_xingtu import Video
from justoneapi_xingtu._spec_data import VIDEO_FIELDS

TOOL = ROOT / "openapi" / "tools" / "spec_module.py"
SPEC = ROOT / "openapi" / "xingtu.json"


def write_module(spec: dict[str, object], tmp_path: Path) -> Path:
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    out = tmp_path / "_spec_data.py"
    subprocess.run([sys.executable, str(TOOL), str(spec_path), str(out)], check=True)
    return out


def run_tool(spec: dict[str, object], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(TOOL), str(tmp_path / "spec.json"), str(tmp_path / "out.py")],
        capture_output=True,
        text=True,
        check=False,
    )


def test_video_declares_exactly_the_spec_fields_with_their_types() -> None:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    properties = spec["components"]["schemas"]["RecVideo"]["properties"]
    assert list(Video.FIELDS) == list(properties)
    kinds = {"integer": "int", "number": "float", "string": "str", "boolean": "bool"}
    for name, schema in properties.items():
        expected = "list[str]" if schema["type"] == "array" else kinds[schema["type"]]
        assert Video.FIELD_TYPES[name] == expected, name
    assert dict(VIDEO_FIELDS) == Video.FIELD_TYPES


def test_a_field_added_to_the_spec_reaches_the_field_table(tmp_path: Path) -> None:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    spec["components"]["schemas"]["RecVideo"]["properties"]["collect_cnt"] = {
        "type": "integer",
        "description": "收藏数",
    }
    out = write_module(spec, tmp_path)
    loaded = importlib.util.spec_from_file_location("justoneapi_xingtu._spec_data_new", out)
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    assert ("collect_cnt", "int") in module.VIDEO_FIELDS
    assert "collect_cnt: int | None" in out.read_text(encoding="utf-8")


def test_a_moved_path_is_one_line_naming_it_and_the_command(tmp_path: Path) -> None:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    spec["paths"] = {"/api/elsewhere": next(iter(spec["paths"].values()))}
    result = run_tool(spec, tmp_path)
    assert result.returncode == 2
    assert "'author_rec_videos'" in result.stderr and "make spec generate" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "bad", [{"type": "object"}, {"type": "array", "items": {"type": "integer"}}]
)
def test_a_field_type_the_views_cannot_read_is_refused(
    tmp_path: Path, bad: dict[str, object]
) -> None:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    spec["components"]["schemas"]["RecVideo"]["properties"]["odd"] = bad
    result = run_tool(spec, tmp_path)
    assert result.returncode == 2 and "RecVideo.odd" in result.stderr

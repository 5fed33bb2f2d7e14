"""The generated low-level client: reproducible, and it reads what the spec describes."""

from __future__ import annotations

import json
import subprocess

import pytest
from _scripted import Answer, scripted_server
from conftest import ROOT, envelope

from justoneapi_xingtu_generated import Client
from justoneapi_xingtu_generated.api.douyin_creator_marketplace_xingtu import (
    get_api_douyin_xingtu_get_kol_info_v1 as kol_info,
)
from justoneapi_xingtu_generated.api.douyin_creator_marketplace_xingtu import (
    get_api_douyin_xingtu_gw_api_data_sp_author_rec_videos_v2_v1 as endpoint,
)
from justoneapi_xingtu_generated.models import (
    AuthorRecVideosData,
    AuthorRecVideosResult,
    Platform,
    Result,
    ResultCode,
)

ERROR_CODES = [100, 301, 302, 303, 400, 500, 600, 601]
STATUS_FOR = {100: 401, 301: 500, 302: 429, 303: 429, 400: 400, 500: 500, 600: 403, 601: 403}


@pytest.mark.slow
def test_check_generated_holds() -> None:
    proc = subprocess.run(
        ["make", "-s", "check-generated"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "match" in proc.stdout


def test_generated_client_parses_the_documented_example_into_typed_models(documented_example):
    body = envelope(0, documented_example["data"], message="success")
    with scripted_server([Answer(200, body)]) as (base_url, seen):
        with Client(base_url=base_url) as client:
            response = endpoint.sync_detailed(
                client=client, token="t0k", o_author_id="42", platform=Platform.LIVE_STREAMING
            )
    assert seen[0].query == {"token": ["t0k"], "oAuthorId": ["42"], "platform": ["LIVE_STREAMING"]}
    result = response.parsed
    assert isinstance(result, AuthorRecVideosResult)
    assert result.code is ResultCode.VALUE_0
    data = result.data
    assert isinstance(data, AuthorRecVideosData)
    first = data.masterpiece_videos[0]
    assert first.item_id == "7553989899192519974" and isinstance(first.item_id, str)
    assert first.play == 8543418 and isinstance(first.play, int)
    assert first.favorite == "0"
    assert data.order_hot_videos == []
    assert [v.item_id for v in data.personal_hot_videos] == [
        "7564021773411372327",
        "7569946527527885642",
    ]
    assert data.base_resp.status_code == 0


def test_generated_model_is_strict_about_the_envelope(documented_example):
    # The page's example omits message/recordTime, which the published spec marks required:
    # the generated model refuses it. This is why the wrapper reads envelopes tolerantly.
    for model in (AuthorRecVideosResult, Result):
        with pytest.raises(KeyError):
            model.from_dict(documented_example)
        with pytest.raises(ValueError):
            model.from_dict({"code": 999, "data": None, "message": None, "recordTime": None})


@pytest.mark.parametrize("code", ERROR_CODES)
@pytest.mark.parametrize("on_http_200", [True, False], ids=["http200", "http4xx5xx"])
def test_generated_client_parses_every_error_envelope(code: int, on_http_200: bool) -> None:
    status = 200 if on_http_200 else STATUS_FOR[code]
    with scripted_server([Answer(status, envelope(code))]) as (base_url, _):
        with Client(base_url=base_url) as client:
            response = endpoint.sync_detailed(client=client, token="t", o_author_id="1")
    assert response.status_code == status
    assert isinstance(response.parsed, AuthorRecVideosResult if on_http_200 else Result)
    assert response.parsed.code == code
    assert response.parsed.data is None
    assert response.parsed.request_id == "req-42"


def test_every_other_operation_answers_the_envelope_with_data_untyped() -> None:
    """The publisher leaves data untyped; the generated client keeps it as decoded JSON."""
    data = {"authorInfo": {"nickName": "x", "fans": 12}, "list": [1, "2"]}
    with scripted_server([Answer(200, envelope(0, data, message="success"))]) as (base_url, seen):
        with Client(base_url=base_url) as client:
            response = kol_info.sync_detailed(client=client, token="t", kol_id="42")
    assert seen[0].query == {"token": ["t"], "kolId": ["42"], "platformChannel": ["_1"]}
    assert isinstance(response.parsed, Result) and response.parsed.data == data


@pytest.mark.slow
def test_check_generated_catches_a_type_change_made_in_the_overlay(tmp_path) -> None:
    import sys

    overlay = json.loads((ROOT / "openapi/overlay/xingtu-types.overlay.json").read_text("utf-8"))
    video = overlay["actions"][0]["update"]["RecVideo"]["properties"]
    video["play"] = {"type": "string"}
    mutated_overlay, mutated_spec = tmp_path / "overlay.json", tmp_path / "xingtu.json"
    mutated_overlay.write_text(json.dumps(overlay), encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "openapi/tools/overlay.py"),
            ROOT / "openapi/upstream/douyin-creator-marketplace-xingtu.json",
            mutated_overlay,
            mutated_spec,
        ],
        check=True,
    )

    proc = subprocess.run(
        ["make", "-s", "check-generated", f"SPEC={mutated_spec}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert proc.returncode != 0
    assert "stale or hand-edited" in proc.stdout
    assert "-    play: int" in proc.stdout and "+    play: str" in proc.stdout

"""The typed views agree with the spec, and decoding never escapes the error hierarchy."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import httpx
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from justoneapi_xingtu import AuthorRecVideos, JustOneAPIError, Platform, Video, XingtuClient

SPEC = json.loads((ROOT / "openapi" / "xingtu.json").read_text(encoding="utf-8"))
SCHEMAS = SPEC["components"]["schemas"]
PY_TYPES = {"integer": int, "string": str, "number": float, "boolean": bool, "array": list}


def test_video_declares_exactly_the_specs_fields_with_its_types() -> None:
    props = SCHEMAS["RecVideo"]["properties"]
    assert tuple(props) == Video.FIELDS
    sample = {"integer": 7, "string": "7", "number": 1.5, "boolean": True, "array": ["a"]}
    video = Video({name: sample[p["type"]] for name, p in props.items()})
    for name, prop in props.items():
        assert type(getattr(video, name)) is PY_TYPES[prop["type"]], name


def test_platform_lists_the_documented_values() -> None:
    assert {p.value for p in Platform} == {
        "SHORT_VIDEO",
        "LIVE_STREAMING",
        "PICTURE_TEXT",
        "SHORT_DRAMA",
    }


def test_video_to_model_gives_the_strict_generated_model(documented_example) -> None:
    raw = documented_example["data"]["newest_videos"][0]
    model = Video(raw).to_model()
    assert model.item_id == "7608935920095612211" and model.play == 3020822


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)


def value_for(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    kind = schema.get("type")
    if kind == "integer":
        return st.integers(min_value=-(2**53), max_value=2**53)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(st.text(max_size=10), max_size=3)
    return st.text(max_size=30)


video_strategy = st.fixed_dictionaries(
    {},
    optional={k: value_for(v) for k, v in SCHEMAS["RecVideo"]["properties"].items()}
    | {"unknown_future_field": JSON_SCALARS},
)
data_strategy = st.fixed_dictionaries(
    {},
    optional={
        "base_resp": st.fixed_dictionaries(
            {"status_code": st.integers(), "status_message": st.text()}
        ),
        **{
            k: st.lists(video_strategy, max_size=3)
            for k in (
                "masterpiece_videos",
                "newest_videos",
                "order_hot_videos",
                "personal_hot_videos",
            )
        },
    },
)
envelope_strategy = st.fixed_dictionaries(
    {"code": st.just(0), "data": data_strategy},
    optional={
        "message": st.one_of(st.none(), st.text()),
        "recordTime": st.one_of(st.none(), st.text()),
        "requestId": st.text(max_size=40),
    },
)


def client_answering(body: bytes, status: int = 200) -> XingtuClient:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    return XingtuClient(
        "test-token-123",
        base_url="http://127.0.0.1:1",
        max_retries=0,
        http_client=httpx.Client(transport=transport),
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(envelope_strategy)
def test_anything_shaped_like_the_spec_parses(document: dict[str, Any]) -> None:
    result = client_answering(json.dumps(document).encode()).author_rec_videos("1")
    assert isinstance(result, AuthorRecVideos)
    for _, video in result:
        as_dict = video.to_dict()  # every declared field reads as its type (or None)
        assert set(Video.FIELDS) <= set(as_dict)
        if "item_id" in video.raw:
            assert video.item_id == video.raw["item_id"]


@settings(max_examples=300)
@given(st.binary(max_size=300), st.sampled_from([200, 400, 429, 500, 502, 503]))
def test_arbitrary_bytes_only_ever_raise_the_packages_errors(body: bytes, status: int) -> None:
    try:
        result = client_answering(body, status).author_rec_videos("1")
    except JustOneAPIError:
        return
    assert isinstance(result, AuthorRecVideos)


@settings(max_examples=200)
@given(
    st.recursive(
        JSON_SCALARS,
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(st.sampled_from(["code", "data", "message", "x"]), c, max_size=4)
        ),
        max_leaves=12,
    ),
    st.sampled_from([200, 429, 503]),
)
def test_arbitrary_json_only_ever_raises_the_packages_errors(document: Any, status: int) -> None:
    try:
        result = client_answering(json.dumps(document).encode(), status).author_rec_videos("1")
    except JustOneAPIError:
        return
    for _, video in result:
        with contextlib.suppress(JustOneAPIError):
            video.to_dict()


def test_decoding_is_exact_for_19_digit_ids() -> None:
    body = b'{"code":0,"data":{"newest_videos":[{"item_id":"7608935920095612211","play":9007199254740993}]}}'
    video = client_answering(body).author_rec_videos("1").newest_videos[0]
    assert video.item_id == "7608935920095612211" and video.play == 9007199254740993


def test_an_integer_too_large_to_decode_exactly_is_an_error_not_a_wrong_number() -> None:
    body = b'{"code":0,"data":{"newest_videos":[{"play":18446744073709551617}]}}'
    video = client_answering(body).author_rec_videos("1").newest_videos[0]
    with pytest.raises(JustOneAPIError, match="'play'"):
        _ = video.play

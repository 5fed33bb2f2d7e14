"""The typed views agree with the spec, and decoding never escapes the error hierarchy."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import httpx
import pytest
from conftest import ROOT, examples
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


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(envelope_strategy)
def test_anything_shaped_like_the_spec_parses(document: dict[str, Any]) -> None:
    result = client_answering(json.dumps(document).encode()).author_rec_videos("1")
    assert isinstance(result, AuthorRecVideos)
    for _, video in result:
        as_dict = video.to_dict()  # every declared field reads as its type (or None)
        assert set(Video.FIELDS) <= set(as_dict)
        if "item_id" in video.raw:
            assert video.item_id == video.raw["item_id"]


@settings(max_examples=examples(300))
@given(st.binary(max_size=300), st.sampled_from([200, 400, 429, 500, 502, 503]))
def test_arbitrary_bytes_only_ever_raise_the_packages_errors(body: bytes, status: int) -> None:
    try:
        result = client_answering(body, status).author_rec_videos("1")
    except JustOneAPIError:
        return
    assert isinstance(result, AuthorRecVideos)


@settings(max_examples=examples(200))
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


# --- the typed fast path reads exactly what the tolerant reader reads --------------------

from justoneapi_xingtu import ProtocolError, models  # noqa: E402

LAX_VALUES = st.one_of(
    JSON_SCALARS,
    st.integers(),  # past 64 bits too
    st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64 + 1, 1e19, 12.0, 0, 1]),
    st.from_regex(r"\A[ +-]?[0-9٠-٩]{1,21} ?\Z"),  # digits, non-ASCII ones included
    st.sampled_from(["true", "false", "1", "0", "1.5", "nan", "inf", "1e3", "1_0", "0x1"]),
    st.lists(st.one_of(st.text(max_size=3), st.integers()), max_size=2),
)
EXACT = {  # values of exactly the declared type, integers across the 64-bit edges
    "int": st.one_of(
        st.integers(), st.integers(-(2**63) - 2, -(2**63) + 2), st.integers(2**63 - 2, 2**64 + 2)
    ),
    "float": st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)),
    "str": st.text(max_size=5),
    "bool": st.booleans(),
    "list[str]": st.lists(st.text(max_size=3), max_size=2),
}
exact_video = st.fixed_dictionaries(
    {}, optional={name: EXACT[kind] for name, kind in Video.FIELD_TYPES.items()}
)


@st.composite
def lax_video(draw: st.DrawFn) -> dict[str, Any]:
    """Mostly exactly typed (the fast path's case), at times one value to convert or
    refuse, at times a field the spec does not know."""
    record = draw(exact_video)
    if draw(st.booleans()):
        record[draw(st.sampled_from(Video.FIELDS))] = draw(LAX_VALUES)
    if draw(st.booleans()):
        record["unknown_field"] = draw(JSON_SCALARS)
    return record


def read(video: Video, name: str) -> tuple[Any, ...]:
    try:
        value = getattr(video, name)
    except ProtocolError as error:
        return ("error", str(error))
    return ("ok", type(value), value)


def oracle(record: dict[str, Any], name: str) -> tuple[Any, ...]:
    """The tolerant reader's rule for one field, applied to the record as decoded."""
    value = record.get(name)
    if value is None:
        return ("ok", type(None), None)
    try:
        converted = models._CONVERTERS[Video.FIELD_TYPES[name]](name, value)
    except ProtocolError as error:
        return ("error", str(error))
    return ("ok", type(converted), converted)


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lax_video(), min_size=1, max_size=3))
def test_every_path_reads_each_field_as_the_tolerant_reader_does(records) -> None:
    body = json.dumps({"code": 0, "data": {"newest_videos": records}}).encode()
    via_client = client_answering(body).author_rec_videos("1").newest_videos
    import orjson

    as_decoded = orjson.loads(body)["data"]["newest_videos"]  # what the client's raw holds
    for video, direct, record in zip(via_client, map(Video, as_decoded), as_decoded, strict=True):
        unknown = {k: v for k, v in record.items() if k not in Video.FIELDS}
        assert video.raw == record and video.extra == unknown and direct.extra == unknown
        for name in Video.FIELDS:
            expected = oracle(record, name)
            assert read(video, name) == expected, name
            assert read(direct, name) == expected, name
        if all(read(video, name)[0] == "ok" for name in Video.FIELDS):
            assert video.to_dict() == direct.to_dict()


# Values where a looser decoder (msgspec's strict=False, say) and this reader disagree.
EDGE_VALUES = ["1e3", "12.0", "nan", "inf", "true", "false", "1", "0", " 12", "+12", "1_0"]
EDGE_VALUES += [1, 0, 12.0, True, 2**63, -(2**63), "١٢"]
ONE_FIELD_PER_KIND = {kind: name for name, kind in reversed(Video.FIELD_TYPES.items())}


@pytest.mark.parametrize("value", EDGE_VALUES, ids=repr)
@pytest.mark.parametrize("kind", sorted(ONE_FIELD_PER_KIND))
def test_edge_values_read_as_the_tolerant_reader_says_on_every_path(kind, value) -> None:
    name = ONE_FIELD_PER_KIND[kind]
    record = {name: value, "item_id": "1"}
    body = json.dumps({"code": 0, "data": {"newest_videos": [record]}}).encode()
    via_client = client_answering(body).author_rec_videos("1").newest_videos[0]
    assert read(via_client, name) == oracle(record, name)
    assert read(Video(record), name) == oracle(record, name)


def test_an_exactly_typed_answer_keeps_its_raw_json_exact() -> None:
    record = {"item_id": "7608935920095612211", "play": 5, "duration_min": 0, "is_hot": False}
    body = json.dumps({"code": 0, "data": {"newest_videos": [record]}, "requestId": "r"}).encode()
    result = client_answering(body).author_rec_videos("1")
    video = result.newest_videos[0]
    assert video.duration_min == 0.0 and type(video.duration_min) is float
    assert video.raw == record and type(video.raw["duration_min"]) is int  # as sent
    assert video.extra == {} and video.to_dict()["like"] is None
    assert result.raw == json.loads(body) and result.request_id == "r"


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 18446744073709551615])
def test_an_integer_past_64_bits_is_an_error_on_every_path(value: int) -> None:
    body = b'{"code":0,"data":{"newest_videos":[{"play":%d,"like":3}]}}' % value
    video = client_answering(body).author_rec_videos("1").newest_videos[0]
    assert video.like == 3  # the other fields still read
    with pytest.raises(ProtocolError, match="video field 'play'"):
        _ = video.play


class CountingDigits(str):
    """A string that counts how often a reader looks at its digits."""

    stripped = 0

    def strip(self, chars: str | None = None) -> str:
        type(self).stripped += 1
        return str.strip(self, chars)


def test_a_field_is_converted_once_however_often_it_is_read() -> None:
    CountingDigits.stripped = 0
    video = Video({"play": CountingDigits("12")})
    assert [video.play, video.play, video.to_dict()["play"], video.play] == [12, 12, 12, 12]
    assert CountingDigits.stripped == 1


def test_a_video_is_immutable_and_survives_pickle_and_copy() -> None:
    import copy
    import pickle

    video = Video({"play": "12", "brand_new_field": 1})
    with pytest.raises(AttributeError):
        video.play = 13  # type: ignore[misc]
    for clone in (pickle.loads(pickle.dumps(video)), copy.copy(video), copy.deepcopy(video)):
        assert clone == video and clone.play == 12 and clone.extra == {"brand_new_field": 1}
    with pytest.raises(AttributeError, match="plya"):
        _ = video.plya  # type: ignore[attr-defined]


def test_a_video_msgspec_made_itself_still_has_a_raw_record() -> None:
    import msgspec

    body = b'{"code":0,"data":{"newest_videos":[{"play":1,"item_id":"7"}]}}'
    video = client_answering(body).author_rec_videos("1").newest_videos[0]
    changed = msgspec.structs.replace(video, play=2)
    assert changed.raw == {"play": 2, "item_id": "7"} and changed.to_dict()["play"] == 2

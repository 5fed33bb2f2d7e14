"""The wrapper client accepts every answer the spec allows, and reads it faithfully.

Hypothesis builds answers from the schemas of ``openapi/xingtu.json`` itself (so a
spec change changes what is generated): any ``Result`` with code 0 and typed data,
unknown extra fields included (the spec does not forbid them), and any ``Result``
with another code of the enum. Each is served to ``XingtuClient`` and
``AsyncXingtuClient`` through ``httpx.MockTransport``. Every other operation of the
family answers ``Result`` with ``data`` untyped: any JSON, handed over as it came.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs

import anyio
import httpx
import pytest
from _contract import ENDPOINT, SPEC_PATH, SpecContract, sample_arguments
from _drift import spec_part
from conftest import TOKEN, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from justoneapi_xingtu import (
    OPERATIONS,
    Answer,
    AsyncXingtuClient,
    BusinessError,
    CollectionFailedError,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InternalServerError,
    InvalidParameterError,
    InvalidTokenError,
    PermissionDeniedError,
    RateLimitError,
    Video,
    XingtuClient,
)

SPEC: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: Mapping[str, Any] = spec_part(SPEC, "components", "schemas")
CODES: list[int] = spec_part(SPEC, "components", "schemas", "Result", "properties", "code", "enum")
LISTS = ("masterpiece_videos", "newest_videos", "order_hot_videos", "personal_hot_videos")
# Integers stay within 64 bits: the API's integers are counts and Unix times, and a Video
# reads a larger one as None, kept in its drift (tests/test_models.py).
INT64 = st.integers(-(2**63), 2**63 - 1)
EXTRA_KEY = st.text(min_size=1, max_size=8).map(lambda s: "x_" + s)
SCALAR = st.none() | st.booleans() | INT64 | st.text(max_size=10)


def from_schema(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid for the subset of JSON Schema the spec uses."""
    if "$ref" in schema:
        return st.deferred(lambda: from_schema(SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]))
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([from_schema(s) for s in schema["anyOf"]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**schema, "type": k}) for k in kind])
    if kind == "object":
        return _object(schema)
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), max_size=3)
    simple = {
        "string": st.text(max_size=20),
        "integer": INT64,
        "number": INT64 | st.floats(allow_nan=False, allow_infinity=False),
        "boolean": st.booleans(),
        "null": st.none(),
    }
    return simple.get(kind, SCALAR)  # type: ignore[arg-type]


def _object(schema: Mapping[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    fields = {name: from_schema(sub) for name, sub in properties.items() if name in required}
    optional = {name: from_schema(sub) for name, sub in properties.items() if name not in required}
    unknown = st.dictionaries(EXTRA_KEY, SCALAR, max_size=2)
    return st.builds(
        lambda extra, known: {**extra, **known},
        unknown,
        st.fixed_dictionaries(fields, optional=optional),
    )


SUCCESS = st.builds(
    lambda envelope, data: {**envelope, "code": 0, "data": data},
    from_schema(SCHEMAS["Result"]),
    from_schema(SCHEMAS["AuthorRecVideosData"]),
)
FAILURE = st.builds(
    lambda envelope, code, data: {**envelope, "code": code, "data": data},
    from_schema(SCHEMAS["Result"]),
    st.sampled_from([c for c in CODES if c != 0]),
    st.none() | from_schema(SCHEMAS["AuthorRecVideosData"]),  # what the typed envelope allows
)
JSON = st.recursive(
    SCALAR,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
UNTYPED = st.builds(
    lambda envelope, data: {**envelope, "code": 0, "data": data},
    from_schema(SCHEMAS["Result"]),
    JSON,
)
UNTYPED_OPERATIONS = sorted(name for name, op in OPERATIONS.items() if op.data_schema is None)
CONTRACT = SpecContract(SPEC)
VIDEO_FIELDS: Mapping[str, Any] = SCHEMAS["RecVideo"]["properties"]
PY_TYPE = {"integer": int, "number": float, "string": str, "boolean": bool, "array": list}
PROPERTY = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


class Serve:
    """An ``httpx.MockTransport`` answering with whatever answer the test sets."""

    def __init__(self) -> None:
        self.status, self.payload = 200, b""

    def set(self, body: dict[str, Any], status: int = 200) -> None:
        self.status, self.payload = status, json.dumps(body, ensure_ascii=False).encode()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        return httpx.Response(self.status, content=self.payload, headers=headers)


# One client for all examples: building an httpx client (and its SSL context) costs more
# than a whole example.
SERVE = Serve()
CLIENT = XingtuClient(
    TOKEN,
    base_url="https://mock.invalid",
    http_client=httpx.Client(transport=httpx.MockTransport(SERVE)),
    max_retries=0,
)


def assert_read_faithfully(result: Any, body: dict[str, Any]) -> None:
    for name in LISTS:
        records = body["data"][name]
        videos: list[Video] = getattr(result, name)
        assert [v.raw for v in videos] == records
        for video, record in zip(videos, records, strict=True):
            typed = video.to_dict()  # reads every declared field: none may raise
            for field in Video.FIELDS:
                declared = PY_TYPE[VIDEO_FIELDS[field]["type"]]
                assert type(typed[field]) is declared, field
                # A `number` reads as a float, whatever JSON number came; the rest exactly.
                expected = float(record[field]) if declared is float else record[field]
                assert typed[field] == expected, field
            assert video.extra == {k: v for k, v in record.items() if k not in Video.FIELDS}
            assert video.to_model().item_id == record["item_id"]  # the strict model too
    assert result.raw == body


@PROPERTY
@given(body=SUCCESS)
def test_the_client_accepts_every_success_the_spec_allows(body: dict[str, Any]) -> None:
    assert CONTRACT.answer_mismatches(body) == []  # the generator really follows the spec
    SERVE.set(body)
    assert_read_faithfully(CLIENT.author_rec_videos("7012345678901234567"), body)


@settings(PROPERTY, max_examples=examples(25))
@given(body=SUCCESS)
def test_the_async_client_accepts_every_success_the_spec_allows(body: dict[str, Any]) -> None:
    serve = Serve()
    serve.set(body)

    async def call() -> Any:
        async with httpx.AsyncClient(transport=httpx.MockTransport(serve)) as http:
            client = AsyncXingtuClient(TOKEN, base_url="https://mock.invalid", http_client=http)
            return await client.author_rec_videos("7012345678901234567")

    assert_read_faithfully(anyio.run(call), body)


@PROPERTY
@given(body=FAILURE, status=st.sampled_from([200, 400, 401, 403, 429, 500, 503]))
def test_every_other_code_of_the_enum_is_an_error_carrying_it(
    body: dict[str, Any], status: int
) -> None:
    assert CONTRACT.answer_mismatches(body) == []
    SERVE.set(body, status)
    with pytest.raises(BusinessError) as raised:
        CLIENT.author_rec_videos("7012345678901234567")
    error = raised.value
    assert error.code == body["code"]
    expected = expected_outcome(body["code"])
    assert expected is not None, f"code {body['code']}: no row in EXPECTED_OUTCOME"
    assert (type(error), error.retryable) == expected
    assert error.http_status == status
    assert error.request_id == body.get("requestId")
    assert TOKEN not in str(error) and TOKEN not in repr(error)


@PROPERTY
@given(
    body=UNTYPED,
    name=st.sampled_from(UNTYPED_OPERATIONS),
    failure=FAILURE,
    status=st.sampled_from([200, 400, 429, 500]),
)
def test_every_other_operation_hands_over_its_data_as_it_came(
    body: dict[str, Any], name: str, failure: dict[str, Any], status: int
) -> None:
    path = OPERATIONS[name].path
    assert CONTRACT.answer_mismatches(body, path) == []
    SERVE.set(body)
    answer = CLIENT.call(name, **sample_arguments(OPERATIONS[name]))
    assert isinstance(answer, Answer) and answer.operation == name
    assert answer.raw == body and answer.data == body["data"]
    failure["data"] = None
    assert CONTRACT.answer_mismatches(failure, path) == []
    SERVE.set(failure, status)
    with pytest.raises(BusinessError) as raised:
        CLIENT.call(name, **sample_arguments(OPERATIONS[name]))
    assert (raised.value.code, raised.value.http_status) == (failure["code"], status)


# -- what a call without `platform` sends: the spec's default ------------------------------

PLATFORM = next(
    p
    for p in spec_part(SPEC, "paths", ENDPOINT, "get", "parameters")
    if p.get("name") == "platform" and p.get("in") == "query"
)
SPEC_DEFAULT_PLATFORM: str = spec_part(
    PLATFORM, "schema", "default", source=f"{SPEC_PATH.name}, parameter platform,"
)


class Record:
    """A transport that answers the documented success and keeps each request's query."""

    def __init__(self, body: dict[str, Any]) -> None:
        self.body, self.queries = json.dumps(body).encode(), []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.queries.append(parse_qs(request.url.query.decode(), keep_blank_values=True))
        return httpx.Response(200, content=self.body, headers={"Content-Type": "application/json"})

    def platforms_sent(self) -> list[str]:
        # Leaving the parameter out lets the server use the spec's default: that counts too.
        return [q.get("platform", [SPEC_DEFAULT_PLATFORM])[0] for q in self.queries]


def test_the_spec_still_gives_platform_a_default() -> None:
    assert not PLATFORM.get("required")
    assert SPEC_DEFAULT_PLATFORM in PLATFORM["schema"]["enum"]


def test_a_call_without_platform_sends_the_spec_default(documented_example) -> None:
    record = Record(documented_example)
    with XingtuClient(
        TOKEN,
        base_url="https://mock.invalid",
        http_client=httpx.Client(transport=httpx.MockTransport(record)),
    ) as client:
        result = client.author_rec_videos("7012345678901234567")
        with client.author_rec_videos_many(["7012345678901234567", "42"], adaptive=False) as batch:
            outcomes = list(batch)
    assert record.platforms_sent() == [SPEC_DEFAULT_PLATFORM] * 3
    assert result.platform == SPEC_DEFAULT_PLATFORM
    assert {o.platform for o in outcomes} == {SPEC_DEFAULT_PLATFORM}


def test_an_async_call_without_platform_sends_the_spec_default(documented_example) -> None:
    record = Record(documented_example)

    async def calls() -> tuple[Any, list[Any]]:
        async with httpx.AsyncClient(transport=httpx.MockTransport(record)) as http:
            client = AsyncXingtuClient(TOKEN, base_url="https://mock.invalid", http_client=http)
            result = await client.author_rec_videos("7012345678901234567")
            async with client.author_rec_videos_many(["7012345678901234567", "42"]) as batch:
                outcomes = [outcome async for outcome in batch]
            return result, outcomes

    result, outcomes = anyio.run(calls)
    assert record.platforms_sent() == [SPEC_DEFAULT_PLATFORM] * 3
    assert result.platform == SPEC_DEFAULT_PLATFORM
    assert {o.platform for o in outcomes} == {SPEC_DEFAULT_PLATFORM}


# -- every code of the enum, each by an explicit example ------------------------------------

#: What each documented code must become: the exception class and whether a retry can
#: help. A code the spec adds fails test_every_documented_code_has_an_expected_outcome until
#: it is given a row here (and, if it deserves one, an exception class).
EXPECTED_OUTCOME: dict[int, tuple[type[BusinessError], bool] | None] = {
    0: None,  # success
    100: (InvalidTokenError, False),
    101: (BusinessError, False),
    202: (BusinessError, False),
    300: (BusinessError, False),
    301: (CollectionFailedError, True),
    302: (RateLimitError, True),
    303: (DailyQuotaExceededError, False),
    400: (InvalidParameterError, False),
    404: (BusinessError, False),
    500: (InternalServerError, True),
    503: (BusinessError, True),  # undocumented meaning, 5xx: read as transient
    600: (PermissionDeniedError, False),
    601: (InsufficientBalanceError, False),
    602: (BusinessError, False),
}


def expected_outcome(code: int) -> tuple[type[BusinessError], bool] | None:
    """The row of EXPECTED_OUTCOME; a code a release adds (no row yet) is read as a
    BusinessError carrying it, retryable when it looks like a server error (5xx)."""
    if code in EXPECTED_OUTCOME:
        return EXPECTED_OUTCOME[code]
    return BusinessError, 500 <= code <= 599


def test_every_code_the_package_maps_is_documented() -> None:
    mapped = {
        c for c, row in EXPECTED_OUTCOME.items() if row is None or row[0] is not BusinessError
    }
    missing = sorted(mapped - set(CODES))
    assert not missing, (
        f"$.components.schemas.Result.properties.code.enum in {SPEC_PATH.name} lost code(s) "
        f"{missing} that errors.py maps to their own error: check what the vendor says now"
    )


def envelope_for(code: int, documented_example: dict[str, Any]) -> dict[str, Any]:
    data = documented_example["data"] if code == 0 else None
    return {
        "code": code,
        "data": data,
        "message": f"message for {code}",
        "recordTime": "2026-11-29 10:00:00",
        "requestId": f"req-{code}",
    }


def check_outcome(code: int, outcome: Any) -> None:
    expected = expected_outcome(code)
    if expected is None:
        assert not isinstance(outcome, BaseException), f"code {code}: raised {outcome!r}"
        assert outcome.request_id == f"req-{code}"
        return
    cls, retryable = expected
    assert type(outcome) is cls, f"code {code}: expected {cls.__name__}, got {outcome!r}"
    assert (outcome.code, outcome.retryable) == (code, retryable), repr(outcome)
    assert outcome.request_id == f"req-{code}" and outcome.server_message == f"message for {code}"


@pytest.mark.parametrize("code", CODES)
def test_each_documented_code_maps_to_its_outcome(code: int, documented_example) -> None:
    serve = Serve()
    serve.set(envelope_for(code, documented_example))
    with XingtuClient(
        TOKEN,
        base_url="https://mock.invalid",
        http_client=httpx.Client(transport=httpx.MockTransport(serve)),
        max_retries=0,
    ) as client:
        try:
            outcome: Any = client.author_rec_videos("7012345678901234567")
        except BusinessError as error:
            outcome = error
    check_outcome(code, outcome)


@pytest.mark.parametrize("code", CODES)
def test_each_documented_code_maps_to_its_outcome_async(code: int, documented_example) -> None:
    serve = Serve()
    serve.set(envelope_for(code, documented_example))

    async def call() -> Any:
        async with httpx.AsyncClient(transport=httpx.MockTransport(serve)) as http:
            client = AsyncXingtuClient(
                TOKEN, base_url="https://mock.invalid", http_client=http, max_retries=0
            )
            try:
                return await client.author_rec_videos("7012345678901234567")
            except BusinessError as error:
                return error

    check_outcome(code, anyio.run(call))

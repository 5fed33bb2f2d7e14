"""The endpoint mock (justoneapi_xingtu.testing): shape, validation, faults, front ends."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import TOKEN, examples
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from justoneapi_xingtu.testing import (
    ENDPOINT_PATH,
    MockAPI,
    MockServer,
    make_wsgi_app,
)

ROOT = Path(__file__).resolve().parent.parent
SPEC_URI = "urn:xingtu-openapi"
LISTS = ("masterpiece_videos", "newest_videos", "order_hot_videos", "personal_hot_videos")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return json.loads((ROOT / "openapi" / "xingtu.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result_validator(spec: dict[str, Any]) -> Draft202012Validator:
    resource = Resource.from_contents(spec, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}#/components/schemas/Result"}, registry=registry
    )


@pytest.fixture
def server() -> Iterator[MockServer]:
    with MockServer(tokens={TOKEN}) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=10) as http:
        yield http


def get(client: httpx.Client, **params: str) -> httpx.Response:
    return client.get(ENDPOINT_PATH, params={"token": TOKEN, "oAuthorId": "42", **params})


def records(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [video for name in LISTS for video in body["data"][name]]


# -- the success answer ------------------------------------------------------------------


def test_success_matches_the_spec(
    client: httpx.Client, result_validator: Draft202012Validator, spec: dict[str, Any]
) -> None:
    response = get(client, platform="SHORT_VIDEO")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert b": " not in response.content and b", " not in response.content  # compact
    body = response.json()
    result_validator.validate(body)
    assert list(body) == ["code", "data", "message", "recordTime", "requestId"]
    assert body["code"] == 0 and body["message"] == "success"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", body["recordTime"])
    assert re.fullmatch(r"[0-9a-f]{32}", body["requestId"])

    required = spec["components"]["schemas"]["RecVideo"]["required"]
    assert len(required) == 45
    data = body["data"]
    assert data["base_resp"] == {"status_code": 0, "status_message": ""}
    assert [len(data[name]) for name in LISTS] == [2, 2, 0, 2]
    for video in records(body):
        assert sorted(video) == sorted(required)
        assert re.fullmatch(r"\d{19}", video["item_id"])
        assert isinstance(video["play"], int) and not isinstance(video["play"], bool)
        assert isinstance(video["is_hot"], bool)


def test_records_keep_the_documented_types(
    client: httpx.Client, documented_example: dict[str, Any]
) -> None:
    template = documented_example["data"]["masterpiece_videos"][0]
    for video in records(get(client).json()):
        assert list(video) == list(template)
        for name, value in video.items():
            assert type(value) is type(template[name]), name


def test_data_is_stable_per_author_and_differs_between_authors(client: httpx.Client) -> None:
    first = get(client, oAuthorId="6912345678901234567").json()
    again = get(client, oAuthorId="6912345678901234567").json()
    other = get(client, oAuthorId="7000000000000000001").json()
    assert first["data"] == again["data"]
    assert first["requestId"] != again["requestId"]
    ids = [video["item_id"] for video in records(first)]
    assert len(set(ids)) == len(ids)
    assert set(ids).isdisjoint(video["item_id"] for video in records(other))
    assert [v["play"] for v in records(first)] != [v["play"] for v in records(other)]


def test_newest_videos_are_newest_first(client: httpx.Client) -> None:
    newest = get(client).json()["data"]["newest_videos"]
    times = [video["create_time"] for video in newest]
    assert times == sorted(times, reverse=True)


def test_list_sizes_are_configurable(result_validator: Draft202012Validator) -> None:
    with MockServer(videos_per_list=5, order_hot_videos=3) as server:
        with httpx.Client(base_url=server.base_url) as http:
            body = http.get(ENDPOINT_PATH, params={"token": "any", "oAuthorId": "1"}).json()
    result_validator.validate(body)
    assert [len(body["data"][name]) for name in LISTS] == [5, 5, 3, 5]


def test_any_token_is_accepted_without_a_token_set() -> None:
    status, _, body = MockAPI().handle("GET", ENDPOINT_PATH, {"token": ["x"], "oAuthorId": ["1"]})
    assert status == 200 and json.loads(body)["code"] == 0


# -- validation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"oAuthorId": "42"}, 100),
        ({"token": "", "oAuthorId": "42"}, 100),
        ({"token": "wrong", "oAuthorId": "42"}, 100),
        ({"token": TOKEN}, 400),
        ({"token": TOKEN, "oAuthorId": ""}, 400),
        ({"token": TOKEN, "oAuthorId": "42", "platform": "TV"}, 400),
        ({"token": TOKEN, "oAuthorId": "42", "platform": ""}, 400),
    ],
)
def test_validation_answers_http_200_with_a_business_code(
    client: httpx.Client,
    result_validator: Draft202012Validator,
    params: dict[str, str],
    code: int,
) -> None:
    response = client.get(ENDPOINT_PATH, params=params)
    assert response.status_code == 200
    body = response.json()
    result_validator.validate(body)
    assert body["code"] == code and body["data"] is None
    assert isinstance(body["message"], str) and body["message"]
    assert "wrong" not in response.text and TOKEN not in response.text


@pytest.mark.parametrize(
    "platform", ["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
)
def test_every_documented_platform_is_accepted(client: httpx.Client, platform: str) -> None:
    assert get(client, platform=platform).json()["code"] == 0


def test_unknown_path_is_404_and_other_methods_405(client: httpx.Client) -> None:
    missing = client.get("/api/nope", params={"token": TOKEN})
    assert missing.status_code == 404 and missing.json()["code"] == 404
    assert missing.json()["data"] is None
    posted = client.post(ENDPOINT_PATH, params={"token": TOKEN, "oAuthorId": "1"}, content=b"{}")
    assert posted.status_code == 405 and posted.json()["code"] == 400
    assert posted.headers["allow"] == "GET"
    assert get(client).json()["code"] == 0  # the drained body left the connection usable


# -- faults ------------------------------------------------------------------------------


def test_fault_times_one_then_success(server: MockServer, client: httpx.Client) -> None:
    server.api.set_fault(301, times=1)
    failed = get(client)
    assert failed.status_code == 200
    assert failed.json()["code"] == 301 and failed.json()["data"] is None
    assert get(client).json()["code"] == 0


def test_fault_until_cleared_with_status_and_retry_after(
    server: MockServer, client: httpx.Client, result_validator: Draft202012Validator
) -> None:
    server.api.set_fault(503, http_status=503, retry_after=2)
    for _ in range(3):
        response = get(client)
        assert response.status_code == 503
        assert response.headers["retry-after"] == "2"
        result_validator.validate(response.json())
        assert response.json()["code"] == 503
    server.api.clear_faults()
    response = get(client)
    assert response.json()["code"] == 0 and "retry-after" not in response.headers


def test_fault_retry_after_keeps_decimals_and_dates(
    server: MockServer, client: httpx.Client
) -> None:
    server.api.set_fault(302, retry_after=0.5, times=1)
    assert get(client).headers["retry-after"] == "0.5"
    date = "Wed, 21 Oct 2026 07:28:00 GMT"
    server.api.set_fault(302, retry_after=date, times=1)
    assert get(client).headers["retry-after"] == date


def test_html_fault(server: MockServer, client: httpx.Client) -> None:
    server.api.set_fault(html=True, http_status=502, times=2)
    for _ in range(2):
        response = get(client)
        assert response.status_code == 502
        assert response.headers["content-type"] == "text/html"
        assert response.text.startswith("<html>") and "502 Bad Gateway" in response.text
    assert get(client).json()["code"] == 0
    assert server.api.stats.statuses[502] == 2


def test_fault_arguments_are_checked() -> None:
    api = MockAPI()
    with pytest.raises(ValueError):
        api.set_fault()
    with pytest.raises(ValueError):
        api.set_fault(301, times=0)
    with pytest.raises(ValueError):
        api.set_fault(301, http_status=999)


def test_fail_authors(client: httpx.Client, server: MockServer) -> None:
    server.api.fail_authors["bad"] = 600
    for _ in range(2):
        assert get(client, oAuthorId="bad").json()["code"] == 600
    assert get(client, oAuthorId="good").json()["code"] == 0
    server.api.fail_authors.clear()
    assert get(client, oAuthorId="bad").json()["code"] == 0


def test_concurrent_fault_budget_is_spent_exactly(server: MockServer) -> None:
    server.api.set_fault(301, times=10)

    def worker(_: int) -> list[int]:
        with httpx.Client(base_url=server.base_url, timeout=10) as http:
            return [get(http).json()["code"] for _ in range(10)]

    with ThreadPoolExecutor(8) as pool:
        codes = [code for batch in pool.map(worker, range(8)) for code in batch]
    assert codes.count(301) == 10 and codes.count(0) == 70
    assert server.api.stats.total == 80


# -- rate limit and latency --------------------------------------------------------------


def test_rate_limit_over_http() -> None:
    with MockServer(rate_limit=10) as server, httpx.Client(base_url=server.base_url) as http:
        responses = [
            http.get(ENDPOINT_PATH, params={"token": "t", "oAuthorId": "1"}) for _ in range(40)
        ]
    limited = [r for r in responses if r.json()["code"] == 302]
    assert limited and len(limited) < 40
    for response in limited:
        assert response.status_code == 200
        assert response.json()["message"] == "rate limit exceeded"
        assert int(response.headers["retry-after"]) >= 1
    assert server.api.stats.codes[302] == len(limited)


def test_rate_limit_with_http_429() -> None:
    with MockServer(rate_limit=5, rate_limit_http_status=429) as server:
        with httpx.Client(base_url=server.base_url) as http:
            statuses = {
                http.get(ENDPOINT_PATH, params={"token": "t", "oAuthorId": "1"}).status_code
                for _ in range(20)
            }
    assert statuses == {200, 429}


def test_rate_limit_token_bucket_with_a_fake_clock() -> None:
    now = [100.0]
    api = MockAPI(rate_limit=2, clock=lambda: now[0])
    query = {"token": ["t"], "oAuthorId": ["1"]}

    def code() -> tuple[int, str | None]:
        _, headers, body = api.handle("GET", ENDPOINT_PATH, query)
        return json.loads(body)["code"], dict(headers).get("Retry-After")

    assert [code(), code()] == [(0, None), (0, None)]  # burst of max(1, rate)
    assert code() == (302, "1")
    now[0] += 0.5  # one token back
    assert code() == (0, None)
    assert code()[0] == 302
    api.rate_limit = None
    assert code() == (0, None)


def test_latency_is_added(server: MockServer, client: httpx.Client) -> None:
    server.api.latency = 0.2
    started = time.perf_counter()
    assert get(client).json()["code"] == 0
    assert time.perf_counter() - started >= 0.19
    server.api.latency = 0.0


def test_latency_option_passes_through() -> None:
    with MockServer(latency=0.05, rate_limit=20) as server:
        assert server.api.latency == 0.05 and server.api.rate_limit == 20
    with pytest.raises(TypeError):
        MockServer(MockAPI(), latency=1.0)


# -- statistics --------------------------------------------------------------------------


def test_stats_count_by_code_and_author(server: MockServer, client: httpx.Client) -> None:
    get(client, oAuthorId="a")
    get(client, oAuthorId="a")
    get(client, oAuthorId="b", token="wrong")
    client.get("/elsewhere")
    stats = server.api.stats
    assert stats.total == 4
    assert stats.codes == {0: 2, 100: 1, 404: 1}
    assert stats.calls_for("a") == 2 and server.api.calls_for("b") == 1
    assert stats.calls_for("nobody") == 0
    server.api.reset_stats()
    assert server.api.stats.total == 0 and server.api.calls_for("a") == 0


# -- the two front ends ------------------------------------------------------------------


def test_wsgi_app_answers_like_the_http_server() -> None:
    api = MockAPI(tokens={TOKEN})
    app = make_wsgi_app(api)
    assert app.api is api
    cases = [
        {"token": TOKEN, "oAuthorId": "6900000000000000000", "platform": "PICTURE_TEXT"},
        {"token": "wrong", "oAuthorId": "1"},
        {"token": TOKEN},
        {"token": TOKEN, "oAuthorId": "1", "platform": "nope"},
    ]
    with MockServer(api) as server:
        with (
            httpx.Client(base_url=server.base_url) as over_http,
            httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock") as wsgi,
        ):
            for params in cases:
                a = over_http.get(ENDPOINT_PATH, params=params)
                b = wsgi.get(ENDPOINT_PATH, params=params)
                assert a.status_code == b.status_code
                assert a.headers["content-type"] == b.headers["content-type"]
                body_a, body_b = a.json(), b.json()
                for body in (body_a, body_b):
                    del body["requestId"], body["recordTime"]
                assert body_a == body_b
            assert wsgi.get("/nope").status_code == 404
            assert wsgi.delete(ENDPOINT_PATH).status_code == 405
    assert api.stats.total == 2 * len(cases) + 2


def test_default_wsgi_app_has_its_own_api() -> None:
    app = make_wsgi_app()
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock") as wsgi:
        body = wsgi.get(ENDPOINT_PATH, params={"token": "t", "oAuthorId": "1"}).json()
    assert body["code"] == 0 and app.api.stats.total == 1


def test_keep_alive_throughput(server: MockServer, client: httpx.Client) -> None:
    """A guard against Nagle + delayed ACK: a 40 ms stall per request would take 8 s."""
    get(client)
    started = time.perf_counter()
    for i in range(200):
        assert get(client, oAuthorId=str(i)).status_code == 200
    assert time.perf_counter() - started < 4.0
    assert server.connections_opened == 1


def test_concurrent_keep_alive_clients(server: MockServer) -> None:
    rounds = examples(50)

    def worker(n: int) -> int:
        with httpx.Client(base_url=server.base_url, timeout=10) as http:
            return sum(get(http, oAuthorId=f"{n}-{i}").json()["code"] == 0 for i in range(rounds))

    with ThreadPoolExecutor(16) as pool:
        assert sum(pool.map(worker, range(16))) == 16 * rounds
    assert server.api.stats.codes == {0: 16 * rounds}


def test_stop_is_quick_with_open_connections_and_restartable() -> None:
    server = MockServer().start()
    http = httpx.Client(base_url=server.base_url)
    try:
        assert http.get(ENDPOINT_PATH, params={"token": "t", "oAuthorId": "1"}).status_code == 200
        before = {t for t in threading.enumerate() if t.name == "xingtu-mock-conn"}
        assert before
        started = time.perf_counter()
        server.stop()
        assert time.perf_counter() - started < 1.5
        assert not any(t.is_alive() for t in before)
        server.stop()  # idempotent
        assert not server.running
        with pytest.raises(RuntimeError):
            _ = server.base_url
        with server:
            with httpx.Client(base_url=server.base_url) as again:
                assert again.get("/x").status_code == 404
    finally:
        http.close()


# -- the command line --------------------------------------------------------------------


def test_command_line_serves_until_sigterm() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "justoneapi_xingtu.testing", "--port", "0", "--token", TOKEN],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.fullmatch(r"mock server listening on (http://127\.0\.0\.1:\d+)\n", line)
        assert match, line
        with httpx.Client(base_url=match.group(1), timeout=10) as http:
            assert get(http).json()["code"] == 0
            assert (
                http.get(ENDPOINT_PATH, params={"token": "x", "oAuthorId": "1"}).json()["code"]
                == 100
            )
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert out == "" and TOKEN not in err and ENDPOINT_PATH not in err


def test_wsgi_app_serves_a_spec_for_schemathesis(spec: dict[str, Any]) -> None:
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    api = MockAPI()
    app = make_wsgi_app(api, spec=spec)
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    operation = schema[ENDPOINT_PATH]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.call_and_validate()

    check()
    assert api.stats.total >= 1  # the spec download is not counted, the calls are


def test_random_faults_are_a_repeatable_fraction_of_the_fault_menu() -> None:
    from justoneapi_xingtu.testing import RANDOM_FAULTS, MockAPI

    def codes(seed: int) -> list[int | None]:
        api = MockAPI(random_faults=0.3, seed=seed)
        out = []
        for i in range(400):
            status, _, body = api.handle(
                "GET", ENDPOINT_PATH, {"token": ["t"], "oAuthorId": [str(i)]}
            )
            out.append(json.loads(body)["code"] if status != 502 else None)
        return out

    first = codes(7)
    assert first == codes(7)
    faults = [c for c in first if c != 0]
    assert 80 <= len(faults) <= 160
    assert set(faults) == {f.code for f in RANDOM_FAULTS}


def test_the_mock_transport_answers_like_the_server_without_a_socket() -> None:
    import asyncio

    import httpx

    from justoneapi_xingtu import AsyncXingtuClient, InvalidParameterError, XingtuClient
    from justoneapi_xingtu.testing import mock_transport

    api = MockAPI()
    http = httpx.Client(transport=mock_transport(api))
    with XingtuClient("t0ken", base_url="http://mock.invalid", http_client=http) as client:
        result = client.author_rec_videos("7012345678901234567")
        assert len(result) == 6 and result.request_id
        api.set_fault(400, times=1)
        with pytest.raises(InvalidParameterError):
            client.author_rec_videos("7012345678901234567")
    assert api.stats.calls_for("7012345678901234567") == 2
    http.close()

    async def main() -> int:
        transport = mock_transport(latency=0)
        async with httpx.AsyncClient(transport=transport) as http_async:
            client = AsyncXingtuClient(
                "t0ken", base_url="http://mock.invalid", http_client=http_async
            )
            return len(await client.author_rec_videos("7012345678901234568"))

    assert asyncio.run(main()) == 6

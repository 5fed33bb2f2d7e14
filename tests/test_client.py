"""The wrapper clients through the real HTTP stack on loopback: results, errors, retries."""

from __future__ import annotations

import json
import logging
import socket
import traceback
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _scripted import Answer, scripted_server
from conftest import AUTHOR, TOKEN, call, envelope

from justoneapi_xingtu import (
    AsyncXingtuClient,
    BusinessError,
    CollectionFailedError,
    DailyQuotaExceededError,
    Environment,
    InsufficientBalanceError,
    InternalServerError,
    InvalidParameterError,
    InvalidTokenError,
    JustOneAPIError,
    MissingTokenError,
    PermissionDeniedError,
    Platform,
    ProtocolError,
    RateLimitError,
    RequestTimeoutError,
    TransportError,
    XingtuClient,
)
from justoneapi_xingtu._spec import REC_VIDEOS
from justoneapi_xingtu.testing import instant_retries

DOCUMENTED = [
    (100, InvalidTokenError, False),
    (301, CollectionFailedError, True),
    (302, RateLimitError, True),
    (303, DailyQuotaExceededError, False),
    (400, InvalidParameterError, False),
    (500, InternalServerError, True),
    (600, PermissionDeniedError, False),
    (601, InsufficientBalanceError, False),
]
HTTP_FOR = {100: 401, 301: 500, 302: 429, 303: 429, 400: 400, 500: 500, 600: 403, 601: 403}


@pytest.fixture(autouse=True)
def no_sleep() -> Iterator[list[float]]:
    """Record retry waits instead of sleeping them."""
    with instant_retries() as waits:
        yield waits


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("JUSTONEAPI_TOKEN", "JUSTONEAPI_ENV", "JUSTONEAPI_BASE_URL", "JUSTONEAPI_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)


both = pytest.mark.parametrize("kind", ["sync", "async"])


def assert_no_token(*texts: str) -> None:
    for text in texts:
        assert TOKEN not in text


@both
def test_success_returns_typed_videos(kind: str, documented_example: dict) -> None:
    body = envelope(0, documented_example["data"], message="success")
    with scripted_server([Answer(200, body)]) as (url, seen):
        result = call(kind, url, platform="live_streaming")
    assert seen[0].path == REC_VIDEOS.path
    assert seen[0].query == {
        "token": [TOKEN],
        "oAuthorId": [AUTHOR],
        "platform": ["LIVE_STREAMING"],
    }
    assert [v.item_id for v in result.masterpiece_videos] == [
        "7553989899192519974",
        "7579880027882799283",
    ]
    first = result.masterpiece_videos[0]
    assert first.play == 8543418 and first.favorite == "0" and first.is_hot is False
    assert first.head_image_uris == []
    assert result.order_hot_videos == []
    assert len(result.personal_hot_videos) == 2 and len(result) == 6
    assert result.request_id == "req-42" and result.record_time == "2026-11-29 10:00:00"
    assert result.raw["data"] == documented_example["data"]
    assert result.attempts == 1 and result.author_id == AUTHOR
    assert result.platform == "LIVE_STREAMING"
    assert_no_token(repr(result), repr(first))


@both
@pytest.mark.parametrize("code,cls,retryable", DOCUMENTED)
@pytest.mark.parametrize("http", ["200", "mapped"])
def test_each_documented_code_raises_its_error(
    kind: str,
    code: int,
    cls: type,
    retryable: bool,
    http: str,
    no_sleep: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    status = 200 if http == "200" else HTTP_FOR[code]
    caplog.set_level(logging.DEBUG)
    body = envelope(code, message=f"server says no to token {TOKEN}")
    with scripted_server([Answer(status, body)]) as (url, seen):
        with pytest.raises(cls) as info:
            call(kind, url, max_retries=2)
    error = info.value
    assert type(error) is cls and isinstance(error, BusinessError)
    assert error.code == code and error.request_id == "req-42" and error.http_status == status
    assert error.retryable is retryable
    expected_calls = 3 if retryable else 1
    assert len(seen) == expected_calls and error.attempts == expected_calls
    assert len(no_sleep) == expected_calls - 1
    assert "server says no to token ***" in str(error)
    formatted = "".join(traceback.format_exception(error))
    assert_no_token(str(error), repr(error), formatted, caplog.text)
    assert f"code {code}" in str(error)


@both
def test_an_unknown_code_is_a_plain_business_error(kind: str) -> None:
    with scripted_server([Answer(200, envelope(777, message="new"))]) as (url, seen):
        with pytest.raises(BusinessError) as info:
            call(kind, url)
    assert type(info.value) is BusinessError
    assert info.value.code == 777 and not info.value.retryable and len(seen) == 1


@both
def test_an_unknown_5xx_like_code_is_retried(kind: str) -> None:
    answers = [Answer(200, envelope(503, message="busy")), Answer(200, envelope(0, {}, "ok"))]
    with scripted_server(answers) as (url, seen):
        result = call(kind, url)
    assert len(seen) == 2 and result.attempts == 2 and result.masterpiece_videos == []


@both
def test_retry_after_is_honoured(kind: str, no_sleep: list[float]) -> None:
    limited = Answer(
        429, envelope(302, message="slow"), {"Content-Type": "application/json", "Retry-After": "7"}
    )
    with scripted_server([limited, Answer(200, envelope(0, {}, "ok"))]) as (url, seen):
        call(kind, url)
    assert no_sleep == [7.0] and len(seen) == 2


@both
def test_backoff_grows_exponentially_with_jitter(kind: str, no_sleep: list[float]) -> None:
    with scripted_server([Answer(200, envelope(301))]) as (url, seen):
        with pytest.raises(CollectionFailedError):
            call(kind, url, max_retries=3)
    assert len(seen) == 4
    assert 0.375 <= no_sleep[0] <= 0.5 and 0.75 <= no_sleep[1] <= 1.0 and 1.5 <= no_sleep[2] <= 2.0


@both
def test_max_retries_zero_disables_retries(kind: str) -> None:
    with scripted_server([Answer(200, envelope(302))]) as (url, seen):
        with pytest.raises(RateLimitError) as info:
            call(kind, url, max_retries=0)
    assert len(seen) == 1 and info.value.attempts == 1


@both
def test_retries_are_logged_at_info_without_the_token(
    kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="justoneapi_xingtu")
    with scripted_server([Answer(200, envelope(500)), Answer(200, envelope(0, {}))]) as (url, _):
        call(kind, url)
    retries = [r for r in caplog.records if r.name == "justoneapi_xingtu"]
    assert len(retries) == 1 and retries[0].levelno == logging.INFO
    assert "code 500" in retries[0].getMessage() and "retry 1/2" in retries[0].getMessage()
    assert_no_token(caplog.text)


@both
@pytest.mark.parametrize("status,retried", [(502, True), (404, False)])
def test_html_error_pages_are_protocol_errors(kind: str, status: int, retried: bool) -> None:
    page = Answer(status, b"<html><body>Bad Gateway</body></html>", {"Content-Type": "text/html"})
    with scripted_server([page]) as (url, seen):
        with pytest.raises(ProtocolError) as info:
            call(kind, url)
    assert info.value.http_status == status and info.value.retryable is retried
    assert len(seen) == (3 if retried else 1)
    assert "text/html" in str(info.value) and "Bad Gateway" in str(info.value)


@both
@pytest.mark.parametrize("body", [b"[1, 2]", b'{"data": {}}', b'{"code": "0"}', b"", b"\xff\xfe"])
def test_answers_that_are_not_envelopes_are_protocol_errors(kind: str, body: bytes) -> None:
    with scripted_server([Answer(200, body)]) as (url, seen):
        with pytest.raises(ProtocolError):
            call(kind, url)
    assert len(seen) == 1


@both
def test_a_refused_connection_is_a_retryable_transport_error(kind: str, no_sleep: list) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(TransportError) as info:
        call(kind, f"http://127.0.0.1:{port}", max_retries=1)
    assert info.value.retryable and info.value.attempts == 2 and len(no_sleep) == 1
    assert "127.0.0.1" in str(info.value)
    assert_no_token(
        str(info.value), repr(info.value), "".join(traceback.format_exception(info.value))
    )


@both
def test_a_slow_server_is_a_timeout(kind: str) -> None:
    import time as real_time

    def slow(_: Any) -> Answer:
        real_time.sleep(0.5)
        return Answer(200, envelope(0, {}))

    with scripted_server(slow) as (url, _):
        with pytest.raises(RequestTimeoutError) as info:
            call(kind, url, timeout=0.1, max_retries=0)
    assert "timed out after 0.1 s" in str(info.value)


@both
def test_a_timeout_after_retries_names_the_attempts_and_the_total_time(kind: str) -> None:
    import re
    import time as real_time

    def slow(_: Any) -> Answer:
        real_time.sleep(0.4)
        return Answer(200, envelope(0, {}))

    with scripted_server(slow) as (url, seen):
        with pytest.raises(RequestTimeoutError) as info:
            call(kind, url, timeout=0.1, max_retries=2)
    message = str(info.value)
    assert info.value.attempts == 3 and len(seen) == 3
    found = re.search(
        r"timed out after 3 attempts in (\d+\.\d) s in all \(each attempt limited to 0\.1 s;",
        message,
    )
    assert found, message
    assert float(found.group(1)) >= 0.2  # three attempts of 0.1 s each, not one
    assert "after 0.1 s" not in message
    assert "the page advises at least 60 s" in message


@both
def test_bad_input_is_refused_before_any_request(kind: str) -> None:
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        for bad, word in [
            ("", "empty"),
            (7012345678901234567, "as a string"),
            ("70 12", "whitespace"),
            (None, "as a string"),
        ]:
            with pytest.raises(ValueError, match="o_author_id") as info:
                call(kind, url, author=bad)
            assert word in str(info.value)
        with pytest.raises(ValueError, match="platform: unknown platform 'VIDEO'.*SHORT_VIDEO"):
            call(kind, url, platform="VIDEO")
    assert seen == []


def test_missing_token_names_the_argument_and_the_variable() -> None:
    with pytest.raises(MissingTokenError, match="JUSTONEAPI_TOKEN.*token="):
        XingtuClient()
    assert issubclass(MissingTokenError, ValueError)


def test_token_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUSTONEAPI_TOKEN", TOKEN)
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        with XingtuClient(base_url=url) as client:
            client.author_rec_videos(AUTHOR)
    assert seen[0].query["token"] == [TOKEN]


def test_environment_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    c = XingtuClient(TOKEN)
    assert c.env is Environment.GLOBAL and c.base_url == "https://api.justoneapi.com"
    for name in ("prod-cn", "cn", "CN", Environment.CN):
        c = XingtuClient(TOKEN, env=name)
        assert c.env is Environment.CN and c.base_url == "http://47.117.133.51:30015"
    assert XingtuClient(TOKEN, env="global").env is Environment.GLOBAL
    monkeypatch.setenv("JUSTONEAPI_ENV", "cn")
    assert XingtuClient(TOKEN).env is Environment.CN
    c = XingtuClient(TOKEN, env="global", base_url="http://127.0.0.1:9/")
    assert c.env is None and c.base_url == "http://127.0.0.1:9"
    monkeypatch.setenv("JUSTONEAPI_BASE_URL", "https://proxy.example/")
    c = XingtuClient(TOKEN)
    assert c.env is None and c.base_url == "https://proxy.example"
    monkeypatch.delenv("JUSTONEAPI_BASE_URL")
    with pytest.raises(ValueError, match="env: unknown environment 'staging'.*'prod-global'"):
        XingtuClient(TOKEN, env="staging")
    monkeypatch.setenv("JUSTONEAPI_ENV", "moon")
    with pytest.raises(ValueError, match="JUSTONEAPI_ENV: unknown environment 'moon'"):
        XingtuClient(TOKEN)
    with pytest.raises(ValueError, match="base_url: ftp scheme"):
        XingtuClient(TOKEN, base_url="ftp://x")


@pytest.mark.parametrize("cls", [XingtuClient, AsyncXingtuClient])
def test_an_argument_beats_an_environment_variable_and_the_choice_is_logged(
    cls: type, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="justoneapi_xingtu")
    monkeypatch.setenv("JUSTONEAPI_BASE_URL", "http://user:secret@127.0.0.1:9/")
    monkeypatch.setenv("JUSTONEAPI_ENV", "cn")
    client = cls(TOKEN, env="global")
    assert client.env is Environment.GLOBAL and client.base_url == "https://api.justoneapi.com"
    chosen = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert chosen == [
        "using https://api.justoneapi.com (env=global); ignored: "
        "JUSTONEAPI_BASE_URL=http://user:***@127.0.0.1:9/, JUSTONEAPI_ENV=cn"
    ]
    client = cls(TOKEN, base_url="http://127.0.0.1:8")
    assert client.env is None and client.base_url == "http://127.0.0.1:8"
    assert client.with_options(env="prod-global").env is Environment.GLOBAL
    assert cls(TOKEN).base_url == "http://user:***@127.0.0.1:9"  # no argument: the variable
    monkeypatch.delenv("JUSTONEAPI_BASE_URL")
    assert cls(TOKEN).env is Environment.CN
    assert cls(TOKEN, env=Environment.GLOBAL).env is Environment.GLOBAL
    caplog.clear()
    monkeypatch.delenv("JUSTONEAPI_ENV")
    cls(TOKEN, env="global")
    assert [r for r in caplog.records if r.levelno == logging.INFO] == []  # nothing to choose
    assert "secret" not in caplog.text


def test_plain_http_to_a_remote_host_warns_once_per_client(caplog) -> None:
    caplog.set_level(logging.WARNING, logger="justoneapi_xingtu")
    XingtuClient(TOKEN, env="cn")
    XingtuClient(TOKEN, base_url="http://127.0.0.1:1")
    XingtuClient(TOKEN)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "plain HTTP" in warnings[0].getMessage()
    assert_no_token(caplog.text)


def test_timeout_defaults_to_60_and_reads_the_environment(monkeypatch) -> None:
    assert XingtuClient(TOKEN).timeout == 60.0
    monkeypatch.setenv("JUSTONEAPI_TIMEOUT", "5")
    assert XingtuClient(TOKEN).timeout == 5.0
    with pytest.raises(ValueError, match="timeout"):
        XingtuClient(TOKEN, timeout=0)
    with pytest.raises(ValueError, match="max_retries"):
        XingtuClient(TOKEN, max_retries=-1)


def test_repr_never_shows_the_token() -> None:
    for client in (XingtuClient(TOKEN), AsyncXingtuClient(TOKEN)):
        assert_no_token(repr(client), str(vars(client).get("_url")))
        assert "prod-global" in repr(client)


def test_a_callers_http_client_is_used_and_left_open() -> None:
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        http = httpx.Client(headers={"X-Trace": "abc"})
        with XingtuClient(TOKEN, base_url=url, http_client=http) as client:
            client.author_rec_videos(AUTHOR)
        assert not http.is_closed
        http.close()
    assert seen[0].headers.get("X-Trace") == "abc"
    with pytest.raises(ValueError, match="http_client"):
        XingtuClient(TOKEN, http_client=httpx.AsyncClient())  # type: ignore[arg-type]


def test_httpx_request_logs_never_carry_the_token(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, _):
        call("sync", url)
    httpx_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("token=***" in line for line in httpx_lines), httpx_lines
    assert_no_token(caplog.text)


def test_tolerant_reader_keeps_going_when_the_answer_drifts() -> None:
    data = {
        "masterpiece_videos": [
            {"item_id": "7553989899192519974", "play": "12", "brand_new_field": {"x": 1}}
        ],
        "newest_videos": [],
    }  # no base_resp, no order_hot/personal_hot lists
    body = json.dumps({"code": 0, "data": data}).encode()  # no message, recordTime, requestId
    with scripted_server([Answer(200, body)]) as (url, _):
        result = call("sync", url)
    video = result.masterpiece_videos[0]
    assert video.play == 12 and video.like is None and video.item_id == "7553989899192519974"
    assert video.extra == {"brand_new_field": {"x": 1}}
    assert result.order_hot_videos == [] and result.personal_hot_videos == []
    assert result.record_time is None and result.request_id is None and result.message is None


def test_a_field_of_the_wrong_type_fails_loudly_when_read() -> None:
    from justoneapi_xingtu import Video

    video = Video({"play": "lots", "item_id": 7553989899192519974, "is_hot": "yes"})
    assert video.item_id == "7553989899192519974"
    with pytest.raises(
        ProtocolError, match="video field 'play' is 'lots' \\(str\\), expected an integer"
    ):
        _ = video.play
    with pytest.raises(JustOneAPIError, match="is_hot"):
        _ = video.is_hot


@pytest.fixture(scope="module")
def mock_server():
    from justoneapi_xingtu.testing import MockServer

    with MockServer(tokens={TOKEN}) as server:
        yield server


@both
@pytest.mark.parametrize("code,cls,retryable", DOCUMENTED)
def test_each_code_from_the_mock_server(mock_server, kind, code, cls, retryable) -> None:
    mock_server.api.set_fault(code, http_status=HTTP_FOR[code])
    mock_server.api.reset_stats()
    try:
        with pytest.raises(cls) as info:
            call(kind, mock_server.base_url, max_retries=1)
    finally:
        mock_server.api.clear_faults()
    assert info.value.code == code and info.value.retryable is retryable
    assert mock_server.api.stats.total == (2 if retryable else 1)
    assert_no_token(str(info.value), repr(info.value))


@both
def test_mock_server_validation_reaches_the_client_as_typed_errors(mock_server, kind) -> None:
    with pytest.raises(InvalidTokenError):
        call(kind, mock_server.base_url, token="not-the-mock-token")
    result = call(kind, mock_server.base_url, platform=Platform.SHORT_DRAMA)
    assert len(result) == 6 and all(len(v.item_id) == 19 for _, v in result)


def test_retry_after_parsing_takes_seconds_and_dates_and_ignores_garbage() -> None:
    import email.utils
    import time as real_time

    from justoneapi_xingtu._retry import parse_retry_after

    assert parse_retry_after({"retry-after": "5"}) == 5.0
    assert parse_retry_after({"retry-after": "-3"}) == -3.0  # the policy treats <= 0 as absent
    assert parse_retry_after({}) is None
    assert parse_retry_after({"retry-after": "soon"}) is None
    assert parse_retry_after({"retry-after": "nan"}) is None
    future = email.utils.formatdate(real_time.time() + 30, usegmt=True)
    assert 25 <= (parse_retry_after({"retry-after": future}) or 0) <= 31


@both
def test_a_malformed_retry_after_header_does_not_escape_as_a_crash(kind: str) -> None:
    answer = Answer(200, envelope(302), {"Content-Type": "application/json", "Retry-After": "soon"})
    with scripted_server([answer]) as (url, seen):
        with pytest.raises(RateLimitError) as info:
            call(kind, url, max_retries=1)
    assert info.value.retry_after is None and len(seen) == 2


@pytest.mark.parametrize("token", [TOKEN, "a&b=c%d/é+?#"])
def test_the_prebuilt_request_url_is_what_httpx_would_parse(token: str) -> None:
    import httpx

    client = XingtuClient(token, base_url="http://user:pw@127.0.0.1:8080/prefix")
    params = {"oAuthorId": AUTHOR, "platform": "SHORT_VIDEO"}
    fast = client._httpx_url(REC_VIDEOS, params)
    assert isinstance(fast, httpx.URL)
    parsed = httpx.URL(client._url_for(REC_VIDEOS, params))
    assert fast == parsed and str(fast) == str(parsed)
    assert fast.params["token"] == token and fast.path == "/prefix" + REC_VIDEOS.path
    client.close()


@pytest.mark.parametrize(
    "value", ["7012345678901234567", "SHORT_VIDEO", "a+b&c=d", "é", "٣٤", "x y", "MS4wLjAB-_.~"]
)
def test_the_request_url_quotes_every_value_as_urlencode_does(value: str) -> None:
    import urllib.parse

    client = XingtuClient("tok&en=1", base_url="http://127.0.0.1:8080")
    params = {"oAuthorId": value, "platform": "SHORT_VIDEO"}
    expected = urllib.parse.urlencode({"token": "tok&en=1", **params})
    assert client._url_for(REC_VIDEOS, params) == f"{client._url}?{expected}"
    client.close()

"""The fault matrix: what each client does when the network or the server misbehaves.

Every case runs through the real HTTP stack (httpx over loopback TCP), sync and async,
and checks the exact outcome, how many requests the server saw, that the token appears
in no message, repr, traceback or log line, and that no socket is left open.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import anyio
import pytest
from _faults import (
    answer,
    fault_server,
    gzip_bomb,
    huge_body,
    reset_mid_body,
    slow_body,
    slow_headers,
    trickled_head,
    truncated,
)
from conftest import AUTHOR, TOKEN, envelope, examples

from justoneapi_xingtu import (
    AsyncXingtuClient,
    BusinessError,
    CollectionFailedError,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InternalServerError,
    InvalidParameterError,
    InvalidTokenError,
    PermissionDeniedError,
    ProtocolError,
    RateLimitError,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
    XingtuClient,
)
from justoneapi_xingtu.testing import MockServer, instant_retries

pytestmark = pytest.mark.filterwarnings(
    "error::ResourceWarning", "error::pytest.PytestUnraisableExceptionWarning"
)


OK = envelope(0, {"masterpiece_videos": [{"item_id": "7553989899192519974", "play": 1}]})
HTML = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"

# name: (behaviour, expected exception or None for success, requests the server sees)
CASES: dict[str, tuple[Callable[..., Any], type[Exception] | None, int]] = {
    "success": (answer(OK), None, 1),
    "code 100": (answer(envelope(100)), InvalidTokenError, 1),
    "code 301": (answer(envelope(301)), CollectionFailedError, 3),
    "code 302": (answer(envelope(302), status=429), RateLimitError, 3),
    "code 303": (answer(envelope(303)), DailyQuotaExceededError, 1),
    "code 400": (answer(envelope(400), status=400), InvalidParameterError, 1),
    "code 500": (answer(envelope(500), status=500), InternalServerError, 3),
    "code 600": (answer(envelope(600), status=403), PermissionDeniedError, 1),
    "code 601": (answer(envelope(601)), InsufficientBalanceError, 1),
    "unknown code": (answer(envelope(9999)), BusinessError, 1),
    "HTTP 502 HTML": (answer(HTML, 502, "text/html"), ProtocolError, 3),
    "HTTP 503 HTML": (answer(HTML, 503, "text/html"), ProtocolError, 3),
    "truncated body": (truncated(OK), TransportError, 3),
    "reset mid-body": (reset_mid_body(OK * 50), TransportError, 3),
    "slow headers": (slow_headers(1.0, OK), RequestTimeoutError, 3),
    "slow body": (slow_body(OK, step=0.02, total=1.0), RequestTimeoutError, 3),
    "invalid UTF-8": (answer(b'{"code": 0, "message": "\xff\xfe", "data": {}}'), ProtocolError, 1),
    "empty body": (answer(b""), ProtocolError, 1),
    "100 MB declared": (huge_body(100 * 2**20, declare_length=True), ResponseTooLargeError, 1),
    "100 MB chunked": (huge_body(100 * 2**20, declare_length=False), ResponseTooLargeError, 1),
    "gzip, gzip bomb": (
        answer(gzip_bomb(4096), extra="Content-Encoding: gzip, gzip\r\n"),
        ResponseTooLargeError,
        1,
    ),
    "trickled headers": (trickled_head(0.02, OK), RequestTimeoutError, 3),
}


def timeout_for(expected: type[Exception] | None) -> float:
    """The client's timeout in a case: 0.1 s when the case ends in it (each byte of a
    trickle still comes well within it), 0.3 s of headroom otherwise."""
    return 0.1 if expected is RequestTimeoutError else 0.3


@pytest.fixture(autouse=True)
def no_sleep() -> Iterator[list[float]]:
    with instant_retries() as waits:
        yield waits


def open_fds() -> int:
    gc.collect()
    return len(os.listdir("/proc/self/fd"))


def run(kind: str, base_url: str, timeout: float = 0.3) -> Any:
    options = {
        "base_url": base_url,
        "timeout": timeout,
        "max_retries": 2,
        "max_response_bytes": 4 * 2**20,
    }
    if kind == "sync":
        with XingtuClient(TOKEN, **options) as client:
            return client.author_rec_videos(AUTHOR)

    async def main() -> Any:
        async with AsyncXingtuClient(TOKEN, **options) as client:
            return await client.author_rec_videos(AUTHOR)

    return anyio.run(main)


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("case", list(CASES))
def test_fault_matrix(kind: str, case: str, caplog: pytest.LogCaptureFixture) -> None:
    behaviour, expected, calls = CASES[case]
    caplog.set_level(logging.DEBUG)
    before = open_fds()
    texts: list[str] = []
    with fault_server(behaviour) as server:
        if expected is None:
            result = run(kind, server.base_url)
            assert result.masterpiece_videos[0].item_id == "7553989899192519974"
            texts.append(repr(result))
        else:
            with pytest.raises(expected) as info:
                run(kind, server.base_url, timeout_for(expected))
            error = info.value
            assert type(error) is expected
            assert error.attempts == calls
            texts += [str(error), repr(error), "".join(traceback.format_exception(error))]
        assert server.requests == calls
        if case.startswith("100 MB"):
            assert server.bytes_sent < 20 * 2**20, "the huge body was read far past the limit"
    texts.append(caplog.text)
    for text in texts:
        assert TOKEN not in text
    assert open_fds() <= before, "a socket or file was left open"


def test_one_sync_client_shared_by_16_threads() -> None:
    authors = [str(7000000000000000000 + i) for i in range(100)]
    with (
        MockServer(tokens={TOKEN}) as server,
        XingtuClient(TOKEN, base_url=server.base_url) as client,
    ):
        expected = {a: [v.item_id for _, v in client.author_rec_videos(a)] for a in authors}
        errors: list[BaseException] = []
        mismatches: list[str] = []
        lock = threading.Lock()
        rounds = examples(125)

        def worker(offset: int) -> None:
            try:
                for i in range(rounds):
                    author = authors[(offset * 7 + i) % len(authors)]
                    result = client.author_rec_videos(author)
                    got = [v.item_id for _, v in result]
                    if result.author_id != author or got != expected[author]:
                        with lock:
                            mismatches.append(author)
            except BaseException as exc:
                with lock:
                    errors.append(exc)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert errors == [] and mismatches == []
        assert server.api.stats.total == len(authors) + 16 * rounds


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_closing_a_client_releases_its_keep_alive_connections(kind: str) -> None:
    with MockServer(tokens={TOKEN}) as server:
        before = open_fds()
        for _ in range(3):
            result = run(kind, server.base_url)
            assert len(result) == 6
        assert server.connections_opened == 3
        # the server's end closes on its own thread: give it a moment under load
        deadline = time.monotonic() + 5
        while open_fds() > before and time.monotonic() < deadline:
            time.sleep(0.02)
        assert open_fds() <= before, "a keep-alive connection outlived its client"

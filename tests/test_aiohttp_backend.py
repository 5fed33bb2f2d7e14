"""``AsyncXingtuClient(backend="aiohttp")`` keeps every guarantee of the httpx backend.

The whole fault matrix of test_reliability runs on it (same outcome, same number of
requests, token in no message, no socket left open), and so do the checks that only this
backend's own code could break: bounded decoding of (stacked) gzip, proxies from the
environment, no redirects followed, the same results as httpx for the same answers.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import traceback
from typing import Any

import anyio
import pytest
import test_reliability as rel
from _faults import fault_server, head
from _scripted import Answer, scripted_server

from justoneapi_xingtu import (
    AsyncXingtuClient,
    ProtocolError,
    ResponseTooLargeError,
    TransportError,
)
from justoneapi_xingtu.testing import MockServer

pytestmark = pytest.mark.filterwarnings(
    "error::ResourceWarning", "error::pytest.PytestUnraisableExceptionWarning"
)
TOKEN, AUTHOR = rel.TOKEN, rel.AUTHOR


@pytest.fixture(autouse=True)
def no_sleep():
    with rel.instant_retries() as waits:
        yield waits


def run(base_url: str, **options: Any) -> Any:
    options = {
        "base_url": base_url,
        "timeout": 0.3,
        "max_retries": 2,
        "max_response_bytes": 4 * 2**20,
        **options,
    }

    async def main() -> Any:
        async with AsyncXingtuClient(TOKEN, backend="aiohttp", **options) as client:
            return await client.author_rec_videos(AUTHOR)

    return anyio.run(main)


@pytest.mark.parametrize("case", list(rel.CASES))
def test_the_fault_matrix_holds_on_aiohttp(case: str, caplog: pytest.LogCaptureFixture) -> None:
    behaviour, expected, calls = rel.CASES[case]
    caplog.set_level(logging.DEBUG)
    before = rel.open_fds()
    texts: list[str] = []
    with fault_server(behaviour) as server:
        if expected is None:
            result = run(server.base_url)
            assert result.masterpiece_videos[0].item_id == "7553989899192519974"
            texts.append(repr(result))
        else:
            with pytest.raises(expected) as info:
                run(server.base_url, timeout=rel.timeout_for(expected))
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
    assert rel.open_fds() <= before, "a socket or file was left open"


def encoded(body: bytes, encoding: str) -> Any:
    def behave(conn, server) -> None:
        extra = f"Content-Encoding: {encoding}\r\n"
        server.send(conn, head(200, len(body), extra=extra) + body)

    return behave


def test_stacked_gzip_is_undone_in_order() -> None:
    with fault_server(encoded(gzip.compress(gzip.compress(rel.OK)), "gzip, gzip")) as server:
        result = run(server.base_url)
    assert result.masterpiece_videos[0].play == 1


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    import tracemalloc

    bomb = gzip.compress(b" " * (64 * 2**20), compresslevel=1)  # 64 MiB from ~270 KB
    for encoding, body in (("gzip", bomb), ("gzip, gzip", gzip.compress(bomb))):
        with fault_server(encoded(body, encoding)) as server:
            tracemalloc.start()
            try:
                with pytest.raises(ResponseTooLargeError):
                    run(server.base_url, max_retries=0)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
        assert peak < 16 * 2**20, f"{peak / 2**20:.0f} MiB held: the bomb was inflated"


def test_a_large_gzip_answer_decodes_whole_piece_by_piece() -> None:
    videos = [{"item_id": str(7500000000000000000 + i), "play": i} for i in range(5000)]
    body = rel.envelope(0, {"newest_videos": videos})  # ~250 KB: several 64 KiB pieces
    with fault_server(encoded(gzip.compress(body), "gzip")) as server:
        result = run(server.base_url, max_retries=0)
    assert [v.play for v in result.newest_videos] == list(range(5000))


def test_a_truncated_gzip_stream_is_a_protocol_error() -> None:
    with fault_server(encoded(gzip.compress(rel.OK)[:-12], "gzip")) as server:
        with pytest.raises(ProtocolError, match="ends before"):
            run(server.base_url, max_retries=0)


def test_an_encoding_it_cannot_undo_is_a_protocol_error() -> None:
    with fault_server(encoded(rel.OK, "br")) as server:
        with pytest.raises(ProtocolError, match="Content-Encoding"):
            run(server.base_url, max_retries=0)


def test_a_redirect_is_not_followed() -> None:
    moved = Answer(302, b"", {"Location": "/elsewhere", "Content-Type": "text/html"})
    with scripted_server([moved]) as (url, seen):
        with pytest.raises(ProtocolError, match="HTTP 302"):
            run(url, max_retries=0)
    assert len(seen) == 1


def test_the_proxy_from_the_environment_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    with scripted_server([Answer(200, rel.OK)]) as (proxy, seen):
        monkeypatch.setenv("HTTP_PROXY", proxy)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        result = run("http://upstream.invalid:8080")
    assert result.masterpiece_videos[0].play == 1
    assert seen[0].headers["Host"] == "upstream.invalid:8080"  # asked the proxy for it


def test_no_proxy_sends_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    with scripted_server([Answer(200, rel.OK)]) as (url, seen):
        monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        result = run(url)
    assert result.masterpiece_videos[0].play == 1 and len(seen) == 1


def test_both_backends_read_the_same_answers_alike() -> None:
    async def results(url: str, backend: str) -> list[Any]:
        async with AsyncXingtuClient(TOKEN, base_url=url, backend=backend) as client:
            single = client.with_options(max_retries=0)  # shares the session
            out = [await single.author_rec_videos(str(7000000000000000000 + i)) for i in range(3)]
            return [(r.request_id is not None, [v.to_dict() for _, v in r]) for r in out]

    with MockServer(tokens={TOKEN}) as server:
        assert anyio.run(results, server.base_url, "aiohttp") == anyio.run(
            results, server.base_url, "httpx"
        )


def test_a_connection_refused_is_a_transport_error_without_the_token() -> None:
    with pytest.raises(TransportError) as info:
        run("http://127.0.0.1:9", max_retries=0)
    assert TOKEN not in str(info.value) and "127.0.0.1:9" in str(info.value)


@pytest.mark.parametrize(
    "options,message",
    [
        ({"backend": "curl"}, "backend: expected 'httpx' or 'aiohttp', got 'curl'"),
        ({"backend": "aiohttp", "http_client": object()}, "http_client"),
    ],
)
def test_bad_backend_arguments_are_named(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        AsyncXingtuClient(TOKEN, base_url="http://127.0.0.1:9", **options)


def test_a_closed_client_refuses_calls_and_a_call_in_flight_ends() -> None:
    from justoneapi_xingtu import ClientClosedError

    async def main(url: str) -> tuple[BaseException, BaseException]:
        client = AsyncXingtuClient(TOKEN, base_url=url, backend="aiohttp", timeout=5)
        in_flight = asyncio.ensure_future(client.author_rec_videos(AUTHOR))
        await asyncio.sleep(0.2)  # the server holds the answer for a second
        await client.aclose()
        with pytest.raises(ClientClosedError) as during:
            await in_flight
        with pytest.raises(ClientClosedError) as after:
            await client.author_rec_videos(AUTHOR)
        return during.value, after.value

    with fault_server(rel.slow_headers(1.0, rel.OK)) as server:
        during, after = asyncio.run(main(server.base_url))
    assert TOKEN not in str(during) + str(after)


# -- which backend a batch uses --------------------------------------------------------


def batch_on(url: str, client_options: dict[str, Any], **batch_options: Any) -> tuple[str, list]:
    """(batch.backend, outcomes) of a three-author batch."""

    async def main() -> tuple[str, list]:
        async with AsyncXingtuClient(TOKEN, base_url=url, **client_options) as client:
            authors = [str(7000000000000000000 + i) for i in range(3)]
            async with client.author_rec_videos_many(authors, **batch_options) as batch:
                return batch.backend, [outcome async for outcome in batch]

    return asyncio.run(main())


def user_agents(seen: list) -> set[str]:
    return {s.headers["User-Agent"].rsplit(" ", 1)[-1].split("/")[0] for s in seen}


@pytest.mark.parametrize(
    "client_options,batch_options,expected",
    [
        ({}, {}, "aiohttp"),  # not chosen: aiohttp, since it is installed
        ({"backend": "httpx"}, {}, "httpx"),  # the client's explicit choice wins
        ({}, {"backend": "httpx"}, "httpx"),  # so does the batch's
        ({"backend": "aiohttp"}, {"backend": "httpx"}, "httpx"),  # the batch's over the client's
        ({"backend": "httpx"}, {"backend": "aiohttp"}, "aiohttp"),
    ],
)
def test_a_batch_runs_on_aiohttp_unless_httpx_is_chosen(
    client_options: dict[str, Any], batch_options: dict[str, Any], expected: str
) -> None:
    with scripted_server([Answer(200, rel.OK)]) as (url, seen):
        backend, outcomes = batch_on(url, client_options, **batch_options)
    assert backend == expected
    assert user_agents(seen) == {expected}  # the calls really went through it
    assert [o.ok for o in outcomes] == [True] * 3


def hide_aiohttp(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if aiohttp were not installed: importing it fails."""
    import sys

    monkeypatch.setitem(sys.modules, "aiohttp", None)
    monkeypatch.delitem(sys.modules, "justoneapi_xingtu._aiohttp", raising=False)


def test_without_aiohttp_a_batch_runs_on_httpx(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_aiohttp(monkeypatch)
    with scripted_server([Answer(200, rel.OK)]) as (url, seen):
        backend, outcomes = batch_on(url, {})
    assert backend == "httpx" and user_agents(seen) == {"httpx"}
    assert [o.ok for o in outcomes] == [True] * 3


def test_without_aiohttp_asking_for_it_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_aiohttp(monkeypatch)

    async def main() -> None:
        async with AsyncXingtuClient(TOKEN, base_url="http://127.0.0.1:9") as client:
            client.author_rec_videos_many(["7000000000000000000"], backend="aiohttp")

    with pytest.raises(ValueError, match=r"backend: 'aiohttp' needs aiohttp: pip install"):
        asyncio.run(main())


@pytest.mark.parametrize(
    "variable,value",
    [("ALL_PROXY", "http://127.0.0.1:9"), ("HTTPS_PROXY", "https://127.0.0.1:9")],
)
def test_a_proxy_aiohttp_cannot_use_keeps_the_batch_on_httpx(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv(variable, value)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # httpx sends directly: the test stays offline

    async def main() -> str:
        async with AsyncXingtuClient(TOKEN, base_url="http://127.0.0.1:9") as client:
            return client.author_rec_videos_many(["7000000000000000000"]).backend

    assert asyncio.run(main()) == "httpx"


def test_a_given_http_client_keeps_the_batch_on_it() -> None:
    import httpx

    async def main(url: str) -> tuple[str, list]:
        async with httpx.AsyncClient() as http:
            async with AsyncXingtuClient(TOKEN, base_url=url, http_client=http) as client:
                batch = client.author_rec_videos_many(["7000000000000000000"])
                with pytest.raises(ValueError, match="backend: 'aiohttp' cannot serve"):
                    client.author_rec_videos_many(["7000000000000000000"], backend="aiohttp")
                return batch.backend, [o async for o in batch]

    with scripted_server([Answer(200, rel.OK)]) as (url, seen):
        backend, outcomes = asyncio.run(main(url))
    assert backend == "httpx" and outcomes[0].ok and user_agents(seen) == {"httpx"}


def test_a_bad_batch_backend_is_named() -> None:
    async def main() -> None:
        async with AsyncXingtuClient(TOKEN, base_url="http://127.0.0.1:9") as client:
            client.author_rec_videos_many(["7000000000000000000"], backend="curl")  # type: ignore[arg-type]

    with pytest.raises(ValueError, match="backend: expected 'httpx' or 'aiohttp', got 'curl'"):
        asyncio.run(main())


def test_the_batch_closes_the_aiohttp_session_it_opened() -> None:
    # ResourceWarnings are errors in this module: an unclosed aiohttp session fails it.
    with scripted_server([Answer(200, rel.OK)]) as (url, _):
        backend, _ = batch_on(url, {"backend": None})
    import gc

    gc.collect()
    assert backend == "aiohttp"


def test_a_with_options_copy_batches_on_aiohttp_too() -> None:
    async def main(url: str) -> str:
        async with AsyncXingtuClient(TOKEN, base_url=url) as client:
            patient = client.with_options(timeout=5)
            async with patient.author_rec_videos_many(["7000000000000000000"]) as batch:
                assert [o.ok async for o in batch] == [True]
                return batch.backend

    with scripted_server([Answer(200, rel.OK)]) as (url, seen):
        assert asyncio.run(main(url)) == "aiohttp"
    assert user_agents(seen) == {"aiohttp"}

"""No private internal of a dependency without a public way or a tested fallback (issue 16).

- the pools are httpcore's, built through their public constructors, so the whole-call
  deadline reaches every socket read; a test fails if it stops being enforced;
- proxies are read with the standard library, as httpx and aiohttp read them;
- the one private use left (``httpx.URL``'s ``_uri_reference``, for speed) is checked
  when a client is made: removed or changed, the client still works and a
  :class:`DependencyFallbackWarning` says once what is lost.
"""

from __future__ import annotations

import base64
import functools
import re
import sys
import warnings
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from _faults import fault_server, trickled_head
from conftest import AUTHOR, TOKEN, call

import justoneapi_xingtu
from justoneapi_xingtu import (
    AsyncXingtuClient,
    DependencyFallbackWarning,
    RequestTimeoutError,
    XingtuClient,
    _base_client,
)
from justoneapi_xingtu._spec import REC_VIDEOS
from justoneapi_xingtu._transport import DEADLINE_PASSED, environment_proxies
from justoneapi_xingtu.testing import MockServer

PACKAGE = Path(justoneapi_xingtu.__file__).parent
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
BODY = b'{"code": 0, "data": {}, "message": "ok", "recordTime": null}'


# -- the whole-call deadline ---------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_trickled_head_is_ended_by_the_whole_call_deadline(kind: str) -> None:
    # Each byte of the head comes well inside the per-read timeout: without the deadline
    # at the socket reads the call would succeed after ~9 s. With it, the call ends with
    # the deadline named, not as a read that timed out, after one attempt.
    with fault_server(trickled_head(0.1, BODY)) as server:
        with pytest.raises(RequestTimeoutError) as info:
            call(kind, server.base_url, timeout=0.6, max_retries=0)
        assert server.requests == 1
    assert str(info.value).endswith(f"ReadTimeout: {DEADLINE_PASSED}")


# -- no private import ---------------------------------------------------------------------

PRIVATE = re.compile(
    r"\b(?:httpx|httpcore|aiohttp|yarl|anyio)\._(?!_)\w+"  # a private module or name
    r"|from (?:httpx|httpcore|aiohttp|yarl|anyio)(?:\.\w+)*\.(?:_\w+|helpers)\b"
    r"|\._pool\b|\._network_backend\b|\._mounts\b"  # inside httpx's objects
)
# The private uses that remain, each with a removal test below.
REMAINING = {"_uri_reference"}


def test_the_package_reaches_into_no_dependency_but_where_a_fallback_is_tested() -> None:
    found = {
        f"{path.relative_to(PACKAGE)}: {match.group()}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "_spec_data.py"
        for match in PRIVATE.finditer(path.read_text(encoding="utf-8"))
    }
    assert found == set()
    uses = {
        name
        for path in PACKAGE.rglob("*.py")
        for name in re.findall(r"\._uri_\w+", path.read_text(encoding="utf-8"))
    }
    assert {name.lstrip(".") for name in uses} <= REMAINING


# -- the fast URL build: removed or changed, a plain working client and one warning ---------

ParseResult = type(httpx.URL("https://x.invalid")._uri_reference)


@pytest.fixture
def fresh_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_base_client, "_SLOW_URLS_WARNED", False)


def calls_through_a_mock(kind: str) -> list[DependencyFallbackWarning]:
    """Two clients making a call each on a mock that checks the token; the warnings."""
    with warnings.catch_warnings(record=True) as caught, MockServer(tokens={TOKEN}) as server:
        warnings.simplefilter("always")
        for _ in range(2):
            assert len(call(kind, server.base_url)) == 6
        assert server.api.stats.total == 2
    return [w.message for w in caught if isinstance(w.message, DependencyFallbackWarning)]


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.usefixtures("fresh_warning")
def test_without_the_private_url_helper_the_client_works_and_says_what_is_lost(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(ParseResult, "_replace")  # httpx itself does not use it
    found = calls_through_a_mock(kind)
    assert len(found) == 1  # once per process, not per client
    assert "calls still work" in str(found[0]) and "CPU" in str(found[0])


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.usefixtures("fresh_warning")
def test_a_private_url_helper_that_silently_changed_is_not_used(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Still there, but no longer doing what it did: the query would be lost. The check at
    # construction sees it; every call sends its whole URL (the mock checks the token).
    monkeypatch.setattr(ParseResult, "_replace", lambda self, **changes: self)
    assert len(calls_through_a_mock(kind)) == 1


@pytest.mark.usefixtures("fresh_warning")
def test_with_httpx_as_it_is_the_fast_build_is_used_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DependencyFallbackWarning)
        client = XingtuClient(TOKEN, base_url="http://127.0.0.1:9")
    assert isinstance(client._httpx_url(REC_VIDEOS, {"a": "1"}), httpx.URL)
    client.close()


# -- proxies from the environment, as the dependencies read them ----------------------------


@pytest.fixture
def proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"HTTP_PROXY": "http://p:1", "NO_PROXY": "*"},
        {"HTTPS_PROXY": "p:2", "ALL_PROXY": "http://p:3", "NO_PROXY": " ,LOCALHOST"},
        {"HTTP_PROXY": "http://u:pw@p:1", "NO_PROXY": "192.168.0.0/16,fe80::1,.corp,corp.example"},
        {"ALL_PROXY": "http://p:4", "NO_PROXY": "https://skip.me,all://direct.example"},
    ],
)
def test_environment_proxies_are_the_mounts_plain_httpx_makes(
    env: dict[str, str], proxy_env: pytest.MonkeyPatch
) -> None:
    for name, value in env.items():
        proxy_env.setenv(name, value)
    with httpx.Client() as plain:  # its mounts, peeked at in a test only
        expected = {p.pattern: t is not None for p, t in plain._mounts.items()}
    assert {k: v is not None for k, v in environment_proxies().items()} == expected


@pytest.mark.parametrize(
    ("env", "url"),
    [
        ({"HTTP_PROXY": "http://user:p%40ss@proxy.example:3128"}, "http://api.example/v1"),
        (
            {"HTTP_PROXY": "http://proxy.example:3128", "NO_PROXY": "api.example"},
            "http://api.example/v1",
        ),
        ({"HTTPS_PROXY": "https://proxy.example:3128"}, "https://api.example/v1"),
        ({"HTTPS_PROXY": "http://proxy.example:3128"}, "https://api.example/v1"),
        ({"HTTP_PROXY": "http://proxy.example:3128"}, "https://api.example/v1"),
    ],
)
def test_the_aiohttp_backend_reads_proxies_as_aiohttp_does(
    env: dict[str, str], url: str, proxy_env: pytest.MonkeyPatch
) -> None:
    yarl = pytest.importorskip("yarl")
    helpers = pytest.importorskip("aiohttp.helpers")
    from justoneapi_xingtu._aiohttp import environment_proxy

    for name, value in env.items():
        proxy_env.setenv(name, value)
    proxy_env.setenv("NETRC", "/nonexistent")  # aiohttp would read ~/.netrc; we do not
    target = yarl.URL(url)
    ours = environment_proxy(target)
    header = {**ours.get("headers", {}), **ours.get("proxy_headers", {})}
    credentials = header.get("Proxy-Authorization", "").removeprefix("Basic ")
    ours_read = [ours.get("proxy"), base64.b64decode(credentials).decode() or None]
    try:  # aiohttp's private helper, as the reference while it exists
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # its BasicAuth
            proxy, auth = helpers.get_env_proxy_for_url(target)
        theirs = [proxy, None if auth is None else f"{auth.login}:{auth.password}"]
    except LookupError:
        theirs = [None, None]
    except AttributeError:
        pytest.skip("aiohttp no longer has get_env_proxy_for_url to compare with")
    assert ours_read == theirs


def test_the_aiohttp_backend_authenticates_to_the_proxy(proxy_env: pytest.MonkeyPatch) -> None:
    pytest.importorskip("aiohttp")
    from _scripted import Answer, scripted_server

    ok = b'{"code": 0, "data": {}, "message": "ok", "recordTime": null}'
    with scripted_server([Answer(200, ok)]) as (proxy, seen):
        proxy_env.setenv("HTTP_PROXY", proxy.replace("http://", "http://user:p%40ss@"))

        async def main() -> Any:
            async with AsyncXingtuClient(
                TOKEN, base_url="http://upstream.invalid:8080", backend="aiohttp"
            ) as client:
                return await client.author_rec_videos(AUTHOR)

        anyio.run(main, backend="asyncio")
    assert seen[0].headers["Host"] == "upstream.invalid:8080"  # asked the proxy for it
    assert (
        seen[0].headers["Proxy-Authorization"] == "Basic " + base64.b64encode(b"user:p@ss").decode()
    )


def test_a_missing_aiohttp_is_named_and_nothing_else_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "justoneapi_xingtu._aiohttp", raising=False)
    monkeypatch.setitem(sys.modules, "aiohttp", None)  # as if not installed
    with pytest.raises(ValueError, match=r"backend: 'aiohttp' needs aiohttp: pip install"):
        AsyncXingtuClient(TOKEN, backend="aiohttp")


# -- tools that patch httpx's transports (vcrpy) still see the default client's calls ------


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_tool_patching_httpx_transports_sees_the_calls(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    if kind == "sync":
        real = httpx.HTTPTransport.handle_request

        @functools.wraps(real)
        def spy(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
            seen.append(request.url.path)
            return real(self, request)

        monkeypatch.setattr(httpx.HTTPTransport, "handle_request", spy)
    else:
        real_async = httpx.AsyncHTTPTransport.handle_async_request

        @functools.wraps(real_async)
        async def async_spy(
            self: httpx.AsyncHTTPTransport, request: httpx.Request
        ) -> httpx.Response:
            seen.append(request.url.path)
            return await real_async(self, request)

        monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", async_spy)
    with MockServer(tokens={TOKEN}) as server:
        assert len(call(kind, server.base_url)) == 6
    assert len(seen) == 1 and seen[0].endswith(REC_VIDEOS.path)

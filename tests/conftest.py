from __future__ import annotations

import gc
import json
import os
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from justoneapi_xingtu.testing import MockServer, instant_retries

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PATH = (
    ROOT / "wrapper" / "justoneapi_xingtu" / "testing" / "_data" / "documented_example.json"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="property and stress tests run a quarter of their examples (make test; "
        "make test-all runs them all)",
    )


QUICK = False
"""True under ``--quick``: set before the test modules are imported."""


def pytest_configure(config: pytest.Config) -> None:
    global QUICK
    QUICK = bool(config.getoption("--quick"))


def pytest_collection_finish(session: pytest.Session) -> None:
    # What the imports and the collection built lives as long as the run: frozen, it is
    # out of the collector's sight, and each gc.collect() of a socket-leak check scans
    # only what the test made (about 50 ms less each, hundreds of times).
    gc.freeze()


def examples(n: int) -> int:
    """``n`` examples (Hypothesis, or rounds of a stress test); a quarter, at least 10,
    under ``--quick``."""
    return max(10, n // 4) if QUICK else n


@pytest.fixture
def documented_example() -> dict[str, Any]:
    """The response example of the endpoint's documentation page, as published."""
    return json.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# -- shared by every test file: one token, one author, one envelope builder ---------------

TOKEN = "sk-SECRET-9f8e7d6c5b4a"
"""The token every test uses: secret-looking, so that a leak anywhere is easy to find."""
AUTHOR = "7012345678901234567"
HTTP_STATUS_FOR = {100: 401, 301: 500, 302: 429, 303: 429, 400: 400, 500: 500, 600: 403, 601: 403}
"""The HTTP status each documented code comes with in the published spec's responses."""


def envelope(code: int, data: Any = None, message: str | None = "fail", **extra: Any) -> bytes:
    """An answer in the API's envelope, as bytes."""
    body = {
        "code": code,
        "data": data,
        "message": message,
        "recordTime": "2026-11-29 10:00:00",
        "requestId": "req-42",
        **extra,
    }
    return json.dumps(body).encode()


@pytest.fixture
def no_wait() -> Iterator[list[float]]:
    """Retries wait for nothing; the list holds the waits they asked for."""
    with instant_retries() as waits:
        yield waits


@pytest.fixture(autouse=True, scope="session")
def one_ssl_context_per_trust_setting() -> Iterator[None]:
    """Every client calls ``httpx.create_ssl_context()``, which loads the whole CA bundle
    (tens of ms of CPU), and the suite builds hundreds of clients: each trust setting
    (the SSL_CERT_FILE or SSL_CERT_DIR a test sets) gets one context, shared."""
    create = httpx.create_ssl_context
    made: dict[tuple[str | None, str | None], ssl.SSLContext] = {}

    def shared(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        if args or kwargs:
            return create(*args, **kwargs)
        trust = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        if trust not in made:
            made[trust] = create()
        return made[trust]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(httpx, "create_ssl_context", shared)
        yield


@pytest.fixture(scope="session")
def mock_server() -> Iterator[MockServer]:
    """One bundled mock API on a loopback port for the whole session (read-only use)."""
    with MockServer() as server:
        yield server


def call(kind: str, base_url: str, author: Any = AUTHOR, **options: Any) -> Any:
    """One ``author_rec_videos(author)`` call with a client made for it, sync or async.
    ``platform=`` goes to the call, the other options to the client (``token``: TOKEN)."""
    import anyio

    from justoneapi_xingtu import AsyncXingtuClient, XingtuClient

    options.setdefault("token", TOKEN)
    arguments = {"platform": options.pop("platform")} if "platform" in options else {}
    if kind == "sync":
        with XingtuClient(base_url=base_url, **options) as client:
            return client.author_rec_videos(author, **arguments)

    async def main() -> Any:
        async with AsyncXingtuClient(base_url=base_url, **options) as client:
            return await client.author_rec_videos(author, **arguments)

    return anyio.run(main)

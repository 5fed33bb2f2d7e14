"""A local mock of the "author recommended videos" endpoint, for tests and demos.

It answers every operation of the table (``ENDPOINT_PATH``: recommended videos) the way
the real API does: the ``Result`` envelope (``code``, ``data``, ``message``,
``recordTime``, ``requestId``), judged by ``code`` rather than the HTTP status, with
success data shaped exactly like the documented response example (every ``RecVideo``
field, same types) but varying deterministically with ``oAuthorId``.

One pure core, :class:`MockAPI` (``_core``), decides every answer; three front ends
call it:

* :class:`MockServer` (``_server``), a threaded HTTP/1.1 keep-alive server on loopback;
* :func:`make_wsgi_app` (``_wsgi``), a WSGI application (e.g. for schemathesis
  ``from_wsgi``);
* :func:`mock_transport` (``_transport``), an ``httpx.MockTransport``: no socket at all.

Faults can be injected at any time, from any thread: business codes, HTML error pages,
``Retry-After`` headers, per-author failures, latency and a token-bucket rate limit; and
for the batch's benchmarks, stray rate limits that have nothing to do with load
(``random_rate_limits``), a limit that moves on a schedule (``rate_schedule``) and a
fault that starts after a number of calls (``set_fault(..., after=N)``).

Usage::

    import httpx
    from justoneapi_xingtu.testing import MockServer

    with MockServer(tokens={"test-token"}, latency=0.01) as server:
        r = httpx.get(server.endpoint_url, params={"token": "test-token", "oAuthorId": "42"})
        assert r.json()["code"] == 0

        server.api.set_fault(301, times=1)  # the next answer is "collection failed"
        server.api.set_fault(html=True, http_status=502)  # an nginx error page until cleared
        server.api.clear_faults()
        print(server.api.stats.calls_for("42"))

From a shell (serves until SIGINT or SIGTERM)::

    python -m justoneapi_xingtu.testing --port 8000 --latency 0.05 --rate 20 --token T
    python -m justoneapi_xingtu.testing --rate-schedule 0:100 20:20 40:100   # moving limit
    python -m justoneapi_xingtu.testing --random-rate-limits 0.02            # stray 302s
    python -m justoneapi_xingtu.testing --fault 302 --fault-http-status 429 \
        --fault-times 5 --fault-retry-after 1 --fault-after 60              # one-off 429s

The token is checked but never logged, printed or echoed in an answer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from .._retry import instant as _instant
from ._core import (
    ENDPOINT_PATH,
    MESSAGES,
    PLATFORMS,
    RANDOM_FAULTS,
    MockAPI,
    MockAPIOptions,
    MockStats,
)
from ._server import MockServer, main
from ._transport import mock_transport
from ._wsgi import MockWSGIApp, make_wsgi_app

__all__ = [
    "ENDPOINT_PATH",
    "MESSAGES",
    "PLATFORMS",
    "RANDOM_FAULTS",
    "MockAPI",
    "MockAPIOptions",
    "MockServer",
    "MockStats",
    "MockWSGIApp",
    "instant_retries",
    "main",
    "make_wsgi_app",
    "mock_transport",
]


@contextlib.contextmanager
def instant_retries() -> Iterator[list[float]]:
    """Make every retry of this package's clients and batches wait for nothing.

    For your own tests: the block runs at full speed, and the list it yields records
    each wait a retry asked for (backoff or ``Retry-After``)::

        with instant_retries() as waits:
            client.author_rec_videos("7012345678901234567")
        assert waits == [1.0]
    """
    with _instant() as waits:
        yield waits

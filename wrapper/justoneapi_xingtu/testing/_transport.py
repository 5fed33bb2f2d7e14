"""The mock without sockets: an ``httpx.MockTransport`` over the same core, for tests that
need no server at all."""

from __future__ import annotations

from typing import Unpack
from urllib.parse import parse_qs

import httpx

from ._core import MockAPI, MockAPIOptions


def mock_transport(
    api: MockAPI | None = None, **options: Unpack[MockAPIOptions]
) -> httpx.MockTransport:
    """An ``httpx.MockTransport`` answering every request through :meth:`MockAPI.handle`.

    Give it to your own client: no thread, no port, the same answers and faults as
    :class:`MockServer`::

        api = MockAPI()
        client = XingtuClient("t", base_url="http://mock.invalid",
                              http_client=httpx.Client(transport=mock_transport(api)))
    """
    core = api if api is not None else MockAPI(**options)

    def answer(request: httpx.Request) -> httpx.Response:
        query = parse_qs(request.url.query.decode("ascii", "replace"), keep_blank_values=True)
        status, headers, body = core.handle(request.method, request.url.path, query)
        return httpx.Response(status, headers=headers, content=body)

    return httpx.MockTransport(answer)

"""The WSGI front end of the mock (e.g. for schemathesis ``from_wsgi``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs
from wsgiref.types import StartResponse, WSGIEnvironment

import msgspec

from ._core import _JSON, MockAPI, _phrase


def _target(raw_path: str, raw_query: str) -> tuple[str, dict[str, list[str]]]:
    """Path and query from the latin-1 strings HTTP servers and WSGI hand over."""
    path = raw_path.encode("latin-1", "replace").decode("utf-8", "replace")
    query = raw_query.encode("latin-1", "replace").decode("utf-8", "replace")
    return path, parse_qs(query, keep_blank_values=True)


class MockWSGIApp:
    """A WSGI application answering through :meth:`MockAPI.handle`.

    With a ``spec``, ``GET spec_path`` serves that OpenAPI document (outside the API's
    statistics), which is what ``schemathesis.openapi.from_wsgi(spec_path, app)`` loads.
    """

    def __init__(
        self,
        api: MockAPI,
        *,
        spec: Mapping[str, Any] | bytes | None = None,
        spec_path: str = "/openapi.json",
    ) -> None:
        self.api = api
        self.spec_path = spec_path
        self._spec = spec if spec is None or isinstance(spec, bytes) else msgspec.json.encode(spec)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        raw_path = str(environ.get("SCRIPT_NAME", "")) + str(environ.get("PATH_INFO", ""))
        path, query = _target(raw_path, str(environ.get("QUERY_STRING", "")))
        if self._spec is not None and path == self.spec_path and method in ("GET", "HEAD"):
            status, headers, body = 200, [("Content-Type", _JSON)], self._spec
        else:
            status, headers, body = self.api.handle(method, path, query)
        if method == "HEAD":
            body = b""
        start_response(
            f"{status} {_phrase(status)}", [*headers, ("Content-Length", str(len(body)))]
        )
        return [body]


def make_wsgi_app(
    api: MockAPI | None = None,
    *,
    spec: Mapping[str, Any] | bytes | None = None,
    spec_path: str = "/openapi.json",
) -> MockWSGIApp:
    """A WSGI application for ``api`` (a fresh :class:`MockAPI` if ``None``); see ``.api``.

    For schemathesis, give the OpenAPI document (e.g. the bytes of ``openapi/xingtu.json``)
    as ``spec``: then ``schemathesis.openapi.from_wsgi("/openapi.json", app)`` works.
    """
    return MockWSGIApp(api if api is not None else MockAPI(), spec=spec, spec_path=spec_path)


# -- HTTP front end ---------------------------------------------------------------------

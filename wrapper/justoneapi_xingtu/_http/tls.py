"""One TLS context per trust setting, shared by every client of the process.

Building one (``httpx.create_ssl_context()``) loads the whole CA bundle: tens of ms of
CPU per client otherwise. A context is safe to share between threads and connections;
the trust setting is what httpx reads (``SSL_CERT_FILE``, ``SSL_CERT_DIR``), so a process
that changes them gets a context of its own for the new setting.
"""

from __future__ import annotations

import os
import ssl
import threading

import httpx

_made: dict[tuple[str | None, str | None], ssl.SSLContext] = {}
_lock = threading.Lock()


def default_context() -> ssl.SSLContext:
    """The context httpx would build for a client now, built once per trust setting."""
    trust = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    with _lock:
        context = _made.get(trust)
        if context is None:
            context = _made[trust] = httpx.create_ssl_context()
        return context

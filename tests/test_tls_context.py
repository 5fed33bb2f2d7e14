"""Clients share one TLS context per trust setting: building one loads the CA bundle."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from justoneapi_xingtu import AsyncXingtuClient, XingtuClient


def contexts(*clients: object) -> list[object]:
    return [client._http._transport.ssl_context for client in clients]  # type: ignore[attr-defined]


def test_clients_share_the_context_of_their_trust_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    import certifi

    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    first, second = XingtuClient("t" * 20), AsyncXingtuClient("t" * 20)
    a, b = contexts(first, second)
    assert a is b
    bundle = tmp_path / "ca.pem"
    bundle.write_bytes(Path(certifi.where()).read_bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))  # another trust: another context
    third = XingtuClient("t" * 20)
    (c,) = contexts(third)
    assert c is not a
    first.close()
    third.close()
    asyncio.run(second.aclose())

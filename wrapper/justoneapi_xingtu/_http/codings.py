"""Content decoding with every step bounded: a compression bomb never inflates in memory.

httpx inflates a whole network chunk at once, and ``Content-Encoding: gzip, gzip`` stacks
its decoders, so a 10 KB answer can become gigabytes before any size check runs. Here
the raw body goes through one decompressor per coding (last applied, first undone), each
asked for at most :data:`PIECE` bytes per call, and every piece is handed on at once: no
step ever holds more than one piece, so the caller can count decoded bytes as they are
produced and stop at its cap.

Supported: ``identity``, ``gzip`` (``x-gzip``) and ``deflate`` (zlib-wrapped or raw), in
any stack; exactly what the clients advertise in ``Accept-Encoding``. Anything else is a
:class:`~justoneapi_xingtu.errors.ProtocolError`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from ..errors import ProtocolError

ACCEPT_ENCODING = "gzip, deflate"
PIECE = 64 * 1024
"""The most any decompressor is asked to produce per call."""


class _Inflate:
    """One gzip or deflate layer; for deflate, zlib-wrapped or raw, told by the header."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._z: zlib._Decompress | None = None
        self._head = b""
        self._fed = False
        if coding != "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS | 16)

    def _start(self, data: bytes) -> bytes:
        """Choose the deflate flavour once two bytes are known (RFC 1950's header check)."""
        self._head += data
        if len(self._head) < 2:
            return b""
        cmf, flg = self._head[0], self._head[1]
        wrapped = cmf & 0x0F == 8 and (cmf << 8 | flg) % 31 == 0
        self._z = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        data, self._head = self._head, b""
        return data

    def feed(self, data: bytes) -> Iterator[bytes]:
        self._fed = self._fed or bool(data)
        if self._z is None:
            data = self._start(data)
            if self._z is None:
                return
        z = self._z
        while not z.eof:
            try:
                out = z.decompress(data, PIECE)
            except zlib.error as exc:
                raise ProtocolError(f"the answer's {self.coding} body is corrupt: {exc}") from None
            data = z.unconsumed_tail
            if out:
                yield out
            if not data and len(out) < PIECE:
                return

    def finish(self) -> None:
        """An empty body is empty whatever its coding (a 502 with ``gzip`` and no bytes)."""
        if self._fed and (self._z is None or not self._z.eof):
            raise ProtocolError(f"the answer's {self.coding} body ends before its stream does")


class Decoder:
    """Undoes the codings of one ``Content-Encoding`` header, piece by piece."""

    def __init__(self, content_encoding: str | None) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        for coding in codings:
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise ProtocolError(
                    f"the answer uses Content-Encoding {coding!r}, which this client did not "
                    f"ask for and does not decode (it accepts {ACCEPT_ENCODING})"
                )
        self._stages = [_Inflate("deflate" if c == "deflate" else "gzip") for c in codings[::-1]]

    def feed(self, raw: bytes) -> Iterable[bytes]:
        """The decoded pieces of the next raw bytes, each at most :data:`PIECE` long
        (without a coding: the raw bytes themselves)."""
        if not self._stages:
            return (raw,) if raw else ()
        return self._through(0, raw)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._stages):
            if data:
                yield data
            return
        for piece in self._stages[index].feed(data):
            yield from self._through(index + 1, piece)

    def finish(self) -> None:
        """Check that every coding's stream ended with the body."""
        for stage in self._stages:
            stage.finish()

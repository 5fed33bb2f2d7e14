"""Record the VCR cassettes in this folder, so that where each came from can be checked.

    python tests/cassettes/record.py mock [--out DIR]   # make record-mock: offline, loopback only
    python tests/cassettes/record.py live [--out DIR]   # make record: the real API

``mock`` writes ``success-documented.yaml`` (the documentation page's response example,
wrapped in a complete envelope and served from loopback), ``success-mock.yaml``, one
``code-NNN.yaml`` per documented business code and ``operations-mock.yaml`` (one success
of every other operation of the spec, each called with its required parameters), all
from the bundled mock server. ``--only NAME`` rewrites that one cassette.

``live`` needs ``JUSTONEAPI_TOKEN`` and ``AUTHORS`` (author ids, comma or space
separated; ``PLATFORM`` optional) and writes ``live-<author>.yaml`` for each, whatever the
API answers. The deployment comes from ``JUSTONEAPI_ENV`` / ``JUSTONEAPI_BASE_URL``.
Without a token it says so in one line and exits 0.

Every cassette is written through ``_cassettes.make_vcr``: the token is replaced by
``FILTERED`` in the query string, in credential headers and anywhere else it appears.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _cassettes import AUTHOR, CASSETTES, DOCUMENTED_CODES, FAMILY, PLATFORM, make_vcr
from _contract import ROOT, sample_arguments

from justoneapi_xingtu import OPERATIONS, JustOneAPIError, XingtuClient
from justoneapi_xingtu.testing import MockServer

#: The token the mock recordings are made with; the cassettes must never contain it.
RECORDING_TOKEN = "recording-token-1b2c3d4e5f"
DOCUMENTED_EXAMPLE = (
    ROOT / "wrapper" / "justoneapi_xingtu" / "testing" / "_data" / "documented_example.json"
)
#: What the page's example leaves out and the published spec requires: our additions.
ENVELOPE_ADDITIONS = {
    "message": "success",
    "recordTime": "2026-08-01 12:00:00",
    "requestId": "documented-example",
}


def documented_answer() -> bytes:
    """The page's response example with the envelope fields it lacks added."""
    example = json.loads(DOCUMENTED_EXAMPLE.read_text(encoding="utf-8"))
    missing = {k: v for k, v in ENVELOPE_ADDITIONS.items() if k not in example}
    return json.dumps({**example, **missing}, ensure_ascii=False).encode("utf-8")


@contextlib.contextmanager
def serve_bytes(body: bytes) -> Iterator[str]:
    """A loopback server answering every GET with ``body``; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Silent: request lines carry the token."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def record_one(path: Path, client: XingtuClient, author: str, platform: str, secret: str) -> str:
    """Make one call inside a fresh cassette at ``path``; say what came back."""
    path.unlink(missing_ok=True)
    with make_vcr(record_mode="once", secrets=[secret]).use_cassette(str(path)):
        try:
            result = client.author_rec_videos(author, platform=platform)
        except JustOneAPIError as error:
            return f"{type(error).__name__} (code {getattr(error, 'code', None)})"
    return f"code 0, {sum(1 for _ in result)} videos"


def untyped_operations() -> list[str]:
    """The operations whose answers the spec leaves untyped, by name."""
    return sorted(name for name, op in OPERATIONS.items() if op.data_schema is None)


def record_family(path: Path, client: XingtuClient, secret: str) -> str:
    """One success of every untyped operation, in one fresh cassette at ``path``."""
    path.unlink(missing_ok=True)
    names = untyped_operations()
    with make_vcr(record_mode="once", secrets=[secret]).use_cassette(str(path)):
        for name in names:
            client.call(name, **sample_arguments(OPERATIONS[name]))
    return f"{len(names)} operations, code 0 each"


def record_mock(out: Path, only: str | None = None) -> list[Path]:
    """The offline cassettes: documented example, mock success, one per documented code,
    one success of every other operation (``only``: that cassette alone)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def client(base_url: str, token: str = RECORDING_TOKEN) -> XingtuClient:
        return XingtuClient(token, base_url=base_url, max_retries=0, timeout=10)

    def wanted(name: str) -> bool:
        return only is None or only == name

    if wanted("success-documented.yaml"):
        with serve_bytes(documented_answer()) as base_url, client(base_url) as c:
            path = out / "success-documented.yaml"
            print(f"{path.name}: {record_one(path, c, AUTHOR, PLATFORM, RECORDING_TOKEN)}")
            written.append(path)

    with MockServer(tokens={RECORDING_TOKEN}) as server:
        with client(server.base_url) as c:
            if wanted("success-mock.yaml"):
                path = out / "success-mock.yaml"
                print(f"{path.name}: {record_one(path, c, AUTHOR, PLATFORM, RECORDING_TOKEN)}")
                written.append(path)
            if wanted(FAMILY):
                path = out / FAMILY
                print(f"{path.name}: {record_family(path, c, RECORDING_TOKEN)}")
                written.append(path)
        for code in DOCUMENTED_CODES:
            path = out / f"code-{code}.yaml"
            if not wanted(path.name):
                continue
            if code == 100:  # the mock's own answer to a token it was not given
                token = "rejected-token-9a8b7c6d"
            else:
                server.api.set_fault(code, times=1)
                token = RECORDING_TOKEN
            with client(server.base_url, token) as c:
                print(f"{path.name}: {record_one(path, c, AUTHOR, PLATFORM, token)}")
            written.append(path)
    if not written:
        raise SystemExit(f"record: no mock cassette is called {only!r}")
    return written


def record_live(out: Path) -> int:
    token = os.environ.get("JUSTONEAPI_TOKEN", "")
    if not token:
        print("record: skipped, JUSTONEAPI_TOKEN is not set (nothing recorded, nothing changed)")
        return 0
    authors = [a for a in re.split(r"[,\s]+", os.environ.get("AUTHORS", "")) if a]
    if not authors:
        print("record: give the author ids to record, e.g. make record AUTHORS=7012345678901234567")
        return 2
    platform = os.environ.get("PLATFORM") or PLATFORM
    out.mkdir(parents=True, exist_ok=True)
    with XingtuClient(token, max_retries=0) as client:
        print(f"record: {len(authors)} call(s) to {client.base_url}, platform {platform}")
        for author in authors:
            path = out / f"live-{author}.yaml"
            print(f"{path.name}: {record_one(path, client, author, platform, token)}")
    print("record: add each new cassette, with today's date, to tests/cassettes/README.md")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="record.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("source", choices=["mock", "live"])
    parser.add_argument("--out", type=Path, default=CASSETTES, help="folder to write into")
    parser.add_argument(
        "--only", help="mock: rewrite this one cassette (e.g. operations-mock.yaml)"
    )
    args = parser.parse_args(argv)
    if args.source == "mock":
        record_mock(args.out, args.only or None)
        return 0
    return record_live(args.out)


if __name__ == "__main__":
    sys.exit(main())

"""Download the published OpenAPI document and vendor it, only if it is sound.

    python pull_spec.py DEST.json [URL]

The URL defaults to the docs site's per-endpoint document (``SPEC_URL`` in the
environment overrides it). The download goes to a temporary file beside DEST,
is checked (JSON, OpenAPI 3.x, still describes our path, valid under
openapi-spec-validator when it is installed) and only then replaces DEST. Any
failure prints one line and leaves DEST exactly as it was.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

DEFAULT_URL = (
    "https://docs.justoneapi.com/openapi/douyin-xingtu-apis/author-recommended-videos-v1-zh.json"
)
PATH = "/api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1"


class PullError(Exception):
    pass


def fetch(url: str, timeout: float = 20.0) -> bytes:
    if not url.startswith(("https://", "http://")):
        raise PullError(f"{url} is not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": "justoneapi-xingtu pull-spec"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        raise PullError(f"{url} answered HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PullError(f"cannot reach {url} ({reason})") from None


def check(body: bytes) -> None:
    try:
        document = json.loads(body)
    except ValueError as exc:
        raise PullError(f"the download is not JSON ({exc})") from None
    if not isinstance(document, dict) or not str(document.get("openapi", "")).startswith("3."):
        raise PullError("the download is not an OpenAPI 3.x document")
    if PATH not in document.get("paths", {}):
        raise PullError(f"the download no longer describes {PATH}")
    try:
        from openapi_spec_validator import validate
    except ImportError:
        return
    try:
        validate(document)
    except Exception as exc:  # noqa: BLE001 - any validation failure ends the pull
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PullError(f"the download is not a valid OpenAPI document ({first})") from None


def pull(dest: Path, url: str) -> None:
    body = fetch(url)
    check(body)
    fd, tmp = tempfile.mkstemp(prefix=".pull-", suffix=".json", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print("usage: pull_spec.py DEST.json [URL]", file=sys.stderr)
        return 2
    dest = Path(argv[0])
    url = argv[1] if len(argv) == 2 else os.environ.get("SPEC_URL") or DEFAULT_URL
    try:
        pull(dest, url)
    except PullError as exc:
        print(f"pull-spec: {exc}; {dest} left unchanged", file=sys.stderr)
        return 1
    print(f"pull-spec: {dest} updated from {url}; run `make spec-diff` to see what changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

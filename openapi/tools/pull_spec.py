"""Download the published OpenAPI document, keep our operation, vendor it and lock it.

    python pull_spec.py DEST.json [URL] [--lock LOCK.json]

Without URL (and without ``SPEC_URL`` in the environment) the candidates are tried in
order: the docs site's canonical whole document (``openapi-zh.json``), then the
per-endpoint documents (``-zh``, its ``-en`` twin, and the old pre-2026-04 address).
A candidate that cannot be fetched, is not JSON or is not an OpenAPI 3.x document is
skipped; a sound OpenAPI document that no longer describes our path stops the pull
(falling back to an older per-endpoint copy would hide the removal). A URL given
explicitly is the only candidate.

From a whole document (one holding any operation besides ours) the tool extracts
``GET PATH`` and every component it references, transitively (schemas, responses,
parameters, request bodies, headers, examples, discriminator mappings, the security
schemes its security requirements name), plus the top-level ``openapi``, ``info``,
``servers``, ``security``, ``jsonSchemaDialect``, the tags the operation uses and
``x-openapi-release-id``; the result is written with sorted keys and two-space indent,
so the same input always gives the same bytes. A per-endpoint document is written
exactly as downloaded.

The download is checked (JSON, OpenAPI 3.x, describes our path, and the vendored
result valid under openapi-spec-validator when that is installed) before anything is
written. Then DEST and the lock (default ``openapi/upstream.lock.json``) are replaced
together through temporary files beside them. The lock records ``url``, ``release_id``
(the document's top-level ``x-openapi-release-id`` or null), ``sha256`` of the bytes
downloaded, ``operation`` (method, path), ``source`` (``whole`` or ``endpoint``),
``file`` and ``file_sha256`` (the vendored bytes). Any failure prints one line and
leaves DEST and the lock exactly as they were. Exit status: 0 written, 1 not.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BASE = "https://docs.justoneapi.com"
DEFAULT_URLS = (
    f"{BASE}/openapi-zh.json",
    f"{BASE}/openapi/douyin-creator-marketplace-xingtu/recommended-videos-v1-zh.json",
    f"{BASE}/openapi/douyin-creator-marketplace-xingtu/recommended-videos-v1-en.json",
    f"{BASE}/openapi/douyin-xingtu-apis/author-recommended-videos-v1-zh.json",
)
PATH = "/api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1"
METHOD = "get"
RELEASE_KEY = "x-openapi-release-id"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
DEFAULT_LOCK = Path(__file__).resolve().parent.parent / "upstream.lock.json"
# Top-level members a vendored extract keeps (tags and components are filtered).
KEEP_TOP = ("openapi", "info", "jsonSchemaDialect", "servers", "security", RELEASE_KEY)


class PullError(Exception):
    """The pull cannot go on; the message is the one line a maintainer reads."""


class Unusable(PullError):
    """This candidate is not a usable document; the next one may be."""


@dataclass(frozen=True)
class Pulled:
    """A sound download: what it was, and the bytes to vendor."""

    url: str
    body: bytes
    document: dict[str, Any]
    vendored: bytes
    source: str  # "whole" or "endpoint"

    @property
    def release_id(self) -> str | None:
        value = self.document.get(RELEASE_KEY)
        return None if value is None else str(value)

    def lock(self, file: str) -> dict[str, Any]:
        return {
            "file": file,
            "file_sha256": hashlib.sha256(self.vendored).hexdigest(),
            "operation": {"method": METHOD.upper(), "path": PATH},
            "release_id": self.release_id,
            "sha256": hashlib.sha256(self.body).hexdigest(),
            "source": self.source,
            "url": self.url,
        }


def fetch(url: str, timeout: float = 60.0) -> bytes:
    if not url.startswith(("https://", "http://")):
        raise PullError(f"{url} is not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": "justoneapi-xingtu pull-spec"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        raise Unusable(f"{url} answered HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise Unusable(f"cannot reach {url} ({reason})") from None


def parse(body: bytes) -> dict[str, Any]:
    """The download as an OpenAPI 3.x document that still describes ``GET PATH``."""
    try:
        document = json.loads(body)
    except ValueError as exc:
        raise Unusable(f"the download is not JSON ({exc})") from None
    if not isinstance(document, dict) or not str(document.get("openapi", "")).startswith("3."):
        raise Unusable("the download is not an OpenAPI 3.x document")
    paths = document.get("paths")
    item = paths.get(PATH) if isinstance(paths, dict) else None
    if not isinstance(item, dict) or not isinstance(item.get(METHOD), dict):
        raise PullError(f"the download no longer describes {METHOD.upper()} {PATH}")
    return document


def is_whole(document: dict[str, Any]) -> bool:
    """Whether the document holds any operation besides ours."""
    for path, item in document.get("paths", {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if method in item and (path, method) != (PATH, METHOD):
                return True
    return False


def _refs(node: Any) -> list[str]:
    """Every local component reference in ``node``: ``$ref`` values and discriminator maps."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                found.append(ref)
            mapping = item.get("discriminator", {})
            if isinstance(mapping, dict) and isinstance(mapping.get("mapping"), dict):
                found += [v for v in mapping["mapping"].values() if str(v).startswith("#/")]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def extract(document: dict[str, Any]) -> dict[str, Any]:
    """Our operation and everything it references, from a whole document."""
    item = document["paths"][PATH]
    path_item = {k: v for k, v in item.items() if k not in HTTP_METHODS or k == METHOD}
    out: dict[str, Any] = {k: document[k] for k in KEEP_TOP if k in document}
    out["paths"] = {PATH: path_item}
    components = document.get("components", {})
    kept: dict[str, dict[str, Any]] = {}
    pending = _refs(path_item)
    seen: set[str] = set()
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        parts = ref.split("/")
        if len(parts) != 4 or parts[:2] != ["#", "components"]:
            raise PullError(f"unsupported reference {ref!r} (only #/components/<kind>/<name>)")
        kind, name = _unescape(parts[2]), _unescape(parts[3])
        target = components.get(kind, {}).get(name) if isinstance(components, dict) else None
        if target is None:
            raise PullError(f"the document references {ref!r}, which it does not define")
        kept.setdefault(kind, {})[name] = target
        pending += _refs(target)
    operation = path_item[METHOD]
    requirements = operation.get("security", document.get("security", []))
    schemes = components.get("securitySchemes", {})
    for requirement in requirements or []:
        for name in requirement:
            if name not in schemes:
                raise PullError(f"security requirement {name!r} names no security scheme")
            kept.setdefault("securitySchemes", {})[name] = schemes[name]
    if kept:
        out["components"] = kept
    used_tags = set(operation.get("tags", []))
    tags = [t for t in document.get("tags", []) if t.get("name") in used_tags]
    if tags:
        out["tags"] = tags
    return out


def serialize(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def validate(document: dict[str, Any]) -> None:
    try:
        from openapi_spec_validator import validate as spec_validate
    except ImportError:
        return
    try:
        spec_validate(document)
    except Exception as exc:  # noqa: BLE001 - any validation failure ends the pull
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PullError(f"the document is not a valid OpenAPI document ({first})") from None


def prepare(url: str, body: bytes) -> Pulled:
    """Check one download and work out what to vendor; raises on anything unsound."""
    document = parse(body)
    if is_whole(document):
        extracted = extract(document)
        validate(extracted)
        return Pulled(url, body, document, serialize(extracted), "whole")
    validate(document)
    return Pulled(url, body, document, body, "endpoint")


def obtain(urls: list[str] | tuple[str, ...]) -> Pulled:
    """The first candidate that gives a sound document; PullError when none does."""
    failures: list[str] = []
    for url in urls:
        try:
            return prepare(url, fetch(url))
        except Unusable as exc:
            failures.append(str(exc) if str(exc).find(url) >= 0 else f"{url}: {exc}")
        except PullError as exc:
            raise PullError(f"{url}: {exc}") from None
    if len(failures) == 1:
        raise PullError(failures[0])
    raise PullError("no usable document (" + "; ".join(failures) + ")")


def _relative(path: Path, lock: Path) -> str:
    """``path`` as the lock names it: relative to the repository (the lock's ``../``)."""
    try:
        return path.resolve().relative_to(lock.resolve().parent.parent).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def write(pulled: Pulled, dest: Path, lock: Path) -> None:
    """Replace DEST and the lock together; on failure neither is touched."""
    lock_bytes = (json.dumps(pulled.lock(_relative(dest, lock)), indent=2) + "\n").encode()
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in ((dest, pulled.vendored), (lock, lock_bytes)):
            fd, tmp = tempfile.mkstemp(prefix=".pull-", suffix=".json", dir=path.parent)
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        for tmp, path in temps:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)


def main(argv: list[str]) -> int:
    args = list(argv)
    lock = DEFAULT_LOCK
    if "--lock" in args:
        at = args.index("--lock")
        if at + 1 >= len(args):
            args = []
        else:
            lock = Path(args[at + 1])
            del args[at : at + 2]
    if not 1 <= len(args) <= 2:
        print("usage: pull_spec.py DEST.json [URL] [--lock LOCK.json]", file=sys.stderr)
        return 2
    dest = Path(args[0])
    url = args[1] if len(args) == 2 else os.environ.get("SPEC_URL", "")
    candidates = [url] if url else list(DEFAULT_URLS)
    try:
        pulled = obtain(candidates)
        write(pulled, dest, lock)
    except PullError as exc:
        print(f"pull-spec: {exc}; {dest} and {lock.name} left unchanged", file=sys.stderr)
        return 1
    what = "our operation extracted from a whole document" if pulled.source == "whole" else ""
    print(
        f"pull-spec: {dest} updated from {pulled.url} (release id {pulled.release_id}"
        f"{'; ' + what if what else ''}); run `make spec-diff` to see what changed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

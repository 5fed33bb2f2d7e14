"""Download the published OpenAPI document, keep the Xingtu family, vendor it and lock it.

    python pull_spec.py DEST.json [URL] [--lock LOCK.json] [--config OPERATIONS.json]

Which operations: the config (default ``openapi/operations.json``) names a ``tag``; every
GET operation carrying it is kept, plus each ``add`` entry (``"GET /path"``, taken
whatever its tag; the operation the package types is one), minus each ``exclude`` entry.
The set is whatever the published document holds: no tool names an operation. The pull
stops when the tag selects nothing (renamed? edit the config) or an ``add`` entry is not
in the document (falling back to an older copy would hide a removal).

Without URL (and without ``SPEC_URL`` in the environment) the candidates are tried in
order: the docs site's canonical whole document (``openapi-zh.json``), then its English
twin (``openapi.json``). A candidate that cannot be fetched, is not JSON or is not an
OpenAPI 3.x document is skipped; a sound document the config cannot be served from stops
the pull. A URL given explicitly is the only candidate. The per-endpoint documents the
site also publishes are no candidates any more: each describes one operation, and
vendoring one would drop the rest of the family.

The extract keeps the selected operations (their path items' other methods dropped) and
every component they reference, transitively (schemas, responses, parameters, request
bodies, headers, examples, discriminator mappings, the security schemes their security
requirements name), plus the top-level ``openapi``, ``info``, ``servers``, ``security``,
``jsonSchemaDialect``, the tags the operations use and ``x-openapi-release-id``; it is
written with sorted keys and two-space indent, so the same input always gives the same
bytes.

The download is checked (JSON, OpenAPI 3.x, the config served, and the extract valid
under openapi-spec-validator when that is installed, a ``default`` outside its own
``enum`` aside: the published document has a few, which the overlay corrects) before
anything is written. Then
DEST and the lock (default ``openapi/upstream.lock.json``) are replaced together through
temporary files beside them. The lock records ``url``, ``release_id`` (the document's
top-level ``x-openapi-release-id`` or null), ``sha256`` of the bytes downloaded, ``tag``,
``operations`` (``"GET /path"``, sorted) and ``operation_count``, ``file`` and
``file_sha256`` (the vendored bytes). Any failure prints one line and leaves DEST and the
lock exactly as they were. Exit status: 0 written, 1 not, 2 usage.
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
DEFAULT_URLS = (f"{BASE}/openapi-zh.json", f"{BASE}/openapi.json")
METHOD = "get"
RELEASE_KEY = "x-openapi-release-id"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
OPENAPI_DIR = Path(__file__).resolve().parent.parent
DEFAULT_LOCK = OPENAPI_DIR / "upstream.lock.json"
DEFAULT_CONFIG = OPENAPI_DIR / "operations.json"
# Top-level members a vendored extract keeps (tags and components are filtered).
KEEP_TOP = ("openapi", "info", "jsonSchemaDialect", "servers", "security", RELEASE_KEY)
CONFIG_KEYS = frozenset({"$comment", "tag", "add", "exclude"})


class PullError(Exception):
    """The pull cannot go on; the message is the one line a maintainer reads."""


class Unusable(PullError):
    """This candidate is not a usable document; the next one may be."""


@dataclass(frozen=True)
class Config:
    """Which operations to vendor: GET operations of ``tag``, plus ``add``, minus ``exclude``."""

    tag: str
    add: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    source: str = "openapi/operations.json"


def _path_of(entry: object, where: str) -> str:
    """The path of a ``"GET /path"`` config entry; PullError for anything else."""
    method, _, path = str(entry).partition(" ")
    if not isinstance(entry, str) or method != METHOD.upper() or not path.startswith("/"):
        raise PullError(f'{where}: {entry!r} is not "GET /path" (only GET operations are pulled)')
    return path


def load_config(path: Path) -> Config:
    """The config at ``path``; PullError (one line) when it cannot be used."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PullError(f"cannot read {path} ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise PullError(f"{path} is not JSON ({exc})") from None
    if not isinstance(raw, dict):
        raise PullError(f"{path}: expected a JSON object")
    unknown = sorted(set(raw) - CONFIG_KEYS)
    if unknown:
        raise PullError(f"{path}: unknown key {unknown[0]!r} (expected tag, add, exclude)")
    tag = raw.get("tag")
    if not isinstance(tag, str) or not tag.strip():
        raise PullError(f"{path}: 'tag' must name the tag whose GET operations are pulled")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("add", "exclude"):
        value = raw.get(key, [])
        if not isinstance(value, list):
            raise PullError(f'{path}: {key!r} must be a list of "GET /path"')
        lists[key] = tuple(f"GET {_path_of(v, f'{path}: {key}')}" for v in value)
    both = sorted(set(lists["add"]) & set(lists["exclude"]))
    if both:
        raise PullError(f"{path}: {both[0]} is both added and excluded")
    return Config(tag, lists["add"], lists["exclude"], _shown(path))


def _shown(path: Path) -> str:
    """``path`` relative to the repository when it is inside it."""
    try:
        return path.resolve().relative_to(OPENAPI_DIR.parent).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Pulled:
    """A sound download: what it was, and the bytes to vendor."""

    url: str
    body: bytes
    document: dict[str, Any]
    vendored: bytes
    operations: tuple[str, ...]  # "GET /path", sorted
    tag: str

    @property
    def release_id(self) -> str | None:
        value = self.document.get(RELEASE_KEY)
        return None if value is None else str(value)

    def lock(self, file: str) -> dict[str, Any]:
        return {
            "file": file,
            "file_sha256": hashlib.sha256(self.vendored).hexdigest(),
            "operation_count": len(self.operations),
            "operations": list(self.operations),
            "release_id": self.release_id,
            "sha256": hashlib.sha256(self.body).hexdigest(),
            "tag": self.tag,
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
    """The download as an OpenAPI 3.x document (Unusable when it is not one)."""
    try:
        document = json.loads(body)
    except ValueError as exc:
        raise Unusable(f"the download is not JSON ({exc})") from None
    if not isinstance(document, dict) or not str(document.get("openapi", "")).startswith("3."):
        raise Unusable("the download is not an OpenAPI 3.x document")
    if not isinstance(document.get("paths"), dict):
        raise Unusable("the download is an OpenAPI document without paths")
    return document


def select(document: dict[str, Any], config: Config) -> list[str]:
    """The operations the config takes from ``document``, as sorted ``"GET /path"``."""
    tagged: set[str] = set()
    present: set[str] = set()
    for path, item in document["paths"].items():
        operation = item.get(METHOD) if isinstance(item, dict) else None
        if isinstance(operation, dict):
            present.add(f"GET {path}")
            if config.tag in (operation.get("tags") or []):
                tagged.add(f"GET {path}")
    if not tagged - set(config.exclude):
        raise PullError(
            f"the download holds no GET operation tagged {config.tag!r} "
            f"(renamed? edit {config.source})"
        )
    for entry in config.add:
        if entry not in present:
            raise PullError(f"the download no longer describes {entry} (added by {config.source})")
    return sorted((tagged | set(config.add)) - set(config.exclude))


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


def extract(document: dict[str, Any], operations: list[str]) -> dict[str, Any]:
    """The ``operations`` (``"GET /path"``) and everything they reference."""
    out: dict[str, Any] = {k: document[k] for k in KEEP_TOP if k in document}
    paths: dict[str, Any] = {}
    for entry in operations:
        path = entry.partition(" ")[2]
        item = document["paths"][path]
        paths[path] = {k: v for k, v in item.items() if k not in HTTP_METHODS or k == METHOD}
    out["paths"] = paths
    components = document.get("components", {})
    kept: dict[str, dict[str, Any]] = {}
    pending = _refs(paths)
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
    schemes = components.get("securitySchemes", {}) if isinstance(components, dict) else {}
    used_tags: set[str] = set()
    for item in paths.values():
        operation = item[METHOD]
        used_tags.update(operation.get("tags") or [])
        for requirement in operation.get("security", document.get("security", [])) or []:
            for name in requirement:
                if name not in schemes:
                    raise PullError(f"security requirement {name!r} names no security scheme")
                kept.setdefault("securitySchemes", {})[name] = schemes[name]
    if kept:
        out["components"] = kept
    tags = [t for t in document.get("tags", []) if t.get("name") in used_tags]
    if tags:
        out["tags"] = tags
    return out


def serialize(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _stray_defaults_dropped(node: Any) -> Any:
    """A copy of ``node`` without the ``default``\\ s that are not among their own ``enum``:
    the published document has a few (``"default": "90"`` for ``DAY_30 | DAY_90``); the
    overlay corrects them, and ``make spec`` validates the effective spec in full."""
    if isinstance(node, list):
        return [_stray_defaults_dropped(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _stray_defaults_dropped(v) for k, v in node.items()}
    if isinstance(out.get("enum"), list) and "default" in out and out["default"] not in out["enum"]:
        del out["default"]
    return out


def validate(document: dict[str, Any]) -> None:
    """Raise PullError unless ``document`` is valid OpenAPI (when openapi-spec-validator is
    installed), a ``default`` outside its own ``enum`` aside."""
    try:
        from openapi_spec_validator import validate as spec_validate
    except ImportError:
        return
    try:
        spec_validate(_stray_defaults_dropped(document))
    except Exception as exc:  # noqa: BLE001 - any validation failure ends the pull
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PullError(f"the document is not a valid OpenAPI document ({first})") from None


def prepare(url: str, body: bytes, config: Config) -> Pulled:
    """Check one download and work out what to vendor; raises on anything unsound."""
    document = parse(body)
    operations = select(document, config)
    extracted = extract(document, operations)
    validate(extracted)
    return Pulled(url, body, document, serialize(extracted), tuple(operations), config.tag)


def obtain(urls: list[str] | tuple[str, ...], config: Config) -> Pulled:
    """The first candidate that gives a sound document; PullError when none does."""
    failures: list[str] = []
    for url in urls:
        try:
            return prepare(url, fetch(url), config)
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


USAGE = "usage: pull_spec.py DEST.json [URL] [--lock LOCK.json] [--config OPERATIONS.json]"


def main(argv: list[str]) -> int:
    args = list(argv)
    options = {"--lock": DEFAULT_LOCK, "--config": DEFAULT_CONFIG}
    for flag in options:
        if flag in args:
            at = args.index(flag)
            if at + 1 >= len(args):
                print(USAGE, file=sys.stderr)
                return 2
            options[flag] = Path(args[at + 1])
            del args[at : at + 2]
    if not 1 <= len(args) <= 2:
        print(USAGE, file=sys.stderr)
        return 2
    dest, lock = Path(args[0]), options["--lock"]
    url = args[1] if len(args) == 2 else os.environ.get("SPEC_URL", "")
    candidates = [url] if url else list(DEFAULT_URLS)
    try:
        config = load_config(options["--config"])
        pulled = obtain(candidates, config)
        write(pulled, dest, lock)
    except PullError as exc:
        print(f"pull-spec: {exc}; {dest} and {lock.name} left unchanged", file=sys.stderr)
        return 1
    print(
        f"pull-spec: {dest} updated from {pulled.url} (release id {pulled.release_id}; "
        f"{len(pulled.operations)} operations of {pulled.tag!r}); "
        "run `make spec-diff` to see what changed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

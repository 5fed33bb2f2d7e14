"""``make update``: from a published spec release to a proposed package release, in one step.

    python update.py [--url URL] [--root DIR] [--make MAKE] [--build "spec generate"]
                     [--test "test"] [--bump major|minor|patch] [--date YYYY-MM-DD]
                     [--summary FILE] [--report FILE]

1. pull: the published document (``--url``, else ``SPEC_URL``, else the default
   candidates of ``pull_spec.py``) is fetched and checked in memory, and the operations
   ``openapi/operations.json`` names are extracted from it;
2. diff: the extract is compared, operation by operation (``spec_diff.py``, with the
   ``operationId`` and tags the overlay pins counted as docs-only), with the vendored
   document as committed at ``HEAD`` (the working copy when there is no git history): an
   operation added is additive, one removed breaking. Nothing
   that matters to a client changed (a new ``x-openapi-release-id`` alone does not
   count): the tool says so, writes nothing, and exits 0;
3. otherwise it writes the vendored document and ``openapi/upstream.lock.json``, the
   proposed version into ``wrapper/justoneapi_xingtu/_version.py`` and an entry into
   ``CHANGELOG.md``;
4. then runs ``make spec generate`` (``--build``); when operations were added or removed,
   ``make record-mock CASSETTE=operations-mock.yaml`` (the mock's cassette of every
   operation follows the family); then ``make test`` (``--test``; empty skips it,
   another target narrows it).

The version is bumped from the one committed at ``HEAD`` by the highest class of
change: breaking -> major, additive -> minor, docs-only -> patch; while the major
number is 0 (semver's initial development) a breaking change bumps the minor number
instead, so ``0.y`` stays the line users pin. ``--bump`` overrides the level. Because
the base is ``HEAD``, running the tool twice before committing gives the same version
and replaces its own changelog entry instead of adding a second one.

``--report FILE`` writes ``spec_diff.py --json``'s report (``changes``, ``counts``,
``level``, ``release_id``) plus ``version`` (old, new, bump) whenever the pull succeeds,
with an empty ``changes`` when nothing changed: what a scheduled job reads to decide.
``--summary FILE`` also writes the changes and the changelog entry as Markdown (for a
pull request body). Exit status: 0 updated, or nothing to update; 1 a build or test
step failed (the pulled document, lock, version and changelog are in place: fix the
cause and run ``make update`` again); 2 could not run (pull failed, files unreadable):
nothing written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pull_spec
import spec_diff

ROOT = Path(__file__).resolve().parent.parent.parent
UPSTREAM = "openapi/upstream/douyin-creator-marketplace-xingtu.json"
CONFIG = "openapi/operations.json"
LOCK = "openapi/upstream.lock.json"
OVERLAY = "openapi/overlay/xingtu-types.overlay.json"
VERSION_FILE = "wrapper/justoneapi_xingtu/_version.py"
CHANGELOG = "CHANGELOG.md"
RECORD_FAMILY = "record-mock CASSETTE=operations-mock.yaml"
"""What re-records the mock's cassette of every operation when the family changes."""
FAMILY_CHANGES = frozenset({"operation added", "operation removed"})
_VERSION = re.compile(r'^__version__\s*=\s*"(\d+)\.(\d+)\.(\d+)"', re.MULTILINE)
_ENTRY = re.compile(r"^## \[(?P<version>[^\]]+)\]", re.MULTILINE)
LEVELS = {spec_diff.BREAKING: "major", spec_diff.ADDITIVE: "minor", spec_diff.DOCS: "patch"}
CHANGELOG_HEAD = """# Changelog

All notable changes to this project are written here. The format follows
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/) and versions follow
[Semantic Versioning](https://semver.org/spec/v2.0.0.html); how a change of the published
spec maps to a version is in openapi/README.md ("Versions"). Entries with a
"Spec changes" list are written by `make update`.
"""


class UpdateError(Exception):
    """The update cannot run; nothing has been written."""


def parse_version(text: str) -> tuple[int, int, int]:
    match = _VERSION.search(text)
    if match is None:
        raise UpdateError(f'{VERSION_FILE} holds no `__version__ = "X.Y.Z"`')
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def bump(version: tuple[int, int, int], part: str) -> tuple[int, int, int]:
    major, minor, patch = version
    if part == "major":
        return major + 1, 0, 0
    if part == "minor":
        return major, minor + 1, 0
    if part == "patch":
        return major, minor, patch + 1
    raise UpdateError(f"unknown bump {part!r} (major, minor or patch)")


def show(version: tuple[int, int, int]) -> str:
    return ".".join(str(n) for n in version)


def set_version(text: str, version: tuple[int, int, int]) -> str:
    return _VERSION.sub(f'__version__ = "{show(version)}"', text, count=1)


def entry(
    version: str,
    date: str,
    changes: list[spec_diff.Change],
    pulled: pull_spec.Pulled,
    part: str,
    base: str,
) -> str:
    """The changelog section for one spec release."""
    level = spec_diff.level(changes) or spec_diff.DOCS
    release = f"`{pulled.release_id}`" if pulled.release_id else "without a release id"
    why = f"{part} bump from {base}: the highest class of change is {level}"
    if level == spec_diff.BREAKING and part == "minor" and base.startswith("0."):
        why += " (in 0.x a breaking change bumps the minor number)"
    lines = [
        f"## [{version}] - {date}",
        "",
        f"Regenerated from the published spec release {release} "
        f"({pulled.url}, sha256 `{hashlib.sha256(pulled.body).hexdigest()[:16]}…`); {why}.",
        "",
        "### Spec changes",
        "",
    ]
    for cls in spec_diff.CLASSES:
        lines += [f"- **{cls}**: {c.text}" for c in changes if c.cls == cls]
    return "\n".join(lines) + "\n"


def insert_entry(changelog: str, version: str, section: str) -> str:
    """``changelog`` with ``section`` as the newest release (replacing one for ``version``)."""
    if not changelog.strip():
        changelog = CHANGELOG_HEAD
    heads = list(_ENTRY.finditer(changelog))
    for index, head in enumerate(heads):
        if head.group("version") == version:
            end = heads[index + 1].start() if index + 1 < len(heads) else len(changelog)
            return changelog[: head.start()] + section + "\n" + changelog[end:].lstrip("\n")
    released = [h for h in heads if h.group("version").lower() != "unreleased"]
    if released:
        at = released[0].start()
        return changelog[:at] + section + "\n" + changelog[at:]
    return changelog.rstrip("\n") + "\n\n" + section


def committed(root: Path, rel: str) -> bytes | None:
    """``rel`` as committed at HEAD, or None outside git / when HEAD lacks it."""
    try:
        proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
            ["git", "-C", str(root), "show", f"HEAD:{rel}"],  # noqa: S607
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    return proc.stdout if proc.returncode == 0 else None


def base_bytes(root: Path, rel: str) -> bytes:
    """The committed version of ``rel``; the working copy when git has none."""
    found = committed(root, rel)
    if found is not None:
        return found
    try:
        return (root / rel).read_bytes()
    except OSError as exc:
        raise UpdateError(f"cannot read {rel} ({exc.strerror or exc})") from None


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".update-{path.name}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def run_make(make: str, root: Path, targets: str) -> bool:
    argv = [*shlex.split(make), "--no-print-directory", "-C", str(root), *shlex.split(targets)]
    print(f"update: {' '.join(argv[len(shlex.split(make)) :])}", flush=True)
    return subprocess.run(argv, check=False).returncode == 0  # noqa: S603


def summary_markdown(changes: list[spec_diff.Change], section: str, old: str, new: str) -> str:
    lines = [f"Proposed version **{new}** (from {old}).", "", "```"]
    width = max(len(c) for c in spec_diff.CLASSES)
    lines += [f"{c.cls:<{width}}  {c.text}" for c in changes]
    lines += ["```", "", section]
    return "\n".join(lines)


def write_report(path: str, report: dict[str, Any]) -> None:
    """``spec_diff.py --json``'s report plus the version, for CI (``--report FILE``)."""
    if path:
        Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")


def update(opts: dict[str, Any]) -> int:
    root: Path = opts["root"]
    url = opts["url"] or os.environ.get("SPEC_URL", "")
    candidates = [url] if url else list(pull_spec.DEFAULT_URLS)
    try:
        pulled = pull_spec.obtain(candidates, pull_spec.load_config(root / CONFIG))
        base_doc = json.loads(base_bytes(root, UPSTREAM))
        base_version = parse_version(base_bytes(root, VERSION_FILE).decode())
        overlay = root / OVERLAY
        pinned = spec_diff.load_pinned(str(overlay)) if overlay.is_file() else frozenset()
    except (pull_spec.PullError, UpdateError, spec_diff.DiffError) as exc:
        print(f"update: {exc}; nothing changed", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(
            f"update: the committed {UPSTREAM} is not JSON ({exc}); nothing changed",
            file=sys.stderr,
        )
        return 2
    new_doc = json.loads(pulled.vendored)
    changes = spec_diff.diff_documents(base_doc, new_doc, pinned)
    release = pulled.release_id
    names = (f"HEAD:{UPSTREAM}", pulled.url)
    report = spec_diff.report(changes, base_doc, new_doc, names)
    report["version"] = {"old": show(base_version), "new": None, "bump": None}
    if not changes:
        write_report(opts["report"], report)
        print(
            f"update: nothing changed: the {len(pulled.operations)} operations of "
            f"{pulled.tag!r} in {pulled.url} (release id {release}) are what {UPSTREAM} "
            "holds; no file written"
        )
        return 0
    level = spec_diff.level(changes) or spec_diff.DOCS
    part = opts["bump"] or LEVELS[level]
    if not opts["bump"] and part == "major" and base_version[0] == 0:
        part = "minor"  # semver 0.x: the minor number is the breaking one
    try:
        new_version = bump(base_version, part)
    except UpdateError as exc:
        print(f"update: {exc}; nothing changed", file=sys.stderr)
        return 2
    version, old_version = show(new_version), show(base_version)
    report["version"] = {"old": old_version, "new": version, "bump": part}
    write_report(opts["report"], report)
    section = entry(version, opts["date"], changes, pulled, part, old_version)
    width = max(len(c) for c in spec_diff.CLASSES)
    print(f"update: {len(changes)} change(s) from {pulled.url} (release id {release}):")
    for change in changes:
        print(f"  {change.cls:<{width}}  {change.text}")
    # Write: the vendored document and its lock, the version, the changelog entry.
    pull_spec.write(pulled, root / UPSTREAM, root / LOCK)
    version_path = root / VERSION_FILE
    _write(
        version_path, set_version(version_path.read_text(encoding="utf-8"), new_version).encode()
    )
    changelog_path = root / CHANGELOG
    current = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else ""
    _write(changelog_path, insert_entry(current, version, section).encode())
    print(f"update: version {old_version} -> {version} ({part}); {CHANGELOG} entry for {version}")
    if opts["summary"]:
        Path(opts["summary"]).write_text(
            summary_markdown(changes, section, old_version, version), encoding="utf-8"
        )
    record = (
        RECORD_FAMILY
        if opts["build"].strip() and FAMILY_CHANGES & {c.kind for c in changes}
        else ""
    )
    for step in (opts["build"], record, opts["test"]):
        if step.strip() and not run_make(opts["make"], root, step):
            print(
                f"update: `make {step}` failed; the pulled document, lock, version and "
                f"changelog are in place: fix the cause and run `make update` again",
                file=sys.stderr,
            )
            return 1
    print(f"update: done; review `git diff`, then commit as {version}")
    return 0


USAGE = (
    "usage: update.py [--url URL] [--root DIR] [--make MAKE] [--build TARGETS] "
    "[--test TARGETS] [--bump major|minor|patch] [--date YYYY-MM-DD] [--summary FILE] "
    "[--report FILE]"
)


def main(argv: list[str]) -> int:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    opts: dict[str, Any] = {
        "url": "",
        "root": ROOT,
        "make": "make",
        "build": "spec generate",
        "test": "test",
        "bump": "",
        "date": os.environ.get("CHANGELOG_DATE") or today,
        "summary": "",
        "report": "",
    }
    args = list(argv)
    while args:
        flag = args.pop(0)
        key = flag[2:]
        if not flag.startswith("--") or key not in opts or not args:
            print(USAGE, file=sys.stderr)
            return 2
        value = args.pop(0)
        opts[key] = Path(value) if key == "root" else value
    if opts["bump"] not in ("", "major", "minor", "patch"):
        print(USAGE, file=sys.stderr)
        return 2
    return update(opts)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Release helpers behind ``make check-version``, ``make release-notes`` and ``make pr-body``.

Standard library only: the release and spec-sync workflows run it before anything else is
installed, and a maintainer can run it anywhere.

``check-version TAG``
    Exit 0 when the tag (``v1.2.3``) names the version the package carries
    (``justoneapi_xingtu.__version__``, which hatchling also writes into the wheel);
    otherwise say both and exit 1. A tag that is not ``v`` + a version exits 2.

``notes VERSION [--changelog PATH] [--out PATH]``
    The body of ``CHANGELOG.md``'s ``## [VERSION]`` section (``v`` prefix allowed),
    without its heading: the GitHub release's text. Exit 1 when there is no such
    section or it is empty, naming the headings that exist.

``smoke``
    Run by the Python of a venv the wheel was installed into (``make dist``): both
    packages import from that venv, not from a checkout, and both ship ``py.typed``.

``pr-body [--summary PATH] [--changelog PATH] [--outcome OUTCOME] [--out PATH]``
    The spec-sync pull request's text: the outcome of ``make update``, then the summary
    ``make update UPDATE_SUMMARY=PATH`` wrote (the classified spec changes and the
    changelog entry); without a summary, the newest ``CHANGELOG.md`` section. Missing
    inputs are said, not fatal: a pull request with a partial body beats none.
    ``--summary`` defaults to ``$UPDATE_SUMMARY``.

``update-outcome [--outcome OUTCOME]``
    Exit 1, saying so, unless ``make update`` succeeded: the last step of spec-sync, so
    that a failed update turns the run red after its pull request (if any) is open.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHANGELOG = ROOT / "CHANGELOG.md"

# PEP 440 public versions as this project writes them: 1.2.3, 1.2.3rc1, 1.2.3.post1, ...
_VERSION = r"\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?"
_TAG = re.compile(rf"v?({_VERSION})")
# Keep a Changelog headings: "## [1.2.3] - 2026-11-29", "## [Unreleased]", "## 1.2.3".
_HEADING = re.compile(r"^## +\[?([^\]\s]+)\]?.*$", re.MULTILINE)


class ReleaseError(Exception):
    """Something a maintainer must fix; the message says what."""


def package_version() -> str:
    """``justoneapi_xingtu.__version__`` of the checkout this script belongs to."""
    for path in (ROOT / "wrapper", ROOT / "generated"):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    import justoneapi_xingtu

    return str(justoneapi_xingtu.__version__)


def version_of_tag(tag: str) -> str:
    match = _TAG.fullmatch(tag.strip())
    if match is None:
        raise ValueError(f"tag {tag!r} is not a version tag like v1.2.3")
    return match.group(1)


def sections(text: str) -> list[tuple[str, str]]:
    """``(name, body)`` of each ``## `` section of a changelog, in order."""
    found = list(_HEADING.finditer(text))
    out = []
    for here, after in zip(found, [*found[1:], None], strict=True):
        end = after.start() if after is not None else len(text)
        out.append((here.group(1), text[here.end() : end].strip("\n")))
    return out


def section(text: str, version: str) -> str:
    """The body of the section for ``version``; :class:`ReleaseError` when absent or empty."""
    wanted = version_of_tag(version)
    found = sections(text)
    for name, body in found:
        if name.lstrip("v") == wanted:
            if not body.strip():
                raise ReleaseError(f"CHANGELOG.md: the section [{wanted}] is empty")
            return body.strip() + "\n"
    names = ", ".join(f"[{name}]" for name, _ in found) or "none"
    raise ReleaseError(
        f"CHANGELOG.md has no section '## [{wanted}]' (sections: {names}): add one before tagging"
    )


def newest_section(text: str) -> tuple[str, str] | None:
    """The first section with content (``Unreleased`` included), or ``None``."""
    for name, body in sections(text):
        if body.strip():
            return name, body.strip() + "\n"
    return None


_OUTCOMES = {
    "success": "`make update` passed: spec, generated client and the offline suite agree.",
    "failure": (
        "**`make update` failed** (see the workflow log): the change probably needs hand "
        "work in the wrapper or the overlay before this can merge."
    ),
}


def pr_body(summary: str | None, changelog: str | None, outcome: str) -> str:
    verdict = _OUTCOMES.get(outcome, f"`make update`: {outcome or 'outcome unknown'}.")
    lines = ["Automated by the spec-sync workflow (`make update`).", "", verdict, ""]
    if summary is not None and summary.strip():
        lines += ["## Spec changes and changelog entry", "", summary.strip("\n")]
    else:
        lines += [
            "_`make update` wrote no summary (UPDATE_SUMMARY); the newest changelog entry:_",
            "",
        ]
        newest = newest_section(changelog) if changelog is not None else None
        if newest is None:
            lines.append("_CHANGELOG.md has no entry._")
        else:
            name, body = newest
            lines += [f"### [{name}]", "", body.rstrip("\n")]
    return "\n".join(lines) + "\n"


def smoke() -> str:
    """Both packages import from this interpreter's prefix and are typed; say which version."""
    import importlib

    where = []
    for name in ("justoneapi_xingtu", "justoneapi_xingtu_generated"):
        module = importlib.import_module(name)
        folder = Path(str(module.__file__)).resolve().parent
        if not folder.is_relative_to(Path(sys.prefix).resolve()):
            raise ReleaseError(f"{name} imports from {folder}, outside the venv {sys.prefix}")
        if not (folder / "py.typed").is_file():
            raise ReleaseError(f"{name} has no py.typed in {folder}")
        where.append(module)
    version = getattr(where[0], "__version__", "?")
    return f"justoneapi_xingtu {version} and the generated package import from the wheel, typed"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _write(text: str, out: str | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"release: wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check-version", help="the tag names the package's version")
    check.add_argument("tag")
    notes = commands.add_parser("notes", help="the CHANGELOG.md section of a version")
    notes.add_argument("version")
    notes.add_argument("--changelog", default=str(CHANGELOG))
    notes.add_argument("--out")
    commands.add_parser("smoke", help="the installed wheel imports and is typed (make dist)")
    body = commands.add_parser("pr-body", help="the spec-sync pull request's text")
    body.add_argument("--summary", default=os.environ.get("UPDATE_SUMMARY", ""))
    body.add_argument("--changelog", default=str(CHANGELOG))
    body.add_argument("--outcome", default="")
    body.add_argument("--out")
    verdict = commands.add_parser("update-outcome", help="fail unless make update succeeded")
    verdict.add_argument("--outcome", default="")
    args = parser.parse_args(argv)

    try:
        if args.command == "check-version":
            tagged, carried = version_of_tag(args.tag), package_version()
            if tagged != carried:
                print(
                    f"check-version: tag {args.tag} says {tagged}, but the package is "
                    f"{carried} (justoneapi_xingtu.__version__): bump the version or retag"
                )
                return 1
            print(f"check-version: tag {args.tag} matches justoneapi_xingtu {carried}")
        elif args.command == "notes":
            text = _read(Path(args.changelog))
            if text is None:
                raise ReleaseError(f"{args.changelog} does not exist")
            _write(section(text, args.version), args.out)
        elif args.command == "smoke":
            print(f"dist: {smoke()}")
        elif args.command == "update-outcome":
            if args.outcome != "success":
                print(f"spec-sync: make update did not succeed ({args.outcome or 'unknown'})")
                return 1
            print("spec-sync: make update succeeded")
        else:
            summary = _read(Path(args.summary)) if args.summary else None
            _write(pr_body(summary, _read(Path(args.changelog)), args.outcome), args.out)
    except ValueError as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 2
    except ReleaseError as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write (or check) the module that tells users which published spec the package is built from.

    python spec_release.py LOCK.json OUT.py [--check]

``make spec`` writes ``wrapper/justoneapi_xingtu/_spec_release.py`` from
``openapi/upstream.lock.json``: ``SPEC_RELEASE_ID`` (the published document's
``x-openapi-release-id``, None when the vendored copy has none), ``SPEC_SHA256`` (of
the bytes downloaded) and ``SPEC_URL``. The module is generated code: never edit it.
With ``--check`` nothing is written; the exit status is 1, with one line naming the
command to run, when OUT is not what the lock gives (or the lock does not match the
vendored file it names). Exit 2: the lock cannot be read.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HEADER = '''"""The published OpenAPI document this package was built from.

Written by `make spec` from openapi/upstream.lock.json (openapi/tools/spec_release.py):
never edit it by hand.
"""

'''


DEFAULT_OUT = Path(__file__).resolve().parents[2] / "wrapper/justoneapi_xingtu/_spec_release.py"


def _literal(value: str | None) -> str:
    return "None" if value is None else json.dumps(value)


def _assign(target: str, literal: str, width: int = 100) -> str:
    """One assignment laid out as ``ruff format`` would (the module must pass its check)."""
    line = f"{target} = {literal}"
    if len(line) <= width or len(literal) + 4 > width:
        return line + "\n"
    return f"{target} = (\n    {literal}\n)\n"


def _ruff_format(text: str, out: Path) -> str:
    """``text`` as the project's pinned ruff formats it (unchanged when ruff is missing)."""
    ruff = Path(sys.executable).parent / "ruff"
    found = str(ruff) if ruff.is_file() else shutil.which("ruff")
    if found is None:
        return text
    proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [found, "format", "--stdin-filename", str(out.resolve()), "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=out.resolve().parent,
        check=False,
    )
    return proc.stdout if proc.returncode == 0 and proc.stdout else text


def render(lock: dict[str, Any], out: Path = DEFAULT_OUT) -> str:
    """The module's text for ``lock``, formatted as ruff would format ``out`` (stable)."""
    release = lock.get("release_id")
    text = (
        HEADER
        + _assign(
            "SPEC_RELEASE_ID: str | None", _literal(None if release is None else str(release))
        )
        + _assign("SPEC_SHA256: str", _literal(str(lock.get("sha256", ""))))
        + _assign("SPEC_URL: str", _literal(str(lock.get("url", ""))))
    )
    return _ruff_format(text, out)


def load_lock(path: Path) -> dict[str, Any]:
    lock = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(lock, dict):
        raise ValueError("not a JSON object")
    return lock


def lock_matches_file(lock: dict[str, Any], root: Path) -> str | None:
    """Why the lock does not describe the vendored file it names (None: it does)."""
    file, digest = lock.get("file"), lock.get("file_sha256")
    if not file or not digest:
        return "the lock names no vendored file (file, file_sha256)"
    path = root / str(file)
    if not path.is_file():
        return f"the lock names {file}, which does not exist"
    if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
        return f"{file} is not the document the lock records (edited by hand? run `make pull-spec`)"
    return None


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if len(args) != 2:
        print("usage: spec_release.py LOCK.json OUT.py [--check]", file=sys.stderr)
        return 2
    lock_path, out = Path(args[0]), Path(args[1])
    try:
        lock = load_lock(lock_path)
    except (OSError, ValueError) as exc:
        print(f"spec-release: cannot read {lock_path} ({exc})", file=sys.stderr)
        return 2
    text = render(lock, out)
    if not check:
        out.write_text(text, encoding="utf-8")
        return 0
    root = lock_path.resolve().parent.parent
    problem = lock_matches_file(lock, root)
    if problem is not None:
        print(f"spec-release: {problem}", file=sys.stderr)
        return 1
    current = out.read_text(encoding="utf-8") if out.is_file() else None
    if current != text:
        print(
            f"spec-release: {out} is stale or hand-edited against {lock_path}: run `make spec`",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

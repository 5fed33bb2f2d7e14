"""The "next release" of the package, simulated: one more optional ``RecVideo`` field.

A release that adds a field differs from this one only in the field table ``make
generate`` writes (``_spec_data.VIDEO_FIELDS``). :func:`run_next_release` runs Python in a
child process where that table has :data:`NEW_FIELD` appended as the module loads, so ``Video``, the row model, the store and every export
are built from it exactly as the next release's would be; no file is edited.

:class:`AnswersWithNewField` is the mock API answering what the vendor sends once the
field exists: every video carries ``collect_cnt`` (before the spec declares it, the
current release keeps it in ``extra`` and in the answer as received).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from justoneapi_xingtu.testing import MockAPI

NEW_FIELD = ("collect_cnt", "int")
ROOT = Path(__file__).resolve().parent.parent

SPEC_DATA = ROOT / "wrapper" / "justoneapi_xingtu" / "_spec_data.py"


def spec_data_prelude(source: Path, patch: str = "", methods: Path | None = None) -> str:
    """Python that, run first in a fresh interpreter, makes ``justoneapi_xingtu`` load its
    ``_spec_data`` from ``source`` (then run ``patch`` on it, as ``module``) and, when
    given, its ``_operations`` from ``methods``: the package as a release whose ``make
    generate`` wrote those files would be."""
    swapped = {"justoneapi_xingtu._spec_data": str(source)}
    if methods is not None:
        swapped["justoneapi_xingtu._operations"] = str(methods)
    return f"""
import importlib.machinery, importlib.util, sys

class _Loader(importlib.machinery.SourceFileLoader):
    def exec_module(self, module):
        super().exec_module(module)
        if module.__name__.endswith("._spec_data"):
            {patch or "pass"}

class _Finder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        source = {swapped!r}.get(name)
        if source is None:
            return None
        return importlib.util.spec_from_file_location(name, source, loader=_Loader(name, source))

sys.meta_path.insert(0, _Finder)
"""


_PRELUDE = (
    spec_data_prelude(
        SPEC_DATA, f"module.VIDEO_FIELDS = tuple(sorted((*module.VIDEO_FIELDS, {NEW_FIELD!r})))"
    )
    + f"""
import justoneapi_xingtu
assert {NEW_FIELD[0]!r} in justoneapi_xingtu.Video.FIELDS
"""
)


def run_python(prelude: str, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``prelude`` then ``code`` in a child Python on this checkout's sources."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "wrapper"), str(ROOT / "generated")]),
    }
    return subprocess.run(
        [sys.executable, "-c", prelude + code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def run_next_release(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` (``sys.argv[1:]`` is ``args``) with the next release's field table."""
    return run_python(_PRELUDE, code, *args)


def next_release_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """``xingtu *argv`` as the next release runs it."""
    return run_next_release(
        "from justoneapi_xingtu.cli import main\nsys.exit(main(sys.argv[1:]))", *argv
    )


def collect_cnt(video: dict[str, Any]) -> int:
    """The value :class:`AnswersWithNewField` gives a video (derived from its id)."""
    return int(video["item_id"]) % 997


class AnswersWithNewField(MockAPI):
    """The mock API, with ``collect_cnt`` in every video it answers."""

    def _build_data(self, author: str) -> dict[str, Any]:
        data = super()._build_data(author)
        for videos in data.values():
            if isinstance(videos, list):
                for video in videos:
                    video[NEW_FIELD[0]] = collect_cnt(video)
        return data

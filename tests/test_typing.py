"""What a type checker sees: the README's batch example passes `mypy --strict`
(``if outcome.ok:`` narrows ``outcome.result``), and a platform that is not one of the
spec's is a type error."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytest.importorskip("mypy", reason="mypy comes with the [dev] extra")


def readme_block(containing: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    (block,) = [b for b in blocks if containing in b]
    return block


UNNARROWED = """
from justoneapi_xingtu import XingtuClient

with XingtuClient() as client:
    for outcome in client.author_rec_videos_many(["7012345678901234567"]):
        print(len(outcome.result))
"""

PLATFORMS = """
from justoneapi_xingtu import AsyncXingtuClient, Platform, PlatformName, XingtuClient

chosen: PlatformName = "SHORT_DRAMA"
with XingtuClient() as client:
    client.author_rec_videos("1", platform="SHORT_VIDEO")
    client.author_rec_videos("1", platform=Platform.LIVE_STREAMING)
    client.author_rec_videos("1", platform=chosen)
    client.author_rec_videos("1", platform="SHORT")  # line 9
    client.author_rec_videos_many(["1"], platform="PICTURE")  # line 10


async def main() -> None:
    async with AsyncXingtuClient() as client:
        await client.author_rec_videos("1", platform="VIDEO")  # line 15
"""


@pytest.mark.slow  # a cold mypy run over the package and its dependencies: make test-all
def test_mypy_strict_narrows_outcomes_and_checks_platforms(tmp_path: Path) -> None:
    files = {
        "readme_batch.py": readme_block("if outcome.ok:"),
        "unnarrowed.py": UNNARROWED,
        "platforms.py": PLATFORMS,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            *(str(tmp_path / name) for name in files),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,  # the project's [tool.mypy]: the wrapper and generated sources
        timeout=600,
    )
    errors = sorted(
        (Path(m[0]).name, int(m[1]))
        for m in re.findall(r"^(\S+\.py):(\d+): error:", proc.stdout, re.M)
    )
    assert errors == [
        ("platforms.py", 9),
        ("platforms.py", 10),
        ("platforms.py", 15),
        ("unnarrowed.py", 6),  # the result may be None: without `if outcome.ok:` no narrowing
    ], proc.stdout + proc.stderr
    assert "Literal['SHORT']" in proc.stdout and "'SHORT_VIDEO'" in proc.stdout

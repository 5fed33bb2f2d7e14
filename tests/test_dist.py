"""What ``make dist`` ships: both packages typed, the licence, the metadata that says so.

The wheel is built here without build isolation (hatchling comes with the dev extra), so
the test needs no package index; ``make dist`` itself builds both artifacts in isolation,
``twine check``s them and runs the installed wheel in a fresh venv.
"""

from __future__ import annotations

import email
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytest.importorskip("build", reason="make venv installs the build frontend (dev extra)")
pytest.importorskip("hatchling", reason="make venv installs hatchling (dev extra)")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (built,) = out.glob("*.whl")
    return built


def test_the_wheel_ships_license_and_both_py_typed(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = email.message_from_bytes(
            archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        )
        license_file = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        license_text = archive.read(license_file).decode()
    assert "justoneapi_xingtu/py.typed" in names
    assert "justoneapi_xingtu_generated/py.typed" in names
    assert license_text.startswith("MIT License")
    assert "Copyright (c) 2026 justoneapi-xingtu maintainers" in license_text
    assert metadata["License-Expression"] == "MIT"
    assert metadata["License-File"] == "LICENSE"
    assert "Typing :: Typed" in metadata.get_all("Classifier")


def test_the_wheel_ships_no_tests_cassettes_or_build_leftovers(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        top = {name.split("/", 1)[0] for name in archive.namelist()}
    assert {t for t in top if not t.endswith(".dist-info")} == {
        "justoneapi_xingtu",
        "justoneapi_xingtu_generated",
    }
    with zipfile.ZipFile(wheel) as archive:
        assert not [n for n in archive.namelist() if "__pycache__" in n or n.endswith(".pyc")]


def test_the_generator_config_is_what_writes_the_generated_py_typed() -> None:
    # generated/ is never edited by hand: py.typed must come from `make generate` itself.
    config = (ROOT / "openapi" / "generator-config.yaml").read_text(encoding="utf-8")
    assert "py.typed" in config
    assert (ROOT / "generated" / "justoneapi_xingtu_generated" / "py.typed").is_file()


@pytest.mark.slow
def test_make_dist_builds_checks_and_runs_the_wheel_outside_the_checkout() -> None:
    # The whole target: isolated build, twine check, a fresh venv in the temp folder.
    proc = subprocess.run(
        ["make", "-s", "dist"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    assert out.count("PASSED") == 2  # twine check, wheel and sdist
    assert "dist: xingtu demo ran from the installed wheel" in out
    assert "import from the wheel, typed" in out
    where = next(line for line in out.splitlines() if "fresh venv in" in line)
    temp = Path(where.split("fresh venv in ", 1)[1].split(" ", 1)[0])
    assert not temp.is_relative_to(ROOT) and not temp.exists()  # outside, and removed
    built = sorted(p.suffix for p in (ROOT / "dist").iterdir())
    assert built == [".gz", ".whl"]

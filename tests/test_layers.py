"""The package's layers point one way, and the contract that says so can fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from justoneapi_xingtu import AsyncXingtuClient, XingtuClient
from justoneapi_xingtu.testing import MockServer

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(package_root: Path) -> subprocess.CompletedProcess[str]:
    if not LINT_IMPORTS.exists():
        pytest.skip("lint-imports is not installed (the dev extra: make venv)")
    env = {**os.environ, "PYTHONPATH": f"{package_root}{os.pathsep}{ROOT / 'generated'}"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=package_root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("module", "upward"),
    [
        ("models.py", "from justoneapi_xingtu import cli"),
        ("_retry.py", "from justoneapi_xingtu import client"),
        ("batch/_engine.py", "from justoneapi_xingtu.io import store"),
        ("testing/__init__.py", "from justoneapi_xingtu import client"),
        ("client.py", "import justoneapi_xingtu_generated.models"),
    ],
)
def test_an_upward_import_breaks_the_layer_contract(
    tmp_path: Path, module: str, upward: str
) -> None:
    copy = tmp_path / "justoneapi_xingtu"
    shutil.copytree(ROOT / "wrapper" / "justoneapi_xingtu", copy)
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{upward}  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout.upper()


def test_the_package_as_committed_keeps_every_contract() -> None:
    result = lint_imports(ROOT / "wrapper")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_with_options_changes_settings_and_shares_the_pool(kind: str) -> None:
    import asyncio

    with MockServer() as server:
        if kind == "sync":
            with XingtuClient("t0ken", base_url=server.base_url, timeout=30) as client:
                patient = client.with_options(timeout=90, max_retries=5)
                assert (patient.timeout, patient.max_retries) == (90.0, 5)
                assert (client.timeout, client.max_retries) == (30.0, 2)
                assert patient._http is client._http
                patient.close()  # the copy never closes the shared pool
                assert len(client.author_rec_videos("7012345678901234567")) == 6
        else:

            async def main() -> None:
                async with AsyncXingtuClient("t0ken", base_url=server.base_url) as client:
                    quick = client.with_options(max_retries=0)
                    assert quick.max_retries == 0 and quick._http is client._http
                    await quick.aclose()
                    assert len(await client.author_rec_videos("7012345678901234567")) == 6

            asyncio.run(main())


def test_with_options_checks_what_it_is_given() -> None:
    client = XingtuClient("t0ken", base_url="http://127.0.0.1:9")
    with pytest.raises(ValueError, match="max_retries"):
        client.with_options(max_retries=-1)
    with pytest.raises(ValueError, match="timeout"):
        client.with_options(timeout=0)
    moved = client.with_options(base_url="http://127.0.0.1:10/")
    assert moved.base_url == "http://127.0.0.1:10" and client.base_url == "http://127.0.0.1:9"
    client.close()


def test_every_third_party_package_the_wrapper_imports_is_declared() -> None:
    import ast
    import importlib.metadata
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        requirements += extra
    declared = {
        re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        for requirement in requirements
    }
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    ours = {"justoneapi_xingtu", "justoneapi_xingtu_generated"}
    distributions = importlib.metadata.packages_distributions()
    missing: dict[str, str] = {}
    for path in (ROOT / "wrapper" / "justoneapi_xingtu").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in stdlib or top in ours:
                    continue
                dists = {d.lower().replace("_", "-") for d in distributions.get(top, [top])}
                if not dists & declared:
                    missing[top] = str(path.relative_to(ROOT))
    assert missing == {}, f"imported but not declared in pyproject.toml: {missing}"

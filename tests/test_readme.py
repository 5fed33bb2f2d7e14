"""Every Python block of README.md and README.zh-CN.md runs as pasted, against the mock
server (the READMEs' examples read the token and base URL from the environment, as a
user's script would)."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator

import pytest
from conftest import ROOT

from justoneapi_xingtu.testing import MockServer

READMES = ("README.md", "README.zh-CN.md")


def python_blocks() -> Iterator[tuple[str, int, str]]:
    for name in READMES:
        text = (ROOT / name).read_text(encoding="utf-8")
        for match in re.finditer(r"```python\n(.*?)```", text, flags=re.S):
            line = text.count("\n", 0, match.start()) + 1
            yield name, line, match.group(1)


BLOCKS = list(python_blocks())


def test_both_readmes_have_the_same_python_blocks_apart_from_comments() -> None:
    def code(readme: str) -> list[str]:
        return [re.sub(r"#.*", "", b) for n, _, b in BLOCKS if n == readme]

    assert len(code("README.md")) >= 4
    assert code("README.md") == code("README.zh-CN.md")


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer() as mock:
        yield mock


@pytest.mark.parametrize(
    ("readme", "line", "source"), BLOCKS, ids=[f"{n}:{line}" for n, line, _ in BLOCKS]
)
def test_readme_block_runs_as_pasted(
    readme: str, line: int, source: str, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "dataframe" in source:  # the examples the README gives for the [pandas] extra
        pytest.importorskip("pandas", reason="the README's pandas example needs the pandas extra")
    monkeypatch.setenv("JUSTONEAPI_TOKEN", "readme-token")
    monkeypatch.setenv("JUSTONEAPI_BASE_URL", server.base_url)
    monkeypatch.delenv("JUSTONEAPI_ENV", raising=False)
    out = io.StringIO()
    code = compile(source, f"{readme}:{line}", "exec")
    with contextlib.redirect_stdout(out):
        exec(code, {"__name__": "__main__"})
    assert out.getvalue().strip(), f"{readme}:{line} printed nothing"


def test_readmes_name_only_make_targets_that_exist() -> None:
    targets = set(
        re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    )
    for name in READMES:
        text = (ROOT / name).read_text(encoding="utf-8")
        for target in re.findall(r"\bmake ([a-z][\w-]*)", text):
            assert target in targets, f"{name} names 'make {target}', which the Makefile lacks"


def test_no_hand_written_copy_reaches_into_the_generated_package() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "wrapper").rglob("*.py")
        if "_get_kwargs" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_readme_names_the_layout_it_describes() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## How it is built", 1)[1].split("\n## ", 1)[0]
    table = "\n".join(line for line in section.splitlines() if line.startswith("|"))
    modules = re.findall(r"`(_?[a-z_]+(?:\.py|/))`", table)
    assert len(modules) >= 10
    for module in modules:
        assert (ROOT / "wrapper" / "justoneapi_xingtu" / module).exists(), module


def test_version_names_the_package_and_the_spec_release(capsys: pytest.CaptureFixture[str]) -> None:
    import justoneapi_xingtu
    from justoneapi_xingtu.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"xingtu {justoneapi_xingtu.__version__} (spec release ")
    release = justoneapi_xingtu.SPEC_RELEASE_ID
    assert (release or "hand-written") in line

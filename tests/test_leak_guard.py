"""A socket, file or connection a test leaves to the garbage collector fails the suite
(``filterwarnings`` in pyproject.toml), so a leak shows up where it happens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEAKY = """
import gc
import socket


def test_leaks_a_socket():
    socket.socket()
    gc.collect()
"""


def test_a_socket_left_open_fails_the_test_that_leaked_it(tmp_path: Path) -> None:
    (tmp_path / "test_leaky.py").write_text(LEAKY, encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml")]
    # Only the plugin the project's addopts need (--allow-hosts): a second, not ten.
    options = ["-p", "pytest_socket", "-p", "no:cacheprovider", "--rootdir", str(tmp_path)]
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    run = subprocess.run(
        [*command, *options, "-q", "test_leaky.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "FAILED test_leaky.py::test_leaks_a_socket" in run.stdout
    assert "ResourceWarning: unclosed <socket.socket" in run.stdout

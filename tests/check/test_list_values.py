"""A list flag's value (pflag stringSlice) is read as CSV once: whole for its type, items for their format."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from kx.engine.pipeline import check_command

# (value of kubectl expose -f, whether kubectl refuses it while parsing its flags)
CASES = [
    ('"a""b"', False),  # one file named a"b
    ('"a,b",c', False),
    ("a,,b", False),
    ("a\nb", False),  # kubectl reads the first line only
    ('a"b', True),
    ('"a"b,c', True),
    ('"a,b', True),
]


def type_errors(value: str) -> list[tuple[int, int, str]]:
    """KX201 findings (line, column, code) for ``kubectl expose -f VALUE --port 80``."""
    line = f"kubectl expose -f {shlex.quote(value)} --port 80"
    return [(d.line, d.column, d.code) for d in check_command(line) if d.code == "KX201"]


@pytest.mark.parametrize(("value", "refused"), CASES)
def test_only_a_value_that_does_not_read_is_refused(value: str, refused: bool) -> None:
    assert type_errors(value) == ([(1, 19, "KX201")] if refused else [])


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
@pytest.mark.parametrize(("value", "refused"), CASES)
def test_kubectl_agrees(value: str, refused: bool, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "PATH": os.environ["PATH"]}
    command = ["kubectl", "expose", "-f", value, "--port", "80"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert ("invalid argument" in result.stderr) is refused

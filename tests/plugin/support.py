"""Helpers shared by the plugin tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Done = subprocess.CompletedProcess[str]
Run = Callable[..., Done]


def console_script(name: str) -> Path | None:
    """A console script installed next to this interpreter (editable or wheel install alike)."""
    found = Path(sys.executable).parent / name
    if found.exists():
        return found
    located = shutil.which(name)
    return Path(located) if located else None


def need(tool: str) -> None:
    """Skip unless ``tool`` is installed."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")


def kx_argv(*args: str) -> list[str]:
    """This interpreter's kx, whatever way it was installed."""
    return [sys.executable, "-m", "kx", *args]

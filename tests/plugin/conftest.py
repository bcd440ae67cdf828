"""A temporary HOME and a PATH holding only the clients and a kubectl-kx wrapper."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .support import Done, Run, console_script


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    """The only directory on PATH: symlinks to the installed clients, and a kubectl-kx wrapper."""
    path = tmp_path / "bin"
    path.mkdir()
    for tool in ("docker", "kubectl"):
        located = shutil.which(tool)
        if located:
            (path / tool).symlink_to(located)
    script = console_script("kubectl-kx")
    if script is not None:
        wrapper = path / "kubectl-kx"
        wrapper.write_text(f"#!/bin/sh\nexec '{script}' \"$@\"\n", encoding="utf-8")
        wrapper.chmod(0o755)
    return path


@pytest.fixture
def env(home: Path, bin_dir: Path) -> dict[str, str]:
    """The environment of every command run here: nothing of the real user's HOME or clients' config."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DOCKER_", "KUBE", "XDG_CONFIG"))}
    return {**base, "HOME": str(home), "PATH": str(bin_dir), "NO_COLOR": "1"}


@pytest.fixture
def run(env: dict[str, str], tmp_path: Path) -> Run:
    """Run a command in the test environment; ``stdin`` text is piped in."""

    def runner(*argv: str, stdin: str = "", extra: dict[str, str] | None = None) -> Done:
        return subprocess.run(list(argv), input=stdin, capture_output=True, text=True, timeout=120,
                              env={**env, **(extra or {})}, cwd=tmp_path, check=False)  # fmt: skip

    return runner

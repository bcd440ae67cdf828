"""kx completion show: the specs on this machine, plugin specs included."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import shells

from kx.cli.app import run_app

PLUGIN_SPEC = """\
spec: 1
tool: kubectl
path: [scale]
tool_version: "1.32"
summary: Set a new size for a deployment or replica set.
inherits: [kubectl/_global]
flags:
  - name: replicas
    type: int
    summary: The new desired number of replicas.
  - name: current-replicas
    type: int
    summary: Precondition for the current size.
"""


@pytest.fixture
def plugin_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "scale.yaml").write_text(PLUGIN_SPEC, encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("KX_SPEC_PATH", str(specs))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    from kx.catalog.loader import reset

    reset()
    yield tmp_path
    reset()


def test_show_includes_plugin_specs(plugin_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not shells.have("fish"):
        pytest.skip("fish not installed")
    assert run_app(["completion", "show", "fish"]) == 0
    script = plugin_home / "kx.fish"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    got = shells.fish(script, ["kx check -- kubectl sc", "kx check -- kubectl scale --rep"])
    assert got == [["scale"], ["--replicas"]]


def test_show_rejects_an_unknown_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_app(["completion", "show", "tcsh"]) == 2
    assert "tcsh" in capsys.readouterr().err


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shipped_scripts_parse(shell: str) -> None:
    if not shells.have(shell):
        pytest.skip(f"{shell} not installed")
    root = Path(__file__).resolve().parents[2] / "completions"
    name = {"bash": "kx.bash", "zsh": "_kx", "fish": "kx.fish"}[shell]
    flag = "--no-execute" if shell == "fish" else "-n"
    done = subprocess.run([shell, flag, str(root / name)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr

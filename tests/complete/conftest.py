from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from kx.cli.describe import describe_app
from kx.complete.generate import render, shipped_specs
from kx.complete.model import Tree
from kx.complete.tree import build_tree


@pytest.fixture(scope="session")
def tree() -> Tree:
    """The tree for the fixture app (kx's command set) and the shipped specs."""
    import fixture_app

    return build_tree(describe_app(fixture_app.app), shipped_specs())


@pytest.fixture(scope="session")
def scripts(tree: Tree, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each shell's generated script, written to a temp dir."""
    out = tmp_path_factory.mktemp("scripts")
    paths = {}
    for shell, name in (("bash", "kx.bash"), ("zsh", "_kx"), ("fish", "kx.fish"),
                        ("powershell", "kx.ps1")):
        path = out / name
        path.write_text(render(shell, tree), encoding="utf-8")
        paths[shell] = path
    return paths

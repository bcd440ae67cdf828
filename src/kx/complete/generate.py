"""Render completion scripts for kx's own command tree and the specs.

Kx's tree is ``kx_app.json``, generated from the typer app by kx.cli.generate (which also writes
the committed ``completions/``); this package reads it and never imports cli or typer.
"""

from __future__ import annotations

import json
from typing import Any

from kx.catalog.loader import SpecSet
from kx.complete import APP_JSON, bash, fish, powershell, zsh
from kx.complete.model import Tree
from kx.complete.tree import build_tree

SHELLS = ("bash", "zsh", "fish", "powershell")
RENDERERS = {"bash": bash.render, "zsh": zsh.render, "fish": fish.render,
             "powershell": powershell.render}  # fmt: skip
# File names under completions/ (zsh's must be _kx to be autoloaded from $fpath).
FILE_NAMES = {"bash": "kx.bash", "zsh": "_kx", "fish": "kx.fish", "powershell": "kx.ps1"}


def render(shell: str, tree: Tree) -> str:
    """The completion script for ``shell``."""
    return RENDERERS[shell](tree)


def app_model() -> dict[str, Any]:
    """Kx's own command tree, as generated from its typer app (``kx_app.json``)."""
    with open(APP_JSON, encoding="utf-8") as handle:
        model: dict[str, Any] = json.load(handle)
    return model


def live_tree(specs: SpecSet | None = None, app: dict[str, Any] | None = None) -> Tree:
    """The tree for the running kx: its command tree and the specs on this machine."""
    from kx.catalog.loader import load_specs

    model = app if app is not None else app_model()
    from kx.catalog.installed import installed_versions

    return build_tree(model, specs if specs is not None else load_specs(), installed_versions())


def shipped_specs() -> SpecSet:
    """Only the specs shipped with kx (no user or KX_SPEC_PATH specs)."""
    from kx.catalog.compiler import compile_specs
    from kx.catalog.paths import shipped_spec_dir

    shipped = shipped_spec_dir()
    entries, warnings = compile_specs([shipped], shipped=shipped)
    return SpecSet(entries, warnings)

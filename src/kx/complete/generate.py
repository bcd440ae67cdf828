"""Render completion scripts, and regenerate the committed ones (``python -m kx.complete.generate``).

The committed files are ``completions/`` (one script per shell, for the shipped specs) and
``src/kx/complete/kx_app.json`` (kx's own command tree, read by the ``kubectl_complete-kx``
responder so it never imports typer). A test regenerates both and fails when they are stale.
"""

from __future__ import annotations

import json
import os
import sys
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


def live_tree(specs: SpecSet | None = None, app: Any = None) -> Tree:
    """The tree for the running kx: its typer app and the specs on this machine."""
    from kx.catalog.loader import load_specs
    from kx.complete.appmodel import describe_app

    return build_tree(describe_app(app), specs if specs is not None else load_specs())


def shipped_specs() -> SpecSet:
    """Only the specs shipped with kx (no user or KX_SPEC_PATH specs)."""
    from kx.catalog.compiler import compile_specs
    from kx.catalog.paths import shipped_spec_dir

    shipped = shipped_spec_dir()
    entries, warnings = compile_specs([shipped], shipped=shipped)
    return SpecSet(entries, warnings)


def app_json(app: Any = None) -> str:
    """Kx's command tree as the committed JSON text."""
    from kx.complete.appmodel import describe_app

    return json.dumps(describe_app(app), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def committed_files(root: str) -> dict[str, str]:
    """Every generated file (path -> text) for the checkout at ``root``."""
    tree = live_tree(shipped_specs())
    files = {os.path.join(root, "completions", FILE_NAMES[s]): render(s, tree) for s in SHELLS}
    files[APP_JSON] = app_json()
    return files


def main() -> int:
    """Rewrite the committed files of this checkout; print the ones that changed."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(APP_JSON))))
    for path, text in committed_files(root).items():
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as handle:
                old = handle.read()
        if old != text:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            print(f"updated {os.path.relpath(path, root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

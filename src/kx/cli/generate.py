"""Regenerate the files made from kx's typer app and the shipped specs: ``python -m kx.cli.generate``.

They are committed: ``completions/`` (one script per shell), ``src/kx/complete/kx_app.json`` (kx's
own command tree, which completion reads without importing cli or typer) and ``src/kx/cli/optable.py``
(the light path's parsing table). A test regenerates them and fails when one is stale.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from kx.cli.describe import describe_app
from kx.cli.tables import optable_source
from kx.complete import APP_JSON
from kx.complete.generate import FILE_NAMES, SHELLS, render, shipped_specs
from kx.complete.tree import build_tree

OPTABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optable.py")


def app_json(app: Any = None) -> str:
    """Kx's command tree as the committed JSON text."""
    return json.dumps(describe_app(app), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def committed_files(root: str) -> dict[str, str]:
    """Every generated file (path -> text) for the checkout at ``root``."""
    tree = build_tree(describe_app(), shipped_specs())
    files = {os.path.join(root, "completions", FILE_NAMES[s]): render(s, tree) for s in SHELLS}
    files[APP_JSON] = app_json()
    files[OPTABLE] = optable_source()
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

"""The committed completion scripts, kx_app.json and the light path's option table are fresh."""

from __future__ import annotations

from pathlib import Path

from kx.cli.generate import committed_files
from kx.complete.generate import SHELLS, render
from kx.complete.model import Tree

ROOT = Path(__file__).resolve().parents[2]


def test_committed_files_are_fresh() -> None:
    stale = []
    for path, text in committed_files(str(ROOT)).items():
        current = Path(path).read_text(encoding="utf-8") if Path(path).exists() else None
        if current != text:
            shown = Path(path)
            stale.append(str(shown.relative_to(ROOT)) if shown.is_relative_to(ROOT) else str(shown))
    assert not stale, f"stale generated files {stale}: run `python -m kx.cli.generate`"


def test_generation_is_deterministic(tree: Tree) -> None:
    for shell in SHELLS:
        assert render(shell, tree) == render(shell, tree)


def test_hidden_and_deprecated_flags_are_never_offered(tree: Tree) -> None:
    from kx.complete.generate import shipped_specs

    for spec in shipped_specs().commands():
        node = f"w.{spec.tool}.{'.'.join(spec.path)}"
        offered = {word for word, _ in tree.offered(node)}
        hidden = {f"--{f.name}" for f in spec.flags if f.hidden or f.deprecated}
        visible = {f"--{f.name}" for f in spec.visible_flags()}
        assert visible <= offered
        assert not hidden & offered, spec.key
    assert tree.flag("w.docker.run", "--net") is not None  # still parsed: it takes a value

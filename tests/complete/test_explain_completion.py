"""``kx explain`` completes like ``kx check``: its options, then the docker/kubectl command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shells

from kx.complete import APP_JSON
from kx.complete.generate import shipped_specs
from kx.complete.tree import build_tree
from kx.complete.walk import complete

BASH_SCRIPT = Path(__file__).resolve().parents[2] / "completions" / "kx.bash"
COMMAND_LINES = [
    "-- docker run --pu",
    "-- kubectl ex",
    "-- kubectl expose --type ",
    "docker run -p 80:80 --rm",
]


def _walk(line: str) -> list[str]:
    tree = build_tree(json.loads(Path(APP_JSON).read_text(encoding="utf-8")), shipped_specs())
    words = line.split(" ")[1:]
    return sorted(complete(tree, words[:-1], words[-1]).words())


@pytest.mark.parametrize("rest", COMMAND_LINES)
def test_the_command_completes_as_after_kx_check(rest: str) -> None:
    explain, check = _walk(f"kx explain {rest}"), _walk(f"kx check {rest}")
    assert explain == check and explain


def test_its_own_options() -> None:
    assert _walk("kx explain --format ") == ["json", "text"]
    assert "--format" in _walk("kx explain -")


def test_real_bash_with_the_committed_script() -> None:
    if not shells.have("bash"):
        pytest.skip("bash not installed")
    lines = [f"kx {name} {rest}" for rest in COMMAND_LINES for name in ("explain", "check")]
    got = shells.bash(BASH_SCRIPT, [*lines, "kx ex"])
    pairs = list(zip(got[:-1:2], got[1:-1:2], strict=True))
    assert all(explain == check and explain for explain, check in pairs), pairs
    assert sorted(got[-1]) == ["exec", "explain", "expose"]

"""Real shells load the generated scripts and are asked for completions (see cases.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import shells
from cases import CASES, value_part

from kx.complete.model import Tree
from kx.complete.walk import complete

LINES = [line for line, _ in CASES]


def _expected(inserted_value_only: bool) -> list[list[str]]:
    if inserted_value_only:
        return [sorted(value_part(w) for w in words) for _, words in CASES]
    return [sorted(words) for _, words in CASES]


def _compare(got: list[list[str]], want: list[list[str]]) -> None:
    assert len(got) == len(CASES)
    wrong = [(line, sorted(g), w) for (line, _), g, w in zip(CASES, got, want, strict=True) if sorted(g) != w]
    assert not wrong, wrong


def test_python_walk(tree: Tree) -> None:
    got = []
    for line in LINES:
        words = line.split(" ")[1:]
        got.append(complete(tree, words[:-1], words[-1]).words())
    _compare(got, _expected(False))


@pytest.mark.parametrize("with_package", [False, True], ids=["plain", "bash-completion"])
def test_bash(scripts: dict[str, Path], with_package: bool) -> None:
    if not shells.have("bash"):
        pytest.skip("bash not installed")
    if with_package and not shells.BASH_COMPLETION.exists():
        pytest.skip("the bash-completion package is not installed")
    _compare(shells.bash(scripts["bash"], LINES, with_package), _expected(True))


def test_zsh(scripts: dict[str, Path]) -> None:
    if not shells.have("zsh"):
        pytest.skip("zsh not installed")
    _compare(shells.zsh(scripts["zsh"], LINES), _expected(True))


def test_fish(scripts: dict[str, Path]) -> None:
    if not shells.have("fish"):
        pytest.skip("fish not installed")
    _compare(shells.fish(scripts["fish"], LINES), _expected(False))


def test_comp_words_split_like_bash() -> None:
    assert shells.comp_words("kx a --type=No") == ["kx", "a", "--type", "=", "No"]
    assert shells.comp_words("kx -p 80:80 ") == ["kx", "-p", "80", ":", "80", ""]
    assert shells.comp_words("kx --pull=") == ["kx", "--pull", "="]

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


def test_powershell(scripts: dict[str, Path]) -> None:
    if not shells.have("pwsh"):
        pytest.skip("pwsh not installed (neither Debian nor PyPI provides PowerShell)")
    _compare(shells.powershell(scripts["powershell"], LINES), _expected(False))


def test_comp_words_split_like_bash() -> None:
    assert shells.comp_words("kx a --type=No") == ["kx", "a", "--type", "=", "No"]
    assert shells.comp_words("kx -p 80:80 ") == ["kx", "-p", "80", ":", "80", ""]
    assert shells.comp_words("kx --pull=") == ["kx", "--pull", "="]


FILE_LINES = [
    "kx check -- kubectl expose -f {d}/ma",
    "kx check -- docker run --env-file={d}/m",
    "kx check -- kubectl expose -k {d}/m",
    "kx check -- docker run --cidfile {d}/mf",
]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "mdir").mkdir()
    (tmp_path / "manifest.yaml").touch()
    (tmp_path / "mfile").touch()
    return tmp_path


@pytest.mark.parametrize("shell", ["bash", "bash-completion", "zsh", "fish"])
def test_file_and_directory_values(scripts: dict[str, Path], files: Path, shell: str) -> None:
    binary = shell.split("-")[0]
    if not shells.have(binary):
        pytest.skip(f"{binary} not installed")
    if shell == "bash-completion" and not shells.BASH_COMPLETION.exists():
        pytest.skip("the bash-completion package is not installed")
    lines = [line.format(d=files) for line in FILE_LINES]
    d = str(files)
    if binary == "bash":
        got = shells.bash(scripts["bash"], lines, shell == "bash-completion")
        want = [[f"{d}/manifest.yaml"], [f"{d}/manifest.yaml", f"{d}/mdir", f"{d}/mfile"],
                [f"{d}/mdir"], [f"{d}/mfile"]]  # fmt: skip
    elif binary == "zsh":  # compsys matches the last path component
        got = [sorted(set(block)) for block in shells.zsh(scripts["zsh"], lines)]
        want = [["manifest.yaml"], ["manifest.yaml", "mdir", "mfile"], ["mdir"], ["mfile"]]
    else:
        got = shells.fish(scripts["fish"], lines)
        want = [[f"{d}/manifest.yaml"],
                [f"--env-file={d}/manifest.yaml", f"--env-file={d}/mdir/", f"--env-file={d}/mfile"],
                [f"{d}/mdir/"], [f"{d}/mfile"]]  # fmt: skip
    assert [sorted(g) for g in got] == want

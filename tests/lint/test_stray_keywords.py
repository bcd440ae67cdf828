"""A reserved word where nothing is open (a stray `fi`) is one KX703 on the line `bash -n` names."""

import shutil
import subprocess
from pathlib import Path

import pytest

from kx.engine.lint import LintOptions, run

ROOT = Path(__file__).resolve().parents[2]
SHELL_FILES = sorted((ROOT / "tests/corpus/files/shell").iterdir())
BODY = "echo start\nif true; then\n  echo yes\nfi\ndocker run --rm nginx\n"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")


def kx703(path: Path) -> list[int]:
    result = run(LintOptions(paths=(str(path),), isolated=True))
    return [d.line for d in result.diagnostics if d.code == "KX703"]


def bash_line(path: Path) -> int | None:
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, check=False)
    if done.returncode == 0:
        return None
    return int(done.stderr.split("line ", 1)[1].split(":", 1)[0])


@pytest.mark.parametrize("word", ["fi", "done", "esac", "then", "do", "else", "elif", "}"])
@pytest.mark.parametrize("repeat", [1, 400, 2000])  # short; long (the shell asked first); forked
def test_a_stray_reserved_word_is_one_syntax_warning(tmp_path: Path, word: str, repeat: int) -> None:
    path = tmp_path / "s.sh"
    path.write_text(BODY * repeat + f"{word}\n" + BODY)
    line = bash_line(path)
    assert line == BODY.count("\n") * repeat + 1
    assert kx703(path) == [line]


def test_the_stray_word_may_stand_after_a_separator(tmp_path: Path) -> None:
    path = tmp_path / "s.sh"
    path.write_text("docker run --rm nginx\necho a; done\n")
    assert kx703(path) == [bash_line(path)] == [2]


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "for x in a b; do\n  docker run --rm \"$x\"\ndone\n",
        "case $1 in\n  fi) docker ps ;;\n  *) echo no ;;\nesac\n",
        "f() {\n  docker ps\n}\nf\n",
        "time for x in 1; do docker ps; done\n",  # `for` after `time` is not seen: the shell decides
        "cmd | \\\n  while read -r x; do docker ps; done\n",
        "cat <<EOF\nfi\ndone\nEOF\ndocker ps\n",
        "echo fi done esac then\ndocker run --rm nginx echo fi\n",
    ],
)
def test_valid_scripts_have_no_syntax_warning(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ok.sh"
    path.write_text(text)
    assert bash_line(path) is None
    assert kx703(path) == []


@pytest.mark.parametrize("path", SHELL_FILES, ids=lambda p: p.name)
def test_real_scripts_are_valid_then_broken_by_one_stray_fi(tmp_path: Path, path: Path) -> None:
    assert bash_line(path) is None
    assert kx703(path) == []
    text = path.read_text()
    broken = tmp_path / "broken.sh"
    broken.write_text(text + ("" if text.endswith("\n") else "\n") + "fi\n")
    assert kx703(broken) == [bash_line(broken)] == [text.count("\n") + 1 + (not text.endswith("\n"))]

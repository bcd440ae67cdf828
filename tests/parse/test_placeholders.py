"""One placeholder rule: ``<name>`` glued is an unknown word part, real redirections stay redirections."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kx.engine.pipeline import check_command
from kx.parse.words import split_commands


@pytest.mark.parametrize(
    ("line", "word", "known"),
    [
        ("docker run <image>", "<image>", ""),
        ("kubectl run x --image=<same-image>", "--image=<same-image>", "--image="),
        ("docker run <registry>/<repo>:<tag>", "<registry>/<repo>:<tag>", ""),
        ("docker run -v <host-path>:/data x", "<host-path>:/data", ""),
        ('docker run --name "<your-name>" x', "<your-name>", ""),
        ("docker run --name '<your_name>' x", "<your_name>", ""),
        ("docker run -e TOKEN=<token> x", "TOKEN=<token>", "TOKEN="),
        ("kubectl logs pod-<xxx>", "pod-<xxx>", "pod-"),
    ],
)
def test_placeholders_are_unknown_words(line: str, word: str, known: str) -> None:
    (split,) = split_commands(line)
    found = next(w for w in split.words if w.value == word)
    assert found.dynamic
    assert found.value[: found.dyn_at] == known
    assert split.redirects == []


@pytest.mark.parametrize(
    ("line", "targets"),
    [
        ("cat < file", ["file"]),
        ("cat <file", ["file"]),
        ("cmd <in >out", ["in", "out"]),
        ("cmd <in>>out", ["in", "out"]),
        ("cmd <in>&2", ["in", "2"]),
        ("cmd 2>&1", ["1"]),
        ("cmd >out", ["out"]),
        ("cmd 0<in.txt", ["in.txt"]),
        ("cmd <<EOF\nx\nEOF", ["EOF"]),
        ("cmd <<<word", ["word"]),
    ],
)
def test_real_redirections_keep_their_meaning(line: str, targets: list[str]) -> None:
    split = split_commands(line)[0]
    assert [w.value for w in split.redirects] == targets
    assert [w.value for w in split.words] == ["cat" if line.startswith("cat") else "cmd"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("line", ["cat <in >out", "cat <in>>out", "cat 0<in"])
def test_bash_agrees_these_are_redirections(line: str, tmp_path: object) -> None:
    done = subprocess.run(["bash", "-c", f"echo data > in; {line}; cat out 2>/dev/null || true"],
                          cwd=str(tmp_path), capture_output=True, text=True, check=True)  # fmt: skip
    assert done.stdout.strip() == "data"


@pytest.mark.parametrize(
    "line",
    [
        "kubectl run x --image=<same-image>",
        "docker run --rm -p 8080:80 <image>",
        "docker run -v <host-path>:/data --name <name> nginx",
        "kubectl expose deployment <name> --port=80 --type=<type>",
    ],
)
def test_placeholders_give_no_error(line: str) -> None:
    assert [d for d in check_command(line) if d.severity == "error"] == []


def test_the_known_part_around_a_placeholder_is_still_checked() -> None:
    found = check_command("docker run --cpus abc -v <path>:/data <image>")
    assert [d.code for d in found] == ["KX201"]

"""kx check of one string: a ``(`` bash rejects is one syntax line (exit 2), as bash -n says."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kx.cli.main import main

BASH = shutil.which("bash")
LINES = [
    ("docker run -v $$(pwd):/app nginx", 17),  # a Makefile's $$ given to check
    ("docker run -v a(b) nginx", 16),
    ("docker run nginx (x)", 18),
    ("kubectl run web --image=nginx && echo $$(date)", 41),
    ("docker run -v $(pwd):/app nginx", None),
    ("docker run -v $$:/app nginx", None),
    ("if (true); then docker run nginx; fi", None),
    ("(cd x && docker run nginx)", None),
    ("f () { docker run nginx; }", None),
    ("a=(1 2); docker run nginx", None),
    ("[[ x =~ (a) ]] && docker run nginx", None),
    ("docker run nginx; ! (false)", None),
    ("docker run nginx sh -c 'echo (x)'", None),
    ("docker run --env-file <(env) nginx", None),
    ("time (docker run nginx)", None),
    ("case $x in (a) docker run nginx;; esac", None),
]


@pytest.mark.parametrize(("line", "column"), LINES)
def test_a_stray_paren_is_one_syntax_line(
    line: str, column: int | None, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", line])
    out, err = capsys.readouterr()
    if column is None:
        assert code != 2 and "syntax" not in err, err
        return
    assert (code, out) == (2, "")
    assert err.startswith("kx: error: the command has an unexpected ( ") and err.count("\n") == 1, err
    assert err.endswith(f" at column {column}\n") and "(a shell syntax error" in err, err
    assert ("$$ is the shell's process ID" in err) == ("$$(" in line)
    assert "KX205" not in out + err and "image" not in err


@pytest.mark.skipif(BASH is None, reason="bash not installed")
@pytest.mark.parametrize(("line", "column"), LINES)
def test_bash_agrees(line: str, column: int | None) -> None:
    assert BASH is not None
    done = subprocess.run([BASH, "-n", "-c", line], capture_output=True, text=True, check=False, timeout=30)
    assert (done.returncode != 0) == (column is not None), done.stderr
    if column is not None:
        assert "unexpected token `('" in done.stderr

"""One long script linted on two processes finds exactly what one process finds."""

import os

import pytest

from kx.catalog.loader import load_specs
from kx.engine.lint import lint_text
from kx.engine.lint_fork import MIN_CHARS, _guess, lint_script

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")

BLOCK = """docker run -d --name web{n} --restart=always nginx:1.{n}
ps aux | grep web | head -3
kubectl expose deployment app{n} --port=80 --planted-{n} && echo ok
cat <<EOF > conf{n}.txt
kubectl run not-a-command --bogus
EOF
"""
FUNCTION = """deploy() {{
  kubectl run pod{n} --image=busybox --planted-{n}
  if true; then
    docker run --rm --planted-x{n} alpine
  fi
}}
"""
Raw = tuple[str, str, int, int, "str | None", "str | None", str]


def script(blocks: int, body: str = BLOCK) -> str:
    """A script of ``blocks`` blocks, each with planted mistakes."""
    return "#!/bin/bash\n" + "".join(body.format(n=n) for n in range(blocks))


def planted(groups: list[list[Raw]]) -> int:
    return sum("--planted-" in raw[1] for raws in groups for raw in raws)


@pytest.mark.parametrize("body", [BLOCK, FUNCTION])
def test_two_processes_find_what_one_finds(body: str) -> None:
    text = script(MIN_CHARS // len(body) * 3, body)
    one = lint_text(text, "shell")
    two = lint_script(text, "bash", load_specs())
    assert two is not None
    assert two == one
    assert planted(two) == text.count("--planted-")
    assert not any(raw[1].startswith("unknown flag --bogus") for raws in two for raw in raws)  # a heredoc


def test_a_wrong_guess_moves_the_cut_to_a_real_boundary() -> None:
    # The middle falls inside one long function whose heredoc body has unindented lines: the
    # guess is no boundary, so the second half starts after the function instead.
    lines = [f"docker run --planted-{n} alpine\n" for n in range(MIN_CHARS // 20)]
    heredoc = "".join(lines)
    code = "".join("  " + line for line in lines)
    text = f"f() {{\n  cat <<EOF\n{heredoc}EOF\n{code}}}\nkubectl run p --image=x --planted-end\n"
    assert _guess(text) < text.index("}\nkubectl")
    one = lint_text(text, "shell")
    assert lint_script(text, "bash", load_specs()) == one
    assert planted(one) == len(lines) + 1


def test_short_scripts_stay_on_one_process() -> None:
    assert lint_script(script(2), "bash", load_specs()) is None

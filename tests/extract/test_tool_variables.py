"""Variables naming the tool: ``$X run ...`` is a docker command, a substitution is one word."""

from __future__ import annotations

import pytest

from kx.engine.lint import lint_text
from kx.engine.pipeline import check_command
from kx.extract.commands import tool_words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("$(which docker 2>/dev/null)", ["docker"]),
        ("$(command -v docker)", ["docker"]),
        ('"$(command -v kubectl)"', ["kubectl"]),
        ("`which docker`", ["docker"]),
        ("$(type -P docker)", ["docker"]),
        ("${DOCKER:-docker}", ["docker"]),
        ("${KUBECTL:-$(which kubectl)}", ["kubectl"]),
        ("'kubectl -n prod'", ["kubectl", "-n", "prod"]),
        ("$(echo docker run)", None),
        ("$(get_runtime)", None),
        ('"$(command -v docker) compose"', None),
        ("podman", None),
    ],
)
def test_tool_words(value: str, words: list[str] | None) -> None:
    assert tool_words(value) == words


@pytest.mark.parametrize(
    "definition",
    [
        "RUNTIME=$(which docker 2>/dev/null)",
        "RUNTIME=$(command -v docker)",
        'RUNTIME="$(command -v docker)"',
        "RUNTIME=`which docker`",
        "RUNTIME=${RUNTIME:-docker}",
        "export RUNTIME=docker",
    ],
)
def test_a_variable_naming_the_tool_runs_it_in_check_and_lint(definition: str) -> None:
    text = f"{definition}\n$RUNTIME run --rm --cpus abc nginx\n"
    at = text.index("abc")
    column = at - text.index("$R") + 1
    assert [(d.code, d.line, d.column) for d in check_command(text)] == [("KX201", 2, column)]
    assert [(r[0], r[2]) for group in lint_text(text, "shell") for r in group] == [("KX201", at)]

"""Repeats fold only inside one command: the same mistake in many commands is reported at each."""

from __future__ import annotations

from kx.engine.lint import lint_text
from kx.engine.pipeline import check_command, commands_to_diagnostics
from kx.parse.span import LineIndex

TEXT = (
    "kubectl run a --image=nginx --limits=cpu=1\n"
    "kubectl run b --image=nginx --limits=cpu=1\n"
    "kubectl run c --image=nginx --limits=cpu=1 --limits=memory=1Gi --limits=cpu=2\n"
)


def test_lint_groups_are_commands_and_fold_inside_each() -> None:
    groups = lint_text(TEXT, "shell")
    assert len(groups) == 3
    found = commands_to_diagnostics(groups, "x.sh", LineIndex(TEXT))
    assert [(d.line, d.column, d.code, d.count) for d in found] == [
        (1, 29, "KX106", 1), (2, 29, "KX106", 1), (3, 29, "KX106", 3),
    ]  # fmt: skip


def test_check_command_folds_per_command_too() -> None:
    found = check_command(TEXT.replace("\n", " && ").rstrip(" &"))
    assert [(d.column, d.count) for d in found] == [(29, 1), (29 + 46, 1), (29 + 92, 3)]

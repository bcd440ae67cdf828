"""Repeats fold only inside one command: the same mistake in many commands is reported at each."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kx.cli.app import app
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


# Through the front door: what a user sees for the same mistake in two commands, and repeated in one.

TWICE = "docker run --bogus nginx; docker run --bogus nginx | kubectl run web --image=nginx --portt=1\n"


def lint_json(text: str, name: str = "x.sh") -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["lint", "--isolated", "--format", "json", "--stdin-filename", name,
                                      "-"], input=text, catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 1, result.stderr
    return list(json.loads(result.stdout)["diagnostics"])


def test_the_same_mistake_in_two_commands_on_one_line_is_two_diagnostics() -> None:
    columns = [TWICE.index("--bogus") + 1, TWICE.rindex("--bogus") + 1, TWICE.index("--portt") + 1]
    found = [(d.code, d.column, d.count) for d in check_command(TWICE)]
    assert found == [("KX101", column, 1) for column in columns]
    assert [(d["line"], d["column"], d["count"]) for d in lint_json(TWICE)] == [(1, c, 1) for c in columns]


def test_the_same_mistake_in_two_markdown_fences_is_reported_in_each() -> None:
    doc = "# Run\n\n```sh\ndocker run --detatch nginx\n```\n\nThen:\n\n```console\n"
    doc += "$ docker run --detatch nginx\n```\n"
    found = lint_json(doc, "README.md")
    assert [(d["line"], d["column"], d["code"], d["count"]) for d in found] == [
        (4, 12, "KX101", 1), (10, 14, "KX101", 1),
    ]  # fmt: skip


def test_identical_repeats_in_one_command_fold_at_the_first_with_a_count() -> None:
    line = "docker run --bogus -d --bogus -p 80:80 --bogus nginx"
    [found] = check_command(line)
    assert (found.code, found.column, found.end_column, found.count) == ("KX101", 12, 19, 3)
    [body] = lint_json(line + "\n")
    assert (body["column"], body["count"]) == (12, 3)
    text = CliRunner().invoke(app, ["lint", "--isolated", "-q", "-"], input=line, catch_exceptions=False)
    assert text.stdout == "<stdin>:1:12: error: unknown flag --bogus for docker run (3 times) [KX101]\n"


def test_different_mistakes_in_one_command_are_not_folded() -> None:
    found = check_command("docker run --bogus --bogus2 -p abc -p xyz --bogus nginx")
    assert [(d.code, d.column, d.count) for d in found] == [
        ("KX101", 12, 2), ("KX101", 20, 1), ("KX203", 32, 1), ("KX203", 39, 1),
    ]  # fmt: skip


def test_a_repeat_across_lines_of_one_continued_command_folds() -> None:
    script = "docker run \\\n  --bogus \\\n  --bogus nginx\ndocker run --bogus nginx\n"
    assert [(d["line"], d["column"], d["count"]) for d in lint_json(script)] == [(2, 3, 2), (4, 12, 1)]

"""Positions as users and tools read them: every reported region, cut out of the linted text, is the
offending token; in scripts with tabs, wide and astral characters, continuation lines, CRLF and a
value spanning lines; in SARIF and GitHub regions; and in Markdown console sessions, where the
prompt shifts the column and output lines are not commands."""

from __future__ import annotations

import json
import unicodedata

import pytest
from typer.testing import CliRunner

from kx.cli.app import app
from kx.cli.main import main
from kx.engine.pipeline import check_command

SCRIPT = (
    "#!/bin/bash\n"
    "# a comment with ünïcödé 🐳\n"
    "\tdocker run --bogus nginx\n"
    'echo "日本語 🐳" && docker run -m 1x nginx\n'
    "docker run \\\n"
    "  --detatch \\\n"
    "\t-p 99999:80 nginx\n"
    'kubectl run web --image=nginx --env="A=ü🐳" --portt=80\n'
    'docker run -m "1\n'
    'x" nginx\r\n'
    "docker run --name\tweb --cpus abc nginx\r\n"
)
SCRIPT_TOKENS = ["--bogus", "1x", "--detatch", "99999:80", "--portt", '"1\nx"', "abc"]

CONSOLE = (
    "# Install\n"
    "\n"
    "```console\n"
    "$ docker run --bogus nginx\n"
    "docker run --output-line-looks-like-a-command nginx\n"
    "Error: unknown flag: --bogus\n"
    "$ kubectl run web \\\n"
    ">   --image=nginx --portt=80\n"
    "pod/web created\n"
    "```\n"
    "\n"
    "```shell-session\n"
    "user@host:~/src$ docker run -m 1x nginx\n"
    "docker: invalid argument \"1x\"\n"
    "$ echo 日本語 && docker run --cpus abc nginx\n"
    "```\n"
    "\n"
    "- in a list:\n"
    "\n"
    "  ```console\n"
    "  $ docker run --detatch nginx\n"
    "  docker run --still-output\n"
    "  ```\n"
)
CONSOLE_TOKENS = ["--bogus", "--portt", "1x", "abc", "--detatch"]


def lint(text: str, name: str, fmt: str) -> str:
    args = ["lint", "--isolated", "-q", "--format", fmt, "--stdin-filename", name, "-"]
    result = CliRunner().invoke(app, args, input=text, catch_exceptions=False)
    assert result.exit_code == 1, result.stderr
    return result.stdout


def cut(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The source between two 1-based (line, column) points, columns counted in code points."""
    lines = text.split("\n")
    if line == end_line:
        return lines[line - 1][column - 1 : end_column - 1]
    middle = lines[line : end_line - 1]
    return "\n".join([lines[line - 1][column - 1 :], *middle, lines[end_line - 1][: end_column - 1]])


def json_regions(text: str, name: str) -> list[tuple[int, int, int, int]]:
    found = json.loads(lint(text, name, "json"))["diagnostics"]
    return [(d["line"], d["column"], d["end_line"], d["end_column"]) for d in found]


def sarif_regions(text: str, name: str) -> list[tuple[int, int, int, int]]:
    run = json.loads(lint(text, name, "sarif"))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    return [(r["startLine"], r["startColumn"], r["endLine"], r["endColumn"]) for r in regions]


def github_regions(text: str, name: str) -> list[tuple[int, ...]]:
    found: list[tuple[int, ...]] = []
    for line in lint(text, name, "github").splitlines():
        fields = dict(part.split("=", 1) for part in line.split("::")[1].split(" ", 1)[1].split(","))
        found.append(tuple(int(fields[key]) for key in ("line", "col", "endLine", "endColumn")))
    return found


@pytest.mark.parametrize(("text", "name", "tokens"), [(SCRIPT, "s.sh", SCRIPT_TOKENS),
                                                      (CONSOLE, "README.md", CONSOLE_TOKENS)])  # fmt: skip
def test_json_positions_cut_out_the_offending_tokens(text: str, name: str, tokens: list[str]) -> None:
    assert [cut(text.replace("\r\n", "\n"), *region) for region in json_regions(text, name)] == tokens


def test_text_lines_name_the_same_line_and_column_as_json() -> None:
    starts = [f"s.sh:{line}:{column}:" for line, column, _, _ in json_regions(SCRIPT, "s.sh")]
    assert [out.split(" ", 1)[0] for out in lint(SCRIPT, "s.sh", "text").splitlines()] == starts


def test_columns_count_characters_not_bytes_tabs_or_utf16_units() -> None:
    text = SCRIPT.replace("\r\n", "\n")
    regions = json_regions(SCRIPT, "s.sh")
    assert regions[0][:2] == (3, 13)  # "\tdocker run " is 12 characters: a tab is one column
    line = text.split("\n")[3]
    assert regions[1][:2] == (4, line.index("1x") + 1)  # 日本語 and 🐳 are one column each
    assert len(line[: line.index("1x")].encode()) != line.index("1x")  # bytes would differ


@pytest.mark.parametrize(("text", "name", "tokens"), [(SCRIPT, "s.sh", SCRIPT_TOKENS),
                                                      (CONSOLE, "README.md", CONSOLE_TOKENS)])  # fmt: skip
def test_sarif_regions_cut_out_the_offending_tokens(text: str, name: str, tokens: list[str]) -> None:
    regions = sarif_regions(text, name)
    assert [cut(text.replace("\r\n", "\n"), *region) for region in regions] == tokens
    assert regions == json_regions(text, name)


def test_sarif_region_of_a_value_spanning_two_lines() -> None:
    regions = sarif_regions(SCRIPT, "s.sh")
    spanning = [r for r in regions if r[0] != r[2]]
    assert spanning == [(9, 15, 10, 3)]  # from the opening quote to after the closing one


def test_github_annotations_carry_the_same_regions() -> None:
    for text, name in ((SCRIPT, "s.sh"), (CONSOLE, "README.md")):
        assert github_regions(text, name) == json_regions(text, name)


def test_console_output_lines_are_never_commands() -> None:
    messages = [d["message"] for d in json.loads(lint(CONSOLE, "README.md", "json"))["diagnostics"]]
    assert not any("output" in m for m in messages)
    assert len(messages) == len(CONSOLE_TOKENS)


def test_a_console_prompt_shifts_the_column_by_its_own_width() -> None:
    regions = json_regions(CONSOLE, "README.md")
    lines = CONSOLE.split("\n")
    assert regions[0][:2] == (4, len("$ docker run ") + 1)
    assert regions[2][:2] == (13, len("user@host:~/src$ docker run -m ") + 1)
    assert regions[4][:2] == (21, lines[20].index("--detatch") + 1)  # the list's indent too


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


@pytest.mark.parametrize(
    ("command", "token"),
    [
        ("docker run\t--bogus nginx", "--bogus"),
        ('echo "日本語" && docker run --bogus nginx', "--bogus"),
        ("\t\techo 🐳; docker run -m 1x nginx", "1x"),
    ],
)
def test_check_carets_sit_under_the_token_on_a_terminal(
    command: str, token: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The caret line must line up when the terminal expands tabs and draws wide characters."""
    assert main(["check", "--color", "never", command]) == 1
    source, carets = capsys.readouterr().out.splitlines()[1:3]
    assert source == f"1 | {command}" and carets.startswith("  | ")
    assert carets.strip(" \t|") == "^" * len(token)
    at = source.index(token)
    assert display_width(source[:at].expandtabs()) == display_width(carets[: carets.index("^")].expandtabs())


@pytest.mark.parametrize(
    ("line", "token"),
    [
        ("kubectl run nginx --image=' nginx'", "' nginx'"),
        ("docker run --memory='1x' nginx", "'1x'"),
        ('kubectl expose deploy web --port="80,abc"', '"80,abc"'),
        ("docker run --bogus='x' nginx", "--bogus"),
        ("docker run -e A\\ B=1 -p 'x' nginx", "'x'"),
    ],
)
def test_a_quoted_value_is_placed_on_the_value_not_on_its_flag(line: str, token: str) -> None:
    [found] = [d for d in check_command(line) if d.severity == "error"]
    assert cut(line, found.line, found.column, found.end_line, found.end_column) == token

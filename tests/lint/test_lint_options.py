"""The light ``kx lint`` parser reads a command line exactly as the typer command does, or defers."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import kx.cli.lint_cli
from kx.cli.app import app
from kx.cli.lint_cli import LintRequest
from kx.cli.lint_options import parse

PLAIN = [
    ["a.sh"],
    ["a.sh", "b.md", "-"],
    ["--isolated", "-q", "a.sh"],
    ["--format", "json", "a.sh", "--color=always"],
    ["--format=", "a.sh"],
    ["--select", "KX1", "--select=KX5", "--ignore", "KX101,KX102", "a.sh"],
    ["--severity", "error", "--stdin-filename", "x.md", "-"],
    ["--no-isolated", "--isolated", "--no-isolated", "a.sh"],
    ["--spec-dir", "d1", "--spec-dir", "d2", "--max-file-size", "10MB", "a.sh"],
    ["-j", "2", "a.sh"],
    ["-j2", "--jobs", "3", "a.sh"],
    ["--quiet", "--", "-weird.sh", "--isolated"],
]
DEFERRED = [
    [],
    ["--help"],
    ["-h", "a.sh"],
    ["--bogus", "a.sh"],
    ["-qj2", "a.sh"],
    ["-j", "-1", "a.sh"],
    ["--jobs", "abc", "a.sh"],
    ["--format", "-", "a.sh"],
    ["--quiet=1", "a.sh"],
    ["--isolated"],
]


def typer_request(args: list[str], monkeypatch: pytest.MonkeyPatch) -> LintRequest:
    seen: list[LintRequest] = []
    monkeypatch.setattr(kx.cli.lint_cli, "main", lambda request: seen.append(request) or 0)
    result = CliRunner().invoke(app, ["lint", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return seen[0]


@pytest.mark.parametrize("args", PLAIN)
def test_light_parse_matches_typer(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse(args) == typer_request(args, monkeypatch)


@pytest.mark.parametrize("args", DEFERRED)
def test_unusual_command_lines_are_left_to_typer(args: list[str]) -> None:
    assert parse(args) is None

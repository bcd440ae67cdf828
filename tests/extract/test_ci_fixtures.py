"""Every command in the CI and task-runner fixtures (tests/fixtures/ci, modeled on real files
listed in its SOURCES) is found at its line:column, and linting the directory reports exactly
the planted mistakes: nothing from templating, nothing from non-POSIX shells."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kx.cli.app import app
from kx.extract import extract
from kx.extract.filetypes import detect
from kx.parse.span import LineIndex

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ci"

# file -> (line, column, first words) of every docker/kubectl command in it
COMMANDS: dict[str, list[tuple[int, int, str]]] = {
    ".drone.yml": [(12, 5, "docker build"), (13, 5, "docker run"), (14, 5, "docker run")],
    ".gitlab-ci.yml": [
        (7, 7, "docker login"), (13, 7, "docker build"), (14, 7, "docker run"),
        (21, 7, "kubectl run"), (23, 7, "kubectl expose"),
    ],
    "Jenkinsfile": [
        (9, 21, "docker run"), (10, 21, "docker run"), (12, 21, "docker run"),
        (17, 42, "docker run"), (18, 50, "kubectl expose"), (19, 25, "docker run"),
    ],
    "Makefile": [
        (10, 2, "docker run"), (11, 3, "docker run"), (12, 2, "docker run"), (15, 2, "kubectl expose"),
    ],
    "Taskfile.yml": [
        (7, 9, "docker ps"), (13, 9, "docker build"), (18, 9, "docker run"), (19, 14, "docker run"),
        (25, 9, "docker run"), (31, 20, "docker ps"),
    ],
    "azure-pipelines.yml": [(22, 11, "docker run"), (23, 15, "docker run"), (26, 9, "docker run")],
    "bitbucket-pipelines.yml": [
        (10, 13, "docker build"), (11, 13, "docker run"), (25, 15, "kubectl expose"), (27, 15, "docker run"),
    ],
    "justfile": [(7, 5, "docker build"), (11, 6, "docker run"), (12, 6, "docker run")],
    "package.json": [(5, 22, "docker build"), (6, 20, "docker run"), (7, 20, "docker run")],
    "deploy/action.yml": [(11, 9, "kubectl run"), (12, 9, "kubectl expose")],
    ".github/workflows/release.yml": [(16, 14, "docker run"), (19, 11, "docker run"), (24, 15, "docker run")],
    ".circleci/config.yml": [(14, 14, "docker run"), (25, 13, "docker build"), (26, 13, "docker run")],
}  # fmt: skip

# the planted mistakes: (file, line, column, code)
PLANTED = {
    (".drone.yml", 14, 41, "KX201"),
    (".gitlab-ci.yml", 24, 17, "KX101"),
    ("Jenkinsfile", 13, 32, "KX201"),
    ("Jenkinsfile", 18, 90, "KX101"),
    ("Makefile", 12, 28, "KX201"),
    ("Makefile", 15, 45, "KX101"),
    ("Taskfile.yml", 18, 93, "KX201"),
    ("azure-pipelines.yml", 26, 34, "KX201"),
    ("bitbucket-pipelines.yml", 25, 62, "KX204"),
    ("justfile", 13, 16, "KX201"),
    ("package.json", 7, 46, "KX203"),
    (".circleci/config.yml", 26, 40, "KX401"),
    (".github/workflows/release.yml", 21, 29, "KX201"),
    (".github/workflows/release.yml", 24, 51, "KX201"),
    ("deploy/action.yml", 12, 60, "KX204"),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_found_at_its_place(name: str) -> None:
    path = FIXTURES / name
    text = path.read_text()
    kind, dialect = detect(str(path), text)
    assert kind is not None
    index = LineIndex(text)
    found = sorted(extract(kind, text, dialect).invocations, key=lambda words: words[0].start)
    got = [(*index.position(words[0].start), f"{words[0].value} {words[1].value}") for words in found]
    assert got == COMMANDS[name]
    for line, column, head in got:  # the position really is the tool word (or a make variable naming it)
        assert text.splitlines()[line - 1][column - 1 :].startswith((head.split()[0], "$("))


def test_linting_the_directory_reports_the_planted_mistakes_only() -> None:
    result = CliRunner().invoke(app, ["lint", "--isolated", "--format", "json", str(FIXTURES)],
                                catch_exceptions=False)  # fmt: skip
    diagnostics = json.loads(result.stdout)["diagnostics"]
    errors = {
        (os.path.relpath(d["path"], FIXTURES).replace(os.sep, "/"), d["line"], d["column"], d["code"])
        for d in diagnostics
        if d["severity"] == "error"
    }
    assert errors == PLANTED
    assert not [d for d in diagnostics if d["severity"] == "warning"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_crlf_and_truncated_files_are_read_without_trouble(name: str) -> None:
    path = FIXTURES / name
    text = path.read_text()
    kind, dialect = detect(str(path), text)
    assert kind is not None
    crlf = text.replace("\n", "\r\n")
    index = LineIndex(crlf)
    found = sorted(extract(kind, crlf, dialect).invocations, key=lambda words: words[0].start)
    lines = [index.position(words[0].start)[0] for words in found]
    assert lines == [line for line, _column, _head in COMMANDS[name]]
    for cut in range(0, len(text), max(1, len(text) // 40)):
        extract(kind, text[:cut], dialect)  # a half-written file is data, never a crash

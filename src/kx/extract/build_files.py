"""Makefile recipes and Dockerfile ``RUN`` instructions, as shell snippets in place."""

from __future__ import annotations

import re

from kx.extract.snippets import Snippets

_RUN = re.compile(r"^[ \t]*RUN[ \t]+((?:--[\w-]+(?:=(?:\"[^\"]*\"|\S+))?[ \t]+)*)", re.M | re.I)
_INSTRUCTION = re.compile(r"^[ \t]*([A-Za-z]+)\b", re.M)
_HEREDOC = re.compile(r"<<-?[ \t]*[\"']?(\w+)[\"']?")


def extract_makefile(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in recipe lines, read as make reads them (see ``kx.extract.makefile``)."""
    from kx.extract.makefile import extract_makefile as extract

    return extract(text, snippets)


def extract_dockerfile(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in shell-form ``RUN`` instructions (options such as ``--mount`` skipped)."""
    snippets = snippets or Snippets()
    if "docker" not in text and "kubectl" not in text:
        return snippets
    runs: list[tuple[int, int]] = []
    for match in _RUN.finditer(text):
        body = match.end()
        end = _logical_end(text, body, comments=True)
        runs.append((match.start(), end))
        if text.startswith("[", body):
            continue  # exec form: a JSON array, no shell involved
        heredoc = _HEREDOC.match(text, body)
        if heredoc:
            close = re.compile(rf"^{re.escape(heredoc.group(1))}$", re.M).search(text, end)
            stop = close.start() if close else len(text)
            snippets.add(" " * (end + 1 - match.start()) + text[end + 1 : stop], match.start())
            continue
        shadow = " " * (body - match.start()) + text[body:end]
        shadow = re.sub(r"(?m)^[ \t]*#[^\n]*", lambda m: " " * len(m.group()), shadow)
        snippets.add(shadow, match.start())
    _dockerfile_comments(text, snippets, runs)
    return snippets


def _dockerfile_comments(text: str, snippets: Snippets, runs: list[tuple[int, int]]) -> None:
    """Usage examples written as comments, outside ``RUN`` (where a comment is a dropped line)."""
    from kx.extract.comments import add_comment_commands

    add_comment_commands(text, snippets, skip=runs)


def _logical_end(text: str, pos: int, comments: bool = False) -> int:
    """End of the line at ``pos``, following backslash continuations.

    With ``comments`` (Dockerfiles), comment lines inside a continuation are skipped over, as
    the builder removes them before joining the lines.
    """
    continued = False
    while True:
        newline = text.find("\n", pos)
        line = text[pos : len(text) if newline < 0 else newline].rstrip("\r")
        if newline < 0:
            return len(text)
        if continued and comments and line.lstrip().startswith("#"):
            pos = newline + 1
            continue
        if not line.endswith("\\"):
            return newline
        continued = True
        pos = newline + 1

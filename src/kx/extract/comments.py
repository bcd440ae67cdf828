r"""Usage examples in comments: ``# docker run --rm -it \`` / ``#   -v $PWD:/src \`` / ``#   img``.

Dockerfiles and scripts show how to run them in comments. A comment is read as a command only
when its whole text is one: it starts (after an optional ``Usage:``, ``Example:``, ``e.g.`` or
``$ ``) with docker/kubectl and a lowercase word, and is not prose (``kx.extract.prose``). A
``\`` at its end continues it on the next comment line, as it would in a shell. Placeholders
are unknown words; usage synopses are not checked here (a script's own synopsis may mix its
arguments in).
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract.prose import is_prose
from kx.extract.snippets import Snippets
from kx.extract.synopsis import is_synopsis
from kx.parse.placeholders import blank_doc_placeholders, mark_doc_placeholder

if TYPE_CHECKING:
    from collections.abc import Sequence

_CANDIDATE = re.compile(
    r"#+[ \t]*(?:(?i:usage|examples?|e\.g\.|eg)[ \t]*:?[ \t]*|\$[ \t]+)?"
    r"(?=(?:sudo[ \t]+)?(?:docker|kubectl)[ \t]+[a-z])"
)
_MARKER = re.compile(r"[ \t]*#+")
# `-v a:b:ro \ # why` in a usage comment: the author continues the line and adds a note (read
# literally, the escaped blank would glue ` #` into a word and end the command there).
_NOTED_CONTINUATION = re.compile(r"\\[ \t]+#[^\n]*$")


def add_comment_commands(text: str, snippets: Snippets, skip: Sequence[tuple[int, int]] = ()) -> None:
    """Add the commands written as whole comments in ``text`` (a Dockerfile or a script).

    Comments inside the ``skip`` spans are not read.
    """
    for match in _CANDIDATE.finditer(text):
        if skip and any(start <= match.start() < end for start, end in skip):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text[line_start : match.start()].strip(" \t"):
            continue  # a comment after code, or a # inside a word: not a whole-comment command
        shadow = _command(text, line_start, match.end())
        if is_synopsis(shadow, match.end() - line_start, len(shadow)):
            continue
        if is_prose(shadow, match.end() - line_start, len(shadow)):
            continue
        snippets.add(blank_doc_placeholders(shadow), line_start, mark=mark_doc_placeholder)


def _command(text: str, line_start: int, begin: int) -> str:
    """The shadow of the comment command whose text starts at ``begin`` (from ``line_start``)."""
    out = " " * (begin - line_start)
    pos = begin
    while True:
        newline = text.find("\n", pos)
        stop = len(text) if newline < 0 else newline
        line = text[pos:stop]
        if line.endswith("\\\r"):
            line = line[:-2] + " \\"
        noted = _NOTED_CONTINUATION.search(line)
        if noted:
            line = line[: noted.start()] + " " * (len(noted.group()) - 1) + "\\"
        out += line.replace("\r", " ")
        marker = _MARKER.match(text, stop + 1) if newline >= 0 and line.endswith("\\") else None
        if marker is None:
            return out
        out += "\n" + " " * (marker.end() - stop - 1)
        pos = marker.end()

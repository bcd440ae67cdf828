"""Invocations in shell snippets (docs, CI steps, Makefile recipes, Dockerfile RUN lines).

Snippets are short and often not whole scripts, so they go through the lexer (the same rules the
census of scripts uses) rather than tree-sitter. Extractors hand in a *shadow*: the snippet's
text with everything that is not shell (YAML indentation, prompts, output lines, ``RUN``) blanked
to spaces, so that offsets in the shadow plus ``base`` are offsets in the original file.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract.commands import ToolNames, find_tool_names
from kx.extract.lexer import lex
from kx.extract.split import segment_invocations
from kx.parse.span import Word

if TYPE_CHECKING:
    from collections.abc import Callable

_MENTION = re.compile(r"docker|kubectl")
_TOOL_WORD = re.compile(r"(?<![\w./-])(?:docker|kubectl)(?:\.exe)?(?=[ \t])")


class Snippets:
    """What the snippets of one file yielded: invocations and problems (offset, message)."""

    __slots__ = ("invocations", "problems", "synopses")

    def __init__(self) -> None:
        self.invocations: list[list[Word]] = []
        self.problems: list[tuple[int, str]] = []
        self.synopses: list[tuple[int, int]] = []

    def add(
        self,
        shadow: str,
        base: int,
        names: ToolNames | None = None,
        mark: Callable[[Word], Word] | None = None,
        prepare: Callable[[list[Word]], list[Word]] | None = None,
        doc: bool = False,
    ) -> None:
        """Extract the invocations of one snippet given as its shadow text.

        ``prepare`` sees each command's words (offsets in the shadow) before the tool is looked for.
        ``doc``: a block of a document, where heredoc delimiters may be indented and shell syntax
        problems are reported only inside a docker/kubectl command (the rest may be output or prose).
        """
        if names is None:
            if not _MENTION.search(shadow):
                return
            names = find_tool_names(shadow)  # `RUNTIME=$(command -v docker)` in a README too
        lexed = lex(shadow, indented=doc)
        problems = lexed.problems
        if doc and problems:
            problems = [(at, message) for at, message in problems if in_tool_command(shadow, at)]
        self.problems.extend((base + offset, message) for offset, message in problems)
        for start, end in lexed.segments:
            for words in segment_invocations(shadow, start, end, names, prepare):
                self.invocations.append(shift(words, base, mark))


def in_tool_command(shadow: str, at: int) -> bool:
    """Whether a docker/kubectl command runs on the logical line before offset ``at``."""
    begin = at
    while True:
        begin = shadow.rfind("\n", 0, begin)
        if begin <= 0 or shadow[begin - 1] != "\\":  # a continued line goes on from the one before
            break
    return _TOOL_WORD.search(shadow, begin + 1, at) is not None


def shift(words: list[Word], base: int, mark: Callable[[Word], Word] | None = None) -> list[Word]:
    """Move word spans by ``base``; ``mark`` may turn placeholders into dynamic words."""
    out = []
    for word in words:
        moved = Word(word.value, word.start + base, word.end + base, word.dynamic, word.literal,
                     word.dyn_at, word.plain)  # fmt: skip
        out.append(mark(moved) if mark else moved)
    return out


def blank(text: str) -> str:
    """``text`` with every character but newlines turned into a space."""
    return re.sub(r"[^\n]", " ", text)

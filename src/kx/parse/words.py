r"""Split shell text into words with source spans, one simple command at a time (POSIX rules).

Quotes and escapes are removed from each word's value; ``\\``-newline continuations vanish; a
``#`` at the start of a word comments out the rest of the line. A command ends at an unquoted
``;``, ``&``, ``&&``, ``||``, ``|``, ``|&``, ``(``, ``)`` or newline. Redirections (``>out``,
``2>&1``, ``<<EOF``) are not words: their targets are kept apart and here-document bodies skipped.
Expansions (``$VAR``, ``${..}``, ``$(..)``, backticks) and unquoted globs make a word dynamic; the
unknown part keeps its source text.
"""

from __future__ import annotations

import re

from kx._typing import TYPE_CHECKING
from kx.parse.wordscan import scan_word

if TYPE_CHECKING:
    from kx.parse.span import Word

_REDIRECT = re.compile(r"(?:[0-9]+|&)?(?:>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)")
_BLANKS = " \t\r"


class WordSplit:
    r"""The words of one simple command, where it ended, and why.

    ``error`` is set (with ``error_at``) when the text is malformed, e.g. an unterminated quote;
    the words before it are still there, and the broken word is kept as a dynamic word.
    ``terminator`` is the operator that ended the command (``;``, ``&&``, ``\\n``...) or None at
    the end of the text; ``next`` is where the following command starts.
    """

    __slots__ = ("end", "error", "error_at", "next", "redirects", "start", "terminator", "words")
    words: list[Word]
    error: str | None
    error_at: int | None
    start: int
    end: int
    next: int
    terminator: str | None
    redirects: list[Word]

    def __init__(self, start: int) -> None:
        self.words = []
        self.error = None
        self.error_at = None
        self.start = start
        self.end = start
        self.next = start
        self.terminator = None
        self.redirects = []

    def values(self) -> list[str]:
        """The words' values."""
        return [w.value for w in self.words]

    def __repr__(self) -> str:
        return f"WordSplit({self.words!r}, error={self.error!r}, terminator={self.terminator!r})"


class _Scanner:
    """State shared by consecutive commands: the text and pending here-document delimiters."""

    __slots__ = ("heredocs", "limit", "source")

    def __init__(self, source: str, limit: int) -> None:
        self.source = source
        self.limit = limit
        self.heredocs: list[tuple[str, bool]] = []

    def command(self, pos: int) -> WordSplit:
        """Scan one simple command starting at ``pos``."""
        source, limit = self.source, self.limit
        split = WordSplit(pos)
        while True:
            pos = _skip_blanks(source, pos, limit)
            split.end = pos
            if pos >= limit:
                split.next = limit
                return split
            char = source[pos]
            if char == "\n":
                split.next = self._after_heredocs(pos + 1)
                split.terminator = "\n"
                return split
            if char == "#":
                newline = source.find("\n", pos, limit)
                pos = limit if newline < 0 else newline
                continue
            if char in "<>&0123456789":
                redirect = _REDIRECT.match(source, pos, limit)
                if redirect is not None:
                    pos = self._redirect(split, redirect.group(), redirect.end())
                    if split.error is not None:
                        return split
                    continue
            if char in ";&|()":
                op = _operator(source, pos, limit)
                split.terminator = op
                split.next = pos + len(op)
                return split
            word, pos, error = scan_word(source, pos, limit)
            split.words.append(word)
            if error is not None:
                split.error, split.error_at = error, word.start
                split.end = split.next = limit
                return split

    def _redirect(self, split: WordSplit, op: str, pos: int) -> int:
        pos = _skip_blanks(self.source, pos, self.limit)
        if pos >= self.limit or self.source[pos] in "\n;&|()<>":
            return pos
        target, pos, error = scan_word(self.source, pos, self.limit)
        split.redirects.append(target)
        if error is not None:
            split.error, split.error_at = error, target.start
            split.end = split.next = self.limit
        elif op.lstrip("0123456789") in ("<<", "<<-"):
            self.heredocs.append((target.value, op.endswith("-")))
        return pos

    def _after_heredocs(self, pos: int) -> int:
        """Skip the bodies of pending here-documents, which start after the newline at ``pos``."""
        source, limit = self.source, self.limit
        for delimiter, strip_tabs in self.heredocs:
            while pos < limit:
                newline = source.find("\n", pos, limit)
                stop = limit if newline < 0 else newline
                line = source[pos:stop]
                pos = stop + 1 if newline >= 0 else limit
                if (line.lstrip("\t") if strip_tabs else line) == delimiter:
                    break
        self.heredocs.clear()
        return min(pos, limit)


def _skip_blanks(source: str, pos: int, limit: int) -> int:
    while pos < limit:
        char = source[pos]
        if char in _BLANKS:
            pos += 1
        elif char == "\\" and source.startswith("\n", pos + 1):
            pos += 2
        else:
            break
    return pos


def _operator(source: str, pos: int, limit: int) -> str:
    two = source[pos : pos + 2]
    if two in ("&&", "||", "|&", ";;", ";&"):
        return two
    return source[pos]


def split_words(source: str, start: int = 0, end: int | None = None) -> WordSplit:
    """Split the first simple command of ``source[start:end]`` into words."""
    return _Scanner(source, len(source) if end is None else end).command(start)


def split_commands(source: str, start: int = 0, end: int | None = None) -> list[WordSplit]:
    """Split ``source[start:end]`` into its simple commands; empty ones are left out."""
    scanner = _Scanner(source, len(source) if end is None else end)
    out: list[WordSplit] = []
    pos = start
    while pos < scanner.limit:
        split = scanner.command(pos)
        if split.words or split.error is not None:
            out.append(split)
        if split.error is not None or split.next <= pos:
            break
        pos = split.next
    return out

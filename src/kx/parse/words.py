r"""Split shell text into words with source spans, one simple command at a time (POSIX rules).

Quotes and escapes are removed from each word's value; ``\\``-newline continuations vanish; a
``#`` at the start of a word comments out the rest of the line. A command ends at an unquoted
``;``, ``&``, ``&&``, ``||``, ``|``, ``|&``, ``(``, ``)`` or newline. Redirections (``>out``,
``2>&1``, ``<<EOF``) are not words: their targets are kept apart and here-document bodies skipped;
a documentation placeholder such as ``<image>`` is a word (``kx.parse.wordscan.placeholder_end``).
Expansions (``$VAR``, ``${..}``, ``$(..)``, backticks) and unquoted globs make a word dynamic; the
unknown part keeps its source text.
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex
from kx.parse.placeholders import placeholder_at
from kx.parse.span import Word
from kx.parse.wordscan import SIMPLE_WORD, WORD_END, quoted_line_words, scan_word, simple_word

_REDIRECT = LazyRegex(r"(?:[0-9]+|&)?(?:>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)")
_BLANKS = " \t\r"
_GAP = LazyRegex(r"(?:[ \t\r]|\\\n)*")
# A line with none of these is a plain list of simple words (the common case, done in one go).
_COMPLEX_CHARS = frozenset("\\$`;&|<>()*?[{#")
# ... and one with none of these either is unquoted words between spaces: str.split finds them.
NOT_BARE_CHARS = _COMPLEX_CHARS | frozenset("'\"~\t\r")
_GAP_WORD = LazyRegex(r"(?:[ \t\r]|\\\n)*(" + SIMPLE_WORD + ")?")
_SPECIAL_START = frozenset("\n#<>&;|()0123456789")


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
        split = self._plain_line(pos)
        return split if split is not None else self._command(pos)

    def _plain_line(self, pos: int) -> WordSplit | None:
        """Split a line of simple words in one pass; None when the line needs the full scanner."""
        source, limit = self.source, self.limit
        newline = source.find("\n", pos, limit)
        stop = limit if newline < 0 else newline
        split = WordSplit(pos)
        line = source[pos:stop]
        if NOT_BARE_CHARS.isdisjoint(line):
            bare_words(split.words, source, pos, stop)
            return self._line_end(split, stop, newline)
        if not _COMPLEX_CHARS.isdisjoint(line):
            return None
        # The words before the one holding the first quote (or tilde, tab) are bare.
        first = min(at for at in map(line.find, "'\"~\t\r") if at >= 0)
        covered = max(0, line.rfind(" ", 0, first) + 1)
        bare_words(split.words, source, pos, pos + covered)
        if not quoted_line_words(split.words, source, pos + covered, stop):
            return None
        return self._line_end(split, stop, newline)

    def _line_end(self, split: WordSplit, stop: int, newline: int) -> WordSplit:
        split.end = stop
        if newline < 0:
            split.next = self.limit
        else:
            split.terminator = "\n"
            split.next = self._after_heredocs(newline + 1)
        return split

    def _command(self, pos: int) -> WordSplit:
        source, limit = self.source, self.limit
        split = WordSplit(pos)
        words = split.words
        gap_word = _GAP_WORD.compiled().match
        while True:
            found = gap_word(source, pos, limit)
            start = found.start(1)  # type: ignore[union-attr]
            if start < 0:
                pos = found.end()  # type: ignore[union-attr]
            else:
                end = found.end(1)  # type: ignore[union-attr]
                word = _fast_word(source, found.group(1), start, end, limit)  # type: ignore[union-attr]
                if word is not None:
                    words.append(word)
                    pos = end
                    continue
                pos = start
            if pos >= limit:
                split.end = split.next = limit
                return split
            char = source[pos]
            if char in _SPECIAL_START:
                after = self._special(split, char, pos)
                if after >= 0:
                    if split.terminator is not None or split.error is not None:
                        return split
                    pos = after
                    continue
            word, pos, error = scan_word(source, pos, limit)
            words.append(word)
            if error is not None:
                split.error, split.error_at = error, word.start
                split.end = split.next = limit
                return split

    def _special(self, split: WordSplit, char: str, pos: int) -> int:
        """Handle a newline, comment, redirection or operator at ``pos``; -1 if a word starts here.

        Returns the offset to go on from; when the command ended there, ``split.terminator`` (or
        ``split.error``) is set and ``split.next`` is where the next command starts.
        """
        source, limit = self.source, self.limit
        split.end = pos
        if char == "\n":
            split.terminator = "\n"
            split.next = self._after_heredocs(pos + 1)
            return split.next
        if char == "#":
            newline = source.find("\n", pos, limit)
            return limit if newline < 0 else newline
        if char in "<>&0123456789" and not placeholder_at(source, pos, limit):
            redirect = _REDIRECT.match(source, pos, limit)
            if redirect is not None:
                return self._redirect(split, redirect.group(), redirect.end())
        if char in ";&|()":
            op = _operator(source, pos, limit)
            split.terminator = op
            split.next = pos + len(op)
            return split.next
        return -1

    def _redirect(self, split: WordSplit, op: str, pos: int) -> int:
        pos = _GAP.match(self.source, pos, self.limit).end()  # type: ignore[union-attr]
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


def bare_words(words: list[Word], source: str, pos: int, stop: int) -> None:
    """Append the words of ``source[pos:stop]``: unquoted plain words between spaces only."""
    append = words.append
    for text in source[pos:stop].split(" "):
        if text:
            end = pos + len(text)
            append(Word(text, pos, end))
            pos = end + 1
        else:
            pos += 1


def _fast_word(source: str, text: str, start: int, end: int, limit: int) -> Word | None:
    """A simple word the gap regex matched, unless it is a comment or a redirection's fd."""
    if end < limit:
        following = source[end]
        if following not in WORD_END or (following in "<>" and text.isdigit()):
            return None
        if following == "<" and placeholder_at(source, end, limit):
            return None
    if text[0] == "#":
        return None
    return simple_word(text, start, end)


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


# Words after which a command may still open a subshell: ``if (``, ``! (``, ``then (``.
_BEFORE_SUBSHELL = frozenset({"if", "then", "elif", "else", "do", "while", "until", "!", "time", "{"})
# Compound commands whose own grammar takes ``(``: ``[[ x =~ (a) ]]``, ``case x in (a)``, ``f ()``.
_OWN_PARENS = frozenset({"[[", "case", "function", "for", "select", "coproc"})


def stray_paren(source: str, splits: list[WordSplit]) -> int | None:
    """Offset of a ``(`` bash rejects after a command's words (``-v $$(pwd)``, ``a(b)``), else None.

    The splitter ends a command at ``(`` as at an operator; bash takes one only where a command
    starts, in an array assignment (``a=(``), an extglob (``@(``), a process substitution
    (``<(``) or a function definition.
    """
    for split in splits:
        words = split.words
        if split.terminator != "(" or not words or words[0].value in _OWN_PARENS:
            continue
        head = 0
        while head < len(words) and words[head].value in _BEFORE_SUBSHELL:
            head += 1
        at = split.end
        if head == len(words) or (at and source[at - 1] in "=@?*+!<>"):  # a=(, @(, <(
            continue
        if head == len(words) - 1 and source[at + 1 : at + 64].lstrip(" \t").startswith(")"):
            continue  # name () { ...; }
        return at
    return None

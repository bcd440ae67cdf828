"""The shell lexer's state: what it found, its frames, and the bookkeeping of segments and frames."""

from __future__ import annotations

import re

# Frame kinds: code frames hold commands; the others are quoting/expansion contexts.
TOP, SUB, BACKTICK, ARRAY, DQUOTE, PARAM, ARITH = range(7)
CODE_FRAMES = (TOP, SUB, BACKTICK, ARRAY)

KEYWORD = re.compile(
    r"(if|then|else|elif|fi|do|done|while|until|for|select|case|esac|function|!|\{|\}|in)"
    r"(?=[\s;&|()<>]|$)"
)
_OPENERS = frozenset({"if", "while", "until", "for", "select", "case", "{"})
_CLOSERS = frozenset({"fi", "done", "esac", "}"})
_INNER = frozenset({"then", "do", "else", "elif"})  # only inside a compound command
_HEADS = frozenset({"for", "select", "case", "function"})
SPACE = re.compile(r"[ \t\r]*")
MAX_DEPTH = 64


class Lexed:
    """What the lexer found in one region of text (all offsets absolute)."""

    __slots__ = ("boundaries", "end", "heredocs", "problems", "segments", "strays")

    def __init__(self) -> None:
        self.segments: list[tuple[int, int]] = []
        self.heredocs: list[tuple[int, int]] = []
        self.problems: list[tuple[int, str]] = []
        # reserved words such as a stray `fi` where no compound command is open at top level: a
        # hint only (tree-sitter takes `fi` for a command name), the shell decides (kx.extract.shell)
        self.strays: list[int] = []
        self.boundaries: list[int] = []
        self.end = 0  # where lexing stopped (see ``lex``'s ``stop``)


class Frame:
    """One open context on the lexer's stack: code, a quote or an expansion."""

    __slots__ = ("kind", "opened", "seg", "skip")

    def __init__(self, kind: int, opened: int) -> None:
        self.kind = kind
        self.opened = opened
        self.seg = -1  # start of the open command, -1 when between commands
        self.skip = False  # the open segment is a compound head or case pattern, not a command


class LexerState:
    """The lexer's position, frame stack and findings, and the moves that open and close them."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.pos = start
        self.end = end
        self.out = Lexed()
        self.stack = [Frame(TOP, start)]
        self.pending: list[tuple[str, bool, int]] = []
        self.depth = 0  # compound-command depth at top level, for safe piece boundaries
        self.too_deep = False
        self.stop = end + 1  # a top-level boundary at or after this ends the lex there
        self.open_quote = end  # where a quote that is never closed opens
        self.indented = False  # heredoc delimiters may be indented with blanks (documents)

    def _boundary(self, pos: int) -> None:
        self.out.boundaries.append(pos)
        if pos >= self.stop:
            self.end = pos  # nothing is open here: the loop ends as if the text did

    def _open_before(self, frame: Frame, stop: int) -> None:
        """Open a segment at the first non-blank character before ``stop``, reading keywords."""
        if frame.seg != -1 or frame.kind == ARRAY:
            return
        text, pos = self.text, self.pos
        while pos < stop:
            blank = SPACE.match(text, pos, stop)
            pos = blank.end() if blank else pos
            if pos >= stop:
                return
            pos = self._keyword(frame, pos)
            if frame.seg != -1:
                return

    def _keyword(self, frame: Frame, pos: int) -> int:
        match = KEYWORD.match(self.text, pos, self.end)
        if match is None:
            self._open(frame, pos)
            return pos
        word = match.group(1)
        if frame.kind == TOP:
            if self.depth == 0 and (word in _CLOSERS or word in _INNER):
                self.out.strays.append(pos)
            self.depth += (word in _OPENERS) - (word in _CLOSERS)
            self.depth = max(self.depth, 0)
        if word in _HEADS:
            self._open(frame, pos)
            frame.skip = True
        self.pos = match.end()
        return match.end()

    def _open(self, frame: Frame, pos: int) -> None:
        if frame.seg == -1 and frame.kind != ARRAY:
            frame.seg = pos
            frame.skip = False

    def _close(self, frame: Frame, stop: int) -> None:
        if frame.seg == -1:
            return
        start, frame.seg = frame.seg, -1
        if frame.skip:
            frame.skip = False
            return
        text = self.text
        while stop > start and text[stop - 1] in " \t\r":
            stop -= 1
        # ``\ `` at the end is an escaped blank: a word of its own, as bash reads it
        if stop > start and text[stop : stop + 1] in " \t" and stop < len(text) and _odd_slashes(text, stop):
            stop += 1
        if stop > start:
            self.out.segments.append((start, stop))

    def _push(self, kind: int, opened: int, pos: int, parens: int = 1) -> None:
        if len(self.stack) > MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                self.out.problems.append((opened, f"nesting deeper than {MAX_DEPTH} levels"))
            self.pos = pos
            return
        frame = Frame(kind, opened)
        if kind == ARITH:
            frame.seg = parens  # arithmetic frames hold no commands: seg counts closing parens
        self.stack.append(frame)
        self.pos = pos

    def _pop(self, found: int, pos: int) -> None:
        frame = self.stack.pop() if len(self.stack) > 1 else self.stack[-1]
        if frame.kind in CODE_FRAMES:
            self._close(frame, found)
        self.pos = pos

    def _close_or_fail(self, close: int, opened: int, message: str) -> int:
        if close == -1:
            self.out.problems.append((opened, message))
            self.open_quote = min(self.open_quote, opened)
            return self.end
        return close + 1


def _odd_slashes(text: str, stop: int) -> bool:
    """Whether the backslashes that end at ``stop`` are an odd run (the last one escapes)."""
    slashes = 0
    while stop - 1 - slashes >= 0 and text[stop - 1 - slashes] == "\\":
        slashes += 1
    return slashes % 2 == 1

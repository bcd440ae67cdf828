r"""A small shell lexer that cuts text into simple commands, independent of tree-sitter.

It follows the parts of the shell grammar that decide where a command starts and ends: quotes,
escapes, ``\\``-newline, comments, ``$(...)``/backticks/``${...}``/``$((...))``, heredoc bodies,
operators (``; & && || | |&``), reserved words and case patterns. It is the census that the
tree-sitter results are compared against (upstream tree-sitter-bash can silently swallow
commands) and the fallback extractor for everything that is not a whole shell script.
Every loop advances, nesting lives on an explicit stack, so time stays linear on hostile input.
This module reads code (commands, words, operators); ``lexquote`` reads quotes, expansions and
heredocs; ``lexstate`` keeps the frames and segments.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract.lexquote import QuotingLexer
from kx.extract.lexstate import (
    ARITH,
    ARRAY,
    BACKTICK,
    CODE_FRAMES,
    DQUOTE,
    KEYWORD,
    MAX_DEPTH,
    PARAM,
    SPACE,
    SUB,
    TOP,
    Frame,
    Lexed,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MAX_DEPTH", "Lexed", "lex"]

_TOKENS = {
    TOP: re.compile(r"[\\'\"`$()#;&|<>\n]"),
    DQUOTE: re.compile(r'[\\"$`]'),
    PARAM: re.compile(r"[\\'\"$`}]"),
    ARITH: re.compile(r"[()$`]"),
}
_UNCLOSED = {
    SUB: "unclosed '('", BACKTICK: "unclosed backquote", DQUOTE: "unterminated double quote",
    PARAM: "unclosed '${'", ARITH: "unclosed '(('", ARRAY: "unclosed '('",
}  # fmt: skip
_SIMPLE_LINE = re.compile(
    r"[ \t]*([^\s'\"\\`$()#;&|<>{}!](?:[^\n'\"\\`$()#;&|<>]*[^\s'\"\\`$()#;&|<>])?)[ \t\r]*\n"
)


def lex(
    text: str, start: int = 0, end: int | None = None, stop: int | None = None, indented: bool = False
) -> Lexed:
    """Cut ``text[start:end]`` into simple-command segments.

    With ``stop``, lexing ends early at the first top-level boundary at or after ``stop`` (then
    ``Lexed.end`` is that boundary): what it found is exactly what a whole lex finds before that
    point, and a lex started there finds exactly the rest, since nothing is open at a boundary.
    ``indented``: a heredoc's delimiter line may be indented, as in a document that indents the
    whole block or whose ``> `` continuation prompts were blanked.
    """
    lexer = _Lexer(text, start, len(text) if end is None else end)
    if stop is not None:
        lexer.stop = stop
    lexer.indented = indented
    return lexer.run()


class _Lexer(QuotingLexer):
    """The main loop and the code context: where commands start and end."""

    def run(self) -> Lexed:
        handlers: dict[int, Callable[[Frame, int, str], None]] = {
            DQUOTE: self._in_dquote, PARAM: self._in_param, ARITH: self._in_arith,
        }  # fmt: skip
        text, stack = self.text, self.stack
        while True:
            frame = stack[-1]
            kind = frame.kind
            if kind == TOP and frame.seg == -1 and self._simple_line():
                continue
            pattern = _TOKENS[TOP if kind in CODE_FRAMES else kind]
            match = pattern.search(text, self.pos, self.end)  # self.end: a boundary may stop it
            if match is None:
                if kind in CODE_FRAMES:
                    self._open_before(frame, self.end)
                break
            found = match.start()
            char = text[found]
            if kind in CODE_FRAMES:
                self._in_code(frame, found, char)
            else:
                handlers[kind](frame, found, char)
        self._finish()
        self.out.end = self.end
        return self.out

    def _simple_line(self) -> bool:
        """Fast path: a whole line with no quoting, expansion, operator or reserved word."""
        pos, text = self.pos, self.text
        if self.pending or (pos > 0 and text[pos - 1] != "\n"):
            return False
        match = _SIMPLE_LINE.match(text, pos, self.end)
        if match is None or KEYWORD.match(text, match.start(1), match.end(1)):
            return False
        self.out.segments.append(match.span(1))
        self.pos = match.end()
        if self.depth == 0:
            self._boundary(self.pos)
        return True

    # -- code context ------------------------------------------------------------------------

    def _in_code(self, frame: Frame, found: int, char: str) -> None:
        text = self.text
        if char in ";&|\n)#":
            if char == "#" and found > 0 and not _starts_word(text, found):
                self._open_before(frame, found + 1)
                self.pos = found + 1
                return
            self._open_before(frame, found)
            self._separator(frame, found, char)
            return
        self._open_before(frame, found)
        if frame.seg == -1:
            if char == "(":
                self._subshell(found)
                return
            self._open(frame, found)
        self._word_char(frame, found, char)

    def _word_char(self, frame: Frame, found: int, char: str) -> None:
        text, nxt = self.text, found + 1
        if char == "\\":
            self.pos = found + 2
        elif char == "'":
            close = text.find("'", nxt, self.end)
            self.pos = self._close_or_fail(close, found, "unterminated single quote")
        elif char == '"':
            self._push(DQUOTE, found, nxt)
        elif char == "`":
            if frame.kind == BACKTICK:
                self._pop(found, nxt)
            else:
                self._push(BACKTICK, found, nxt)
        elif char == "$":
            self._dollar(found)
        elif char in "<>":
            self._redirect(found, char)
        elif char == "(":
            self._paren_in_word(frame, found)
        else:
            self.pos = nxt

    def _redirect(self, found: int, char: str) -> None:
        text = self.text
        if text.startswith("(", found + 1):
            self._push(SUB, found, found + 2)  # process substitution
        elif char == "<" and text.startswith("<<", found) and not text.startswith("<<<", found):
            self._heredoc(found)
        else:
            self.pos = found + 1 + (text.startswith("<<<", found) * 2)

    def _paren_in_word(self, frame: Frame, found: int) -> None:
        if found > 0 and self.text[found - 1] == "=":  # name=(a b c): an array
            self._push(ARRAY, found, found + 1)
            return
        rest = SPACE.match(self.text, found + 1, self.end)
        close = rest.end() if rest else found + 1
        if self.text.startswith(")", close):  # name() { ...: a function definition
            frame.skip = True
            self._close(frame, found)
            self.pos = close + 1
        else:
            self._subshell(found)

    def _subshell(self, found: int) -> None:
        if self.text.startswith("((", found):
            self._push(ARITH, found, found + 2, parens=2)
        else:
            self._push(SUB, found, found + 1)

    def _separator(self, frame: Frame, found: int, char: str) -> None:
        text = self.text
        if char == "#":
            self._close(frame, found)
            newline = text.find("\n", found, self.end)
            self.pos = self.end if newline == -1 else newline
            return
        if char in "&|" and found > 0 and text[found - 1] in "<>":
            self.pos = found + 1  # 2>&1, >|, <&
            return
        if char == "&" and text.startswith(">", found + 1):
            self.pos = found + 1  # &> file
            return
        if char == ")":
            self._close_paren(frame, found)
            return
        self._close(frame, found)
        self.pos = found + 1
        if char == "\n":
            self._newline(frame, found)

    def _close_paren(self, frame: Frame, found: int) -> None:
        if frame.kind in (SUB, ARRAY):
            self._close(frame, found)
            self._pop(found, found + 1)
        else:  # a case pattern such as `docker)`: not a command
            frame.skip = True
            self._close(frame, found)
            self.pos = found + 1

    def _newline(self, frame: Frame, found: int) -> None:
        if self.pending:
            self._bodies(found + 1)
        elif frame.kind == TOP and self.depth == 0:
            self._boundary(found + 1)

    def _finish(self) -> None:
        # Commands inside an unclosed construct are not commands the shell would run: drop them
        # and report the outermost opener once.
        if len(self.stack) > 1:
            outer = self.stack[1]
            self.out.problems.append((outer.opened, _UNCLOSED[outer.kind]))
            self.out.segments = [s for s in self.out.segments if s[1] <= outer.opened]
            self.stack[0].seg = -1
        self._close(self.stack[0], self.end)
        if self.open_quote < self.end:  # so is a command whose quote is never closed
            self.out.segments = [s for s in self.out.segments if s[1] <= self.open_quote]
        if self.pending:
            self._bodies(self.end)
        self.out.segments.sort()


def _starts_word(text: str, at: int) -> bool:
    r"""Whether ``text[at]`` begins a word (so a ``#`` there opens a comment).

    An escaped blank (``\ #``) is part of the word, so the ``#`` after it is too; an escaped
    newline is removed, so what comes before the backslash decides.
    """
    before = text[at - 1]
    if before in ";&|()":
        return True
    if not before.isspace():
        return False
    slashes = 0
    while at - 2 - slashes >= 0 and text[at - 2 - slashes] == "\\":
        slashes += 1
    if slashes % 2 == 0:
        return True
    return before == "\n" and (at == 2 or _starts_word(text, at - 2))

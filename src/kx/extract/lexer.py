r"""A small shell lexer that cuts text into simple commands, independent of tree-sitter.

It follows the parts of the shell grammar that decide where a command starts and ends: quotes,
escapes, ``\\``-newline, comments, ``$(...)``/backticks/``${...}``/``$((...))``, heredoc bodies,
operators (``; & && || | |&``), reserved words and case patterns. It is the census that the
tree-sitter results are compared against (upstream tree-sitter-bash can silently swallow
commands) and the fallback extractor for everything that is not a whole shell script.
Every loop advances, nesting lives on an explicit stack, so time stays linear on hostile input.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

# Frame kinds: code frames hold commands; the others are quoting/expansion contexts.
TOP, SUB, BACKTICK, ARRAY, DQUOTE, PARAM, ARITH = range(7)
CODE_FRAMES = (TOP, SUB, BACKTICK, ARRAY)

_TOKENS = {
    TOP: re.compile(r"[\\'\"`$()#;&|<>\n]"),
    DQUOTE: re.compile(r'[\\"$`]'),
    PARAM: re.compile(r"[\\'\"$`}]"),
    ARITH: re.compile(r"[()$`]"),
}
_KEYWORD = re.compile(
    r"(if|then|else|elif|fi|do|done|while|until|for|select|case|esac|function|!|\{|\}|in)"
    r"(?=[\s;&|()<>]|$)"
)
_OPENERS = frozenset({"if", "while", "until", "for", "select", "case", "{"})
_CLOSERS = frozenset({"fi", "done", "esac", "}"})
_HEADS = frozenset({"for", "select", "case", "function"})
_DELIMITER = re.compile(r"[ \t]*(?:'([^'\n]*)'|\"([^\"\n]*)\"|\\?([^\s;&|<>()]+))")
_ANSI_END = re.compile(r"(?:[^\\']|\\.)*'", re.S)
_SPACE = re.compile(r"[ \t\r]*")
_UNCLOSED = {
    SUB: "unclosed '('", BACKTICK: "unclosed backquote", DQUOTE: "unterminated double quote",
    PARAM: "unclosed '${'", ARITH: "unclosed '(('", ARRAY: "unclosed '('",
}  # fmt: skip
MAX_DEPTH = 64
_SIMPLE_LINE = re.compile(
    r"[ \t]*([^\s'\"\\`$()#;&|<>{}!](?:[^\n'\"\\`$()#;&|<>]*[^\s'\"\\`$()#;&|<>])?)[ \t\r]*\n"
)


class Lexed:
    """What the lexer found in one region of text (all offsets absolute)."""

    __slots__ = ("boundaries", "end", "heredocs", "problems", "segments")

    def __init__(self) -> None:
        self.segments: list[tuple[int, int]] = []
        self.heredocs: list[tuple[int, int]] = []
        self.problems: list[tuple[int, str]] = []
        self.boundaries: list[int] = []
        self.end = 0  # where lexing stopped (see ``lex``'s ``stop``)


class _Frame:
    __slots__ = ("kind", "opened", "seg", "skip")

    def __init__(self, kind: int, opened: int) -> None:
        self.kind = kind
        self.opened = opened
        self.seg = -1  # start of the open command, -1 when between commands
        self.skip = False  # the open segment is a compound head or case pattern, not a command


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


class _Lexer:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.pos = start
        self.end = end
        self.out = Lexed()
        self.stack = [_Frame(TOP, start)]
        self.pending: list[tuple[str, bool, int]] = []
        self.depth = 0  # compound-command depth at top level, for safe piece boundaries
        self.too_deep = False
        self.stop = end + 1  # a top-level boundary at or after this ends the lex there
        self.open_quote = end  # where a quote that is never closed opens
        self.indented = False  # heredoc delimiters may be indented with blanks (documents)

    def run(self) -> Lexed:
        handlers: dict[int, Callable[[_Frame, int, str], None]] = {
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
        if match is None or _KEYWORD.match(text, match.start(1), match.end(1)):
            return False
        self.out.segments.append(match.span(1))
        self.pos = match.end()
        if self.depth == 0:
            self._boundary(self.pos)
        return True

    def _boundary(self, pos: int) -> None:
        self.out.boundaries.append(pos)
        if pos >= self.stop:
            self.end = pos  # nothing is open here: the loop ends as if the text did

    # -- code context ------------------------------------------------------------------------

    def _in_code(self, frame: _Frame, found: int, char: str) -> None:
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

    def _word_char(self, frame: _Frame, found: int, char: str) -> None:
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

    def _dollar(self, found: int) -> None:
        text, nxt = self.text, found + 1
        follow = text[nxt : nxt + 2]
        if follow.startswith("(("):
            self._push(ARITH, found, found + 3, parens=2)
        elif follow.startswith("("):
            self._push(SUB, found, found + 2)
        elif follow.startswith("{"):
            self._push(PARAM, found, found + 2)
        elif follow.startswith("'"):
            match = _ANSI_END.match(text, found + 2, self.end)
            self.pos = self._close_or_fail(match.end() - 1 if match else -1, found, "unterminated $'")
        elif follow.startswith('"'):
            self._push(DQUOTE, found, found + 2)
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

    def _heredoc(self, found: int) -> None:
        strip = self.text.startswith("-", found + 2)
        after = found + 2 + strip
        match = _DELIMITER.match(self.text, after, self.end)
        if match is None:
            self.pos = after
            return
        word = next(g for g in match.groups() if g is not None)
        self.pending.append((word.replace("\\", "").replace('"', "").replace("'", ""), strip, found))
        self.pos = match.end()

    def _paren_in_word(self, frame: _Frame, found: int) -> None:
        if found > 0 and self.text[found - 1] == "=":  # name=(a b c): an array
            self._push(ARRAY, found, found + 1)
            return
        rest = _SPACE.match(self.text, found + 1, self.end)
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

    def _separator(self, frame: _Frame, found: int, char: str) -> None:
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

    def _close_paren(self, frame: _Frame, found: int) -> None:
        if frame.kind in (SUB, ARRAY):
            self._close(frame, found)
            self._pop(found, found + 1)
        else:  # a case pattern such as `docker)`: not a command
            frame.skip = True
            self._close(frame, found)
            self.pos = found + 1

    def _newline(self, frame: _Frame, found: int) -> None:
        if self.pending:
            self._bodies(found + 1)
        elif frame.kind == TOP and self.depth == 0:
            self._boundary(found + 1)

    def _bodies(self, start: int) -> None:
        text, end, line = self.text, self.end, start
        blanks = " \t" if self.indented else "\t"
        for word, strip, opened in self.pending:
            strip = strip or self.indented
            body = line
            while line < end:
                newline = text.find("\n", line, end)
                stop = end if newline == -1 else newline
                content = text[line:stop].rstrip("\r")
                if (content.lstrip(blanks) if strip else content) == word:
                    self.out.heredocs.append((body, line))
                    line = stop + 1 if newline != -1 else end
                    break
                line = stop + 1 if newline != -1 else end
            else:
                self.out.heredocs.append((body, end))
                self.out.problems.append((opened, f"heredoc delimited by end of text (wanted {word!r})"))
        self.pending = []
        self.pos = max(self.pos, line)

    # -- quoting and expansion frames -------------------------------------------------------------

    def _in_dquote(self, frame: _Frame, found: int, char: str) -> None:
        if char == "\\":
            self.pos = found + 2
        elif char == '"':
            self._pop(found, found + 1)
        elif char == "$" and frame.kind == DQUOTE and self.text.startswith(("'", '"'), found + 1):
            self.pos = found + 1  # "^x$" and "$'": plain text inside double quotes, as bash reads them
        elif char == "$":
            self._dollar(found)
        else:
            self._push(BACKTICK, found, found + 1)

    def _in_param(self, frame: _Frame, found: int, char: str) -> None:
        if char == "}":
            self._pop(found, found + 1)
        elif char == "'":
            close = self.text.find("'", found + 1, self.end)
            self.pos = self._close_or_fail(close, found, "unterminated single quote")
        else:
            self._in_dquote(frame, found, char)

    def _in_arith(self, frame: _Frame, found: int, char: str) -> None:
        if char == "(":
            self._push(ARITH, found, found + 1)
        elif char == ")":
            double = frame.seg == 2 and self.text.startswith("))", found)
            self._pop(found, found + 2 if double else found + 1)
        elif char == "$":
            self._dollar(found)
        else:
            self._push(BACKTICK, found, found + 1)

    # -- segments and frames --------------------------------------------------------------------

    def _open_before(self, frame: _Frame, stop: int) -> None:
        """Open a segment at the first non-blank character before ``stop``, reading keywords."""
        if frame.seg != -1 or frame.kind == ARRAY:
            return
        text, pos = self.text, self.pos
        while pos < stop:
            blank = _SPACE.match(text, pos, stop)
            pos = blank.end() if blank else pos
            if pos >= stop:
                return
            pos = self._keyword(frame, pos)
            if frame.seg != -1:
                return

    def _keyword(self, frame: _Frame, pos: int) -> int:
        match = _KEYWORD.match(self.text, pos, self.end)
        if match is None:
            self._open(frame, pos)
            return pos
        word = match.group(1)
        if frame.kind == TOP:
            self.depth += (word in _OPENERS) - (word in _CLOSERS)
            self.depth = max(self.depth, 0)
        if word in _HEADS:
            self._open(frame, pos)
            frame.skip = True
        self.pos = match.end()
        return match.end()

    def _open(self, frame: _Frame, pos: int) -> None:
        if frame.seg == -1 and frame.kind != ARRAY:
            frame.seg = pos
            frame.skip = False

    def _close(self, frame: _Frame, stop: int) -> None:
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
        frame = _Frame(kind, opened)
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


def _odd_slashes(text: str, stop: int) -> bool:
    """Whether the backslashes that end at ``stop`` are an odd run (the last one escapes)."""
    slashes = 0
    while stop - 1 - slashes >= 0 and text[stop - 1 - slashes] == "\\":
        slashes += 1
    return slashes % 2 == 1


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

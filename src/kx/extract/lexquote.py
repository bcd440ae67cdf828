"""The shell lexer's quoting, expansion and heredoc contexts (double quotes, ``${}``, ``$(())``)."""

from __future__ import annotations

import re

from kx.extract.lexstate import ARITH, BACKTICK, DQUOTE, PARAM, SUB, Frame, LexerState

_DELIMITER = re.compile(r"[ \t]*(?:'([^'\n]*)'|\"([^\"\n]*)\"|\\?([^\s;&|<>()]+))")
_ANSI_END = re.compile(r"(?:[^\\']|\\.)*'", re.S)


class QuotingLexer(LexerState):
    """Reads the inside of quotes and expansions, and heredoc bodies."""

    def _in_dquote(self, frame: Frame, found: int, char: str) -> None:
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

    def _in_param(self, frame: Frame, found: int, char: str) -> None:
        if char == "}":
            self._pop(found, found + 1)
        elif char == "'":
            close = self.text.find("'", found + 1, self.end)
            self.pos = self._close_or_fail(close, found, "unterminated single quote")
        else:
            self._in_dquote(frame, found, char)

    def _in_arith(self, frame: Frame, found: int, char: str) -> None:
        if char == "(":
            self._push(ARITH, found, found + 1)
        elif char == ")":
            double = frame.seg == 2 and self.text.startswith("))", found)
            self._pop(found, found + 2 if double else found + 1)
        elif char == "$":
            self._dollar(found)
        else:
            self._push(BACKTICK, found, found + 1)

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

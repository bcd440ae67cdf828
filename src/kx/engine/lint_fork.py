"""Lint one long shell script on two processes.

The script is cut in two at a top-level boundary near its middle, and each half is lexed,
parsed and checked on its own: a forked child does the second half while this process does the
first. Nothing is open at a top-level boundary (no quote, compound command or heredoc), so the
lexer finds in each half exactly what a lex of the whole script finds there. The cut is guessed
before the first half is lexed, so that the child can start at once; this process's lex then
confirms it (``kx.extract.lexer.lex``'s ``stop``). A wrong guess costs only the child's wasted
start: it is replaced by one that starts at the first real boundary past the guess.

The child's findings (one list per command) come back through a pipe (marshal: plain tuples of
strings and numbers).
Concatenated in order, the halves' findings are what one process finds. Without ``os.fork``,
or when the child fails, the second half is done here.
"""

from __future__ import annotations

import marshal
import os
import re
import signal

from kx.check.environment import Environment
from kx.check.tables import tables
from kx.core.findings import STAGE_LINT, Finding
from kx.core.interrupts import end_on_interrupt, hold_interrupts
from kx.core.typecheck import TYPE_CHECKING
from kx.engine.pipeline import findings_for_words
from kx.engine.settings import Settings
from kx.extract.commands import ToolNames, find_tool_names
from kx.extract.lexer import Lexed, lex
from kx.extract.shell import ShellResult, collect, judge, plan_script, troubled_stretch
from kx.extract.syntax import Gate

if TYPE_CHECKING:
    from kx.catalog.loader import SpecSet

    # findings (one list per command), tree-sitter trouble, recovered, tree-only, the lexer's problems,
    # the pieces left unparsed
    Half = tuple[list[list[Finding]], bool, int, int, list[tuple[int, str]], list[tuple[int, int]]]

MIN_CHARS = 48 * 1024  # below this a fork costs more than it saves
# A line that most likely starts a top-level command: no indent, no closing keyword.
_TOP_LINE = re.compile(r"(?<!\\)\n(?=[A-Za-z_/.])(?!(?:then|do|done|fi|else|elif|esac|in)(?![\w-]))")


def lint_script(
    text: str, dialect: str, specs: SpecSet, settings: Settings | None = None
) -> list[list[Finding]] | None:
    """The findings of a shell script, as ``kx.engine.lintfile.lint_text`` finds them; None: too small.

    ``settings`` default: those of ``lint_text`` for a text with no file of its own.
    """
    if len(text) < MIN_CHARS or not hasattr(os, "fork"):
        return None
    if settings is None or settings.env is None:
        settings = (settings or Settings()).replace(env=Environment.for_lint(None))
    names = find_tool_names(text)
    if names.mention_pattern().search(text) is None:
        return []
    end = len(text)
    guess = _guess(text)
    _warm(specs)
    child = _Child.start(text, guess, end, names, specs, settings)
    gate = Gate(text, 0, dialect)  # the shell reads the script meanwhile (see kx.extract.shell)
    try:
        lexed = lex(text, 0, end, stop=guess)
        middle = lexed.end
        if middle != guess:  # the guess was not a top-level boundary: start again where one is
            if child is not None:
                child.cancel()
                child = None
            child = _Child.start(text, middle, end, names, specs, settings) if middle < end else None
        first = _half(text, 0, middle, names, specs, settings, lexed)
    except BaseException:  # Ctrl-C (or a failure) here: the child's half is not wanted
        if child is not None:
            child.cancel()
        raise
    second = child.result() if child is not None else None
    if second is None:
        empty: Half = ([], False, 0, 0, [], [])
        second = _half(text, middle, end, names, specs, settings) if middle < end else empty
    groups = first[0] + second[0]
    doubtful = _doubtful(first) or _doubtful(second)
    unparsed = first[5] + second[5]

    def troubled(at: int) -> bool:  # asked only when the shell rejects a script that looked fine
        return troubled_stretch(text, unparsed, names, at)

    for offset, message in judge(gate, first[4] + second[4], doubtful, troubled):
        groups.append([Finding("KX703", message, offset, offset + 1, stage=STAGE_LINT)])
    return groups


def _doubtful(half: Half) -> bool:
    """Whether tree-sitter or the lexer met trouble in what was parsed of ``half``, or they disagree there."""
    _groups, trouble, recovered, tree_only, problems, _unparsed = half
    return trouble or bool(problems) or recovered > 0 or tree_only > 0


def _guess(text: str) -> int:
    """A line start near the middle of ``text`` that looks like a top-level command."""
    half = len(text) // 2
    found = _TOP_LINE.search(text, half, half + len(text) // 4)
    if found is not None:
        return found.end()
    newline = text.find("\n", half)
    return len(text) if newline < 0 else newline + 1


def _warm(specs: SpecSet) -> None:
    """Build the specs and load the checkers before forking, so the child need not do it again."""
    for spec in specs.all():
        tables(spec)


def _half(
    text: str, low: int, high: int, names: ToolNames, specs: SpecSet, settings: Settings,
    lexed: Lexed | None = None,
) -> Half:
    """Lex (unless ``lexed`` is given), parse and check ``text[low:high]``."""
    if lexed is None:
        lexed = lex(text, low, high)
    plan = plan_script(text, low, high, names, lexed)
    if plan is None:
        return [], bool(lexed.strays), 0, 0, lexed.problems, []
    result = ShellResult()
    trouble = collect(plan, low, high, result, lazy=True) or bool(lexed.strays)  # a stray `fi` too
    groups = [found for words in result.invocations
              if (found := findings_for_words(words, settings, specs, text))]
    return groups, trouble, result.recovered, result.tree_only, lexed.problems, result.unparsed


class _Child:
    """A forked process working on ``[low, high)``; ``result()`` waits for its answer."""

    def __init__(
        self, text: str, low: int, high: int, names: ToolNames, specs: SpecSet, settings: Settings
    ) -> None:
        read, write = os.pipe()
        restore = hold_interrupts()  # so the child cannot take a Ctrl-C into the caller's code
        try:
            self.pid = os.fork()
        except BaseException:
            restore()
            os.close(read)
            os.close(write)
            raise
        if self.pid == 0:  # the child: never returns into the caller's code
            end_on_interrupt()
            os.close(read)
            status = 1
            try:
                half = _half(text, low, high, names, specs, settings)
                plain = [[tuple(finding) for finding in group] for group in half[0]]  # marshal: no subclasses
                _write_all(write, marshal.dumps((plain, *half[1:])))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self.read = read
        try:
            restore()  # a Ctrl-C held back since the fork is raised here
        except BaseException:
            self.cancel()
            raise

    @classmethod
    def start(
        cls, text: str, low: int, high: int, names: ToolNames, specs: SpecSet, settings: Settings
    ) -> _Child | None:
        """A child for ``[low, high)``, or None when no process can be had."""
        try:
            return cls(text, low, high, names, specs, settings)
        except OSError:
            return None

    def cancel(self) -> None:
        """Stop the child: its work is not wanted."""
        os.kill(self.pid, signal.SIGKILL)
        os.close(self.read)
        os.waitpid(self.pid, 0)

    def result(self) -> Half | None:
        """The child's findings, or None when it failed."""
        chunks = []
        try:
            while chunk := os.read(self.read, 1 << 20):
                chunks.append(chunk)
        except BaseException:  # Ctrl-C while waiting: stop the child rather than wait for it
            self.cancel()
            raise
        os.close(self.read)
        _pid, status = os.waitpid(self.pid, 0)
        if status != 0:
            return None
        try:
            groups, trouble, recovered, tree_only, problems, unparsed = marshal.loads(b"".join(chunks))
        except (EOFError, ValueError, TypeError):
            return None
        lists = [[Finding(*finding) for finding in group] for group in groups]
        return (lists, bool(trouble), int(recovered), int(tree_only), [tuple(p) for p in problems],
                [tuple(p) for p in unparsed])  # fmt: skip


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]

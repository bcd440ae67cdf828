"""Lint one long shell script on two processes.

The script is lexed once; its pieces (cut at top-level boundaries, see kx.extract.shell) are
shared out in two halves of about equal size. A forked child parses and checks the second half
while this process does the first; the child's raw problems come back through a pipe (marshal:
they are tuples of strings and numbers). Concatenated in order, they are exactly what one process
finds. Without ``os.fork``, or when the child fails, the second half is done here.
"""

from __future__ import annotations

import marshal
import os

from kx._typing import TYPE_CHECKING
from kx.engine import problems_for_words
from kx.extract.shell import ScriptPlan, ShellResult, collect, finish, plan_script

if TYPE_CHECKING:
    from kx.spec.loader import SpecSet

    Raw = tuple[str, str, int, int, "str | None", "str | None", str]
    Half = tuple[list[Raw], bool, int, int]  # raws, tree-sitter trouble, recovered, tree-only

MIN_CHARS = 48 * 1024  # below this a fork costs more than it saves


def lint_script(text: str, dialect: str, specs: SpecSet) -> list[Raw] | None:
    """The raw problems of a shell script, as ``kx.lint.lint_text`` finds them; None: too small."""
    if len(text) < MIN_CHARS or not hasattr(os, "fork"):
        return None
    plan = plan_script(text)
    if plan is None:
        return []
    middle = _middle(plan)
    if middle is None:
        return None
    _warm(specs)
    try:
        child: _Child | None = _Child(plan, middle, plan.end, specs)
    except OSError:  # no process to spare: do it all here
        child = None
    try:
        first = _half(plan, plan.start, middle, specs)
    finally:
        second = child.result() if child is not None else None
    if second is None:
        second = _half(plan, middle, plan.end, specs)
    result = ShellResult()
    result.recovered = first[2] + second[2]
    result.tree_only = first[3] + second[3]
    finish(plan, result, first[1] or second[1], dialect)
    raws = first[0] + second[0]
    for offset, message in result.problems:
        raws.append(("KX703", message, offset, offset + 1, None, None, "lint"))
    return raws


def _middle(plan: ScriptPlan) -> int | None:
    """The piece boundary nearest the middle of the script (None with a single piece)."""
    if len(plan.pieces) < 2:
        return None
    half = (plan.start + plan.end) // 2
    return min((start for start, _end in plan.pieces[1:]), key=lambda start: abs(start - half))


def _warm(specs: SpecSet) -> None:
    """Build the specs and load the checkers before forking, so the child need not do it again."""
    from kx.check.tables import tables

    for spec in specs.all():
        tables(spec)


def _half(plan: ScriptPlan, low: int, high: int, specs: SpecSet) -> Half:
    result = ShellResult()
    trouble = collect(plan, low, high, result)
    raws = [raw for words in result.invocations for raw in problems_for_words(words, specs)]
    return raws, trouble, result.recovered, result.tree_only


class _Child:
    """A forked process working on ``[low, high)``; ``result()`` waits for its answer."""

    def __init__(self, plan: ScriptPlan, low: int, high: int, specs: SpecSet) -> None:
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into the caller's code
            os.close(read)
            status = 1
            try:
                _write_all(write, marshal.dumps(_half(plan, low, high, specs)))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self.read = read

    def result(self) -> Half | None:
        """The child's findings, or None when it failed."""
        chunks = []
        try:
            while chunk := os.read(self.read, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(self.read)
            _pid, status = os.waitpid(self.pid, 0)
        if status != 0:
            return None
        try:
            raws, trouble, recovered, tree_only = marshal.loads(b"".join(chunks))
        except (EOFError, ValueError, TypeError):
            return None
        return list(raws), bool(trouble), int(recovered), int(tree_only)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]

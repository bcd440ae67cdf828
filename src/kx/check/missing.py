"""A missing argument or flag that another finding already explains is not a second diagnostic.

``kubectl run nginx --imgae=nginx``: the typo is the mistake (KX101 offers --image), so "needs
--image" would report it twice; ``kubectl run nginx --image``: "--image needs a value" (KX102)
says it. ``docker run -p nginx``: -p took the image as its value, so the value finding on
``nginx`` and "needs IMAGE" are one mistake: one KX301 on ``nginx`` that says what happened.
"""

from __future__ import annotations

from kx.core.codes import CODES
from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.model import FlagSpec
    from kx.parse.parsed import FlagUse, ParsedCommand
    from kx.parse.span import Word


def explained_elsewhere(parsed: ParsedCommand, flag: FlagSpec) -> bool:
    """Whether a required ``flag`` is written without a value, or mistyped (a KX101 offers it)."""
    wanted = f"--{flag.name}"
    for use in parsed.uses:
        if use.flag is not None and use.flag.canonical == flag.canonical:
            return True
    return any(problem[0] == "KX101" and problem[4] == wanted for problem in parsed.problems)


def taken_operand(parsed: ParsedCommand) -> FlagUse | None:
    """The flag that took the command's last word as its value when no positional is left."""
    words = parsed.words
    if not words or parsed.positionals:
        return None
    last = words[-1]
    for use in reversed(parsed.uses):
        if use.value_word is last and use.word is not last and not last.dynamic:
            return use
    return None


def fold_taken_operand(missing: Finding, use: FlagUse, found: list[Finding]) -> list[Finding]:
    """``found`` with the value findings on the taken word folded into the ``missing`` one."""
    word: Word = use.value_word  # type: ignore[assignment]  # taken_operand returns uses with one
    inside = [f for f in found if word.start <= f[2] < word.end and f[0][:4] == "KX20"]
    if not inside:
        return [*found, missing]
    message = f"{missing[1]}: {use.display} took {word.value!r} as its value"
    kept = [f for f in found if f not in inside]
    return [*kept, Finding(missing[0], message, word.start, word.end)]  # where both clients look


def fold_taken_flags(problems: list[Finding], checked: list[Finding]) -> list[Finding]:
    """The parse's ``problems`` and the ``checked`` findings, a KX110 folded into an error on its word.

    ``docker run --name -d nginx``: "--name takes '-d' as its value" (KX110) and "'-d' is not a
    valid container name" (KX204) are one mistake; the error stays and says what KX110 said.
    """
    if not problems or not checked or not any(p[0] == "KX110" for p in problems):
        return problems + checked  # the usual case: nothing to fold
    folded = list(checked)
    kept = []
    for problem in problems:
        clause = problem[1].partition("; ")[2]
        at = _error_at(folded, problem) if problem[0] == "KX110" and clause.startswith("if ") else -1
        if at < 0:
            kept.append(problem)
            continue
        code, message, start, end, _repair, severity, stage, linux = folded[at]
        # a repair of the value ('-i' -> 'i') would contradict "the flag is missing its value"
        folded[at] = Finding(code, f"{message}; {clause}", start, end, None, severity, stage, linux)
    return kept + folded


def _error_at(found: list[Finding], warning: Finding) -> int:
    """Index of an error on the same span as ``warning``, or -1."""
    for i, finding in enumerate(found):
        if finding[2:4] == warning[2:4] and (finding[5] or CODES[finding[0]][1]) == "error":
            return i
    return -1

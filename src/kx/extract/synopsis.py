"""Usage synopses: ``kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [options]``.

Docs quote a command's usage in bracket notation. Such a line is not a command to run, so it is
not checked as one; instead every flag it names must exist for that command (KX601, with a
did-you-mean, identical repeats folded into one diagnostic with a count), and the notation must
be well formed (KX602: a bracket left open at the end, a flag cut off mid-name, a stray closer).
"""

from __future__ import annotations

import re

from kx.core.findings import STAGE_LINT as LINT
from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.tools import tool_name

if TYPE_CHECKING:
    from kx.catalog.loader import SpecSet
    from kx.catalog.model import CommandSpec


# A line is a synopsis when it uses the notation: a bracketed flag or placeholder, [options],
# [flags], or a parenthesised alternative.
_MARKERS = re.compile(
    r"\[\s*--?[A-Za-z]|\[(?:options|OPTIONS|flags|FLAGS)\]|\(\s*-[^()\n]*\||"
    r"\[[A-Z][A-Z0-9_-]*(?:\.\.\.)?\]|\{\s*-[^{}\n]*\|"
)
_HEAD = re.compile(
    r"[ \t]*(?:[$%#][ \t]+|(?i:usage):[ \t]*)?((?:[\w./-]*/)?(?:docker|kubectl))((?:[ \t]+[a-z][a-z0-9-]*)*)"
)
_TOKEN = re.compile(r"--?[A-Za-z0-9][A-Za-z0-9_.-]*|[\[\](){}|]|[^\s\[\](){}|]+")
_FLAG = re.compile(r"(--?)([A-Za-z0-9][A-Za-z0-9_.-]*)")
_OPEN = {"[": "]", "(": ")", "{": "}"}
_CLOSE = {"]": "[", ")": "(", "}": "{"}
_META_FLAGS = frozenset({"h", "help"})


def is_synopsis(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (one logical line) is a usage synopsis of docker/kubectl."""
    head = _HEAD.match(text, start, end)
    return head is not None and _MARKERS.search(text, head.end(), end) is not None


def check_synopsis(text: str, start: int, end: int, specs: SpecSet) -> list[Finding]:
    """Problems of the synopsis in ``text[start:end]`` (offsets into ``text``)."""
    head = _HEAD.match(text, start, end)
    if head is None:
        return []
    tool = tool_name(head.group(1)) or head.group(1)
    words = head.group(2).split()
    matched = specs.match_path(tool, words) if words else None
    spec = matched[0] if matched else None
    at_eof = not text[end:].strip()
    found: list[Finding] = []
    stack: list[tuple[str, int]] = []
    for token in _TOKEN.finditer(text, head.end(), end):
        value = token.group()
        if value in _OPEN:
            stack.append((value, token.start()))
        elif value in _CLOSE:
            _close(stack, value, token.start(), found)
        elif spec is not None and value[0] == "-" and _FLAG.fullmatch(value):
            if at_eof and stack and token.end() == end:
                message = f"the synopsis is cut off in the middle of {value}"
                found.append(_malformed(message, token.start(), token.end()))
                return found
            _flag(spec, value, token.start(), found)
    if stack:
        opener, at = stack[-1]
        found.append(_malformed(f"the synopsis ends inside an unclosed {opener!r}", at, end))
    return found


def _close(stack: list[tuple[str, int]], value: str, at: int, found: list[Finding]) -> None:
    if stack and stack[-1][0] == _CLOSE[value]:
        stack.pop()
    elif any(opener == _CLOSE[value] for opener, _ in stack):
        while stack and stack[-1][0] != _CLOSE[value]:
            opener, where = stack.pop()
            found.append(_malformed(f"{opener!r} is never closed", where, where + 1))
        stack.pop()
    else:
        found.append(_malformed(f"{value!r} closes nothing", at, at + 1))


def _flag(spec: CommandSpec, value: str, start: int, found: list[Finding]) -> None:
    """Report a flag the command does not have, with the closest real one."""
    dashes = "--" if value.startswith("--") else "-"
    name = value[len(dashes) :]
    if _known(spec, dashes, name):
        return
    from kx.parse.suggest import closest

    best = closest(value, [f"--{f.name}" for f in spec.visible_flags()], 1) if dashes == "--" else []
    message = f"the usage synopsis names {value}, which {spec.display_name} does not have"
    found.append(Finding("KX601", message, start, start + len(value), best[0] if best else None, stage=LINT))


def _known(spec: CommandSpec, dashes: str, name: str) -> bool:
    if name in _META_FLAGS:
        return True
    if dashes == "--":
        return spec.flag(name) is not None
    return len(name) <= 3 and all(char in spec.by_short for char in name)


def _malformed(message: str, start: int, end: int) -> Finding:
    return Finding("KX602", message, start, end, stage=LINT)

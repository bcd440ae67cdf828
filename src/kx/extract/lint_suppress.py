"""Suppression comments: ``# kx: disable=KX101``, ``disable-next-line=``, ``disable-file=``.

Written in any comment style (``#``, ``//``, ``<!-- ... -->`` in Markdown). Codes may be prefixes
(``KX1``) or ``all``. A directive naming an unknown code is itself reported (KX701).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kx.core.codes import CODES
from kx.core.findings import STAGE_LINT as LINT
from kx.core.findings import Finding

_DIRECTIVE = re.compile(
    r"(?:#|//|<!--)[ \t]*kx:[ \t]*(disable|disable-next-line|disable-file)[ \t]*=[ \t]*"
    r"([A-Za-z0-9_, \t]+?)[ \t]*(?:-->|$)",
    re.M,
)
_SKIPPED_NEXT = re.compile(r"[ \t]*(?:$|```|~~~|<!--)")



class Suppressions:
    """Which codes are silenced on which lines, for one file."""

    __slots__ = ("file", "lines", "problems")

    def __init__(self) -> None:
        self.file: set[str] = set()
        self.lines: dict[int, set[str]] = {}
        self.problems: list[Finding] = []

    def silenced(self, code: str, line: int) -> bool:
        """Whether ``code`` is suppressed on 1-based ``line``."""
        if code == "KX701":
            return False
        return code in self.file or code in self.lines.get(line, ())


def parse_directives(text: str, line_of: Callable[[int], int]) -> Suppressions:
    """Find every directive in ``text``; ``line_of(offset)`` gives the 1-based line."""
    found = Suppressions()
    if "kx:" not in text:
        return found
    lines = text.split("\n") if "disable-next-line" in text else []
    for match in _DIRECTIVE.finditer(text):
        codes = _codes(match, found)
        line = line_of(match.start())
        kind = match.group(1)
        if kind == "disable-file":
            found.file |= codes
        elif kind == "disable":
            found.lines.setdefault(line, set()).update(codes)
        else:
            target = _next_line(lines, line)
            found.lines.setdefault(target, set()).update(codes)
    return found


def _codes(match: re.Match[str], found: Suppressions) -> set[str]:
    codes: set[str] = set()
    for raw in re.split(r"[,\s]+", match.group(2).strip()):
        if not raw:
            continue
        if raw.lower() == "all":
            codes |= set(CODES)
            continue
        prefix = raw.upper()
        hits = {code for code in CODES if code.startswith(prefix)}
        if not hits or not re.fullmatch(r"KX\d{0,3}", prefix):
            start = match.start(2) + match.group(2).find(raw)
            message = f"unknown diagnostic code {raw!r} in a kx directive"
            found.problems.append(Finding("KX701", message, start, start + len(raw), stage=LINT))
            continue
        codes |= hits
    return codes


def _next_line(lines: list[str], line: int) -> int:
    """The line a disable-next-line applies to: the next one with content (not a fence)."""
    index = line  # 0-based index of the following line
    while index < len(lines) and _SKIPPED_NEXT.match(lines[index]):
        index += 1
    return index + 1

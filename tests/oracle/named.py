"""Where the real client says the mistake is: the token its message names, located in the line.

docker and kubectl name the offending token in many messages (`unknown flag: --bogus`,
`invalid argument "1x" for "-m, --memory" flag`, `invalid containerPort: abc`). A kx verdict that
agrees must also point there: a KX1xx diagnostic on the named flag, a KX2xx one on the named value.
This module turns a client message into that expectation; it never looks at kx's output.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

FLAG = "flag"
SHORTHAND = "shorthand"
VALUE = "value"
PREFIX = {FLAG: "KX1", SHORTHAND: "KX1", VALUE: "KX2"}

# (kind, pattern): group 1 is the token the client names. Own patterns, written from the messages
# the installed docker 28.2.2 and kubectl 1.32.4 print (tests/differential/labels.jsonl).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (FLAG, r"^(?:Error: )?unknown flag: (--\S+)$"),
        (FLAG, r"^(?:Error: )?bad flag syntax: (\S+)$"),
        (FLAG, r"^(?:Error: )?flag needs an argument: (--\S+)$"),
        (FLAG, r"^Error: flags cannot be placed before plugin name: (\S+)$"),
        (SHORTHAND, r"^(?:Error: )?unknown shorthand flag: '(.)' in -"),
        (SHORTHAND, r"^(?:Error: )?flag needs an argument: '(.)' in -"),
        (VALUE, r'^(?:Error: )?invalid argument "(.*)" for "[^"]+" flag: '),
        (VALUE, r"^docker: invalid (?:containerPort|hostPort|proto): (.+)$"),
        (VALUE, r"^docker: invalid range format for --expose: (.*), error: "),
        (VALUE, r"^docker: invalid port format for --expose: (.+)$"),
        (VALUE, r"^docker: invalid pull option: '(.+)': "),
        (VALUE, r"^docker: (\S+) is not (?:a valid mac address|an absolute path)$"),
        (VALUE, r"^docker: bad (?:mode specified|format for path): (.+)$"),
        (VALUE, r"^docker: open (\S+): no such file or directory$"),
        (VALUE, r"^error: unknown session affinity: (.+)$"),
        (VALUE, r"^error: invalid (?:image pull|restart) policy: (.+)$"),
        (VALUE, r"^error: Invalid (?:dry-run|cascade) value \((.+)\)\."),
        (VALUE, r"^error: invalid cascade value \((.+)\)\."),
        (VALUE, r"^error: invalid override type: (.+)$"),
        (VALUE, r'^error: Invalid image name "(.+)": '),
        (VALUE, r"^error: invalid (?:env|annotations format): (.+)$"),
        (VALUE, r"^error: unexpected label spec: (.+)$"),
        (VALUE, r'^error: strconv\.Atoi: parsing "(.+)": '),
        (VALUE, r'^error: unable to match a printer suitable for the output format "(.+)", '),
        (VALUE, r"err=\"unknown profile '(.+)'\"$"),
        (VALUE, r'^error: the path "(.+)" does not exist$'),
        (VALUE, r'^error: the server doesn\'t have a resource type "(.+)"$'),
        (VALUE, r"^error: stat (\S+): no such file or directory$"),
    )
)


@dataclass(frozen=True)
class Word:
    """One shell word: its 0-based [start, end) in the line and each unquoted char's column."""

    start: int
    end: int
    text: str
    columns: tuple[int, ...]


@dataclass(frozen=True)
class Expected:
    """Where a kx diagnostic must sit (1-based columns, end exclusive), and with what code prefix."""

    kind: str
    named: str
    # Each place the named token may be: (lowest start, highest end, [first, last) it must touch).
    places: tuple[tuple[int, int, int, int], ...]

    @property
    def prefix(self) -> str:
        """The code family kx must use: KX1 for a flag, KX2 for a value."""
        return PREFIX[self.kind]

    def placed(self, diagnostics: Iterable[Any]) -> bool:
        """Some error diagnostic of the right family lies on one of the places."""
        return any(
            d.severity == "error" and d.code.startswith(self.prefix) and d.line == d.end_line == 1
            and any(_on(d.column, d.end_column, place) for place in self.places)
            for d in diagnostics
        )


def _on(column: int, end: int, place: tuple[int, int, int, int]) -> bool:
    low, high, first, last = place
    return low <= column and end <= high and column <= max(first, last - 1) and end > first


def words(line: str) -> list[Word]:
    """Split a simple shell line (quotes, backslashes) into words with their columns."""
    found: list[Word] = []
    chars: list[str] = []
    columns: list[int] = []
    start = -1
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if not quote and char.isspace():
            if start >= 0:
                found.append(Word(start, index, "".join(chars), tuple(columns)))
                chars, columns, start = [], [], -1
            index += 1
            continue
        start = index if start < 0 else start
        if quote and char == quote:
            quote = ""
        elif not quote and char in "'\"":
            quote = char
        elif char == "\\" and quote != "'" and index + 1 < len(line):
            index += 1
            chars.append(line[index])
            columns.append(index)
        else:
            chars.append(char)
            columns.append(index)
        index += 1
    if start >= 0:
        found.append(Word(start, len(line), "".join(chars), tuple(columns)))
    return found


def expected(message: str, line: str) -> Expected | None:
    """What the client's message names in `line` (no places when it is not found), or None."""
    for kind, pattern in _PATTERNS:
        match = pattern.search(message)
        if match:
            named = _go_unquote(match.group(1)) if '"(.' in pattern.pattern else match.group(1)
            return Expected(kind, named, tuple(_places(kind, named, words(line))))
    return None


def _go_unquote(text: str) -> str:
    """The string a Go `%q` printed (its escapes are JSON's for what the corpus holds)."""
    try:
        return str(json.loads(f'"{text}"'))
    except ValueError:
        return text


def _places(kind: str, named: str, split: Sequence[Word]) -> Iterable[tuple[int, int, int, int]]:
    for word in split:
        if kind == FLAG and (word.text == named or word.text.startswith(named + "=")):
            # It starts on the flag's first column; it may cover `=value` too.
            yield word.start + 1, word.end + 1, word.start + 1, word.start + 2
        elif kind == SHORTHAND and word.text.startswith("-") and not word.text.startswith("--"):
            at = word.text.find(named, 1)
            if at > 0:
                column = word.columns[at] + 1
                yield word.start + 1, column + 1, column, column + 1
        elif kind == VALUE:
            yield from _value_places(named, word)


def _value_places(named: str, word: Word) -> Iterable[tuple[int, int, int, int]]:
    """The value part of the word (after `--flag=`, or all of it) where it holds the named text."""
    text = word.text
    skip = text.index("=") + 1 if text.startswith("--") and "=" in text else 0
    value = text[skip:]
    low = word.start + 1 if skip == 0 else word.columns[skip - 1] + 2
    if named == "" and value == "":
        yield word.start + 1, word.end + 1, word.start + 1, word.end + 1
        return
    if named == value:
        yield low, word.end + 1, low, word.end + 1
        return
    at = value.find(named) if named else -1
    while at >= 0:
        first = word.columns[skip + at] + 1
        last = word.columns[skip + at + len(named) - 1] + 2
        if text.startswith("-") and not text.startswith("--"):
            low = first  # a value glued to a shorthand flag (`-pd`): it starts where it is named
        yield low, word.end + 1, first, last
        at = value.find(named, at + 1)

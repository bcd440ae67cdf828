"""Read the flag tables out of a client's ``--help`` text.

Two layouts exist. docker (cobra + pflag's wrapped usages) prints one row per flag::

      --add-host list          Add a custom host-to-IP mapping
  -a, --attach list            Attach to STDIN, STDOUT or STDERR
                               (continuation lines are indented to the description column)

with the value's type word after the name (none for bools) and ``(default X)`` at the end of
the description. kubectl prints ``--name=DEFAULT:`` rows with the description on the following
tab-indented lines, no type words, and single quotes around the default of string flags only.

Everything here is a pure function of the text; running the clients is the caller's business.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

# pflag indents a row by exactly two spaces before ``-x, --`` and six before a bare ``--``;
# continuation lines sit at the description column, which is always further right.
_COBRA_ROW = re.compile(
    r"^(?:  -(?P<short>[^\s-]), |      )--(?P<name>[A-Za-z0-9][\w.-]*)"
    r"(?: (?P<word>\S+))?(?: {2,}(?P<desc>\S.*))?\s*$"
)
_KUBECTL_ROW = re.compile(
    r"^    (?:-(?P<short>[^\s-]), )?--(?P<name>[A-Za-z0-9][\w.-]*)=(?P<default>.*):\s*$"
)
_DEFAULT_TAIL = re.compile(r"\s*\(default (?P<value>.*)\)$")
_SECTION = re.compile(r"^(?P<title>[A-Z][^:\n]*):\s*$")
_COMMAND_ROW = re.compile(r"^  (?P<name>[a-z][\w-]*)\*?\s{2,}(?P<desc>\S.*)$")
KUBECTL_OPTIONS_TITLE = "The following options can be passed to any command"


class HelpFlag:
    """One row of a help flag table.

    ``type_word`` is what the help shows about the value: docker prints pflag's word (``""`` for a
    bool, ``int`` for int64, ``strings`` for stringSlice); kubectl prints none, but quotes the
    default of ``string`` flags, so a quoted default yields ``"string"`` and anything else ``None``.
    ``default`` is ``None`` when the help shows no default (docker omits zero values).
    """

    __slots__ = ("default", "description", "name", "short", "type_word")

    def __init__(
        self, name: str, short: str | None, type_word: str | None, default: str | None,
        description: str,
    ) -> None:  # fmt: skip
        self.name = name
        self.short = short
        self.type_word = type_word
        self.default = default
        self.description = description

    def key(self) -> tuple[str, str | None, str | None, str | None, str]:
        """All fields as a tuple, for comparisons and tests."""
        return (self.name, self.short, self.type_word, self.default, self.description)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HelpFlag) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def __repr__(self) -> str:
        short = f"-{self.short}, " if self.short else ""
        return f"HelpFlag({short}--{self.name} {self.type_word!r} default={self.default!r})"


def sections(text: str) -> dict[str, list[str]]:
    """Split help text into titled sections (``Options``, ``Global Options``, ...) of raw lines.

    A title is an unindented line ending in ``:``; lines before the first title go under ``""``.
    """
    found: dict[str, list[str]] = {"": []}
    current = found[""]
    for line in text.splitlines():
        match = _SECTION.match(line)
        if match:
            current = found.setdefault(match.group("title"), [])
        else:
            current.append(line)
    return found


def is_kubectl_layout(lines: Iterable[str]) -> bool:
    """True when the rows use kubectl's ``--name=default:`` layout."""
    return any(_KUBECTL_ROW.match(line) for line in lines)


def parse_cobra_rows(lines: Iterable[str]) -> list[HelpFlag]:
    """Parse docker/cobra rows: ``-x, --name word   description (default D)``."""
    rows: list[tuple[re.Match[str], list[str]]] = []
    for line in lines:
        match = _COBRA_ROW.match(line)
        if match:
            rows.append((match, [match.group("desc") or ""]))
        elif rows and line.strip():
            rows[-1][1].append(line.strip())
    return [_cobra_flag(match, parts) for match, parts in rows]


def _cobra_flag(match: re.Match[str], parts: list[str]) -> HelpFlag:
    description = " ".join(p for p in parts if p)
    default = None
    tail = _DEFAULT_TAIL.search(description)
    if tail:
        default = _unquote_go(tail.group("value"))
        description = description[: tail.start()]
    word = match.group("word") or ""
    return HelpFlag(match.group("name"), match.group("short"), word, default, description)


def _unquote_go(value: str) -> str:
    """Undo Go's ``%q`` for the simple strings help texts hold."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def parse_kubectl_rows(lines: Iterable[str]) -> list[HelpFlag]:
    """Parse kubectl rows: ``-x, --name=default:`` then tab-indented description lines."""
    rows: list[tuple[re.Match[str], list[str]]] = []
    for line in lines:
        match = _KUBECTL_ROW.match(line)
        if match:
            rows.append((match, []))
        elif rows and line.startswith("\t"):
            rows[-1][1].append(line.strip())
    return [_kubectl_flag(match, parts) for match, parts in rows]


def _kubectl_flag(match: re.Match[str], parts: list[str]) -> HelpFlag:
    default = match.group("default")
    word = None
    if len(default) >= 2 and default[0] == default[-1] == "'":
        word, default = "string", default[1:-1]
    description = " ".join(p for p in parts if p)
    return HelpFlag(match.group("name"), match.group("short"), word, default, description)


def parse_rows(lines: list[str]) -> list[HelpFlag]:
    """Parse a flag table in whichever layout it uses."""
    if is_kubectl_layout(lines):
        return parse_kubectl_rows(lines)
    return parse_cobra_rows(lines)


def parse_flags(text: str, section: str = "Options") -> list[HelpFlag]:
    """The flags listed under ``section`` of a help text (empty when the section is absent).

    ``kubectl options`` has no ``Options:`` title; its table is found under its own heading.
    """
    found = sections(text)
    if section == "Options" and section not in found:
        section = KUBECTL_OPTIONS_TITLE
    return parse_rows(found.get(section, []))


def parse_global_flags(text: str) -> list[HelpFlag]:
    """The root flags: docker's ``Global Options:`` table, or the table of ``kubectl options``."""
    found = sections(text)
    for title in ("Global Options", KUBECTL_OPTIONS_TITLE):
        if title in found:
            return parse_rows(found[title])
    return []


def parse_commands(text: str) -> list[str]:
    """Subcommand names from every section that lists commands (``Commands``, ``Basic ...``)."""
    names: list[str] = []
    for title, lines in sections(text).items():
        if "ommand" not in title:
            continue
        for line in lines:
            match = _COMMAND_ROW.match(line)
            if match and match.group("name") not in names:
                names.append(match.group("name"))
    return names


def parse_aliases(text: str) -> list[list[str]]:
    """Command paths from docker's ``Aliases:`` section (``docker container run, docker run``)."""
    lines = sections(text).get("Aliases", [])
    joined = " ".join(line.strip() for line in lines if line.strip())
    return [item.split()[1:] for item in joined.split(",") if len(item.split()) > 1]
